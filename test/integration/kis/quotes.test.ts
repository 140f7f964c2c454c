/** Quotations and market info against the simulator: price, book, charts, chk-holiday, search-stock-info. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KisInvalidRequestError, KisRejectedError, type KisRest } from '../../../src/main/kis';
import type { SimHandle } from '../../../src/sim/handle';
import { clientFor, rejectionOf, startSim } from './helpers';

describe('quotations on the real personality', () => {
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

  it('inquire-price matches the exchange quote and instrument limits', async () => {
    const q = await kis.inquirePrice('005930');
    const truth = sim.exchange.quote('005930', 'KRX')!;
    const inst = sim.exchange.instrument('005930')!;
    expect(q).toMatchObject({ symbol: '005930', market: 'J', last: truth.last, change: truth.change, volume: truth.volume, high: truth.high, low: truth.low });
    expect(q.upperLimit).toBe(inst.upperLimit);
    expect(q.lowerLimit).toBe(inst.lowerLimit);
    expect(q.basePrice).toBe(inst.basePrice);
    expect(q.changeRate).toBeCloseTo(truth.changeRate, 2);
    expect(q.tickSize).toBe(100);
    const nx = await kis.inquirePrice('005930', { market: 'NX' });
    expect(nx.market).toBe('NX');
    expect(nx.last).toBe(sim.exchange.quote('005930', 'NXT')!.last);
  });

  it('the order book snapshot has the exchange best levels, best first', async () => {
    const book = await kis.askingPrice('005930');
    const truth = sim.exchange.book('005930', 'KRX')!;
    expect(book.asks[0]).toMatchObject({ price: truth.asks[0]!.price, qty: truth.asks[0]!.qty });
    expect(book.bids[0]).toMatchObject({ price: truth.bids[0]!.price, qty: truth.bids[0]!.qty });
    for (let i = 1; i < book.asks.length; i++) expect(book.asks[i]!.price).toBeGreaterThan(book.asks[i - 1]!.price);
    for (let i = 1; i < book.bids.length; i++) expect(book.bids[i]!.price).toBeLessThan(book.bids[i - 1]!.price);
    expect(book.totalAskQty).toBe(truth.totalAskQty);
  });

  it('daily bars come back oldest first, at most 100, equal to the exchange bars', async () => {
    const bars = await kis.dailyChart('005930', { from: '20260801', to: '20261123' });
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.length).toBeLessThanOrEqual(100);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.date > bars[i - 1]!.date).toBe(true);
    const truth = sim.exchange.dailyBars('005930', 'KRX', '20260801', '20261123', 'D');
    const byDate = new Map(truth.map((b) => [b.date, b]));
    for (const b of bars) expect(b).toEqual(byDate.get(b.date));
    const range = await kis.dailyChartRange('005930', { from: '20260101', to: '20261123' });
    expect(range.length).toBeGreaterThan(100);
    expect(new Set(range.map((b) => b.date)).size).toBe(range.length);
  });

  it('minute bars step back 30 at a time to cover the session so far', async () => {
    const before = sim.stats.requests('FHKST03010200');
    const bars = await kis.minuteChart('005930', { since: '090000' });
    const calls = sim.stats.requests('FHKST03010200') - before;
    expect(calls).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.time > bars[i - 1]!.time).toBe(true);
    expect(bars[0]!.time >= '090000').toBe(true);
    const truth = sim.exchange.minuteBars('005930', 'KRX', '100000');
    const byTime = new Map(truth.map((b) => [b.time, b]));
    for (const b of bars) {
      const t = byTime.get(b.time)!;
      expect(b).toMatchObject({ date: t.date, open: t.open, high: t.high, low: t.low, close: t.close, volume: t.volume });
      // acml_tr_pbmn is the running day total up to this bar
      expect(b.cumulativeTurnover).toBe(truth.filter((x) => x.time <= b.time).reduce((s, x) => s + x.turnover, 0));
    }
    const one = await kis.minuteChart('005930', { until: '100000' });
    expect(one.length).toBeLessThanOrEqual(30);
  });

  it('chk-holiday is queried at most once a day (all its pages) and says today is open', async () => {
    const a = await kis.holidays();
    const calls = sim.stats.requests('CTCA0903R');
    expect(calls).toBe(2); // one query: the simulator pages its 46-day horizon in 2 pages
    const b = await kis.holidays();
    expect(a.source).toBe('kis');
    expect(b).toBe(a);
    expect(sim.stats.requests('CTCA0903R')).toBe(calls);
    expect(a.days.length).toBe(46);
    sim.clock.advance(24 * 3600_000); // the next day: one new query
    const c = await kis.holidays();
    expect(c.days[0]!.date).toBe('20261124');
    expect(sim.stats.requests('CTCA0903R')).toBe(2 * calls);
    expect(a.days[0]).toMatchObject({ date: '20261123', open: true });
    const christmas = a.days.find((d) => d.date === '20261225');
    if (christmas) expect(christmas.open).toBe(false);
  });

  it('search-stock-info gives NXT eligibility, cached per symbol per day', async () => {
    expect(await kis.stockInfo('005930')).toMatchObject({ nxtTradable: true, source: 'kis' });
    expect(await kis.stockInfo('033780')).toMatchObject({ nxtTradable: false, source: 'kis' });
    await kis.stockInfo('005930');
    expect(sim.stats.requests('CTPF1002R')).toBe(2);
  });

  it('KIS refusals of a read keep their code and text', async () => {
    const e = await rejectionOf(kis.inquirePrice('999999'));
    expect(e).toBeInstanceOf(KisRejectedError);
    expect((e as KisRejectedError).msgCd).not.toBe('');
    expect((e as KisRejectedError).msg1).not.toMatch(/\s$/);
    const book = await rejectionOf(kis.askingPrice('999999'));
    expect(book).toBeInstanceOf(KisRejectedError);
    expect(await kis.stockInfo('999999')).toMatchObject({ nxtTradable: null, source: 'unknown' });
  });

  it('bad symbols are refused before sending', async () => {
    expect(await rejectionOf(kis.inquirePrice('12'))).toBeInstanceOf(KisInvalidRequestError);
    expect(await rejectionOf(kis.dailyChart('005930', { from: '20261123', to: '20260101' }))).toBeInstanceOf(KisInvalidRequestError);
  });
});

describe('quotations and market info on paper', () => {
  it('paper asks KRX quotes only, and uses the bundled calendar and "NXT unknown" without calling real-only TRs', async () => {
    const sim = await startSim({ personality: 'paper' });
    const kis = await clientFor(sim);
    try {
      const q = await kis.inquirePrice('005930', { market: 'NX' });
      expect(q.market).toBe('J');
      expect(q.last).toBe(sim.exchange.quote('005930', 'KRX')!.last);
      const cal = await kis.holidays();
      expect(cal.source).toBe('fallback');
      expect(cal.days.find((d) => d.date === '20261123')?.open).toBe(true);
      expect(cal.days.find((d) => d.date === '20261225')?.open).toBe(false);
      expect(await kis.stockInfo('005930')).toMatchObject({ nxtTradable: null, source: 'unknown' });
      expect(sim.stats.requests('CTCA0903R') + sim.stats.requests('CTPF1002R')).toBe(0);
    } finally {
      await kis.close();
      await sim.close();
    }
  });

  it('a failing chk-holiday falls back to the bundled calendar', async () => {
    const sim = await startSim();
    const kis = await clientFor(sim, { backoffSleep: async () => {} });
    try {
      sim.knobs.set({ rateLimitStorm: { untilMs: sim.clock.now() + 3600_000, probability: 0, routes: ['CTCA0903R', 'CTPF1002R'] } });
      const cal = await kis.holidays();
      expect(cal.source).toBe('fallback');
      expect(sim.stats.requests('CTCA0903R')).toBe(4); // first try + 3 rate-limit retries
      expect(await kis.stockInfo('005930')).toMatchObject({ nxtTradable: null, source: 'unknown' });
    } finally {
      await kis.close();
      await sim.close();
    }
  });
});
