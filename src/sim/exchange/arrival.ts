/** An order meeting the book: walk the opposite side (IOC/FOK semantics, SOR leg choice), then rest what is left. */
import type { Ctx, LiveOrder, SymbolState, VenueBook } from './model';
import { fillOrder, killRemainder, planTake, recordTrade, takeAt, venueBook } from './matching';
import { unpricedLimit } from './orders';
import { isContinuous, phaseNow, windowExpiry } from './phase';
import { viActive } from './vi';
import { addResting, bestPrices, publicBook } from './venue';
import type { Book } from './types';
import { roundToTick } from '../../shared/market/ticks';

/** The expected single-price match shown in the book during a call (auction) phase. */
export function expectedFor(ctx: Ctx, sym: SymbolState, vb: VenueBook): Book['expected'] {
  const ph = phaseNow(ctx, vb.venue);
  if (!viActive(ctx, vb) && (ph.matching || !ph.acceptsOrders)) return null;
  const price = roundToTick(Math.min(sym.inst.upperLimit, Math.max(sym.inst.lowerLimit, sym.fair)), sym.inst.etp, 'nearest');
  let qty = 0;
  for (const lv of vb.clientBids) if (lv.price >= price) for (const o of lv.orders) qty += o.rec.remainingQty;
  for (const lv of vb.clientAsks) if (lv.price <= price) for (const o of lv.orders) qty += o.rec.remainingQty;
  return { price, qty: qty + Math.round(vb.depthQty * 3) };
}

export function emitBook(ctx: Ctx, sym: SymbolState, vb: VenueBook): void {
  const bp = bestPrices(vb);
  vb.quote.bestAsk = bp.bestAsk;
  vb.quote.bestBid = bp.bestBid;
  if (ctx.quiet || !ctx.emitter.has('book')) return;
  ctx.emitter.emit('book', publicBook(vb, expectedFor(ctx, sym, vb)));
}

function booksOf(o: LiveOrder): VenueBook[] {
  const out: VenueBook[] = [];
  for (const v of ['KRX', 'NXT'] as const) {
    if (!o.venues.includes(v)) continue;
    const vb = venueBook(o.sym, v);
    if (vb) out.push(vb);
  }
  return out;
}

/** Match on arrival where a venue is in continuous trading; IOC/FOK remainders (or calls) are killed. */
export function executeAggressive(ctx: Ctx, o: LiveOrder): void {
  const books = booksOf(o);
  if (o.info.unpriced) o.limit = unpricedLimit(ctx, o, books.map(bestPrices));
  else o.limit = o.rec.price;
  const matching = books.filter((vb) => isContinuous(phaseNow(ctx, vb.venue).phase) && !viActive(ctx, vb));
  const cond = o.info.condition;
  if (matching.length === 0) {
    if (cond !== 'none') killRemainder(ctx, o, true);
    return;
  }
  const side = o.rec.side;
  const plan = planTake(matching, side, o.limit, o.rec.remainingQty);
  if (cond === 'FOK') {
    let total = 0;
    for (const p of plan) total += p.qty;
    if (total < o.rec.remainingQty) {
      killRemainder(ctx, o, true);
      return;
    }
  }
  const touched = new Set<VenueBook>();
  let lastPrice = 0;
  for (const step of plan) {
    const taken = takeAt(ctx, o.sym, step.vb, side, step.price, step.qty);
    if (taken <= 0) continue;
    o.rec.venue = step.vb.venue;
    fillOrder(ctx, o, taken, step.price, step.vb.venue);
    recordTrade(ctx, o.sym, step.vb, step.price, taken, side, phaseNow(ctx, step.vb.venue).marketClass);
    touched.add(step.vb);
    lastPrice = step.price;
  }
  // Price impact: the latent fair value follows what actually traded.
  if (lastPrice > 0) o.sym.fair = (o.sym.fair + lastPrice) / 2;
  for (const vb of touched) emitBook(ctx, o.sym, vb);
  if (cond !== 'none' && o.rec.remainingQty > 0) killRemainder(ctx, o, true);
}


/** Put the remainder on a book: SOR prefers KRX when KRX is accepting, else NXT. */
export function restOrder(ctx: Ctx, o: LiveOrder): void {
  const books = booksOf(o);
  const accepting = books.filter((vb) => phaseNow(ctx, vb.venue).acceptsOrders);
  const vb = accepting[0] ?? books[0];
  if (!vb) return;
  addResting(vb, o);
  o.rec.venue = vb.venue;
  o.expiresAt = windowExpiry(ctx, vb.venue, o.info.window);
  emitBook(ctx, o.sym, vb);
}
