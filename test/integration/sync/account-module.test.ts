/**
 * The account module inside a real core: the session module brings up the demo environment (the simulator,
 * frozen at a trading-day morning), sync reconciles the mirror, and every account channel answers from the
 * mirror through the IPC guards — values equal to the simulator's ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountModule } from '../../../src/main/account/module';
import { appModule } from '../../../src/main/app-module';
import { createCore, type Core } from '../../../src/main/core';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import { silentLogger } from '../../../src/main/log';
import { keytarKeychain } from '../../../src/main/secrets/keychain';
import { createSessionModule } from '../../../src/main/session/module';
import { SESSION, type ActiveSession } from '../../../src/main/session/service';
import { SYNC } from '../../../src/main/sync/service';
import type { EventName } from '../../../src/shared/ipc/contract';
import type { AccountSummary, FillView, NotificationView, OrderView, Position } from '../../../src/shared/ipc/domains/account';
import type { ConnState } from '../../../src/shared/ipc/domains/app';
import type { Result } from '../../../src/shared/ipc/result';
import { marketable, RecordingNotifier, T0, waitFor } from './helpers';

const sender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };

interface Running {
  core: Core;
  session: ActiveSession;
  events: Array<{ event: EventName; payload: unknown }>;
  toasts: RecordingNotifier;
  call<T>(channel: string, payload?: unknown): Promise<T>;
  raw(channel: string, payload?: unknown): Promise<Result<unknown>>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-account-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const toasts = new RecordingNotifier();
  const core = createCore({
    dataDir: dir,
    clock: { now: () => Date.parse(T0) },
    keychain: await keytarKeychain(),
    notifier: toasts,
    logger: silentLogger,
    modules: [
      createSessionModule({ demoSim: { clock: { start: T0, speed: 0 } }, realtime: { subscribeIntervalMs: 5, backoff: { initialMs: 50, maxMs: 400 } } }),
      appModule,
      createAccountModule({ pollMs: 20, reconcileDelayMs: 20, publishIntervalMs: 0 }),
    ],
  });
  const events: Running['events'] = [];
  core.on((event, payload) => events.push({ event, payload }));
  await core.start();
  cleanups.push(() => core.stop());
  const session = await core.context.services.require(SESSION).ready();
  const raw = (channel: string, payload: unknown = {}) => core.handle(channel, payload, sender);
  const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const r = await raw(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.code} ${r.message}`);
    return r.value as T;
  };
  return { core, session, events, toasts, call, raw };
}

describe('account module', () => {
  it('answers every account channel from the reconciled mirror, equal to the ledger', async () => {
    const a = await start();
    const sim = a.session.sim!;
    await waitFor('the startup sync', () => a.events.some((e) => e.event === 'sync:changed' && (e.payload as { lastResult: string | null }).lastResult === 'ok'));
    const ledger = sim.ledger();

    const positions = await a.call<Position[]>('portfolio:list');
    expect(positions.map((p) => [p.symbol, p.qty, p.cost])).toEqual(ledger.positions.filter((p) => p.qty > 0).map((p) => [p.symbol, p.qty, p.cost]));
    const samsung = positions.find((p) => p.symbol === '005930')!;
    const krxLast = sim.exchange.quote('005930', 'KRX')!.last;
    expect(samsung).toMatchObject({ name: '삼성전자', lastPrice: krxLast, value: samsung.qty * krxLast, pnl: samsung.qty * krxLast - samsung.cost });

    const summary = await a.call<AccountSummary>('account:summary');
    const valued = ledger.positions.reduce((s, p) => s + p.qty * (sim.exchange.quote(p.symbol, 'KRX')?.last ?? 0), 0);
    expect(summary).toMatchObject({ cashD0: ledger.cash, cashD2: ledger.cashD2, cost: ledger.positions.reduce((s, p) => s + p.cost, 0), totalAssets: ledger.cashD2 + valued });
    expect(summary.asOf).toBe(sim.clock.now());

    // A trade in the HTS shows up in every list.
    const hts = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 3, price: marketable(sim, '005930', 'buy'), route: 'KRX', channel: 'hts' });
    if (!hts.ok) throw new Error(hts.msg1);
    await waitFor('the fill', () => a.events.some((e) => e.event === 'fills:new' && (e.payload as FillView).orderNo === hts.orderNo));
    const today = await a.call<OrderView[]>('orders:today');
    expect(today.find((o) => o.orderNo === hts.orderNo)).toMatchObject({ source: 'external', state: 'filled', filledQty: 3, name: '삼성전자', reason: null });
    const fills = await a.call<FillView[]>('fills:today');
    expect(fills.filter((f) => f.orderNo === hts.orderNo).reduce((s, f) => s + f.qty, 0)).toBe(3);
    const marks = await a.call<FillView[]>('fills:forSymbol', { symbol: '005930', from: '20261123', to: '20261123' });
    expect(marks.map((f) => f.fillId)).toEqual(fills.filter((f) => f.symbol === '005930').map((f) => f.fillId));
    expect(await a.call<FillView[]>('fills:forSymbol', { symbol: '005930', from: '20261124', to: '20261130' })).toEqual([]);
    const notes = await a.call<NotificationView[]>('notifications:list', { limit: 10 });
    expect(notes[0]).toMatchObject({ kind: 'fill', orderNo: hts.orderNo, title: { ko: '체결 · 삼성전자 매수' } });
    expect(a.toasts.shown.some((t) => t.title === '체결 · 삼성전자 매수')).toBe(true);
    expect(await a.call<OrderView[]>('orders:open')).toEqual([]);

    // A resting order is open until it fills or is cancelled.
    const resting = sim.exchange.placeOrder({ account: sim.account, symbol: '000660', side: 'buy', ordDvsn: '00', qty: 1, price: marketable(sim, '000660', 'buy') - 5000, route: 'KRX', channel: 'hts' });
    if (!resting.ok) throw new Error(resting.msg1);
    await waitFor('the open order', () => a.events.some((e) => e.event === 'orders:changed' && (e.payload as OrderView[]).some((o) => o.orderNo === resting.orderNo)));
    expect((await a.call<OrderView[]>('orders:open')).map((o) => o.orderNo)).toEqual([resting.orderNo]);

    // sync:now reconciles now and reports it; the session's conn:state carries the time.
    sim.clock.advance(5_000);
    const status = await a.call<{ running: boolean; lastSyncAt: number | null; lastResult: string | null }>('sync:now');
    expect(status).toMatchObject({ running: false, lastResult: 'ok', lastSyncAt: sim.clock.now() });
    expect(await a.call('sync:status')).toEqual(status);
    await waitFor('conn:state lastSyncAt', () => a.events.some((e) => e.event === 'conn:state' && (e.payload as ConnState).lastSyncAt === sim.clock.now()));

    const equity = await a.call<Array<{ date: string; totalAssets: number }>>('equity:history', { days: 30 });
    expect(equity).toHaveLength(1);
    expect(equity[0]!.date).toBe('20261123');

    // Other modules reach sync through SYNC: journal changes are pushed, reconciliation is asked for.
    const sync = a.core.context.services.require(SYNC);
    const before = a.events.filter((e) => e.event === 'orders:changed').length;
    sync.journalChanged();
    await waitFor('orders:changed', () => a.events.filter((e) => e.event === 'orders:changed').length > before);
    const logs = a.session.store.reads.syncLog(100, 'dailyOrders').length;
    sync.reconcileSoon('test');
    await waitFor('the requested reconciliation', () => a.session.store.reads.syncLog(100, 'dailyOrders').length > logs);
    expect(sync.status()).toMatchObject({ lastResult: 'ok' });

    // Bad input is a value, never a throw.
    const bad = await a.raw('fills:forSymbol', { symbol: '005930', from: '20261130', to: '20261101' });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('stops with the core: the engine is gone and the channels say so instead of throwing', async () => {
    const a = await start();
    await waitFor('the startup sync', () => a.events.some((e) => e.event === 'sync:changed' && (e.payload as { lastResult: string | null }).lastResult === 'ok'));
    await a.core.stop();
    const r = await a.raw('account:summary');
    expect(r).toMatchObject({ ok: false });
  });
});
