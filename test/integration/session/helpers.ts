/**
 * A real core with the session module (and whatever else a test adds) over a temp data folder, the real OS
 * keychain, and a log sink the tests can search for secrets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appModule } from '../../../src/main/app-module';
import { createCore, type Core } from '../../../src/main/core';
import { silentNotifier } from '../../../src/main/electron-ports';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import { createLogger, type LogRecord } from '../../../src/main/log';
import type { ModuleFactory } from '../../../src/main/module';
import { keytarKeychain, type Keychain } from '../../../src/main/secrets/keychain';
import type { SessionOptions } from '../../../src/main/session/controller';
import { createSessionModule } from '../../../src/main/session/module';
import { SESSION, type SessionService } from '../../../src/main/session/service';
import type { Clock } from '../../../src/shared/clock';
import type { EventName } from '../../../src/shared/ipc/contract';
import type { Result } from '../../../src/shared/ipc/result';

export const sender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };
export const MONDAY_10AM = '2026-11-23T10:00:00+09:00';
/** The demo simulator frozen at a trading-day morning: the market only moves when a test says so. */
export const FROZEN_DEMO = { clock: { start: MONDAY_10AM, speed: 0 } } as const;

let sharedKeychain: Keychain | null = null;
export async function keychain(): Promise<Keychain> {
  sharedKeychain ??= await keytarKeychain();
  return sharedKeychain;
}

export function tempDir(cleanups: Array<() => unknown>): string {
  const d = mkdtempSync(join(tmpdir(), 'aegis-session-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

export interface TestCore {
  core: Core;
  session: SessionService;
  events: Array<{ event: EventName; payload: unknown }>;
  logs: LogRecord[];
  logText(): string;
  call<T = unknown>(channel: string, payload?: unknown): Promise<Result<T>>;
  eventsOf<T = unknown>(event: EventName): T[];
  waitFor(what: string, pred: () => boolean, ms?: number): Promise<void>;
}

export interface CoreOptions {
  dataDir: string;
  session?: SessionOptions;
  /** Modules after the session + app modules (e.g. the market module). */
  extra?: ModuleFactory[];
  clock?: Clock;
  keychain?: Keychain;
}

export async function startCore(o: CoreOptions): Promise<TestCore> {
  const logs: LogRecord[] = [];
  const core = createCore({
    dataDir: o.dataDir,
    clock: o.clock ?? { now: () => Date.parse(MONDAY_10AM) },
    keychain: o.keychain ?? (await keychain()),
    notifier: silentNotifier,
    logger: createLogger((r) => logs.push(r), 'test', 'debug'),
    modules: [createSessionModule({ demoSim: FROZEN_DEMO, ...o.session }), appModule, ...(o.extra ?? [])],
  });
  const events: TestCore['events'] = [];
  core.on((event, payload) => events.push({ event, payload }));
  await core.start();
  const waitFor = async (what: string, pred: () => boolean, ms = 8000) => {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    core,
    session: core.context.services.require(SESSION),
    events,
    logs,
    logText: () => logs.map((r) => JSON.stringify(r)).join('\n'),
    call: (channel, payload = {}) => core.handle(channel, payload, sender) as never,
    eventsOf: <T>(event: EventName) => events.filter((e) => e.event === event).map((e) => e.payload as T),
    waitFor,
  };
}

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.value;
}
