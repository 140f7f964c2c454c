/**
 * window.aegis: built from the contract's keys by one builder (shared by the preload and the E2E harness).
 * The preload file itself is loaded against a stand-in for the two Electron objects it may touch, to prove
 * it exposes only `aegis` and hands listeners only the payload.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildAegisApi, type AegisTransport } from '../../../src/shared/ipc/api';
import { contract, eventNames, invokeChannels } from '../../../src/shared/ipc/contract';

function fakeTransport() {
  const calls: [string, unknown][] = [];
  const subs = new Map<string, Set<(p: unknown) => void>>();
  const transport: AegisTransport = {
    invoke: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: `answer:${channel}` };
    },
    subscribe(event, listener) {
      const set = subs.get(event) ?? new Set();
      subs.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
  };
  const push = (event: string, payload: unknown) => subs.get(event)?.forEach((l) => l(payload));
  return { transport, calls, push, subs };
}

describe('buildAegisApi', () => {
  it('exposes exactly one invoke function per contract channel, plus `on`', () => {
    const api = buildAegisApi(fakeTransport().transport);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.keys(api.invoke).sort()).toEqual(Object.keys(contract.invoke).sort());
    expect(invokeChannels.every((c) => typeof api.invoke[c] === 'function')).toBe(true);
  });

  it('is frozen: the page cannot add or replace channels', () => {
    const api = buildAegisApi(fakeTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.invoke)).toBe(true);
  });

  it('sends the call over the transport and returns main\'s answer; no input means {}', async () => {
    const { transport, calls } = fakeTransport();
    const api = buildAegisApi(transport);
    expect(await api.invoke['app:info']({})).toEqual({ ok: true, value: 'answer:app:info' });
    await (api.invoke['app:health'] as unknown as () => Promise<unknown>)();
    expect(calls).toEqual([
      ['app:info', {}],
      ['app:health', {}],
    ]);
  });

  it('a broken transport still answers with a value (UNAVAILABLE), never a rejection', async () => {
    const api = buildAegisApi({ invoke: () => Promise.reject(new Error('No handler registered')), subscribe: () => () => {} });
    expect(await api.invoke['app:info']({})).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
  });

  it('on() passes only the payload and returns a working unsubscribe', () => {
    const { transport, push } = fakeTransport();
    const api = buildAegisApi(transport);
    const got: unknown[] = [];
    const off = api.on('conn:state', (p) => got.push(p));
    push('conn:state', { a: 1 });
    off();
    push('conn:state', { a: 2 });
    expect(got).toEqual([{ a: 1 }]);
  });

  it('on() ignores events that are not in the contract', () => {
    const { transport, subs } = fakeTransport();
    const api = buildAegisApi(transport);
    const off = api.on('not:an-event' as never, () => {});
    expect(subs.size).toBe(0);
    expect(typeof off).toBe('function');
    expect(eventNames.length).toBeGreaterThan(0);
  });
});

describe('src/preload/index.ts', () => {
  it('exposes only window.aegis (built from the contract) and nothing from Electron', async () => {
    const exposed = new Map<string, unknown>();
    const handlers = new Map<string, (event: unknown, payload: unknown) => void>();
    const ipcRenderer = {
      invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
      on: vi.fn((event: string, h: (e: unknown, p: unknown) => void) => handlers.set(event, h)),
      removeListener: vi.fn((event: string) => handlers.delete(event)),
    };
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer }));
    await import('../../../src/preload/index');
    expect([...exposed.keys()]).toEqual(['aegis']);
    const api = exposed.get('aegis') as ReturnType<typeof buildAegisApi>;
    expect(Object.keys(api.invoke).sort()).toEqual([...invokeChannels].sort());
    expect(await api.invoke['app:info']({})).toEqual({ ok: true, value: 'app:info' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app:info', {});

    const got: unknown[] = [];
    const off = api.on('conn:state', (...args: unknown[]) => got.push(args));
    // Electron calls listeners with (IpcRendererEvent, payload); the page must see the payload only.
    handlers.get('conn:state')?.({ sender: ipcRenderer, senderFrame: {} }, { connection: 'connected' });
    expect(got).toEqual([[{ connection: 'connected' }]]);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    vi.doUnmock('electron');
  });
});
