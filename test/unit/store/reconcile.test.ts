import { describe, expect, it } from 'vitest';
import type { OrderNoticeInput, RestOrderRow } from '../../../src/main/store';
import { ok, openTemp, placeAccepted, T0, TODAY } from './helpers';

const row = (orderNo: string, extra: Partial<RestOrderRow> = {}): RestOrderRow => ({
  tradeDate: TODAY,
  orderNo,
  kind: 'new',
  symbol: '005930',
  side: 'buy',
  route: 'KRX',
  ordDvsn: '00',
  qty: 10,
  price: 70000,
  filledQty: 0,
  filledAmount: 0,
  remainingQty: 10,
  orderTime: T0,
  ...extra,
});

const buy = { symbol: '005930', side: 'buy' as const, route: 'KRX' as const, ordDvsn: '00', qty: 10, price: 70000, dedupeWindowMs: 0 };

function unknownIntent(s: ReturnType<typeof openTemp>, extra: Partial<typeof buy> = {}): string {
  const id = ok(s.writer.recordOrderIntent({ ...buy, ...extra })).clientOrderId;
  ok(s.writer.markOrderSent(id));
  ok(s.writer.markOrderUnknown(id, 'HTTP 500 after send'));
  return id;
}

describe('reconcileDailyOrders', () => {
  it('brings in an order placed in the HTS/MTS as external, with its fills', () => {
    const s = openTemp();
    const diff = ok(
      s.writer.reconcileDailyOrders({
        tradeDate: TODAY,
        asOf: T0 + 60_000,
        rows: [row('0000000900', { symbol: '000660', symbolName: 'SK하이닉스', side: 'sell', qty: 3, price: 200000, filledQty: 0, remainingQty: 3 })],
      }),
    );
    expect(diff.newExternal).toEqual([expect.objectContaining({ orderNo: '0000000900', source: 'external', state: 'accepted', symbol: '000660' })]);
    expect(diff.changed).toBe(true);
    expect(s.reads.openOrders().map((o) => [o.orderNo, o.source, o.symbolName])).toEqual([['0000000900', 'external', 'SK하이닉스']]);
    // The same list again: nothing new.
    const again = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 120_000, rows: [row('0000000900', { symbol: '000660', side: 'sell', qty: 3, price: 200000, remainingQty: 3 })] }));
    expect(again).toMatchObject({ changed: false, newExternal: [] });
  });

  it('finds an UNKNOWN intent in KIS’s list (same symbol, side, qty, price, venue, time window) — exactly one order', () => {
    const s = openTemp();
    const id = unknownIntent(s);
    s.clock.advance(30_000);
    const diff = ok(
      s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: s.clock.now(), rows: [row('0000000123', { orgNo: '06010', orderTime: T0 + 1_000, filledQty: 4, filledAmount: 280_000, remainingQty: 6 })] }),
    );
    expect(diff.resolvedUnknown).toEqual([{ clientOrderId: id, outcome: 'found', orderNo: '0000000123' }]);
    expect(diff.newExternal).toEqual([]);
    expect(diff.fillsAdded).toEqual([{ orderNo: '0000000123', symbol: '005930', side: 'buy', qty: 4, amount: 280_000 }]);
    expect(s.reads.orderByClientId(id)).toMatchObject({ state: 'partially_filled', orderNo: '0000000123', orgNo: '06010', filledQty: 4, source: 'terminal' });
    expect(s.reads.ordersToday()).toHaveLength(1);
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ qty: 4, cost: 280_000 });
  });

  it('does not match outside the window or on a different price, and proves absence only after the grace period', () => {
    const s = openTemp();
    const id = unknownIntent(s);
    // KIS has a similar order but 10 minutes later and at another price: not ours.
    const rows = [row('0000000124', { orderTime: T0 + 600_000 }), row('0000000125', { price: 70100, orderTime: T0 + 1_000 })];
    const early = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 5_000, rows }));
    expect(early.resolvedUnknown).toEqual([]); // within the grace period KIS may not show it yet
    expect(early.newExternal.map((o) => o.orderNo)).toEqual(['0000000125', '0000000124']);
    expect(s.reads.orderByClientId(id)?.state).toBe('unknown');
    const later = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows }));
    expect(later.resolvedUnknown).toEqual([{ clientOrderId: id, outcome: 'absent', orderNo: null }]);
    expect(s.reads.orderByClientId(id)).toMatchObject({ state: 'failed' });
    expect(s.reads.unknownOrders()).toEqual([]);
  });

  it('the open-orders list never proves absence', () => {
    const s = openTemp();
    const id = unknownIntent(s);
    ok(s.writer.upsertOpenOrdersFromRest({ tradeDate: TODAY, asOf: T0 + 600_000, rows: [] }));
    expect(s.reads.orderByClientId(id)?.state).toBe('unknown');
  });

  it('pairs two identical UNKNOWN intents with two KIS orders first-come first-served', () => {
    const s = openTemp();
    const a = unknownIntent(s);
    s.clock.advance(2_000);
    const b = unknownIntent(s);
    const diff = ok(
      s.writer.reconcileDailyOrders({
        tradeDate: TODAY,
        asOf: T0 + 60_000,
        rows: [row('0000000201', { orderTime: T0 + 2_500 }), row('0000000200', { orderTime: T0 + 300 })],
      }),
    );
    expect(diff.resolvedUnknown.map((r) => [r.clientOrderId, r.orderNo])).toEqual([
      [a, '0000000200'],
      [b, '0000000201'],
    ]);
  });

  it('KIS quantities overwrite the mirror: cancelled remainder, rejected qty, state changes reported', () => {
    const s = openTemp();
    const id = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'KRX', qty: 4, price: 70000, time: T0 + 1000 }));
    const diff = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [row('0000000001', { filledQty: 4, filledAmount: 280_000, remainingQty: 0 })] }));
    expect(diff.stateChanges).toEqual([{ clientOrderId: id, orderNo: '0000000001', from: 'partially_filled', to: 'cancelled' }]);
    expect(s.reads.orderByClientId(id)).toMatchObject({ state: 'cancelled', filledQty: 4, cancelledQty: 6, remainingQty: 0 });
    const refused = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 5, price: 70000, orderNo: '0000000002' });
    ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 90_000, rows: [row('0000000002', { qty: 5, remainingQty: 0, rejectedQty: 5 })] }));
    expect(s.reads.orderByClientId(refused)).toMatchObject({ state: 'rejected', rejectedQty: 5 });
  });

  it('reports, and does not guess at, orders the mirror has open that KIS’s open list lacks', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 69000, orderNo: '0000000002' });
    const diff = ok(s.writer.upsertOpenOrdersFromRest({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [row('0000000002', { price: 69000 })] }));
    expect(diff.noLongerOpen).toEqual(['0000000001']);
    expect(s.reads.openOrders().map((o) => o.orderNo)).toEqual(['0000000001', '0000000002']);
  });

  it('skips a KIS row that contradicts the mirror’s order of that number and says so', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    const diff = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [row('0000000001', { side: 'sell', filledQty: 10, filledAmount: 700_000, remainingQty: 0 })] }));
    expect(diff.conflicts).toHaveLength(1);
    expect(s.reads.fillsToday()).toEqual([]);
  });

  it('rejects malformed rows as a whole (BAD_INPUT) without writing anything', () => {
    const s = openTemp();
    for (const bad of [row('0000000001', { filledQty: 8, remainingQty: 5 }), row('x1'), row('0000000001', { tradeDate: '20260315' }), row('0000000001', { qty: 0 })]) {
      expect(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0, rows: [row('0000000099'), bad] })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    }
    expect(s.reads.ordersToday()).toEqual([]);
  });
});

describe('modify / cancel', () => {
  const notice = (n: Partial<OrderNoticeInput> & { type: OrderNoticeInput['type'] }): OrderNoticeInput =>
    ({ symbol: '005930', side: 'buy', route: 'KRX', ordDvsn: '00', time: T0 + 5000, qty: 0, price: 0, ...n }) as OrderNoticeInput;

  it('a cancel confirmation moves the shares out of the original once, however often it is seen', () => {
    const s = openTemp();
    const original = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'KRX', qty: 3, price: 70000, time: T0 + 1000 }));
    const cancel = ok(s.writer.recordOrderIntent({ ...buy, kind: 'cancel', originalOrderNo: '0000000001', qty: 7, price: 0 })).clientOrderId;
    ok(s.writer.markOrderSent(cancel));
    ok(s.writer.markOrderAccepted(cancel, { orderNo: '0000000002', orgNo: '06010', time: T0 + 4000 }));
    // Until KIS confirms, the original is still open and the cancel request is not an order that can fill.
    expect(s.reads.openOrders().map((o) => o.orderNo)).toEqual(['0000000001']);
    const confirm = notice({ type: 'confirmed', kind: 'cancel', orderNo: '0000000002', originalOrderNo: '0000000001', qty: 7 });
    const r = ok(s.writer.applyOrderNotice(confirm));
    expect(r.original).toMatchObject({ state: 'cancelled', filledQty: 3, remainingQty: 0 });
    expect(r.order).toMatchObject({ state: 'cancelled', kind: 'cancel' });
    expect(ok(s.writer.applyOrderNotice(confirm)).changed).toBe(false);
    expect(s.reads.orderByClientId(original)).toMatchObject({ state: 'cancelled', cancelledQty: 7, filledQty: 3 });
    expect(s.reads.openOrders()).toEqual([]);
  });

  it('a modify confirmation hands the remainder to the new order number', () => {
    const s = openTemp();
    const original = placeAccepted(s, { symbol: '005930', side: 'sell', qty: 10, price: 72000, orderNo: '0000000001' });
    ok(s.writer.applyOrderNotice(notice({ type: 'accepted', kind: 'modify', side: 'sell', orderNo: '0000000002', originalOrderNo: '0000000001', qty: 10, price: 71500 })));
    expect(s.reads.openOrders().map((o) => o.orderNo)).toEqual(['0000000001']); // not yet confirmed
    ok(s.writer.applyOrderNotice(notice({ type: 'confirmed', kind: 'modify', side: 'sell', orderNo: '0000000002', originalOrderNo: '0000000001', qty: 10, price: 71500 })));
    expect(s.reads.orderByClientId(original)).toMatchObject({ state: 'cancelled', cancelledQty: 10 });
    expect(s.reads.openOrders().map((o) => [o.orderNo, o.kind, o.price, o.remainingQty, o.originalOrderNo])).toEqual([
      ['0000000002', 'modify', 71500, 10, '0000000001'],
    ]);
  });

  it('IOC/FOK remainder cancellation and refusal after acceptance are absolute, so repeats change nothing', () => {
    const s = openTemp();
    const ioc = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001', ordDvsn: '11' });
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'KRX', qty: 4, price: 70000, time: T0 + 1000 }));
    const rest = notice({ type: 'remainderCancelled', orderNo: '0000000001', qty: 6 });
    expect(ok(s.writer.applyOrderNotice(rest)).order).toMatchObject({ state: 'cancelled', remainingQty: 0 });
    expect(ok(s.writer.applyOrderNotice(rest)).changed).toBe(false);
    expect(s.reads.orderByClientId(ioc)).toMatchObject({ cancelledQty: 6, filledQty: 4 });

    const refused = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 5, price: 70000, orderNo: '0000000003' });
    const refusal = notice({ type: 'refused', orderNo: '0000000003', code: 'SIMV0001', message: '거래소 거부' });
    expect(ok(s.writer.applyOrderNotice(refusal))).toMatchObject({ changed: true, order: expect.objectContaining({ state: 'rejected' }) });
    expect(ok(s.writer.applyOrderNotice(refusal)).changed).toBe(false);
    expect(s.reads.orderByClientId(refused)).toMatchObject({ rejectCode: 'SIMV0001', rejectMessage: '거래소 거부', rejectedQty: 5 });
    // A notice about an order the mirror lacks asks for reconciliation instead of guessing.
    expect(ok(s.writer.applyOrderNotice(notice({ type: 'refused', orderNo: '0000000777' })))).toMatchObject({ changed: false, needsReconcile: true });
  });
});

describe('replaceHoldingsFromBalance', () => {
  it('sets the portfolio to KIS’s truth, merging KRX and NXT lots, and returns the diff', () => {
    const s = openTemp();
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'KRX', qty: 10, price: 70000, time: T0, order: { qty: 10, price: 70000, ordDvsn: '00', route: 'KRX' } }));
    ok(s.writer.applyFill({ orderNo: '0000000002', symbol: '000660', side: 'buy', venue: 'KRX', qty: 1, price: 200000, time: T0, order: { qty: 1, price: 200000, ordDvsn: '00', route: 'KRX' } }));
    const diff = ok(
      s.writer.replaceHoldingsFromBalance({
        asOf: T0 + 60_000,
        holdings: [
          { symbol: '005930', symbolName: '삼성전자', qty: 10, sellableQty: 10, cost: 700_000, venue: 'KRX' },
          { symbol: '005930', symbolName: '삼성전자', qty: 5, sellableQty: 5, cost: 355_000, venue: 'NXT' }, // the incident: NXT shares the mirror missed
          { symbol: '035420', qty: 2, sellableQty: 2, cost: 400_000 },
          { symbol: '051910', qty: 0, sellableQty: 0, cost: 0 }, // sold out today, still listed until D+2
        ],
      }),
    );
    expect(diff.added).toEqual([{ symbol: '035420', qtyBefore: 0, qtyAfter: 2, costBefore: 0, costAfter: 400_000 }]);
    expect(diff.updated).toEqual([{ symbol: '005930', qtyBefore: 10, qtyAfter: 15, costBefore: 700_000, costAfter: 1_055_000 }]);
    expect(diff.removed).toEqual([{ symbol: '000660', qtyBefore: 1, qtyAfter: 0, costBefore: 200_000, costAfter: 0 }]);
    const view = s.reads.portfolioView({ '005930': 71000 });
    expect(view.positions.map((p) => [p.symbol, p.qty, p.cost, p.restSellableQty])).toEqual([
      ['005930', 15, 1_055_000, 15],
      ['035420', 2, 400_000, 2],
    ]);
    expect(view.positions[0]!.venues.map((v) => [v.venue, v.qty, v.cost])).toEqual([
      ['KRX', 10, 700_000],
      ['NXT', 5, 355_000],
    ]);
    expect(view.positions[1]!.venues.map((v) => [v.venue, v.qty])).toEqual([['KRX', 2]]);
    const same = ok(s.writer.replaceHoldingsFromBalance({ asOf: T0 + 120_000, holdings: [
      { symbol: '005930', qty: 15, sellableQty: 15, cost: 1_055_000 },
      { symbol: '035420', qty: 2, sellableQty: 2, cost: 400_000 },
    ] }));
    expect(same.changed).toBe(false);
    // Without a venue split the mirror keeps its own.
    expect(s.reads.portfolioView().positions[0]!.venues.map((v) => [v.venue, v.qty, v.cost])).toEqual([
      ['KRX', 10, 700_000],
      ['NXT', 5, 355_000],
    ]);
  });

  it('leaves a symbol alone when a fill newer than the balance request is already in the mirror', () => {
    const s = openTemp();
    const asOf = s.clock.now();
    s.clock.advance(500);
    ok(s.writer.applyFill({ orderNo: '0000000001', symbol: '005930', side: 'buy', venue: 'KRX', qty: 3, price: 70000, time: s.clock.now(), order: { qty: 3, price: 70000, ordDvsn: '00', route: 'KRX' } }));
    const diff = ok(s.writer.replaceHoldingsFromBalance({ asOf, holdings: [] }));
    expect(diff).toMatchObject({ deferred: ['005930'], removed: [], changed: false });
    expect(s.reads.portfolioView().positions[0]!.qty).toBe(3);
  });

  it('refuses a symbol listed twice without distinct venues (it would double-count)', () => {
    const s = openTemp();
    const twice = { asOf: T0, holdings: [
      { symbol: '005930', qty: 1, sellableQty: 1, cost: 70_000 },
      { symbol: '005930', qty: 1, sellableQty: 1, cost: 70_000 },
    ] };
    expect(s.writer.replaceHoldingsFromBalance(twice)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(s.reads.portfolioView().positions).toEqual([]);
  });
});
