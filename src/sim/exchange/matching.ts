/**
 * Who trades with whom: fills (ledger + notices), trades (quotes, bars, events), walking the opposite side of one
 * or two books in price-time priority, and single-price uncrosses. Resting client orders at a price always come
 * before synthetic liquidity at that price (the synthetic ladder is re-quoted every step, so it is always newer).
 */
import { commission, sellTax } from '../../shared/market/fees';
import { addTradingDays } from '../../shared/market/calendar';
import { kstDate, kstTime } from '../../shared/market/time';
import { stepTicks } from '../../shared/market/ticks';
import type { Ctx, LiveOrder, SymbolState, VenueBook } from './model';
import { emitNotice, legFor } from './notices';
import { bestPrices, levelQty, recordMinuteBar, recordTradeOnQuote, removeResting } from './venue';
import type { Fill, Side, Trade, Venue } from './types';
import { checkStaticVi } from './vi';

// Per exchange: two exchanges in one process may run different calendars.
const settleCaches = new WeakMap<Ctx, Map<string, string>>();

/** T+2 in trading days on this exchange's calendar. */
function settleDateFor(ctx: Ctx, tradeDate: string): string {
  let cache = settleCaches.get(ctx);
  if (!cache) {
    cache = new Map();
    settleCaches.set(ctx, cache);
  }
  let d = cache.get(tradeDate);
  if (!d) {
    d = addTradingDays(tradeDate, 2, (x) => ctx.isTradingDay(x));
    cache.set(tradeDate, d);
  }
  return d;
}

export function venueBook(sym: SymbolState, venue: Venue): VenueBook | null {
  return venue === 'KRX' ? sym.krx : sym.nxt;
}

/**
 * What a buy reserves: qty × (its price, or the upper limit when unpriced) + commission. The venue of the eventual
 * fill is unknown while the order is open, so the dearer venue's commission is reserved.
 */
export function reservationFor(ctx: Ctx, qty: number, reservePrice: number): number {
  const amount = qty * reservePrice;
  return amount + Math.max(commission(amount, 'KRX', ctx.rates), commission(amount, 'NXT', ctx.rates));
}

/** Keep an order's share of its account's reservation in step with its open remainder. */
export function updateReservation(ctx: Ctx, o: LiveOrder): void {
  const acct = ctx.ledger.get(o.rec.account);
  if (!acct) return;
  const next = o.rec.side === 'buy' && o.rec.state === 'open' && o.rec.remainingQty > 0 ? reservationFor(ctx, o.rec.remainingQty, o.reservePrice) : 0;
  acct.reserved += next - o.reserved;
  o.reserved = next;
}

/** One execution of a client order: record, ledger, reservation, fill notice. */
export function fillOrder(ctx: Ctx, o: LiveOrder, qty: number, price: number, venue: Venue): void {
  const rec = o.rec;
  rec.filledQty += qty;
  rec.filledAmount += qty * price;
  rec.remainingQty -= qty;
  // Closed: 'filled' only when every share traded; a partly modified/cancelled order that trades out is 'cancelled'.
  if (rec.remainingQty === 0) rec.state = rec.filledQty === rec.qty ? 'filled' : 'cancelled';
  const amount = qty * price;
  const tradeDate = kstDate(ctx.now);
  const fee = commission(amount, venue, ctx.rates);
  const tax = rec.side === 'sell' ? sellTax(amount, o.sym.inst.market, o.sym.inst.etp, tradeDate, ctx.rates) : 0;
  const acct = ctx.ledger.get(rec.account);
  if (acct) ctx.ledger.applyFill(acct, { symbol: rec.symbol, side: rec.side, qty, price, fee, tax }, settleDateFor(ctx, tradeDate));
  updateReservation(ctx, o);
  const fill: Fill = {
    fillId: `${rec.orderNo}-${String(++o.fillSeq).padStart(4, '0')}`,
    orderNo: rec.orderNo,
    account: rec.account,
    symbol: rec.symbol,
    side: rec.side,
    qty,
    price,
    venue,
    exchangeLeg: legFor(o, venue),
    fee,
    tax,
    time: ctx.now,
  };
  ctx.fills.push(fill);
  emitNotice(ctx, o, { cntgYn: '2', acptYn: '2', rctf: '0' }, qty, price, venue);
  if (rec.state !== 'open') ctx.orders.delete(rec.orderNo);
}

/** Close the unfilled remainder (IOC/FOK kill, GTP expiry …) with an ACPT_YN=3 notice, or silently. */
export function killRemainder(ctx: Ctx, o: LiveOrder, notify: boolean): void {
  const q = o.rec.remainingQty;
  if (q <= 0) return;
  const venue = o.restingOn ?? o.venues[0] ?? 'KRX';
  if (o.restingOn) {
    const vb = venueBook(o.sym, o.restingOn);
    if (vb) removeResting(vb, o);
  }
  o.rec.remainingQty = 0;
  o.rec.cancelledQty += q;
  o.rec.state = o.rec.filledQty > 0 && o.rec.filledQty === o.rec.qty ? 'filled' : 'cancelled';
  updateReservation(ctx, o);
  ctx.orders.delete(o.rec.orderNo);
  if (notify) emitNotice(ctx, o, { cntgYn: '1', acptYn: '3', rctf: '0' }, q, o.rec.price, venue);
}

/** A trade on a venue: quote, minute bars, 통합 view, event, and stop triggers (deferred). */
export function recordTrade(
  ctx: Ctx,
  sym: SymbolState,
  vb: VenueBook,
  price: number,
  qty: number,
  aggressor: Side,
  marketClass: Trade['marketClass'],
  singlePrice = false,
): void {
  const { upperLimit, lowerLimit } = sym.inst;
  const t = ctx.now;
  const hhmmss = kstTime(t);
  const minute = `${hhmmss.slice(0, 4)}00`;
  recordTradeOnQuote(vb.quote, price, qty, aggressor, t, upperLimit, lowerLimit, hhmmss);
  recordMinuteBar(vb.minuteBars, price, qty, t, minute);
  recordTradeOnQuote(sym.unQuote, price, qty, aggressor, t, upperLimit, lowerLimit, hhmmss);
  recordMinuteBar(sym.unMinuteBars, price, qty, t, minute);
  const bp = bestPrices(vb);
  vb.quote.bestAsk = bp.bestAsk;
  vb.quote.bestBid = bp.bestBid;
  sym.unQuote.bestAsk = bp.bestAsk;
  sym.unQuote.bestBid = bp.bestBid;
  if (sym.stops.length > 0) ctx.stopCheck.add(sym);
  // A single price (auction, VI uncross) becomes the static-VI reference; a continuous trade may trigger VI.
  if (singlePrice) vb.viRef = price;
  else checkStaticVi(ctx, sym, vb, price);
  if (!ctx.quiet && ctx.emitter.has('trade')) {
    const trade: Trade = { symbol: sym.inst.code, venue: vb.venue, price, qty, aggressor, time: t, marketClass };
    ctx.emitter.emit('trade', trade, { ...vb.quote });
  }
}

// --- walking the opposite side ------------------------------------------------------------------------------------

export interface PlannedLevel {
  vb: VenueBook;
  price: number;
  qty: number;
}

/** Levels on the side an aggressor of `side` takes from, best first, priced no worse than `limit`. */
function* oppositeLevels(vb: VenueBook, side: Side, limit: number): Generator<{ price: number; qty: number }> {
  const buy = side === 'buy';
  const client = buy ? vb.clientAsks : vb.clientBids;
  const synth = buy ? vb.synthAsks : vb.synthBids;
  const better = buy ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const within = (p: number) => (buy ? p <= limit : p >= limit);
  let i = 0;
  let j = 0;
  let implied: number | null = null;
  const impliedQtyPer = Math.max(1, Math.round(vb.depthQty * 2));
  for (let guard = 0; guard < 5000; guard++) {
    const cp = client[i]?.price;
    let sp: number | undefined;
    let spImplied = false;
    if (j < synth.length) sp = synth[j]!.price;
    else if (synth.length > 0) {
      if (implied === null) implied = stepTicks(synth[synth.length - 1]!.price, buy ? 1 : -1, vb.etp);
      if (implied > 0) {
        sp = implied;
        spImplied = true;
      }
    }
    let p: number;
    if (cp !== undefined && (sp === undefined || better(cp, sp) || cp === sp)) p = cp;
    else if (sp !== undefined) p = sp;
    else return;
    if (!within(p)) return;
    let qty = 0;
    if (cp === p) {
      qty += levelQty(client[i]!);
      i++;
    }
    if (sp === p) {
      qty += spImplied ? impliedQtyPer : synth[j]!.qty;
      if (spImplied) implied = stepTicks(p, buy ? 1 : -1, vb.etp);
      else j++;
    }
    if (qty > 0) yield { price: p, qty };
  }
}

/**
 * Plan a take of up to `maxQty` across one or more books (SOR: the better price first, ties to the first book,
 * which callers make KRX). Nothing is changed; execute with `executePlan`.
 */
export function planTake(books: VenueBook[], side: Side, limit: number, maxQty: number): PlannedLevel[] {
  const its = books.map((vb) => ({ vb, it: oppositeLevels(vb, side, limit), cur: null as { price: number; qty: number } | null, done: false }));
  for (const s of its) {
    const r = s.it.next();
    if (r.done) s.done = true;
    else s.cur = r.value;
  }
  const plan: PlannedLevel[] = [];
  let left = maxQty;
  while (left > 0) {
    let best: (typeof its)[number] | null = null;
    for (const s of its) {
      if (s.done || !s.cur) continue;
      if (!best || (side === 'buy' ? s.cur.price < best.cur!.price : s.cur.price > best.cur!.price)) best = s;
    }
    if (!best || !best.cur) break;
    const q = Math.min(left, best.cur.qty);
    plan.push({ vb: best.vb, price: best.cur.price, qty: q });
    left -= q;
    const r = best.it.next();
    if (r.done) {
      best.done = true;
      best.cur = null;
    } else best.cur = r.value;
  }
  return plan;
}

/**
 * Take `qty` at `price` from one book: resting client orders first (FIFO), then synthetic liquidity. Returns the
 * quantity taken. Resting client orders get their fills here; the aggressor's fills are the caller's.
 */
export function takeAt(ctx: Ctx, sym: SymbolState, vb: VenueBook, side: Side, price: number, qty: number): number {
  const buy = side === 'buy';
  const client = buy ? vb.clientAsks : vb.clientBids;
  let left = qty;
  const lv = client[0]?.price === price ? client[0] : client.find((l) => l.price === price);
  if (lv) {
    while (left > 0 && lv.orders.length > 0) {
      const o = lv.orders[0]!;
      const q = Math.min(left, o.rec.remainingQty);
      left -= q;
      if (q === o.rec.remainingQty) {
        lv.orders.shift();
        o.restingOn = null;
      }
      fillOrder(ctx, o, q, price, vb.venue);
    }
    if (lv.orders.length === 0) {
      const k = client.indexOf(lv);
      if (k >= 0) client.splice(k, 1);
    }
  }
  if (left > 0) {
    const synth = buy ? vb.synthAsks : vb.synthBids;
    const k = synth.findIndex((l) => l.price === price);
    if (k >= 0) {
      const s = synth[k]!;
      const q = Math.min(left, s.qty);
      s.qty -= q;
      left -= q;
      if (s.qty === 0) synth.splice(k, 1);
    } else left = 0; // implied depth beyond the visible ladder
  }
  vb.bookTime = ctx.now;
  return qty - left;
}

/** Fill every resting client order on the opposite side priced strictly better than `through` (the path traded through it). */
export function sweepThrough(ctx: Ctx, sym: SymbolState, vb: VenueBook, side: Side, through: number, marketClass: Trade['marketClass']): void {
  const buy = side === 'buy';
  const client = buy ? vb.clientAsks : vb.clientBids;
  while (client.length > 0) {
    const lv = client[0]!;
    if (buy ? lv.price >= through : lv.price <= through) break;
    const total = levelQty(lv);
    const price = lv.price;
    takeAt(ctx, sym, vb, side, price, total);
    if (total > 0) recordTrade(ctx, sym, vb, price, total, side, marketClass);
    if (client[0] === lv) client.shift();
  }
}

/**
 * Single-price uncross at `price`: every resting client order that crosses it (or is a market/conditional order)
 * fills in full at that price against the auction's synthetic side; one trade prints the auction volume.
 */
export function uncrossAt(ctx: Ctx, sym: SymbolState, vb: VenueBook, price: number, syntheticVolume: number, marketClass: Trade['marketClass'], treatConditionalAsMarket: boolean): number {
  let clientVolume = 0;
  const crosses = (o: LiveOrder): boolean =>
    o.isMarket || (treatConditionalAsMarket && o.conditional) || (o.rec.side === 'buy' ? o.limit >= price : o.limit <= price);
  for (const levels of [vb.clientBids, vb.clientAsks]) {
    for (const lv of [...levels]) {
      for (const o of [...lv.orders]) {
        if (!crosses(o)) continue;
        removeResting(vb, o);
        clientVolume += o.rec.remainingQty;
        fillOrder(ctx, o, o.rec.remainingQty, price, vb.venue);
      }
    }
  }
  const volume = clientVolume + syntheticVolume;
  if (volume > 0) recordTrade(ctx, sym, vb, price, volume, 'buy', marketClass, true);
  else vb.viRef = price;
  return volume;
}
