/**
 * Electron entry: adapts Electron's objects to the core's ports and wires the security baseline
 * (design.md). Everything with logic lives behind createCore (src/main/core.ts) or in the pure builders
 * of src/main/electron/, which are tested without the Electron binary.
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, Notification, Tray, app, ipcMain, nativeImage, protocol, session } from 'electron';
import { systemClock } from '../shared/clock';
import { isInvokeChannel } from '../shared/ipc/contract';
import { createCore, type Core } from './core';
import { hardenSession, hardenWebContents } from './electron/harden';
import { bridgeIpc } from './electron/ipc-bridge';
import { fileSink } from './electron/log-file';
import { appMenuTemplate } from './electron/menu';
import { electronNotifier } from './electron/notifications';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { createAppTray } from './electron/tray';
import { windowOptions } from './electron/window';
import { APP_ORIGIN } from './ipc/sender';
import { createLogger } from './log';
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
    // Settings (a later issue) will choose paper/real once credentials are in the keychain.
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
  createTrayIcon(core);
  logger.info('started', { version: app.getVersion(), environment: core.context.environment });
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

function createTrayIcon(current: Core): void {
  const cancelAllChannel = 'orders:cancelAll';
  tray = createAppTray(
    {
      createTray: (icon) => new Tray(icon),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      icon: nativeImage.createFromPath(join(appRoot, 'resources', 'tray.png')),
    },
    {
      onShow: showWindow,
      onQuit: () => app.quit(),
      cancelAllAvailable: (current.handledChannels as readonly string[]).includes(cancelAllChannel),
      onCancelAll: () => {
        if (!isInvokeChannel(cancelAllChannel)) return;
        // Main calls its own core as the app page would; the orders module's guards and journal still apply.
        void current.handle(cancelAllChannel, {}, { url: `${APP_ORIGIN}/index.html`, isTopFrame: true }).then((r) => {
          current.context.notifier.notify({
            title: r.ok ? '전체 주문 취소 요청됨' : '전체 주문 취소 실패',
            body: r.ok ? 'Cancel-all sent. Check 미체결 for the outcome.' : r.message,
            tag: 'cancel-all',
            onClick: showWindow,
          });
        });
      },
    },
  );
}
