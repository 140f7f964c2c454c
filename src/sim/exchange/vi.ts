/**
 * Static VI (변동성완화장치): a continuous trade ±10% or more away from the reference price (the last single price —
 * the open or the previous VI uncross — else the base price) stops continuous trading on that venue for a 2-minute
 * single-price call (kis-api.md §9.2 DECISION). Orders keep arriving and rest; IOC/FOK are killed; then the call
 * uncrosses at one price, which becomes the new reference.
 */
import { roundToTick } from '../../shared/market/ticks';
import type { Ctx, SymbolState, VenueBook } from './model';
import { isContinuous, phaseNow } from './phase';
import { uncrossAt } from './matching';
import { emitBook } from './arrival';
import { evolveFair } from './pricepath';
import { regenSynthetic } from './venue';

export const VI_STATIC_PERCENT = 10;
export const VI_CALL_MS = 120_000;

export function viActive(ctx: Ctx, vb: VenueBook): boolean {
  return vb.viUntil > ctx.now;
}

export function viReference(sym: SymbolState, vb: VenueBook): number {
  return vb.viRef || sym.inst.basePrice;
}

export function checkStaticVi(ctx: Ctx, sym: SymbolState, vb: VenueBook, price: number): void {
  if (vb.viUntil !== 0 || !isContinuous(phaseNow(ctx, vb.venue).phase)) return;
  const ref = viReference(sym, vb);
  if (Math.abs(price - ref) * 100 < ref * VI_STATIC_PERCENT) return;
  vb.viUntil = ctx.now + VI_CALL_MS;
  // The synthetic market steps back: the book shows only resting orders' side of the call around the fair value.
  emitBook(ctx, sym, vb);
}

/** At or after the end of the call: uncross at the fair single price and resume. */
export function endViIfDue(ctx: Ctx, sym: SymbolState, vb: VenueBook): void {
  if (vb.viUntil === 0 || ctx.now < vb.viUntil) return;
  vb.viUntil = 0;
  evolveFair(ctx, sym, ctx.now);
  const price = Math.min(sym.inst.upperLimit, Math.max(sym.inst.lowerLimit, roundToTick(sym.fair, sym.inst.etp, 'nearest')));
  const mc = phaseNow(ctx, vb.venue).marketClass;
  uncrossAt(ctx, sym, vb, price, Math.round(vb.depthQty * 3 * (0.5 + sym.rng.next())), mc, false);
  regenSynthetic(vb, sym.fair, sym.rng, sym.inst.lowerLimit, sym.inst.upperLimit);
  emitBook(ctx, sym, vb);
}
