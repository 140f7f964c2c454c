/**
 * One symbol on one venue: synthetic liquidity + resting client orders (price-time priority), the running quote
 * and today's minute bars. Pure bookkeeping; who trades with whom is decided in matching.ts.
 */
import { kstDate, kstTime } from '../../shared/market/time';
import { roundToTick, stepTicks } from '../../shared/market/ticks';
import type { Rng } from './prng';
import type { LiveOrder, RestingLevel, VenueBook } from './model';
import type { Book, BookLevel, MinuteBar, Quote, Side, Venue } from './types';

export const BOOK_LEVELS = 10;

export function emptyQuote(symbol: string, venue: Venue, prevClose: number, time: number): Quote {
  return {
    symbol,
    venue,
    last: prevClose,
    open: 0,
    high: 0,
    low: 0,
    volume: 0,
    turnover: 0,
    prevClose,
    change: 0,
    changeRate: 0,
    sign: '3',
    vwap: 0,
    bestAsk: 0,
    bestBid: 0,
    openTime: '',
    highTime: '',
    lowTime: '',
    sellTradeCount: 0,
    buyTradeCount: 0,
    sellTradeVolume: 0,
    buyTradeVolume: 0,
    halted: false,
    time,
  };
}

export function createVenueBook(symbol: string, venue: Venue, etp: boolean, prevClose: number, depthQty: number, tradeRate: number, time: number): VenueBook {
  return {
    symbol,
    venue,
    etp,
    synthAsks: [],
    synthBids: [],
    clientAsks: [],
    clientBids: [],
    quote: emptyQuote(symbol, venue, prevClose, time),
    minuteBars: [],
    depthQty,
    viUntil: 0,
    viRef: 0,
    tradeRate,
    bookTime: time,
  };
}

/** Change, sign and rate of a quote relative to its previous close and band. */
export function refreshChange(q: Quote, upper: number, lower: number): void {
  q.change = q.last - q.prevClose;
  q.changeRate = q.prevClose > 0 ? Math.round((q.change / q.prevClose) * 10000) / 100 : 0;
  q.sign = q.last >= upper ? '1' : q.last <= lower ? '4' : q.change > 0 ? '2' : q.change < 0 ? '5' : '3';
}

/** A trade on this quote: last, OHLC with times, volume, turnover, VWAP, aggressor counts. */
export function recordTradeOnQuote(q: Quote, price: number, qty: number, aggressor: Side, time: number, upper: number, lower: number, hhmmss = kstTime(time)): void {
  if (q.volume === 0 && q.open === 0) {
    q.open = price;
    q.high = price;
    q.low = price;
    q.openTime = hhmmss;
    q.highTime = hhmmss;
    q.lowTime = hhmmss;
  }
  if (price > q.high) {
    q.high = price;
    q.highTime = hhmmss;
  }
  if (price < q.low) {
    q.low = price;
    q.lowTime = hhmmss;
  }
  q.last = price;
  q.volume += qty;
  q.turnover += price * qty;
  q.vwap = q.volume > 0 ? Math.round((q.turnover / q.volume) * 100) / 100 : 0;
  if (aggressor === 'buy') {
    q.buyTradeCount++;
    q.buyTradeVolume += qty;
  } else {
    q.sellTradeCount++;
    q.sellTradeVolume += qty;
  }
  q.time = time;
  refreshChange(q, upper, lower);
}

export function recordMinuteBar(bars: MinuteBar[], price: number, qty: number, time: number, minute = `${kstTime(time).slice(0, 4)}00`): void {
  const last = bars[bars.length - 1];
  if (last && last.time === minute) {
    if (price > last.high) last.high = price;
    if (price < last.low) last.low = price;
    last.close = price;
    last.volume += qty;
    last.turnover += price * qty;
    return;
  }
  bars.push({ date: kstDate(time), time: minute, open: price, high: price, low: price, close: price, volume: qty, turnover: price * qty });
}

// --- resting client orders --------------------------------------------------------------------------------------

function levelsFor(vb: VenueBook, side: Side): RestingLevel[] {
  return side === 'buy' ? vb.clientBids : vb.clientAsks;
}

/** Insert at its price level (binary search), behind earlier orders at that price. */
export function addResting(vb: VenueBook, o: LiveOrder): void {
  const levels = levelsFor(vb, o.rec.side);
  const better = o.rec.side === 'buy' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = levels[mid]!.price;
    if (p === o.limit) {
      levels[mid]!.orders.push(o);
      o.restingOn = vb.venue;
      return;
    }
    if (better(p, o.limit)) lo = mid + 1;
    else hi = mid;
  }
  levels.splice(lo, 0, { price: o.limit, orders: [o] });
  o.restingOn = vb.venue;
}

export function removeResting(vb: VenueBook, o: LiveOrder): void {
  const levels = levelsFor(vb, o.rec.side);
  for (let i = 0; i < levels.length; i++) {
    const lv = levels[i]!;
    if (lv.price !== o.limit) continue;
    const k = lv.orders.indexOf(o);
    if (k >= 0) lv.orders.splice(k, 1);
    if (lv.orders.length === 0) levels.splice(i, 1);
    break;
  }
  o.restingOn = null;
}

export function levelQty(lv: RestingLevel): number {
  let q = 0;
  for (const o of lv.orders) q += o.rec.remainingQty;
  return q;
}

// --- synthetic liquidity ----------------------------------------------------------------------------------------

/**
 * Rebuild the synthetic ladder around `fair`, never crossing resting client orders: asks start above the best
 * client bid, bids below the best client ask. Quantities persist (with noise) while the top price holds, so the
 * book breathes rather than flickers.
 */
export function regenSynthetic(vb: VenueBook, fair: number, rng: Rng, lower: number, upper: number): void {
  const etp = vb.etp;
  let bid = roundToTick(Math.min(Math.max(fair, lower), upper), etp, 'down');
  let ask = bid >= fair ? stepTicks(bid, 1, etp) : roundToTick(fair, etp, 'up');
  if (ask === bid) ask = stepTicks(bid, 1, etp);
  const bestClientBid = vb.clientBids[0]?.price;
  const bestClientAsk = vb.clientAsks[0]?.price;
  if (bestClientBid !== undefined && ask <= bestClientBid) ask = stepTicks(bestClientBid, 1, etp);
  if (bestClientAsk !== undefined && bid >= bestClientAsk) bid = stepTicks(bestClientAsk, -1, etp);
  if (bid >= ask) bid = stepTicks(ask, -1, etp);
  vb.synthAsks = ladder(vb.synthAsks, ask, 1, upper, vb.depthQty, rng, etp);
  vb.synthBids = ladder(vb.synthBids, bid, -1, lower, vb.depthQty, rng, etp);
}

function ladder(prev: BookLevel[], start: number, dir: 1 | -1, limit: number, depth: number, rng: Rng, etp: boolean): BookLevel[] {
  const out: BookLevel[] = [];
  const samePlace = prev.length > 0 && prev[0]!.price === start;
  let p = start;
  for (let i = 0; i < BOOK_LEVELS; i++) {
    if (dir > 0 ? p > limit : p < limit) break;
    const prevLevel = samePlace ? prev[i] : undefined;
    // Deeper levels are thicker, as in real books.
    const base = depth * (0.6 + 0.12 * i);
    const qty = prevLevel
      ? Math.max(1, Math.round(prevLevel.qty * (0.85 + 0.3 * rng.next())))
      : Math.max(1, Math.round(base * (0.4 + 1.2 * rng.next())));
    out.push({ price: p, qty });
    if (p <= 1 && dir < 0) break;
    p = stepTicks(p, dir, etp);
  }
  return out;
}

/** Implied depth beyond the visible ladder (so large orders can walk to the band, never beyond it). */
export function impliedQty(vb: VenueBook): number {
  return Math.max(1, Math.round(vb.depthQty * 2));
}

/** The published 10-level book: synthetic and client quantities merged by price. */
export function publicBook(vb: VenueBook, expected: Book['expected']): Book {
  const asks = mergeSide(vb.synthAsks, vb.clientAsks, 1);
  const bids = mergeSide(vb.synthBids, vb.clientBids, -1);
  let totalAskQty = 0;
  let totalBidQty = 0;
  for (const l of asks) totalAskQty += l.qty;
  for (const l of bids) totalBidQty += l.qty;
  return { symbol: vb.symbol, venue: vb.venue, asks, bids, totalAskQty, totalBidQty, expected, time: vb.bookTime };
}

function mergeSide(synth: BookLevel[], client: RestingLevel[], dir: 1 | -1): BookLevel[] {
  const out: BookLevel[] = [];
  let i = 0;
  let j = 0;
  while (out.length < BOOK_LEVELS && (i < synth.length || j < client.length)) {
    const s = synth[i];
    const c = client[j];
    if (c && (!s || (dir > 0 ? c.price < s.price : c.price > s.price))) {
      const q = levelQty(c);
      if (q > 0) out.push({ price: c.price, qty: q });
      j++;
    } else if (s && (!c || s.price !== c.price)) {
      out.push({ price: s.price, qty: s.qty });
      i++;
    } else if (s && c) {
      out.push({ price: s.price, qty: s.qty + levelQty(c) });
      i++;
      j++;
    }
  }
  return out;
}

export function bestPrices(vb: VenueBook): { bestAsk: number; bestBid: number } {
  const sa = vb.synthAsks[0]?.price ?? Infinity;
  const ca = vb.clientAsks[0]?.price ?? Infinity;
  const sb = vb.synthBids[0]?.price ?? 0;
  const cb = vb.clientBids[0]?.price ?? 0;
  const a = Math.min(sa, ca);
  return { bestAsk: a === Infinity ? 0 : a, bestBid: Math.max(sb, cb) };
}

/** Merge two venues' books into the 통합 (UN) view. */
export function mergeBooks(symbol: string, a: Book, b: Book): Book {
  const merge = (x: BookLevel[], y: BookLevel[], dir: 1 | -1): BookLevel[] => {
    const m = new Map<number, number>();
    for (const l of x) m.set(l.price, (m.get(l.price) ?? 0) + l.qty);
    for (const l of y) m.set(l.price, (m.get(l.price) ?? 0) + l.qty);
    return [...m.entries()]
      .sort((p, q) => (p[0] - q[0]) * dir)
      .slice(0, BOOK_LEVELS)
      .map(([price, qty]) => ({ price, qty }));
  };
  const asks = merge(a.asks, b.asks, 1);
  const bids = merge(a.bids, b.bids, -1);
  let totalAskQty = 0;
  let totalBidQty = 0;
  for (const l of asks) totalAskQty += l.qty;
  for (const l of bids) totalBidQty += l.qty;
  return {
    symbol,
    venue: a.venue,
    asks,
    bids,
    totalAskQty,
    totalBidQty,
    expected: a.expected ?? b.expected,
    time: Math.max(a.time, b.time),
  };
}
