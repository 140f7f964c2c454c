/** The core seam with its real app module: lifecycle, events validated against the contract, app channels. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type CoreDeps } from '../../../src/main/core';
import { silentNotifier } from '../../../src/main/electron-ports';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import { createLogger, type LogRecord } from '../../../src/main/log';
import { defineModule } from '../../../src/main/module';
import type { Keychain } from '../../../src/main/secrets/keychain';
import { ok } from '../../../src/shared/ipc/result';

const appSender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };
// The app module never touches the keychain; this one fails loudly if anything does.
const untouchableKeychain: Keychain = {
  get: () => Promise.reject(new Error('keychain must not be used here')),
  set: () => Promise.reject(new Error('keychain must not be used here')),
  delete: () => Promise.reject(new Error('keychain must not be used here')),
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function deps(overrides: Partial<CoreDeps> = {}): CoreDeps & { records: LogRecord[] } {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-core-'));
  dirs.push(dir);
  const records: LogRecord[] = [];
  return {
    dataDir: join(dir, 'data'),
    clock: { now: () => 1_700_000_000_000 },
    keychain: untouchableKeychain,
    notifier: silentNotifier,
    logger: createLogger((r) => records.push(r), 'test'),
    appVersion: '9.9.9',
    records,
    ...overrides,
  };
}

describe('createCore', () => {
  it('answers app:info with version, environment and data folder', async () => {
    const d = deps({ environment: 'paper' });
    const core = createCore(d);
    await core.start();
    expect(await core.handle('app:info', {}, appSender)).toEqual({ ok: true, value: { version: '9.9.9', environment: 'paper', dataDir: d.dataDir } });
    await core.stop();
  });

  it('defaults to the demo environment', async () => {
    const core = createCore(deps());
    expect(core.context.environment).toBe('demo');
    expect(await core.handle('app:info', {}, appSender)).toMatchObject({ ok: true, value: { environment: 'demo' } });
  });

  it('start creates the data folder; app:health reports it writable and every module started', async () => {
    const core = createCore(deps());
    await core.start();
    const health = await core.handle('app:health', {}, appSender);
    expect(health).toMatchObject({ ok: true, value: { ok: true } });
    if (health.ok) {
      const names = (health.value as { checks: { name: string }[] }).checks.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['dataDir', 'module:app']));
    }
    await core.stop();
  });

  it('publishes the first conn:state on start and answers app:connection with the latest one', async () => {
    const core = createCore(deps({ environment: 'real' }));
    const seen: unknown[] = [];
    core.on((event, payload) => seen.push([event, payload]));
    await core.start();
    expect(seen).toEqual([['conn:state', { environment: 'real', connection: 'disconnected', lastSyncAt: null, rateHeadroom: null }]]);
    core.emit('conn:state', { environment: 'real', connection: 'connected', lastSyncAt: 5, rateHeadroom: 1 });
    expect(await core.handle('app:connection', {}, appSender)).toEqual({
      ok: true,
      value: { environment: 'real', connection: 'connected', lastSyncAt: 5, rateHeadroom: 1 },
    });
    await core.stop();
  });

  it('refuses to emit an event payload that breaks the contract (and logs it)', () => {
    const d = deps();
    const core = createCore(d);
    const seen: unknown[] = [];
    core.on((e) => seen.push(e));
    expect(core.emit('conn:state', { environment: 'demo', connection: 'sideways' } as never)).toBe(false);
    expect(core.emit('no:event' as never, {} as never)).toBe(false);
    expect(seen).toEqual([]);
    expect(d.records.filter((r) => r.level === 'error')).toHaveLength(2);
  });

  it('unsubscribes listeners, and a throwing listener does not stop the others', () => {
    const core = createCore(deps());
    const seen: string[] = [];
    core.on(() => {
      throw new Error('bad listener');
    });
    const off = core.on((e) => seen.push(e));
    core.emit('conn:state', { environment: 'demo', connection: 'connecting', lastSyncAt: null, rateHeadroom: null });
    off();
    core.emit('conn:state', { environment: 'demo', connection: 'connected', lastSyncAt: null, rateHeadroom: null });
    expect(seen).toEqual(['conn:state']);
  });

  it('starts modules in order, stops them in reverse, and keeps going when one fails to start', async () => {
    const order: string[] = [];
    const mod = (name: string, failStart = false) =>
      defineModule(() => ({
        name,
        start: () => {
          order.push(`start ${name}`);
          if (failStart) throw new Error(`${name} broke`);
        },
        stop: () => void order.push(`stop ${name}`),
      }));
    const core = createCore(deps({ modules: [mod('a'), mod('b', true), mod('c')] }));
    await core.start();
    await core.start(); // idempotent
    await core.stop();
    await core.stop();
    expect(order).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop a']);
    const checks = await core.context.health();
    expect(checks).toContainEqual({ name: 'module:b', ok: false, detail: 'b broke' });
  });

  it('refuses two modules handling one channel, a handler for a channel not in the contract, and duplicate names', () => {
    const handlerOf = (name: string, channel: string) => defineModule(() => ({ name, handlers: { [channel]: () => ok({}) } }));
    expect(() => createCore(deps({ modules: [handlerOf('x', 'app:info'), handlerOf('y', 'app:info')] }))).toThrow(/handled by both/);
    expect(() => createCore(deps({ modules: [handlerOf('x', 'app:made-up')] }))).toThrow(/not in the contract/);
    expect(() => createCore(deps({ modules: [handlerOf('x', 'app:info'), handlerOf('x', 'app:health')] }))).toThrow(/two modules/);
  });

  it('combines allowed-now checks from several modules: any refusal wins', async () => {
    const m1 = defineModule(() => ({ name: 'one', handlers: { 'app:connection': () => ok({ environment: 'demo', connection: 'connected', lastSyncAt: null, rateHeadroom: null }) } }));
    const m2 = defineModule(() => ({ name: 'killswitch', allowed: { 'app:connection': () => ({ ok: false, code: 'NOT_ALLOWED', message: '차단됨' }) } }));
    const core = createCore(deps({ modules: [m1, m2] }));
    expect(await core.handle('app:connection', {}, appSender)).toEqual({ ok: false, code: 'NOT_ALLOWED', message: '차단됨' });
  });

  it('refuses a non-loopback extra renderer origin at construction', () => {
    expect(() => createCore(deps({ extraRendererOrigin: 'https://evil.example' }))).toThrow(/extraRendererOrigin/);
    const core = createCore(deps({ extraRendererOrigin: 'http://127.0.0.1:9999' }));
    expect(core.allowedOrigins).toEqual([APP_ORIGIN, 'http://127.0.0.1:9999']);
  });
});
