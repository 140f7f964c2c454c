/**
 * The in-memory quote and 호가 cache: seeded by a REST snapshot (inquire-price / inquire-asking-price), then
 * kept current by the realtime ticks and books (a stream is a hint; the snapshot fills what ticks do not
 * carry: limits, base price, tick size). Plain maps — thousands of updates a second must stay cheap.
 */
import type { BookView, QuoteView, TradeTick } from '../../shared/ipc/domains/market';
import { priceBand } from '../../shared/market/band';
import { tickSize } from '../../shared/market/ticks';
import { kstDate, kstEpoch } from '../../shared/market/time';
import type { OrderBook, Quote } from '../kis';
import type { Book, Tick } from '../kis/realtime';
import type { QuoteVenue } from './service';

type Sign = QuoteView['sign'];
const SIGNS = new Set(['1', '2', '3', '4', '5']);
const signOf = (s: string | undefined, change: number): Sign => (s && SIGNS.has(s) ? (s as Sign) : change > 0 ? '2' : change < 0 ? '5' : '3');
const int = (n: number): number => (Number.isFinite(n) ? Math.round(n) : 0);

const key = (symbol: string, venue: QuoteVenue) => `${symbol}|${venue}`;

/** Stream time 'HHMMSS' on the record's business date (or today's) → epoch ms. */
function streamTime(bsopDate: string | undefined, hhmmss: string, nowMs: number): number {
  const ymd = bsopDate && /^\d{8}$/.test(bsopDate) ? bsopDate : kstDate(nowMs);
  try {
    return kstEpoch(ymd, hhmmss);
  } catch {
    return nowMs;
  }
}

export function tradeTickOf(t: Tick, nowMs: number): TradeTick {
  return {
    symbol: t.symbol,
    venue: t.venue,
    price: int(t.price),
    qty: int(t.qty),
    change: int(t.change),
    changeRate: Number.isFinite(t.changeRate) ? t.changeRate : 0,
    sign: signOf(t.sign, t.change),
    volume: int(t.cumVolume),
    side: t.side === '1' ? 'buy' : t.side === '5' ? 'sell' : 'none',
    time: streamTime(t.bsopDate, t.time, nowMs),
  };
}

export class QuoteCache {
  private readonly quotes = new Map<string, QuoteView>();
  private readonly books = new Map<string, BookView>();
  /** When a (symbol, venue) last got a REST snapshot or a stream update (epoch ms, market clock). */
  private readonly touched = new Map<string, number>();

  constructor(private readonly etpOf: (symbol: string) => boolean) {}

  quote(symbol: string, venue: QuoteVenue): QuoteView | undefined {
    return this.quotes.get(key(symbol, venue));
  }
  book(symbol: string, venue: QuoteVenue): BookView | undefined {
    return this.books.get(key(symbol, venue));
  }
  lastTouched(symbol: string, venue: QuoteVenue): number | undefined {
    return this.touched.get(key(symbol, venue));
  }

  lastPrice(symbol: string): number | undefined {
    for (const v of ['KRX', 'UN', 'NXT'] as const) {
      const q = this.quotes.get(key(symbol, v));
      if (q && q.price > 0) return q.price;
    }
    return undefined;
  }

  lastPrices(): Map<string, number> {
    const out = new Map<string, number>();
    for (const q of this.quotes.values()) if (q.price > 0 && (!out.has(q.symbol) || q.venue === 'KRX')) out.set(q.symbol, q.price);
    return out;
  }

  seedQuote(q: Quote, venue: QuoteVenue, nowMs: number): QuoteView {
    const etp = this.etpOf(q.symbol);
    const view: QuoteView = {
      symbol: q.symbol,
      venue,
      price: int(q.last),
      change: int(q.change),
      changeRate: Number.isFinite(q.changeRate) ? q.changeRate : 0,
      sign: signOf(q.sign, q.change),
      open: int(q.open),
      high: int(q.high),
      low: int(q.low),
      volume: int(q.volume),
      turnover: int(q.turnover),
      upperLimit: int(q.upperLimit),
      lowerLimit: int(q.lowerLimit),
      prevClose: int(q.basePrice || q.last - q.change),
      tickSize: q.tickSize > 0 ? int(q.tickSize) : tickSize(Math.max(1, q.last), etp),
      halted: q.halted,
      time: nowMs,
    };
    this.quotes.set(key(q.symbol, venue), view);
    this.touched.set(key(q.symbol, venue), nowMs);
    return view;
  }

  seedBook(b: OrderBook, venue: QuoteVenue, nowMs: number): BookView {
    const view: BookView = {
      symbol: b.symbol,
      venue,
      asks: b.asks.slice(0, 10).map((l) => ({ price: int(l.price), qty: int(l.qty) })),
      bids: b.bids.slice(0, 10).map((l) => ({ price: int(l.price), qty: int(l.qty) })),
      totalAskQty: int(b.totalAskQty),
      totalBidQty: int(b.totalBidQty),
      expectedPrice: b.expected && b.expected.price > 0 ? int(b.expected.price) : null,
      time: b.time && /^\d{6}$/.test(b.time) ? streamTime(undefined, b.time, nowMs) : nowMs,
    };
    this.books.set(key(b.symbol, venue), view);
    this.touched.set(key(b.symbol, venue), nowMs);
    return view;
  }

  /** A streamed trade: moves the quote; fields the stream does not carry come from the snapshot (or the rules). */
  applyTick(t: Tick, nowMs: number): TradeTick {
    const tick = tradeTickOf(t, nowMs);
    const k = key(t.symbol, t.venue);
    const prev = this.quotes.get(k);
    const etp = this.etpOf(t.symbol);
    const prevClose = prev?.prevClose ?? Math.max(0, tick.price - tick.change);
    const band = prev ? { upper: prev.upperLimit, lower: prev.lowerLimit } : prevClose > 0 ? priceBand(prevClose, etp) : { upper: 0, lower: 0 };
    this.quotes.set(k, {
      symbol: t.symbol,
      venue: t.venue,
      price: tick.price,
      change: tick.change,
      changeRate: tick.changeRate,
      sign: tick.sign,
      open: int(t.open) || prev?.open || tick.price,
      high: int(t.high) || prev?.high || tick.price,
      low: int(t.low) || prev?.low || tick.price,
      volume: tick.volume,
      turnover: int(t.cumTurnover) || prev?.turnover || 0,
      upperLimit: band.upper,
      lowerLimit: band.lower,
      prevClose,
      tickSize: tickSize(Math.max(1, tick.price), etp),
      halted: t.trhtYn === 'Y',
      time: tick.time,
    });
    this.touched.set(k, nowMs);
    return tick;
  }

  applyBook(b: Book, nowMs: number): BookView {
    const view: BookView = {
      symbol: b.symbol,
      venue: b.venue,
      asks: b.asks.filter((l) => l.price > 0).slice(0, 10).map((l) => ({ price: int(l.price), qty: int(l.qty) })),
      bids: b.bids.filter((l) => l.price > 0).slice(0, 10).map((l) => ({ price: int(l.price), qty: int(l.qty) })),
      totalAskQty: int(b.totalAskQty),
      totalBidQty: int(b.totalBidQty),
      expectedPrice: b.expectedPrice > 0 ? int(b.expectedPrice) : null,
      time: streamTime(undefined, b.time, nowMs),
    };
    this.books.set(key(b.symbol, b.venue), view);
    this.touched.set(key(b.symbol, b.venue), nowMs);
    return view;
  }

  clear(): void {
    this.quotes.clear();
    this.books.clear();
    this.touched.clear();
  }
}
