/** The application menu. Kept small: no navigation entries, DevTools only in development builds. */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  isMac: boolean;
  devTools: boolean;
  onQuit(): void;
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '새로 고침 Reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    {
      label: '파일 File',
      submenu: [{ label: '종료 Quit', accelerator: 'CmdOrCtrl+Q', click: () => options.onQuit() }],
    },
    {
      label: '편집 Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: '보기 View', submenu: view },
    { role: 'windowMenu' },
  ];
  if (options.isMac) template.unshift({ role: 'appMenu' });
  return template;
}
