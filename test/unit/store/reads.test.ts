import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store';
import { closeDb, openReadableDb } from '../../../src/main/store/open';
import { kstMidnight } from '../../../src/main/store/time';
import { manualClock, ok, openTemp, placeAccepted, T0, TODAY } from './helpers';

const DAY = 86_400_000;
const snapshot = (time: number, totalAssets: number) => ({
  time,
  cashD0: 500_000,
  cashD1: 500_000,
  cashD2: 480_000,
  orderableCash: 470_000,
  totalAssets,
  securitiesValue: totalAssets - 480_000,
  costTotal: 500_000,
  unrealizedPnl: totalAssets - 980_000,
});

describe('read services', () => {
  it('portfolio view: valued at the given prices, unpriced at cost, sellable = held − open sells', () => {
    const s = openTemp();
    ok(s.writer.replaceHoldingsFromBalance({ asOf: T0, holdings: [
      { symbol: '005930', symbolName: '삼성전자', qty: 10, sellableQty: 10, cost: 700_000 },
      { symbol: '000660', qty: 2, sellableQty: 2, cost: 400_000 },
    ] }));
    placeAccepted(s, { symbol: '005930', side: 'sell', qty: 4, price: 75000, orderNo: '0000000001' });
    ok(s.writer.recordOrderIntent({ symbol: '005930', side: 'sell', qty: 1, price: 76000, route: 'NXT', ordDvsn: '00' })); // in flight counts too
    const view = s.reads.portfolioView(new Map([['005930', 72000]]));
    expect(view.positions[1]).toMatchObject({ symbol: '005930', qty: 10, openSellQty: 5, sellableQty: 5, value: 720_000, unrealizedPnl: 20_000, lastPrice: 72000 });
    expect(view.positions[1]!.pnlRate).toBeCloseTo(2.857, 3);
    expect(view.positions[0]).toMatchObject({ symbol: '000660', value: null, unrealizedPnl: null, sellableQty: 2 });
    expect(view.totals).toEqual({ cost: 1_100_000, value: 720_000 + 400_000, unrealizedPnl: 20_000, unpriced: ['000660'] });
    expect(s.reads.position('005930', 71000)).toMatchObject({ value: 710_000, sellableQty: 5 });
    expect(s.reads.position('999999')).toBeNull();
  });

  it('portfolio view re-reads holdings after every commit and only revalues them in between', () => {
    const s = openTemp();
    const fill = (orderNo: string, qty: number) =>
      ok(s.writer.applyFill({ orderNo, symbol: '005930', side: 'buy', venue: 'KRX', qty, price: 70000, time: T0, order: { qty, price: 70000, ordDvsn: '00', route: 'KRX' } }));
    fill('0000000001', 1);
    expect(s.reads.portfolioView({ '005930': 71000 }).positions[0]).toMatchObject({ qty: 1, value: 71000 });
    expect(s.reads.portfolioView({ '005930': 72000 }).positions[0]).toMatchObject({ qty: 1, value: 72000 });
    fill('0000000002', 2);
    const view = s.reads.portfolioView({ '005930': 72000 });
    expect(view.positions[0]).toMatchObject({ qty: 3, value: 216000 });
    ok(s.writer.recordOrderIntent({ symbol: '005930', side: 'sell', route: 'KRX', ordDvsn: '00', qty: 2, price: 73000 }));
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ sellableQty: 1, openSellQty: 2 });
    // Views share the cached venue lots, so they are frozen.
    expect(Object.isFrozen(view.positions[0]!.venues)).toBe(true);
    expect(() => {
      (view.positions[0]!.venues[0] as { qty: number }).qty = 99;
    }).toThrow();
  });

  it('account summary: latest snapshot and today’s realized P&L; equity history one point per day', () => {
    const s = openTemp();
    expect(s.reads.accountSummary()).toEqual({ tradeDate: TODAY, snapshot: null, realizedToday: { gross: 0, feesAndTaxes: 0, net: 0 } });
    for (let d = 0; d < 5; d++) {
      for (let m = 0; m < 3; m++) ok(s.writer.saveAccountSnapshot(snapshot(T0 - (4 - d) * DAY + m * 60_000, 1_000_000 + d * 1000 + m)));
    }
    expect(s.reads.accountSummary().snapshot).toMatchObject({ totalAssets: 1_004_002, tradeDate: TODAY, orderableCash: 470_000 });
    expect(s.reads.equityHistory(3).map((p) => [p.tradeDate, p.totalAssets])).toEqual([
      ['20260314', 1_002_002],
      ['20260315', 1_003_002],
      ['20260316', 1_004_002],
    ]);
    expect(s.reads.equityHistory(100)).toHaveLength(5);
    expect(s.reads.equityIntraday().map((p) => p.totalAssets)).toEqual([1_004_000, 1_004_001, 1_004_002]);
    expect(s.writer.saveAccountSnapshot({ ...snapshot(T0, 1), securitiesValue: 1.5 })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('orders and fills: today, by symbol and time (chart markers), by order', () => {
    const s = openTemp();
    const id = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'NXT', qty: 4, price: 70000, time: T0 + 1_000 }));
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'KRX', qty: 6, price: 69900, time: T0 + 120_000 }));
    expect(s.reads.fillsForSymbol('005930', T0, T0 + 60_000).map((f) => [f.venue, f.qty, f.clientOrderId])).toEqual([['NXT', 4, id]]);
    expect(s.reads.fillsForSymbol('005930', T0, T0 + DAY)).toHaveLength(2);
    expect(s.reads.fillsForSymbol('000660', T0, T0 + DAY)).toEqual([]);
    expect(s.reads.fillsForOrder(id).map((f) => f.price)).toEqual([70000, 69900]);
    expect(s.reads.ordersToday('20260317')).toEqual([]);
    expect(s.reads.orderByOrderNo('0000000001', '20260317')).toBeNull();
  });

  it('candles upsert by (symbol, venue, minute) and read by range; dailies report their gaps', () => {
    const s = openTemp();
    const m0 = T0 - (T0 % 60_000);
    const bar = (minute: number, close: number, volume: number) => ({ symbol: '005930', venue: 'KRX' as const, minute, open: 70000, high: Math.max(70000, close), low: Math.min(70000, close), close, volume });
    ok(s.writer.upsertCandles([bar(m0, 70100, 10), bar(m0 + 60_000, 70200, 5)]));
    ok(s.writer.upsertCandles([bar(m0 + 60_000, 70300, 9)])); // the running bar flushed again
    expect(s.reads.candles('005930', 'KRX', m0, m0 + 120_000).map((c) => [c.minute - m0, c.close, c.volume])).toEqual([
      [0, 70100, 10],
      [60_000, 70300, 9],
    ]);
    expect(s.reads.candles('005930', 'NXT', m0, m0 + 120_000)).toEqual([]);
    expect(s.writer.upsertCandles([bar(m0 + 1, 1, 1)])).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(s.writer.upsertCandles([{ ...bar(m0, 70100, 1), high: 60000 }])).toMatchObject({ ok: false, code: 'BAD_INPUT' });

    const daily = (date: string, close: number) => ({ symbol: '005930', venue: 'KRX' as const, date, open: close, high: close, low: close, close, volume: 1 });
    ok(s.writer.upsertDailyPrices([daily('20260311', 1), daily('20260313', 3), daily('20260316', 6)]));
    ok(s.writer.upsertDailyPrices([daily('20260313', 33)]));
    expect(s.reads.dailyPrices('005930', '20260312', '20260316').map((d) => [d.date, d.close])).toEqual([
      ['20260313', 33],
      ['20260316', 6],
    ]);
    expect(s.reads.dailyPriceGaps('005930', ['20260311', '20260312', '20260313', '20260316'])).toEqual(['20260312']);
    expect(s.reads.dailyPriceGaps('005930', ['20260313'], 'NXT')).toEqual(['20260313']);
    expect(kstMidnight(TODAY)).toBe(Date.UTC(2026, 2, 15, 15, 0, 0));
  });

  it('settings are JSON: set, overwrite, read one or all, delete; non-JSON values refused', () => {
    const s = openTemp();
    ok(s.writer.setSetting('risk.maxOrderValue', 50_000_000));
    ok(s.writer.setSetting('risk.blacklist', ['015760']));
    ok(s.writer.setSetting('risk.maxOrderValue', 30_000_000));
    expect(s.reads.setting('risk.maxOrderValue')).toBe(30_000_000);
    expect(s.reads.settings()).toEqual({ 'risk.blacklist': ['015760'], 'risk.maxOrderValue': 30_000_000 });
    expect(s.reads.setting('nope')).toBeUndefined();
    for (const bad of [undefined, Number.NaN, 10n, { f: () => 1 }]) {
      expect(s.writer.setSetting('x', bad as never)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    }
    expect(s.writer.setSetting('bad key!', 1)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(ok(s.writer.deleteSetting('risk.blacklist')).deleted).toBe(true);
    expect(Object.keys(s.reads.settings())).toEqual(['risk.maxOrderValue']);
  });

  it('watchlists keep their order and their symbols’ order', () => {
    const s = openTemp();
    const [first] = s.reads.watchlists();
    expect(first).toMatchObject({ name: '관심종목', symbols: [] });
    const second = ok(s.writer.createWatchlist('반도체')).id;
    expect(s.writer.createWatchlist('반도체')).toMatchObject({ ok: false, code: 'DUPLICATE' });
    ok(s.writer.addToWatchlist(second, '005930'));
    ok(s.writer.addToWatchlist(second, '000660'));
    ok(s.writer.addToWatchlist(second, '042700', 0));
    expect(ok(s.writer.addToWatchlist(second, '005930', 0)).symbols).toEqual(['005930', '042700', '000660']); // re-adding moves
    ok(s.writer.removeFromWatchlist(second, '042700'));
    ok(s.writer.reorderWatchlists([second, first!.id]));
    ok(s.writer.renameWatchlist(second, 'HBM'));
    expect(s.reads.watchlists().map((w) => [w.name, w.position, w.symbols])).toEqual([
      ['HBM', 0, ['005930', '000660']],
      ['관심종목', 1, []],
    ]);
    expect(s.writer.reorderWatchlists([second])).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(s.writer.setWatchlistSymbols(second, ['005930', '005930'])).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    ok(s.writer.setWatchlistSymbols(second, ['035420']));
    expect(s.writer.addToWatchlist(999, '005930')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    ok(s.writer.deleteWatchlist(second));
    expect(s.reads.watchlists().map((w) => [w.name, w.position])).toEqual([['관심종목', 0]]);
  });

  it('sync status shows the last attempt and last success per kind; the log is pruned by age', () => {
    const s = openTemp({ writer: { syncLogRetentionMs: DAY } });
    ok(s.writer.appendSyncLog({ kind: 'balance', startedAt: T0 - 2 * DAY, finishedAt: T0 - 2 * DAY + 100, ok: true }));
    ok(s.writer.appendSyncLog({ kind: 'balance', startedAt: T0, finishedAt: T0 + 200, ok: true, summary: { holdings: 3 } }));
    ok(s.writer.appendSyncLog({ kind: 'balance', startedAt: T0 + 60_000, finishedAt: T0 + 60_300, ok: false, code: 'EGW00201', message: '초당 거래건수를 초과하였습니다.' }));
    ok(s.writer.appendSyncLog({ kind: 'dailyOrders', startedAt: T0, finishedAt: T0 + 50, ok: true }));
    expect(s.reads.syncStatus()).toEqual([
      { kind: 'balance', lastAttemptAt: T0 + 60_300, lastOk: false, lastSuccessAt: T0 + 200, lastCode: 'EGW00201', lastMessage: '초당 거래건수를 초과하였습니다.' },
      { kind: 'dailyOrders', lastAttemptAt: T0 + 50, lastOk: true, lastSuccessAt: T0 + 50, lastCode: null, lastMessage: null },
    ]);
    const log = s.reads.syncLog(10, 'balance');
    expect(log.map((l) => l.finishedAt)).toEqual([T0 + 60_300, T0 + 200]); // the 2-day-old row was pruned
    expect(log[1]!.summary).toEqual({ holdings: 3 });
    expect(s.writer.appendSyncLog({ kind: 'x', startedAt: 5, finishedAt: 4, ok: true })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('notifications: newest first, unread count, mark read, bounded history', () => {
    const s = openTemp({ writer: { notificationsKept: 5 } });
    for (let i = 1; i <= 7; i++) ok(s.writer.appendNotification({ kind: 'fill', title: `체결 ${i}`, body: '삼성전자 매수 1주 @ 70,000 (KRX)', symbol: '005930', ref: `c-${i}` }));
    expect(s.reads.notifications(3).map((n) => n.title)).toEqual(['체결 7', '체결 6', '체결 5']);
    expect(s.reads.notifications(100)).toHaveLength(5);
    expect(s.reads.unreadNotifications()).toBe(5);
    const newest = s.reads.notifications(1)[0]!;
    ok(s.writer.markNotificationsRead(newest.id - 1));
    expect(s.reads.unreadNotifications()).toBe(1);
    ok(s.writer.markNotificationsRead());
    expect(s.reads.unreadNotifications()).toBe(0);
    expect(newest).toMatchObject({ kind: 'fill', symbol: '005930', ref: 'c-7', time: T0, read: false });
    expect(s.writer.appendNotification({ kind: 'gossip' as never, title: 't', body: 'b' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('the kill switch survives a restart', () => {
    const clock = manualClock();
    const s = openTemp({ clock });
    expect(s.reads.killSwitch().engaged).toBe(false);
    expect(ok(s.writer.setKillSwitch({ engaged: true, reason: '손실 한도 도달', by: 'risk' }))).toMatchObject({ engaged: true, changed: true });
    expect(ok(s.writer.setKillSwitch({ engaged: true, reason: 'again', by: 'tray' })).changed).toBe(false);
    s.close();
    const again = openStore(s.file, { clock });
    try {
      expect(again.reads.killSwitch()).toEqual({ engaged: true, reason: 'again', changedBy: 'tray', changedAt: T0 });
    } finally {
      again.close();
    }
  });

  it('checkpoint moves the WAL into the database file on request (the scheduler calls it when idle)', () => {
    const s = openTemp();
    for (let i = 0; i < 50; i++) ok(s.writer.appendNotification({ kind: 'system', title: `t${i}`, body: 'x'.repeat(500) }));
    const walBefore = statSync(`${s.file}-wal`).size;
    expect(walBefore).toBeGreaterThan(0);
    const passive = ok(s.writer.checkpoint());
    expect(passive.walPages).toBeGreaterThan(0);
    expect(passive.checkpointedPages).toBe(passive.walPages);
    ok(s.writer.checkpoint('truncate'));
    expect(statSync(`${s.file}-wal`).size).toBe(0);
    expect(s.reads.notifications(100)).toHaveLength(50);
  });

  it('the read connection is read-only: SQLite itself refuses a write through it', () => {
    const s = openTemp();
    const ro = openReadableDb(s.file);
    try {
      expect(() => ro.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 1)").run()).toThrow(/readonly/i);
    } finally {
      closeDb(ro);
    }
    expect(s.reads.integrityCheck()).toEqual(['ok']);
  });
});
