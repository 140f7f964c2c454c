/** The quote/호가 cache and the ~50 ms batcher: stream records over a REST snapshot, in the trader's words. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateBatcher } from '../../../src/main/market/batcher';
import { QuoteCache } from '../../../src/main/market/quote-cache';
import type { Book, Tick } from '../../../src/main/kis/realtime';
import type { Quote } from '../../../src/main/kis';
import type { BookView, TradeTick } from '../../../src/shared/ipc/domains/market';
import { kstEpoch } from '../../../src/shared/market/time';

const NOW = kstEpoch('20261123', '100000');

const snapshot: Quote = {
  symbol: '005930', market: 'J', last: 72_000, change: 100, sign: '2', changeRate: 0.14, open: 71_900, high: 72_100, low: 71_800,
  volume: 1000, turnover: 72_000_000, upperLimit: 93_400, lowerLimit: 50_400, basePrice: 71_900, tickSize: 100, statusCode: '55',
  halted: false, viCode: 'N', marginRate: 20, marketName: 'KOSPI', sectorName: '전기·전자', high52w: 0, low52w: 0, per: 0, pbr: 0, eps: 0, bps: 0,
};

function tick(over: Partial<Tick> = {}): Tick {
  return {
    venue: 'KRX', symbol: '005930', time: '100001', price: 72_100, sign: '2', change: 200, changeRate: 0.28, vwap: 72_000, open: 71_900,
    high: 72_100, low: 71_800, ask1: 72_200, bid1: 72_100, qty: 15, cumVolume: 1015, cumTurnover: 73_081_500, side: '1', bsopDate: '20261123',
    newMkopClsCode: '20', trhtYn: 'N', hourClsCode: '0', viStndPrc: 0, ...over,
  };
}

describe('QuoteCache', () => {
  it('a tick moves the snapshot quote and keeps the limits, base price and time from the record', () => {
    const c = new QuoteCache(() => false);
    c.seedQuote(snapshot, 'KRX', NOW);
    const t = c.applyTick(tick(), NOW + 1000);
    expect(t).toEqual({ symbol: '005930', venue: 'KRX', price: 72_100, qty: 15, change: 200, changeRate: 0.28, sign: '2', volume: 1015, side: 'buy', time: kstEpoch('20261123', '100001') });
    expect(c.quote('005930', 'KRX')).toMatchObject({ price: 72_100, volume: 1015, upperLimit: 93_400, lowerLimit: 50_400, prevClose: 71_900, tickSize: 100, halted: false });
    expect(c.lastPrice('005930')).toBe(72_100);
    expect([...c.lastPrices()]).toEqual([['005930', 72_100]]);
  });

  it('a tick without a snapshot derives prev close, band and tick size from the shared rules; ETP ticks are 5 won', () => {
    const c = new QuoteCache((s) => s === '069500');
    c.applyTick(tick({ symbol: '069500', price: 36_500, change: 45, sign: '', side: '5', trhtYn: 'Y' }), NOW);
    const q = c.quote('069500', 'KRX')!;
    expect(q).toMatchObject({ prevClose: 36_455, tickSize: 5, sign: '2', halted: true });
    expect(q.upperLimit).toBeGreaterThan(q.prevClose);
    expect(q.lowerLimit).toBeLessThan(q.prevClose);
    expect(c.applyTick(tick({ side: '3' }), NOW).side).toBe('none');
  });

  it('books: levels with price 0 dropped, at most 10, expected price null outside auctions', () => {
    const c = new QuoteCache(() => false);
    const levels = (p: number, step: number) => Array.from({ length: 10 }, (_, i) => ({ price: i < 8 ? p + i * step : 0, qty: 10 + i }));
    const b = { venue: 'NXT', symbol: '005930', time: '100002', hourClsCode: '0', asks: levels(72_200, 100), bids: levels(72_100, -100), totalAskQty: 500, totalBidQty: 600,
      overtimeTotalAskQty: 0, overtimeTotalBidQty: 0, expectedPrice: 0, expectedQty: 0, expectedVolume: 0, expectedChange: 0, expectedSign: '', expectedChangeRate: 0, cumVolume: 0, dealClsCode: '' } as Book;
    const v = c.applyBook(b, NOW);
    expect(v.asks).toHaveLength(8);
    expect(v.bids[0]).toEqual({ price: 72_100, qty: 10 });
    expect(v.expectedPrice).toBeNull();
    expect(v.venue).toBe('NXT');
    expect(c.book('005930', 'NXT')).toEqual(v);
  });
});

describe('UpdateBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emits every tick in one batch per interval and only the latest book per symbol/venue', () => {
    const ticks: TradeTick[][] = [];
    const books: BookView[] = [];
    const b = new UpdateBatcher((t) => ticks.push(t), (x) => books.push(x), 50);
    const t = (qty: number) => ({ qty }) as TradeTick;
    const book = (symbol: string, time: number) => ({ symbol, venue: 'KRX', time }) as BookView;
    b.tick(t(1));
    b.tick(t(2));
    b.book(book('005930', 1));
    b.book(book('005930', 2));
    b.book(book('000660', 3));
    vi.advanceTimersByTime(49);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([[t(1), t(2)]]);
    expect(books.map((x) => x.time)).toEqual([2, 3]);
    b.tick(t(3));
    b.reset();
    vi.advanceTimersByTime(100);
    expect(ticks).toHaveLength(1);
  });

  it('splits a burst above the event cap of 2,000 ticks', () => {
    const ticks: TradeTick[][] = [];
    const b = new UpdateBatcher((t) => ticks.push(t), () => undefined, 50);
    for (let i = 0; i < 4500; i++) b.tick({ qty: i } as TradeTick);
    vi.advanceTimersByTime(50);
    expect(ticks.map((x) => x.length)).toEqual([2000, 2000, 500]);
  });
});
