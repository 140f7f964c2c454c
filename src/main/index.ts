/**
 * Electron entry: adapts Electron's objects to the core's ports and wires the security baseline
 * (design.md). Everything with logic lives behind createCore (src/main/core.ts) or in the pure builders
 * of src/main/electron/, which are tested without the Electron binary.
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, Notification, Tray, app, globalShortcut, ipcMain, nativeImage, protocol, session } from 'electron';
import { systemClock } from '../shared/clock';
import type { Settings } from '../shared/settings/schema';
import { createCore, type Core } from './core';
import { hardenSession, hardenWebContents } from './electron/harden';
import { bridgeIpc } from './electron/ipc-bridge';
import { createGlobalShortcuts, type GlobalShortcuts } from './electron/global-shortcuts';
import { fileSink } from './electron/log-file';
import { mainActions, type MainActions } from './electron/main-actions';
import { appMenuTemplate } from './electron/menu';
import { electronNotifier } from './electron/notifications';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { createAppTray } from './electron/tray';
import { windowOptions } from './electron/window';
import { APP_ORIGIN } from './ipc/sender';
import { createLogger, type Logger } from './log';
import { keytarKeychain } from './secrets/keychain';

// Must happen before 'ready'.
registerAppScheme(protocol);
app.enableSandbox();

const devRendererUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const devTools = !app.isPackaged;
const appRoot = app.getAppPath();

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let core: Core | null = null;
let shortcuts: GlobalShortcuts | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins()));
  app.whenReady().then(start, (err: unknown) => {
    process.stderr.write(`Aegis failed to start: ${String(err)}\n`);
    app.exit(1);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    shortcuts?.dispose();
    shortcuts = null;
    if (!core) return;
    event.preventDefault();
    const stopping = core;
    core = null;
    void stopping.stop().finally(() => app.quit());
  });
  app.on('activate', () => showWindow());
}

function allowedOrigins(): readonly string[] {
  return core?.allowedOrigins ?? [APP_ORIGIN];
}

async function start(): Promise<void> {
  const logger = createLogger(fileSink(app.getPath('logs'), devTools), 'main');
  core = createCore({
    dataDir: app.getPath('userData'),
    // The first start's environment; afterwards the session module reopens the one the trader last chose.
    environment: 'demo',
    clock: systemClock,
    keychain: await keytarKeychain(),
    notifier: electronNotifier(Notification, showWindow),
    logger,
    appVersion: app.getVersion(),
    ...(devRendererUrl ? { extraRendererOrigin: new URL(devRendererUrl).origin } : {}),
  });
  hardenSession(session.defaultSession, core.allowedOrigins);
  serveRenderer(protocol, join(import.meta.dirname, '../renderer'));
  bridgeIpc(ipcMain, core, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ isMac: process.platform === 'darwin', devTools, onQuit: () => app.quit() })));
  await core.start();
  createWindow();
  const actions = mainActions(core, showWindow);
  createTrayIcon(actions);
  watchGlobalShortcuts(core, actions, logger);
  logger.info('started', { version: app.getVersion() });
}

function createWindow(): void {
  const options = windowOptions({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    iconPath: join(appRoot, 'resources', 'icon.png'),
    devTools,
  });
  // The isolation flags are restated at the construction site so reviewers and Electronegativity see them here.
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  // Closing the window hides it: fills and the tray's cancel-all keep working until Quit.
  win.on('close', (event) => {
    if (!quitting && tray) {
      event.preventDefault();
      win.hide();
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devRendererUrl ?? `${APP_ORIGIN}/index.html`);
}

function showWindow(): void {
  if (!app.isReady()) return;
  if (!mainWindow) createWindow();
  mainWindow?.show();
  mainWindow?.focus();
}

function createTrayIcon(actions: MainActions): void {
  tray = createAppTray(
    {
      createTray: (icon) => new Tray(icon),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      icon: nativeImage.createFromPath(join(appRoot, 'resources', 'tray.png')),
    },
    {
      onShow: showWindow,
      onQuit: () => app.quit(),
      cancelAllAvailable: actions.available,
      onCancelAll: () => void actions.cancelAll(),
      onKillSwitch: () => void actions.engageKillSwitch(),
    },
  );
}

/** Registers the opt-in global shortcuts from the saved settings, and again whenever the settings change. */
function watchGlobalShortcuts(current: Core, actions: MainActions, logger: Logger): void {
  const registry = createGlobalShortcuts(
    globalShortcut,
    {
      engageKillSwitch: () => void actions.engageKillSwitch(),
      cancelAll: () => void actions.cancelAll(),
      cancelAllArmed: () =>
        current.context.notifier.notify({ title: '전체 주문 취소', body: '한 번 더 누르면 모든 미체결을 취소합니다 / press again to cancel all', tag: 'cancel-all' }),
      focusSearch: () => {
        showWindow();
        current.emit('app:focusSearch', {});
      },
    },
    () => systemClock.now(),
    logger.child('shortcuts'),
  );
  shortcuts = registry;
  current.on((event, payload) => {
    if (event === 'settings:changed') registry.apply(payload as Settings);
  });
  void current.handle('settings:get', {}, { url: `${APP_ORIGIN}/index.html`, isTopFrame: true }).then((r) => {
    if (r.ok) registry.apply(r.value as Settings);
  });
}
