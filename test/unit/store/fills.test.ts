import { describe, expect, it } from 'vitest';
import type { FillInput, RestOrderRow } from '../../../src/main/store';
import { ok, openTemp, placeAccepted, T0, TODAY } from './helpers';

const fill = (orderNo: string, side: 'buy' | 'sell', venue: 'KRX' | 'NXT', qty: number, price: number, second: number, extra: Partial<FillInput> = {}): FillInput => ({
  orderNo,
  symbol: '005930',
  side,
  venue,
  qty,
  price,
  time: T0 + second * 1000,
  ...extra,
});

const restRow = (orderNo: string, side: 'buy' | 'sell', qty: number, filledQty: number, filledAmount: number, extra: Partial<RestOrderRow> = {}): RestOrderRow => ({
  tradeDate: TODAY,
  orderNo,
  kind: 'new',
  symbol: '005930',
  side,
  route: 'KRX',
  ordDvsn: '00',
  qty,
  price: 70000,
  filledQty,
  filledAmount,
  remainingQty: qty - filledQty,
  orderTime: T0,
  ...extra,
});

describe('applyFill: positions', () => {
  it('merges KRX and NXT buys into one position; the average is cost / qty; venue lots sum to it', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 5, price: 71000, orderNo: '0000000002', route: 'NXT' });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 10, 70000, 1)));
    const r = ok(s.writer.applyFill(fill('0000000002', 'buy', 'NXT', 5, 71000, 2)));
    expect(r.position).toEqual({ symbol: '005930', qty: 15, cost: 1_055_000, avgPrice: 1_055_000 / 15 });
    const p = s.reads.portfolioView().positions[0]!;
    expect(p).toMatchObject({ qty: 15, cost: 1_055_000, sellableQty: 15 });
    expect(p.avgPrice).toBeCloseTo(70333.333, 3);
    expect(p.venues).toEqual([
      { venue: 'KRX', qty: 10, cost: 700_000, avgPrice: 70000 },
      { venue: 'NXT', qty: 5, cost: 355_000, avgPrice: 71000 },
    ]);
  });

  it('a plain buy realizes nothing: its fee shows in the day\'s fees and taxes, not as a realized loss', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 10, 70000, 1, { fee: 99 })));
    expect(s.reads.accountSummary().realizedToday).toEqual({ gross: 0, feesAndTaxes: 99, net: 0 });
    placeAccepted(s, { symbol: '005930', side: 'sell', qty: 4, price: 71000, orderNo: '0000000002' });
    ok(s.writer.applyFill(fill('0000000002', 'sell', 'KRX', 4, 71000, 2, { fee: 40, tax: 568 })));
    // The sale realizes 4 × 1,000 less its own fee and tax; the buy's fee stays with the 6 shares held.
    expect(s.reads.accountSummary().realizedToday).toEqual({ gross: 4_000, feesAndTaxes: 707, net: 3_392 });
  });

  it('a sell removes cost at the average (realized P&L), takes its own venue first, keeps the average', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 5, price: 71000, orderNo: '0000000002', route: 'NXT' });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 10, 70000, 1)));
    ok(s.writer.applyFill(fill('0000000002', 'buy', 'NXT', 5, 71000, 2)));
    placeAccepted(s, { symbol: '005930', side: 'sell', qty: 6, price: 72000, orderNo: '0000000003', route: 'NXT' });
    const r = ok(s.writer.applyFill(fill('0000000003', 'sell', 'NXT', 6, 72000, 3, { fee: 60, tax: 864 })));
    // cost basis = round(1,055,000 × 6 / 15) = 422,000; proceeds 432,000
    expect(r.realizedPnl).toBe(10_000);
    expect(r.position).toMatchObject({ qty: 9, cost: 633_000 });
    expect(r.position!.avgPrice).toBeCloseTo(1_055_000 / 15, 6);
    const p = s.reads.portfolioView().positions[0]!;
    expect(p.venues.map((v) => [v.venue, v.qty])).toEqual([['KRX', 9]]); // NXT lot (5) first, then 1 from KRX
    expect(p.venues.reduce((a, v) => a + v.cost, 0)).toBe(633_000);
    const summary = s.reads.accountSummary();
    expect(summary.realizedToday).toEqual({ gross: 10_000, feesAndTaxes: 924, net: 9_076 });
    expect(s.reads.fillsToday().map((f) => [f.side, f.qty, f.realizedPnl])).toEqual([
      ['buy', 10, null],
      ['buy', 5, null],
      ['sell', 6, 10_000],
    ]);
    // Selling the rest closes the position: no residue, no row.
    placeAccepted(s, { symbol: '005930', side: 'sell', qty: 9, price: 69000, orderNo: '0000000004' });
    const last = ok(s.writer.applyFill(fill('0000000004', 'sell', 'KRX', 9, 69000, 4)));
    expect(last.realizedPnl).toBe(9 * 69000 - 633_000);
    expect(last.position).toBeNull();
    expect(s.reads.portfolioView().positions).toEqual([]);
  });

  it('order state follows cumulative fills: partially filled, then filled; avg fill price', () => {
    const s = openTemp();
    const id = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    expect(ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 4, 70000, 1))).order).toMatchObject({ state: 'partially_filled', filledQty: 4, remainingQty: 6 });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 6, 69900, 2)));
    expect(s.reads.orderByClientId(id)).toMatchObject({ state: 'filled', filledQty: 10, filledAmount: 699_400, avgFillPrice: 69940, remainingQty: 0 });
    expect(s.reads.openOrders()).toEqual([]);
  });

  it('a fill for an order the mirror never saw (HTS/MTS) creates it as external', () => {
    const s = openTemp();
    const r = ok(
      s.writer.applyFill(fill('0000009999', 'buy', 'NXT', 2, 70500, 1, { symbolName: '삼성전자', order: { qty: 5, price: 70500, ordDvsn: '00', route: 'NXT' } })),
    );
    expect(r.order).toMatchObject({ source: 'external', state: 'partially_filled', qty: 5, filledQty: 2 });
    expect(r.needsReconcile).toBe(false);
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ symbol: '005930', symbolName: '삼성전자', qty: 2 });
    // Without the order fields the mirror guesses and asks for reconciliation.
    expect(ok(s.writer.applyFill(fill('0000009998', 'buy', 'KRX', 1, 70000, 2))).needsReconcile).toBe(true);
  });

  it('selling more than the mirror holds books the rest at the sale price and asks for reconciliation', () => {
    const s = openTemp();
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 3, 70000, 1, { order: { qty: 3, price: 70000, ordDvsn: '00', route: 'KRX' } })));
    const r = ok(s.writer.applyFill(fill('0000000002', 'sell', 'KRX', 5, 71000, 2, { order: { qty: 5, price: 71000, ordDvsn: '00', route: 'KRX' } })));
    expect(r.needsReconcile).toBe(true);
    expect(r.realizedPnl).toBe(3 * 1000); // only the 3 shares with a known cost
    expect(r.position).toBeNull();
  });

  it('refuses a fill whose symbol or side contradicts its order, writing nothing', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    expect(s.writer.applyFill(fill('0000000001', 'sell', 'KRX', 1, 70000, 1))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(s.writer.applyFill({ ...fill('0000000001', 'buy', 'KRX', 1, 70000, 1), symbol: '000660' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 0, 70000, 1))).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(s.reads.fillsToday()).toEqual([]);
    expect(s.reads.portfolioView().positions).toEqual([]);
  });

  it('writes the snapshot in the same transaction when given one', () => {
    const s = openTemp();
    ok(
      s.writer.applyFill(
        fill('0000000001', 'buy', 'KRX', 1, 70000, 1, {
          order: { qty: 1, price: 70000, ordDvsn: '00', route: 'KRX' },
          snapshot: { time: T0 + 1000, cashD0: 930_000, cashD1: 930_000, cashD2: 930_000, totalAssets: 1_000_000, securitiesValue: 70_000, costTotal: 70_000, unrealizedPnl: 0, source: 'fill' },
        }),
      ),
    );
    expect(s.reads.accountSummary().snapshot).toMatchObject({ cashD0: 930_000, source: 'fill' });
  });
});

describe('fills are stored once (design.md invariant 4)', () => {
  it('the same notice twice is one execution and moves the position once', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    const first = ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 4, 70000, 1)));
    const again = ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 4, 70000, 1)));
    expect(first).toMatchObject({ changed: true, duplicate: false });
    expect(again).toMatchObject({ changed: false, duplicate: true, executionId: first.executionId });
    expect(s.reads.fillsToday()).toHaveLength(1);
    expect(s.reads.portfolioView().positions[0]!.qty).toBe(4);
    // A different fill of the same order (another second) is a new execution.
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 4, 70000, 2)));
    expect(s.reads.portfolioView().positions[0]!.qty).toBe(8);
  });

  it('a notice, then reconciliation reporting the same total: nothing added', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 3, 70000, 1)));
    const diff = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [restRow('0000000001', 'buy', 10, 3, 210_000)] }));
    expect(diff).toMatchObject({ changed: false, fillsAdded: [], overCounted: [], stateChanges: [] });
    expect(s.reads.fillsToday()).toHaveLength(1);
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ qty: 3, cost: 210_000 });
  });

  it('fills lost during a WebSocket drop arrive as one remainder; the same reconciliation again adds nothing', () => {
    const s = openTemp();
    const id = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70100, orderNo: '0000000001' });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 2, 70000, 1)));
    // KIS: 5 filled for 350,300 (2 @ 70,000 seen + 3 @ 70,100 lost)
    const rows = [restRow('0000000001', 'buy', 10, 5, 350_300)];
    const diff = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows, feeFor: ({ amount }) => ({ fee: Math.floor(amount * 0.00015), tax: 0 }) }));
    expect(diff.fillsAdded).toEqual([{ orderNo: '0000000001', symbol: '005930', side: 'buy', qty: 3, amount: 210_300 }]);
    expect(diff.stateChanges).toEqual([]);
    expect(s.reads.orderByClientId(id)).toMatchObject({ filledQty: 5, filledAmount: 350_300, state: 'partially_filled' });
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ qty: 5, cost: 350_300 });
    expect(s.reads.fillsToday().map((f) => [f.source, f.qty, f.amount, f.fee])).toEqual([
      ['notice', 2, 140_000, 0],
      ['reconcile', 3, 210_300, 31],
    ]);
    const again = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 120_000, rows }));
    expect(again).toMatchObject({ changed: false, fillsAdded: [] });
    expect(s.reads.fillsToday()).toHaveLength(2);
  });

  it('late notices after a reconciled remainder are absorbed, not added; only fills beyond it move the position', () => {
    const s = openTemp();
    const id = placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70100, orderNo: '0000000001' });
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 2, 70000, 1)));
    ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [restRow('0000000001', 'buy', 10, 5, 350_300)] }));

    const late1 = ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 1, 70100, 5)));
    expect(late1).toMatchObject({ changed: true, absorbedQty: 1 });
    expect(late1.position).toMatchObject({ qty: 5, cost: 350_300 });
    const late2 = ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 2, 70100, 6)));
    expect(late2).toMatchObject({ absorbedQty: 2 });
    expect(late2.position).toMatchObject({ qty: 5, cost: 350_300 });
    expect(s.reads.fillsToday().map((f) => [f.source, f.qty])).toEqual([
      ['notice', 2],
      ['notice', 1],
      ['notice', 2],
    ]); // the remainder was fully replaced by the real fills
    expect(ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 2, 70100, 6))).duplicate).toBe(true); // and duplicates still collapse

    // A fill beyond KIS's last total moves the position.
    const next = ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 5, 70200, 7)));
    expect(next).toMatchObject({ absorbedQty: 0 });
    expect(next.position).toMatchObject({ qty: 10, cost: 350_300 + 351_000 });
    expect(s.reads.orderByClientId(id)).toMatchObject({ state: 'filled', filledQty: 10, filledAmount: 701_300 });
    // The final reconciliation agrees with the mirror exactly.
    const final = ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 180_000, rows: [restRow('0000000001', 'buy', 10, 10, 701_300)] }));
    expect(final).toMatchObject({ changed: false, fillsAdded: [], overCounted: [] });
  });

  it('a late notice bigger than the remainder: the remainder is absorbed, the excess is new', () => {
    const s = openTemp();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 10, price: 70000, orderNo: '0000000001' });
    ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [restRow('0000000001', 'buy', 10, 2, 140_000)] }));
    const r = ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 6, 70000, 90)));
    expect(r).toMatchObject({ absorbedQty: 2 });
    expect(r.position).toMatchObject({ qty: 6, cost: 420_000 });
  });

  it('sells: a remainder carries realized P&L, and absorbing it keeps realized P&L and the position unchanged', () => {
    const s = openTemp();
    ok(s.writer.applyFill(fill('0000000001', 'buy', 'KRX', 10, 70000, 1, { order: { qty: 10, price: 70000, ordDvsn: '00', route: 'KRX' } })));
    placeAccepted(s, { symbol: '005930', side: 'sell', qty: 6, price: 72000, orderNo: '0000000002' });
    ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf: T0 + 60_000, rows: [restRow('0000000002', 'sell', 6, 6, 432_000, { price: 72000 })] }));
    const afterReconcile = s.reads.accountSummary().realizedToday.gross;
    expect(afterReconcile).toBe(432_000 - 420_000);
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ qty: 4, cost: 280_000 });
    ok(s.writer.applyFill(fill('0000000002', 'sell', 'KRX', 4, 72000, 30)));
    ok(s.writer.applyFill(fill('0000000002', 'sell', 'KRX', 2, 72000, 31)));
    expect(s.reads.accountSummary().realizedToday.gross).toBe(afterReconcile);
    expect(s.reads.portfolioView().positions[0]).toMatchObject({ qty: 4, cost: 280_000 });
    expect(s.reads.fillsToday().filter((f) => f.side === 'sell').map((f) => [f.source, f.qty, f.realizedPnl])).toEqual([
      ['notice', 4, 8_000],
      ['notice', 2, 4_000],
    ]);
  });

  it('mirror ends equal to the truth for any interleaving of notices, duplicates, drops and reconciliations', () => {
    // Deterministic pseudo-random scenarios (seeded LCG), each checked against an independent ledger.
    for (let seed = 1; seed <= Number(process.env.STORE_SCENARIOS ?? 16); seed++) runScenario(seed);
  });
});

function runScenario(seed: number): void {
  let x = seed;
  const rand = (): number => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const s = openTemp();
  const symbols = ['005930', '000660', '035420'];
  interface TruthOrder {
    orderNo: string;
    symbol: string;
    side: 'buy' | 'sell';
    qty: number;
    fills: Array<{ qty: number; price: number; venue: 'KRX' | 'NXT'; second: number }>;
  }
  const orders: TruthOrder[] = [];
  const held = new Map<string, number>();
  let second = 0;
  // Buys only on the first pass so positions exist; sells later never exceed what is truly held.
  for (let i = 0; i < 30; i++) {
    const symbol = pick(symbols);
    const canSell = (held.get(symbol) ?? 0) > 0 && i > 8;
    const side = canSell && rand() < 0.4 ? 'sell' : 'buy';
    const qty = side === 'sell' ? Math.max(1, Math.floor((held.get(symbol) ?? 0) * rand())) : 1 + Math.floor(rand() * 20);
    const o: TruthOrder = { orderNo: String(1000 + i).padStart(10, '0'), symbol, side, qty, fills: [] };
    let left = qty;
    while (left > 0 && rand() < 0.9) {
      const q = Math.min(left, 1 + Math.floor(rand() * 5));
      o.fills.push({ qty: q, price: 50_000 + Math.floor(rand() * 20) * 100, venue: rand() < 0.5 ? 'KRX' : 'NXT', second: ++second });
      left -= q;
    }
    held.set(symbol, (held.get(symbol) ?? 0) + (side === 'buy' ? 1 : -1) * o.fills.reduce((a, f) => a + f.qty, 0));
    orders.push(o);
  }
  const delivered = new Map<string, number>(); // order → fills KIS has produced so far
  const late: Array<{ o: TruthOrder; f: TruthOrder['fills'][number] }> = [];
  const restRows = (): RestOrderRow[] =>
    orders.map((o) => {
      const n = delivered.get(o.orderNo) ?? 0;
      const fs = o.fills.slice(0, n);
      const filledQty = fs.reduce((a, f) => a + f.qty, 0);
      return restRow(o.orderNo, o.side, o.qty, filledQty, fs.reduce((a, f) => a + f.qty * f.price, 0), { symbol: o.symbol, remainingQty: o.qty - filledQty });
    });
  const toInput = (o: TruthOrder, f: TruthOrder['fills'][number]): FillInput => ({
    orderNo: o.orderNo,
    symbol: o.symbol,
    side: o.side,
    venue: f.venue,
    qty: f.qty,
    price: f.price,
    time: T0 + f.second * 1000,
    order: { qty: o.qty, price: 50_000, ordDvsn: '00', route: 'SOR' },
  });
  // The sync layer's duty: a fill the mirror could not apply cleanly (a sell of shares whose buy notice is still
  // missing) is flagged, and the balance read repairs that symbol.
  const flagged = new Set<string>();
  const reconcile = (asOf: number): void => {
    for (const symbol of ok(s.writer.reconcileDailyOrders({ tradeDate: TODAY, asOf, rows: restRows() })).needsHoldingsRepair) flagged.add(symbol);
  };
  const apply = (o: TruthOrder, f: TruthOrder['fills'][number]): void => {
    if (ok(s.writer.applyFill(toInput(o, f))).needsReconcile) flagged.add(o.symbol);
  };
  for (const o of orders) {
    for (const f of o.fills) {
      delivered.set(o.orderNo, (delivered.get(o.orderNo) ?? 0) + 1);
      const roll = rand();
      if (roll < 0.25) late.push({ o, f }); // dropped now, maybe replayed later
      else {
        apply(o, f);
        if (roll > 0.85) apply(o, f); // duplicate
      }
      if (rand() < 0.1) reconcile(T0 + second * 1000);
    }
  }
  for (const { o, f } of late) if (rand() < 0.6) apply(o, f);
  reconcile(T0 + 10_000_000);
  for (const symbol of symbols) {
    if (flagged.has(symbol)) continue;
    const qty = s.reads.portfolioView().positions.find((q) => q.symbol === symbol)?.qty ?? 0;
    expect(qty, `seed ${seed} ${symbol} (never flagged)`).toBe(held.get(symbol) ?? 0);
  }
  // Balance truth: quantities and moving-average cost from the true fill sequence (an independent ledger).
  const ledger = new Map<string, { qty: number; cost: number }>();
  for (const o of orders) {
    for (const f of o.fills) {
      const l = ledger.get(o.symbol) ?? { qty: 0, cost: 0 };
      if (o.side === 'buy') ledger.set(o.symbol, { qty: l.qty + f.qty, cost: l.cost + f.qty * f.price });
      else ledger.set(o.symbol, { qty: l.qty - f.qty, cost: f.qty === l.qty ? 0 : l.cost - Math.round((l.cost * f.qty) / l.qty) });
    }
  }
  const holdings = [...ledger].filter(([, l]) => l.qty > 0).map(([symbol, l]) => ({ symbol, qty: l.qty, sellableQty: l.qty, cost: l.cost }));
  const repair = ok(s.writer.replaceHoldingsFromBalance({ holdings, asOf: T0 + 20_000_000 }));
  for (const c of [...repair.updated, ...repair.added, ...repair.removed]) {
    if (c.qtyBefore !== c.qtyAfter) expect(flagged.has(c.symbol), `seed ${seed} ${c.symbol} repaired qty without a flag`).toBe(true);
  }

  for (const o of orders) {
    const view = s.reads.orderByOrderNo(o.orderNo)!;
    expect(view.filledQty, `seed ${seed} order ${o.orderNo}`).toBe(o.fills.reduce((a, f) => a + f.qty, 0));
    expect(view.filledAmount, `seed ${seed} order ${o.orderNo}`).toBe(o.fills.reduce((a, f) => a + f.qty * f.price, 0));
  }
  const positions = s.reads.portfolioView().positions;
  for (const symbol of symbols) {
    const p = positions.find((q) => q.symbol === symbol);
    expect(p?.qty ?? 0, `seed ${seed} ${symbol}`).toBe(held.get(symbol) ?? 0);
    expect(p?.cost ?? 0, `seed ${seed} ${symbol}`).toBe(ledger.get(symbol)?.cost ?? 0);
    if (p) {
      expect(p.venues.reduce((a, v) => a + v.qty, 0)).toBe(p.qty);
      expect(p.venues.reduce((a, v) => a + v.cost, 0)).toBe(p.cost);
      const boughtOnly = orders.filter((o) => o.symbol === symbol).every((o) => o.side === 'buy');
      if (boughtOnly) {
        const cost = orders.filter((o) => o.symbol === symbol).flatMap((o) => o.fills).reduce((a, f) => a + f.qty * f.price, 0);
        expect(p.cost, `seed ${seed} ${symbol} cost`).toBe(cost);
      }
    }
  }
}
