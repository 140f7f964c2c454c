/**
 * The market channels inside a real core against the in-process demo simulator (frozen virtual clock), with
 * the mirror in a real SQLite file: search, quotes, 호가, charts, session phases, focus → realtime
 * registrations on the simulator, and the watchlist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { marketModule } from '../../../src/main/market/module';
import type { BarView, BookView, InstrumentView, MarketSessionView, QuoteView, TradeTick } from '../../../src/shared/ipc/domains/market';
import { kstDate, kstMidnight } from '../../../src/shared/market/time';
import { startCore, tempDir, value, type TestCore } from '../session/helpers';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function marketCore(start = '2026-11-23T10:00:00+09:00', dataDir = tempDir(cleanups)): Promise<TestCore> {
  const t = await startCore({ dataDir, session: { demoSim: { clock: { start, speed: 0 } } }, extra: [marketModule] });
  cleanups.push(() => t.core.stop());
  await t.session.ready();
  return t;
}

const ticksOf = (t: TestCore) => t.eventsOf<TradeTick[]>('market:ticks').flat();

describe('market channels against the demo simulator', () => {
  it('symbols:search ranks 삼성전자 first for 삼성, finds by code prefix, English name and 초성', async () => {
    const t = await marketCore();
    const search = async (query: string) => value(await t.call<InstrumentView[]>('symbols:search', { query, limit: 10 }));
    expect((await search('삼성'))[0]).toMatchObject({ symbol: '005930', name: '삼성전자', market: 'KOSPI', nxtEligible: true });
    expect((await search('삼성')).every((i) => i.name.startsWith('삼성'))).toBe(true);
    expect((await search('0059'))[0]?.symbol).toBe('005930');
    expect((await search('005930'))[0]?.symbol).toBe('005930');
    expect((await search('samsung elec'))[0]?.symbol).toBe('005930');
    expect((await search('hynix'))[0]?.symbol).toBe('000660');
    expect((await search('ㅅㅅㅈㅈ'))[0]?.symbol).toBe('005930');
    expect((await search('ㅋㅋㅇ'))[0]?.name).toBe('카카오');
    expect((await search('KODEX'))[0]).toMatchObject({ symbol: '069500', etp: true });
    expect(await search('없는종목xyz')).toEqual([]);
  });

  it('market:quote and market:book match the simulator; venue rules refuse NXT for a KRX-only symbol', async () => {
    const t = await marketCore();
    const sim = (await t.session.ready()).sim!;
    const q = value(await t.call<QuoteView>('market:quote', { symbol: '005930', venue: 'KRX' }));
    const truth = sim.exchange.quote('005930', 'KRX')!;
    const inst = sim.exchange.instrument('005930')!;
    expect(q).toMatchObject({ symbol: '005930', venue: 'KRX', price: truth.last, upperLimit: inst.upperLimit, lowerLimit: inst.lowerLimit, prevClose: inst.basePrice });
    expect(q.tickSize).toBeGreaterThan(0);
    const nx = value(await t.call<QuoteView>('market:quote', { symbol: '005930', venue: 'NXT' }));
    expect(nx.price).toBe(sim.exchange.quote('005930', 'NXT')!.last);

    const book = value(await t.call<BookView>('market:book', { symbol: '005930', venue: 'KRX' }));
    const simBook = sim.exchange.book('005930', 'KRX')!;
    expect(book.asks[0]?.price).toBe(simBook.asks[0]?.price);
    expect(book.bids[0]?.price).toBe(simBook.bids[0]?.price);
    expect(book.asks.length).toBeGreaterThan(0);
    expect(book.asks[0]!.price).toBeGreaterThan(book.bids[0]!.price);

    expect(await t.call('market:quote', { symbol: '033780', venue: 'NXT' })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(await t.call('market:quote', { symbol: '999999', venue: 'KRX' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.call('market:book', { symbol: '999999', venue: 'KRX' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('market:chart 1d: cached dailies with gaps filled from KIS once, plus today; 1m: today backfilled from the minute chart', async () => {
    const t = await marketCore();
    const session = await t.session.ready();
    const sim = session.sim!;
    const today = kstDate(sim.clock.now());
    const before = sim.stats.requests('FHKST03010100');
    const daily = value(await t.call<BarView[]>('market:chart', { symbol: '005930', venue: 'KRX', interval: '1d', count: 30 }));
    expect(daily).toHaveLength(30);
    expect(daily.at(-1)!.time).toBe(kstMidnight(today)); // today's bar from the live quote
    expect(sim.stats.requests('FHKST03010100')).toBeGreaterThan(before);
    // The past bars are the simulator's and are now in the mirror.
    const past = daily.slice(0, -1);
    const from = kstDate(past[0]!.time);
    const truth = sim.exchange.dailyBars('005930', 'KRX', from, kstDate(past.at(-1)!.time), 'D');
    expect(past.map((b) => b.close)).toEqual(truth.map((b) => b.close));
    expect(session.store.reads.dailyPrices('005930', from, today)).toHaveLength(29);
    for (let i = 1; i < daily.length; i++) expect(daily[i]!.time).toBeGreaterThan(daily[i - 1]!.time);
    // Second read: straight from the cache.
    const calls = sim.stats.requests('FHKST03010100');
    const again = value(await t.call<BarView[]>('market:chart', { symbol: '005930', venue: 'KRX', interval: '1d', count: 30 }));
    expect(again.slice(0, -1)).toEqual(past);
    expect(sim.stats.requests('FHKST03010100')).toBe(calls);

    const minutes = value(await t.call<BarView[]>('market:chart', { symbol: '005930', venue: 'KRX', interval: '1m', count: 500 }));
    const simMinutes = sim.exchange.minuteBars('005930', 'KRX', '095959');
    expect(minutes.length).toBeGreaterThan(30);
    expect(minutes.length).toBe(simMinutes.length);
    expect(minutes.map((b) => b.close)).toEqual(simMinutes.map((b) => b.close));
    expect(minutes[0]!.time).toBe(kstMidnight(today) + 9 * 3600_000);
    const cached = session.store.reads.candles('005930', 'KRX', kstMidnight(today), sim.clock.now() + 60_000);
    expect(cached).toHaveLength(minutes.length);
    const last5 = value(await t.call<BarView[]>('market:chart', { symbol: '005930', venue: 'KRX', interval: '1m', count: 5 }));
    expect(last5).toEqual(minutes.slice(-5));
  });

  it('market:focus changes the realtime registrations: the focused symbol streams on the simulator, the previous one stops', async () => {
    const t = await marketCore();
    const session = await t.session.ready();
    const sim = session.sim!;
    await t.waitFor('connected', () => session.realtime.state().state === 'connected');
    expect(value(await t.call('market:focus', { symbol: '035720' }))).toEqual({ symbol: '035720' });
    const regs = () => session.realtime.activeRegistrations();
    await t.waitFor('focused registrations', () => regs().filter((r) => r.symbol === '035720' && r.tier === 'focused').length === 4);
    expect(regs().filter((r) => r.symbol === '035720').map((r) => `${r.kind}:${r.venue}`).sort()).toEqual(['book:KRX', 'book:NXT', 'trade:KRX', 'trade:NXT']);

    // Simulator side: a trade on the focused symbol reaches the renderer as a market:ticks batch.
    sim.exchange.control.injectTrade('035720', 'KRX', sim.exchange.quote('035720', 'KRX')!.last, 7);
    await t.waitFor('tick for 035720', () => ticksOf(t).some((k) => k.symbol === '035720' && k.qty === 7 && k.venue === 'KRX'));
    await t.waitFor('book update', () => t.eventsOf<BookView>('market:bookChanged').some((b) => b.symbol === '035720'));
    const q = value(await t.call<QuoteView>('market:quote', { symbol: '035720', venue: 'KRX' }));
    expect(q.volume).toBe(sim.exchange.quote('035720', 'KRX')!.volume);

    value(await t.call('market:focus', { symbol: '105560' }));
    await t.waitFor('focus moved', () => regs().some((r) => r.symbol === '105560') && !regs().some((r) => r.symbol === '035720'));
    const seen = ticksOf(t).length;
    sim.exchange.control.injectTrade('035720', 'KRX', sim.exchange.quote('035720', 'KRX')!.last, 9);
    sim.exchange.control.injectTrade('105560', 'KRX', sim.exchange.quote('105560', 'KRX')!.last, 9);
    await t.waitFor('tick for 105560', () => ticksOf(t).some((k) => k.symbol === '105560' && k.qty === 9));
    await new Promise((r) => setTimeout(r, 150));
    expect(ticksOf(t).slice(seen).some((k) => k.symbol === '035720')).toBe(false);

    value(await t.call('market:focus', { symbol: null }));
    await t.waitFor('unfocused', () => !regs().some((r) => r.tier === 'focused'));
    expect(await t.call('market:focus', { symbol: '999999' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('holdings written by sync + refreshStreams → the symbol is streamed with position priority', async () => {
    const t = await marketCore();
    const session = await t.session.ready();
    await t.waitFor('connected', () => session.realtime.state().state === 'connected');
    const w = session.store.writer.replaceHoldingsFromBalance({ holdings: [{ symbol: '005380', qty: 3, sellableQty: 3, cost: 630_000 }], asOf: session.marketClock.now() });
    expect(w.ok).toBe(true);
    t.session.refreshStreams();
    await t.waitFor('position registration', () => session.realtime.activeRegistrations().some((r) => r.symbol === '005380' && r.tier === 'position'));
  });

  it('watchlist: demo starts with leading names; set persists across a restart; unknown symbols refused', async () => {
    const dataDir = tempDir(cleanups);
    const t = await marketCore(undefined, dataDir);
    const first = value(await t.call<InstrumentView[]>('watchlist:get'));
    expect(first.map((i) => i.symbol)).toContain('005930');
    const session = await t.session.ready();
    await t.waitFor('watchlist streamed', () => session.realtime.activeRegistrations().some((r) => r.tier === 'watchlist'));

    const set = value(await t.call<InstrumentView[]>('watchlist:set', { symbols: ['035420', '069500', '000270'] }));
    expect(set.map((i) => [i.symbol, i.name])).toEqual([
      ['035420', 'NAVER'],
      ['069500', 'KODEX 200'],
      ['000270', '기아'],
    ]);
    await t.waitFor('new watchlist streamed', () =>
      ['035420', '069500', '000270'].every((s) => session.realtime.activeRegistrations().some((r) => r.symbol === s && r.tier === 'watchlist')),
    );
    expect(await t.call('watchlist:set', { symbols: ['005930', '999999'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await t.core.stop();

    const again = await marketCore(undefined, dataDir);
    expect(value(await again.call<InstrumentView[]>('watchlist:get')).map((i) => i.symbol)).toEqual(['035420', '069500', '000270']);
  });
});

describe('market:session at frozen times', () => {
  it('walks a trading day: 08:55 NXT halt + KRX opening auction, 10:00 both continuous, 15:35, 20:30; emits sessionChanged', async () => {
    const t = await marketCore('2026-11-23T08:55:00+09:00');
    const sim = (await t.session.ready()).sim!;
    const at = async () => value(await t.call<MarketSessionView>('market:session'));

    let s = await at();
    expect(s).toMatchObject({ tradingDay: true, regime: '2026-09', now: sim.clock.now() });
    expect(s.nxt).toMatchObject({ phase: 'halt', acceptsOrders: false, label: { ko: '휴장(거래 중단)', en: 'Halt' } });
    expect(s.krx).toMatchObject({ phase: 'preOpenAuction', acceptsOrders: true });
    expect(s.krx.nextChangeAt).toBe(Date.parse('2026-11-23T09:00:00+09:00'));
    expect(t.eventsOf<MarketSessionView>('market:sessionChanged').at(-1)?.nxt.phase).toBe('halt');

    sim.clock.set('2026-11-23T10:00:00+09:00');
    s = await at();
    expect([s.krx.phase, s.nxt.phase]).toEqual(['continuous', 'continuous']);
    await t.waitFor('sessionChanged', () => t.eventsOf<MarketSessionView>('market:sessionChanged').at(-1)?.krx.phase === 'continuous', 3000);

    sim.clock.set('2026-11-23T15:35:00+09:00');
    s = await at();
    expect([s.krx.phase, s.nxt.phase]).toEqual(['closed', 'afterAcceptOnly']);
    expect(s.nxt.acceptsOrders).toBe(true);

    sim.clock.set('2026-11-23T20:30:00+09:00');
    s = await at();
    expect([s.krx.phase, s.nxt.phase]).toEqual(['closed', 'closed']);
    expect(s.krx.nextChangeAt).toBe(Date.parse('2026-11-24T08:30:00+09:00'));
  });

  it('a Saturday is not a trading day', async () => {
    const t = await marketCore('2026-11-28T10:00:00+09:00');
    const s = value(await t.call<MarketSessionView>('market:session'));
    expect(s.tradingDay).toBe(false);
    expect(s.krx.phase).toBe('closed');
    expect(s.nxt.phase).toBe('closed');
  });
});
