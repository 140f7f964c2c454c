/**
 * Connects Electron's IPC to the core: every contract channel gets an ipcMain handler that passes the call,
 * with the sending frame's URL and top-frame flag, to core.handle (which runs the three guards); every core
 * event is sent to the app window.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { invokeChannels } from '../../shared/ipc/contract';
import type { Core } from '../core';
import type { SenderInfo } from '../ipc/sender';

/** Only the frame of our own window counts; a frame Electron no longer knows (null) is refused by the guard. */
export function senderInfoOf(event: IpcMainInvokeEvent, appContents: () => WebContents | null): SenderInfo {
  const frame = event.senderFrame;
  if (!frame || event.sender !== appContents()) return { url: null, isTopFrame: false };
  return { url: frame.url, isTopFrame: frame.parent === null };
}

export function bridgeIpc(ipcMain: IpcMain, core: Core, appContents: () => WebContents | null): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => core.handle(channel, payload, senderInfoOf(event, appContents)));
  }
  const off = core.on((event, payload) => {
    const contents = appContents();
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
  });
  return () => {
    off();
    for (const channel of invokeChannels) ipcMain.removeHandler(channel);
  };
}
