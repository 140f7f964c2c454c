/**
 * The tray icon and its menu: Show, 전체 주문 취소 (Cancel all orders) and 킬 스위치 (engage the kill switch) —
 * the panic buttons, reachable even when the window is hidden — and Quit. The template builder takes callbacks so it is tested without Electron.
 */
import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron';

export interface TrayActions {
  onShow(): void;
  onCancelAll(): void;
  onKillSwitch(): void;
  onQuit(): void;
  /** False until an orders module handles cancel-all and the kill switch: the items are shown but disabled. */
  cancelAllAvailable: boolean;
}

export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'show', label: '창 열기 Show', click: () => actions.onShow() },
    { type: 'separator' },
    {
      id: 'cancel-all',
      label: '전체 주문 취소 Cancel all orders',
      enabled: actions.cancelAllAvailable,
      click: () => actions.onCancelAll(),
    },
    {
      id: 'kill-switch',
      label: '킬 스위치 작동 Engage kill switch',
      enabled: actions.cancelAllAvailable,
      click: () => actions.onKillSwitch(),
    },
    { type: 'separator' },
    { id: 'quit', label: '종료 Quit', click: () => actions.onQuit() },
  ];
}

export interface TrayDeps {
  createTray(icon: NativeImage): Tray;
  buildMenu(template: MenuItemConstructorOptions[]): Electron.Menu;
  icon: NativeImage;
}

export function createAppTray(deps: TrayDeps, actions: TrayActions): Tray {
  const tray = deps.createTray(deps.icon);
  tray.setToolTip('Aegis Terminal');
  tray.setContextMenu(deps.buildMenu(trayMenuTemplate(actions)));
  tray.on('click', () => actions.onShow());
  return tray;
}
