/**
 * A sync test rig: the real simulator on loopback (frozen virtual clock, moved only by the test), a real
 * demo session built by src/main/session/build.ts (REST client, realtime client with the notice
 * subscription, its own SQLite file in a temp dir), a core whose `emit` validates every event against the
 * contract, a recording notifier, and a SyncEngine on that session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import type { Notifier, OsNotification } from '../../../src/main/electron-ports';
import { KisUnknownOutcomeError, type OrderRoute } from '../../../src/main/kis';
import { silentLogger, type Logger } from '../../../src/main/log';
import { buildDemoSession, closeSession } from '../../../src/main/session/build';
import type { ActiveSession } from '../../../src/main/session/service';
import type { OrderView } from '../../../src/main/store';
import { SyncEngine, type SyncEngineOptions } from '../../../src/main/sync/engine';
import type { EventName } from '../../../src/shared/ipc/contract';
import { kstDate, kstEpoch } from '../../../src/shared/market/time';
import { defaultSettings, type Settings } from '../../../src/shared/settings/schema';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle, StartSimOptions } from '../../../src/sim/handle';

/** Monday 2026-11-23 10:00 KST: a trading day, KRX and NXT continuous sessions, the 2026-09 regime. */
export const T0 = '2026-11-23T10:00:00+09:00';
export const TODAY = '20261123';

export interface Recorded {
  event: EventName;
  payload: unknown;
}

export class RecordingNotifier implements Notifier {
  readonly shown: OsNotification[] = [];
  notify(n: OsNotification): void {
    this.shown.push(n);
  }
}

export interface Rig {
  sim: SimHandle;
  session: ActiveSession;
  core: Core;
  engine: SyncEngine;
  events: Recorded[];
  toasts: RecordingNotifier;
  settings: Settings;
  dir: string;
  close(): Promise<void>;
}

export interface RigOptions {
  sim?: StartSimOptions;
  engine?: Partial<SyncEngineOptions>;
  realtime?: Record<string, unknown>;
  /** Start the engine (startup sync) before returning. Default true. */
  start?: boolean;
  logger?: Logger;
  /** The session's environment name (default 'demo'); 'real' makes sync use chk-holiday (the simulator answers it). */
  environment?: 'demo' | 'real' | 'paper';
}

export async function waitFor(what: string, pred: () => boolean, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  while (!pred()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function rig(o: RigOptions = {}): Promise<Rig> {
  const sim = await startSimulator({ clock: { start: T0, speed: 0 }, seed: 1, ...o.sim });
  const dir = mkdtempSync(join(tmpdir(), 'aegis-sync-'));
  const session = await buildDemoSession({
    dataDir: dir,
    sim,
    ...(o.logger ? { logger: o.logger } : {}),
    ...(o.environment ? { environment: o.environment } : {}),
    realtime: { subscribeIntervalMs: 5, retryDelayMs: 50, backoff: { initialMs: 50, maxMs: 400, jitter: 0.2 }, ...o.realtime },
  });
  await waitFor('the notice subscription', () => session.realtime.activeRegistrations().some((r) => r.kind === 'notice'));
  const toasts = new RecordingNotifier();
  const core = createCore({
    dataDir: dir,
    clock: sim.clock,
    keychain: { get: async () => null, set: async () => {}, delete: async () => false },
    notifier: toasts,
    logger: o.logger ?? silentLogger,
    modules: [],
  });
  const events: Recorded[] = [];
  core.on((event, payload) => events.push({ event, payload }));
  const settings = defaultSettings();
  const engine = new SyncEngine({
    session,
    ctx: core.context,
    settings: () => settings,
    pollMs: 20,
    reconcileDelayMs: 20,
    publishIntervalMs: 0,
    candleFlushMs: 50,
    ...o.engine,
  });
  if (o.start !== false) {
    engine.start();
    await engine.whenIdle();
  }
  return {
    sim,
    session,
    core,
    engine,
    events,
    toasts,
    settings,
    dir,
    async close() {
      await engine.stop();
      await closeSession(session);
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A marketable limit price on one venue: the best ask for a buy, the best bid for a sell. */
export function marketable(sim: SimHandle, symbol: string, side: 'buy' | 'sell', venue: 'KRX' | 'NXT' = 'KRX'): number {
  const book = sim.exchange.book(symbol, venue);
  const level = side === 'buy' ? book?.asks[0] : book?.bids[0];
  if (!level) throw new Error(`no ${side === 'buy' ? 'ask' : 'bid'} for ${symbol} on ${venue}`);
  return level.price;
}

export interface PlaceOrder {
  symbol: string;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  route?: OrderRoute;
  ordDvsn?: string;
}

/**
 * The terminal's own order the way the order service sends it (design.md invariant 5): intent committed,
 * marked sent, order-cash over REST, then accepted with KIS's number — or UNKNOWN when the answer is lost.
 */
export async function placeViaJournal(session: ActiveSession, p: PlaceOrder): Promise<{ clientOrderId: string; outcome: 'accepted' | 'unknown'; orderNo: string | null }> {
  const route = p.route ?? 'KRX';
  const ordDvsn = p.ordDvsn ?? '00';
  const intent = session.store.writer.recordOrderIntent({ symbol: p.symbol, side: p.side, route, ordDvsn, qty: p.qty, price: p.price, dedupeWindowMs: 0 });
  if (!intent.ok) throw new Error(`intent refused: ${intent.message}`);
  const id = intent.clientOrderId;
  expect(session.store.writer.markOrderSent(id).ok).toBe(true);
  try {
    const ack = await session.rest.orderCash({ side: p.side, symbol: p.symbol, ordDvsn, qty: p.qty, price: p.price, route });
    const time = kstEpoch(kstDate(session.marketClock.now()), ack.time);
    const r = session.store.writer.markOrderAccepted(id, { orderNo: ack.orderNo, orgNo: ack.orgNo, time });
    if (!r.ok) throw new Error(`accept not recorded: ${r.message}`);
    return { clientOrderId: id, outcome: 'accepted', orderNo: ack.orderNo };
  } catch (err) {
    if (!(err instanceof KisUnknownOutcomeError)) throw err;
    expect(session.store.writer.markOrderUnknown(id, 'no answer to order-cash / 주문 응답 없음').ok).toBe(true);
    return { clientOrderId: id, outcome: 'unknown', orderNo: null };
  }
}

const ledgerState = (o: OrderView): string => {
  switch (o.state) {
    case 'accepted':
    case 'partially_filled':
      return 'open';
    default:
      return o.state;
  }
};

/**
 * The mirror against the simulator's ledger, EXACTLY: holdings (qty, cost) per symbol, cash (D+0, D+1, D+2),
 * today's orders (number, symbol, side, quantities, state, filled amount), fills (count, qty and amount per
 * order and venue), and today's realized P&L and fees.
 */
export function expectMirrorEqualsLedger(r: Pick<Rig, 'sim' | 'session'>): void {
  const ledger = r.sim.ledger();
  const reads = r.session.store.reads;

  const mirrorHoldings = Object.fromEntries(reads.portfolioView().positions.map((p) => [p.symbol, { qty: p.qty, cost: p.cost }]));
  const ledgerHoldings = Object.fromEntries(ledger.positions.filter((p) => p.qty > 0).map((p) => [p.symbol, { qty: p.qty, cost: p.cost }]));
  expect(mirrorHoldings).toEqual(ledgerHoldings);

  const snap = reads.accountSummary().snapshot;
  expect(snap, 'no account snapshot').not.toBeNull();
  expect({ cashD0: snap!.cashD0, cashD1: snap!.cashD1, cashD2: snap!.cashD2 }).toEqual({ cashD0: ledger.cash, cashD1: ledger.cashD1, cashD2: ledger.cashD2 });

  const today = kstDate(r.sim.clock.now());
  const mirrorOrders = reads
    .ordersToday(today)
    .filter((o) => o.orderNo !== null)
    .map((o) => ({ orderNo: o.orderNo, symbol: o.symbol, side: o.side, qty: o.qty, filledQty: o.filledQty, filledAmount: o.filledAmount, remainingQty: o.remainingQty, state: ledgerState(o) }))
    .sort((a, b) => (a.orderNo! < b.orderNo! ? -1 : 1));
  const ledgerOrders = ledger.orders
    .filter((o) => o.date === today)
    .map((o) => ({ orderNo: o.orderNo, symbol: o.symbol, side: o.side, qty: o.qty, filledQty: o.filledQty, filledAmount: o.filledAmount, remainingQty: o.remainingQty, state: o.state }))
    .sort((a, b) => (a.orderNo < b.orderNo ? -1 : 1));
  expect(mirrorOrders).toEqual(ledgerOrders);

  const group = (rows: Array<{ orderNo: string; venue: string; qty: number; amount: number }>) => {
    const m: Record<string, { count: number; qty: number; amount: number }> = {};
    for (const f of rows) {
      const k = `${f.orderNo}|${f.venue}`;
      const g = (m[k] ??= { count: 0, qty: 0, amount: 0 });
      g.count++;
      g.qty += f.qty;
      g.amount += f.amount;
    }
    return m;
  };
  const mirrorFills = group(reads.fillsToday(today));
  const ledgerFills = group(ledger.fills.filter((f) => kstDate(f.time) === today).map((f) => ({ orderNo: f.orderNo, venue: f.venue, qty: f.qty, amount: f.qty * f.price })));
  expect(mirrorFills).toEqual(ledgerFills);

  // Today's realized P&L and fees as the exchange books them: a buy's fee is not a realized loss.
  const realized = reads.accountSummary(today).realizedToday;
  expect({ realized: realized.net, feesAndTaxes: realized.feesAndTaxes }).toEqual({ realized: ledger.realizedPnlToday, feesAndTaxes: ledger.todayFeesAndTaxes });
}
