/** Account queries against the simulator: balance with paging, orderable cash, open orders, daily orders, fills. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KisRest } from '../../../src/main/kis';
import type { SimHandle } from '../../../src/sim/handle';
import { clientFor, startSim } from './helpers';

describe('account queries on the real personality', () => {
  let sim: SimHandle;
  let kis: KisRest;
  beforeAll(async () => {
    sim = await startSim();
    kis = await clientFor(sim);
  });
  afterAll(async () => {
    await kis?.close();
    await sim?.close();
  });

  it('balance matches the ledger: holdings, quantities, cost and cash', async () => {
    const balance = await kis.inquireBalance();
    const ledger = sim.ledger();
    expect(balance.holdings.map((h) => h.symbol).sort()).toEqual(ledger.positions.map((p) => p.symbol).sort());
    for (const p of ledger.positions) {
      const h = balance.holdings.find((x) => x.symbol === p.symbol)!;
      expect(h.qty).toBe(p.qty);
      expect(h.sellableQty).toBe(p.sellableQty);
      expect(h.cost).toBe(p.cost);
      expect(Number.isSafeInteger(h.value) && Number.isSafeInteger(h.pnl)).toBe(true);
      expect(h.pnl).toBe(h.value - h.cost);
    }
    expect(balance.summary.cashD0).toBe(ledger.cash);
    expect(balance.summary.cashD2).toBe(ledger.cashD2);
    expect(balance.summary.cost).toBe(balance.holdings.reduce((s, h) => s + h.cost, 0));
    expect(balance.pages).toBe(1);
  });

  it('120 positions come back complete across pages (tr_cont M → N → …)', async () => {
    for (let i = 0; i < 120; i++) sim.exchange.control.setPosition(sim.account, `9${String(i).padStart(5, '0')}`, i + 1, 1000);
    const before = sim.stats.requests('TTTC8434R');
    const balance = await kis.inquireBalance();
    const ledger = sim.ledger();
    expect(balance.holdings).toHaveLength(ledger.positions.length);
    expect(ledger.positions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(balance.holdings.map((h) => h.symbol)).size).toBe(balance.holdings.length);
    const pages = Math.ceil(ledger.positions.length / 50);
    expect(balance.pages).toBe(pages);
    expect(sim.stats.requests('TTTC8434R') - before).toBe(pages);
    expect(balance.holdings.find((h) => h.symbol === '900119')).toMatchObject({ qty: 120, cost: 120_000 });
  });

  it('orderable cash is what the exchange says a market buy can afford', async () => {
    const cash = await kis.inquirePsblOrder({ symbol: '005930' });
    const truth = sim.exchange.buyingPower(sim.account, '005930', 0, '01');
    expect(cash.orderableCash).toBe(truth.orderableCash);
    expect(cash.maxBuyAmountNoCredit).toBe(truth.maxAmountNoCredit);
    expect(cash.maxBuyQtyNoCredit).toBe(truth.maxQtyNoCredit);
    expect(cash.calcPrice).toBe(truth.calcPrice);
    const amountsOnly = await kis.inquirePsblOrder();
    expect(amountsOnly.orderableCash).toBe(truth.orderableCash);
  });

  it('open orders list what rests, with the org number needed to cancel', async () => {
    const a = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 2, price: 55_000 });
    const b = await kis.orderCash({ side: 'buy', symbol: '000660', ordDvsn: '00', qty: 1, price: 150_000, route: 'NXT' });
    const open = await kis.openOrders();
    const truth = sim.exchange.openOrders(sim.account);
    expect(open.map((o) => o.orderNo).sort()).toEqual(truth.map((o) => o.orderNo).sort());
    expect(open.find((o) => o.orderNo === a.orderNo)).toMatchObject({ side: 'buy', qty: 2, price: 55_000, remainingQty: 2, filledQty: 0, orgNo: a.orgNo, route: 'KRX' });
    expect(open.find((o) => o.orderNo === b.orderNo)).toMatchObject({ route: 'NXT', remainingQty: 1 });
    expect(sim.stats.requests('TTTC0084R')).toBeGreaterThan(0);
  });

  it('daily orders and fills agree with the ledger', async () => {
    await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '01', qty: 2, price: 0 }); // marketable: fills
    const daily = await kis.dailyOrders({ from: '20261123', to: '20261123' });
    const ledger = sim.ledger();
    expect(daily.orders.map((o) => o.orderNo).sort()).toEqual(ledger.orders.map((o) => o.orderNo).sort());
    for (const o of ledger.orders) {
      const row = daily.orders.find((x) => x.orderNo === o.orderNo)!;
      expect(row).toMatchObject({ symbol: o.symbol, side: o.side, qty: o.qty, filledQty: o.filledQty, filledAmount: o.filledAmount, remainingQty: o.remainingQty });
    }
    const fills = await kis.fills();
    const filledInLedger = ledger.orders.filter((o) => o.filledQty > 0).map((o) => o.orderNo).sort();
    expect(filledInLedger.length).toBeGreaterThan(0);
    expect(fills.map((f) => f.orderNo).sort()).toEqual(filledInLedger);
    const filledQty = ledger.fills.reduce((s, f) => s + f.qty, 0);
    expect(fills.reduce((s, f) => s + f.filledQty, 0)).toBe(filledQty);
    expect(sim.stats.requests('TTTC0081R')).toBeGreaterThan(0);
  });

  it('a range reaching back beyond 3 months also reads the older TR', async () => {
    const r = await kis.dailyOrders({ from: '20260701', to: '20261123' });
    expect(sim.stats.requests('CTSC9215R')).toBe(1);
    expect(r.orders.length).toBe(sim.ledger().orders.length);
  });
});

describe('paging limits', () => {
  it('more than 50 pages is refused as a bad response, never returned partially', async () => {
    const sim = await startSim({ knobs: { rateReal: 10_000 } });
    const kis = await clientFor(sim, { rate: { perSecond: 1000, minSpacingMs: 0 } });
    try {
      for (let i = 0; i < 2600; i++) sim.exchange.control.setPosition(sim.account, `7${String(i).padStart(5, '0')}`, 1, 1000);
      const e = await kis.inquireBalance().then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toMatchObject({ kind: 'bad-response', trId: 'TTTC8434R' });
      expect(String((e as Error).message)).toMatch(/more than 50 pages/);
      expect(sim.stats.requests('TTTC8434R')).toBe(50);
    } finally {
      await kis.close();
      await sim.close();
    }
  });
});

describe('account queries on the paper personality', () => {
  let sim: SimHandle;
  let kis: KisRest;
  beforeAll(async () => {
    sim = await startSim({ personality: 'paper' });
    kis = await clientFor(sim);
  });
  afterAll(async () => {
    await kis?.close();
    await sim?.close();
  });

  it('balance pages at 20 rows and still returns everything', async () => {
    for (let i = 0; i < 40; i++) sim.exchange.control.setPosition(sim.account, `8${String(i).padStart(5, '0')}`, 1, 5000);
    const balance = await kis.inquireBalance();
    expect(balance.holdings).toHaveLength(sim.ledger().positions.length);
    expect(balance.pages).toBe(Math.ceil(sim.ledger().positions.length / 20));
    expect(sim.stats.requests('VTTC8434R')).toBe(balance.pages);
  });

  it('open orders come from daily-ccld 미체결 (no TTTC0084R on paper)', async () => {
    const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 3, price: 55_000 });
    const open = await kis.openOrders();
    expect(open.map((o) => o.orderNo)).toContain(ack.orderNo);
    expect(open.find((o) => o.orderNo === ack.orderNo)).toMatchObject({ remainingQty: 3, price: 55_000, side: 'buy' });
    expect(open.every((o) => o.remainingQty > 0)).toBe(true);
    expect(sim.stats.requests('TTTC0084R')).toBe(0);
    expect(sim.stats.requests('VTTC0081R')).toBeGreaterThan(0);
  });
});
