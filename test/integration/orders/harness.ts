/**
 * A real core with the orders module, over a real demo session: the simulator on loopback (frozen virtual clock,
 * set to whatever KST time a test needs), the real KIS client, a real SQLite mirror in a temp folder.
 *
 * The one stand-in is the session service (src/main/session/service.ts is an interface): a tiny module that
 * provides SESSION for the session built here, so a test can flip `armed`, change settings, or restart a core on
 * the same data folder without the session module's own lifecycle in the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/main/core';
import { silentNotifier } from '../../../src/main/electron-ports';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import { createLogger, type LogRecord } from '../../../src/main/log';
import { defineModule } from '../../../src/main/module';
import { ordersModule } from '../../../src/main/orders/module';
import { ORDERS, type OrderService } from '../../../src/main/orders/service';
import type { Keychain } from '../../../src/main/secrets/keychain';
import { buildDemoSession, closeSession } from '../../../src/main/session/build';
import { SESSION, type ActiveSession, type SessionService } from '../../../src/main/session/service';
import type { EventName } from '../../../src/shared/ipc/contract';
import type { OrderTicket } from '../../../src/shared/ipc/domains/orders';
import type { Result } from '../../../src/shared/ipc/result';
import type { Environment } from '../../../src/shared/ipc/schemas';
import { defaultSettings, type Settings } from '../../../src/shared/settings/schema';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle, SimKnobs, StartSimOptions } from '../../../src/sim/handle';

export const sender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };
/** A Monday in the 2026-09 regime. */
export const MONDAY = '2026-11-23';
export const at = (hms: string, day = MONDAY): string => `${day}T${hms}+09:00`;

const untouchableKeychain: Keychain = {
  get: () => Promise.reject(new Error('the orders tests never use the keychain')),
  set: () => Promise.reject(new Error('the orders tests never use the keychain')),
  delete: () => Promise.reject(new Error('the orders tests never use the keychain')),
};

/** The client limiter and the simulator's rate limit opened wide: for tests that send many requests. */
export const FAST_REST = { rate: { perSecond: 1_000_000, minSpacingMs: 0, windowMarginMs: 0, reserveForUrgent: 0 } };

export interface RigOptions {
  /** KST ISO start of the frozen simulator clock (ignored when `sim` is given). */
  start?: string;
  sim?: SimHandle;
  simOptions?: Partial<StartSimOptions>;
  knobs?: Partial<SimKnobs>;
  dataDir?: string;
  environment?: Environment;
  armed?: boolean;
  /** Changes over the defaults; the blacklist defaults to 한국전력 (015760) here. */
  settings?: (s: Settings) => void;
  fast?: boolean;
}

export interface Rig {
  sim: SimHandle;
  session: ActiveSession;
  core: Core;
  orders: OrderService;
  dataDir: string;
  logs: LogRecord[];
  events: Array<{ event: EventName; payload: unknown }>;
  state: { armed: boolean; settings: Settings };
  call<T = unknown>(channel: string, payload?: unknown): Promise<Result<T>>;
  journal(): Array<{ clientOrderId: string; step: string; message: { ko: string; en: string } }>;
  /** Stops the core and closes the session (and the simulator if the rig started it). */
  close(opts?: { keepSim?: boolean }): Promise<void>;
}

let keyCounter = 0;
/** A fresh idempotency key per call (the renderer makes one per ticket submission). */
export const key = (prefix = 'ticket'): string => `${prefix}-${process.pid}-${++keyCounter}`;

export function ticket(over: Partial<OrderTicket> = {}): OrderTicket {
  return { symbol: '005930', side: 'buy', route: 'KRX', type: 'limit', qty: 1, price: 71_900, idempotencyKey: key(), ...over };
}

export function tempDir(cleanups: Array<() => unknown>): string {
  const d = mkdtempSync(join(tmpdir(), 'aegis-orders-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

export async function startRig(o: RigOptions = {}): Promise<Rig> {
  const ownSim = o.sim === undefined;
  const sim =
    o.sim ??
    (await startSimulator({
      clock: { start: o.start ?? at('10:00:00'), speed: 0 },
      ...o.simOptions,
      knobs: { ...(o.fast ? { rateReal: 1e9, ratePaper: 1e9 } : {}), ...o.knobs },
    }));
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'aegis-orders-'));
  const session = await buildDemoSession({
    dataDir,
    sim,
    connect: false,
    ...(o.environment ? { environment: o.environment } : {}),
    // The token issuance limit (1/min) is waited out on the market clock: with a frozen simulator, move it.
    rest: { ...(o.fast ? FAST_REST : {}), sleep: async (ms: number) => sim.clock.advance(ms) },
  });
  const settings = defaultSettings();
  settings.risk.blacklist = ['015760'];
  o.settings?.(settings);
  const state = { armed: o.armed ?? true, settings };
  const listeners = new Set<(s: ActiveSession | null) => void>();
  const service: SessionService = {
    current: () => session,
    ready: async () => session,
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    status: () => ({
      environment: session.environment,
      armed: state.armed,
      credentials: { paper: { present: false, accountMasked: null }, real: { present: false, accountMasked: null } },
      problem: null,
    }),
    armed: () => state.armed,
    settings: () => state.settings,
    onSettings: () => () => {},
    noteSync: () => {},
    refreshStreams: () => {},
    onRefreshStreams: () => () => {},
  };
  const testSession = defineModule((ctx) => {
    ctx.services.provide(SESSION, service);
    return { name: 'session' };
  });
  const logs: LogRecord[] = [];
  const core = createCore({
    dataDir,
    environment: session.environment,
    clock: { now: () => sim.clock.now() },
    keychain: untouchableKeychain,
    notifier: silentNotifier,
    logger: createLogger((r) => logs.push(r), 'test', 'debug'),
    modules: [testSession, ordersModule],
  });
  const events: Rig['events'] = [];
  core.on((event, payload) => events.push({ event, payload }));
  await core.start();
  const orders = core.context.services.require(ORDERS);
  return {
    sim,
    session,
    core,
    orders,
    dataDir,
    logs,
    events,
    state,
    call: <T>(channel: string, payload: unknown = {}) => core.handle(channel, payload, sender) as Promise<Result<T>>,
    journal: () => events.filter((e) => e.event === 'orders:journal').map((e) => e.payload as ReturnType<Rig['journal']>[number]),
    async close(c = {}) {
      await core.stop();
      await closeSession(session);
      if (ownSim && !c.keepSim) await sim.close();
      if (o.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function until(what: string, pred: () => boolean, ms = 8000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The simulator's account truth (the demo account). */
export const ledgerOrders = (sim: SimHandle) => sim.ledger().orders;
