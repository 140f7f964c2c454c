/**
 * The Electron IPC bridge with stand-ins for ipcMain/webContents (the binary cannot run here) and a REAL
 * core: sender info comes from the event's frame, so a sub-frame or another window is refused by the guard.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { createCore } from '../../../src/main/core';
import { silentNotifier } from '../../../src/main/electron-ports';
import { bridgeIpc, senderInfoOf } from '../../../src/main/electron/ipc-bridge';
import { silentLogger } from '../../../src/main/log';
import { invokeChannels } from '../../../src/shared/ipc/contract';

const dir = mkdtempSync(join(tmpdir(), 'aegis-bridge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    ipcMain: { handle: (c: string, h: Handler) => handlers.set(c, h), removeHandler: (c: string) => handlers.delete(c) } as unknown as IpcMain,
  };
}
const topFrame = { url: 'app://aegis/index.html', parent: null };
const subFrame = { url: 'app://aegis/index.html', parent: topFrame };

describe('IPC bridge', () => {
  const sent: [string, unknown][] = [];
  const contents = { isDestroyed: () => false, send: (e: string, p: unknown) => sent.push([e, p]) } as unknown as WebContents;
  const other = {} as WebContents;
  const core = createCore({ dataDir: dir, clock: { now: () => 0 }, keychain: { get: async () => null, set: async () => {}, delete: async () => false }, notifier: silentNotifier, logger: silentLogger });
  const { ipcMain, handlers } = fakeIpcMain();
  const off = bridgeIpc(ipcMain, core, () => contents);
  const call = (channel: string, frame: unknown, sender: WebContents = contents, payload: unknown = {}) =>
    handlers.get(channel)!({ senderFrame: frame, sender } as unknown as IpcMainInvokeEvent, payload);

  it('registers a handler for every contract channel', () => {
    expect([...handlers.keys()].sort()).toEqual([...invokeChannels].sort());
  });

  it('answers calls from the app window\'s top frame', async () => {
    expect(await call('app:info', topFrame)).toMatchObject({ ok: true, value: { environment: 'demo' } });
  });

  it('refuses a sub-frame, a vanished frame and another window', async () => {
    expect(await call('app:info', subFrame)).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(await call('app:info', null)).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(await call('app:info', topFrame, other)).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(senderInfoOf({ senderFrame: topFrame, sender: other } as unknown as IpcMainInvokeEvent, () => contents)).toEqual({ url: null, isTopFrame: false });
  });

  it('forwards core events to the window, and unregisters on teardown', () => {
    core.emit('conn:state', { environment: 'demo', connection: 'connecting', lastSyncAt: null, rateHeadroom: null });
    expect(sent).toEqual([['conn:state', { environment: 'demo', connection: 'connecting', lastSyncAt: null, rateHeadroom: null }]]);
    off();
    expect(handlers.size).toBe(0);
  });
});
