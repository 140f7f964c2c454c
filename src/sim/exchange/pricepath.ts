/**
 * The seeded price path: a mean-reverting random walk of each symbol's latent fair value, turned into synthetic
 * trades that walk the real books (so resting client orders on the path get filled), at two resolutions:
 * dense (every second: individual trades, fresh books, events) and coarse (one step per minute or five, for
 * catching up after a clock jump: a few trades per step, no per-step events).
 */
import { clampToBand } from '../../shared/market/band';
import { roundToTick, stepTicks, tickSize } from '../../shared/market/ticks';
import { emitBook } from './arrival';
import { planTake, recordTrade, sweepThrough, takeAt } from './matching';
import type { Ctx, SymbolState, VenueBook } from './model';
import type { Trade } from './types';
import { bestPrices, regenSynthetic } from './venue';

const SECONDS_PER_SESSION = 23_400;
/** Livelier than real life so the demo moves visibly. */
const VOL_BOOST = 1.6;
/** Pull back toward the base price with a ~4 h half-life, so paths stay inside the band. */
const REVERSION_PER_SEC = 1 / (4 * 3600);
const MAX_GAP_SEC = 1800;

export function evolveFair(ctx: Ctx, sym: SymbolState, t: number): void {
  const dt = Math.min(MAX_GAP_SEC, Math.max(0, (t - sym.fairTime) / 1000));
  sym.fairTime = t;
  if (dt <= 0) return;
  const sigma = (sym.fx.dailyVol / Math.sqrt(SECONDS_PER_SESSION)) * VOL_BOOST;
  const pull = -REVERSION_PER_SEC * dt * Math.log(sym.fair / sym.inst.basePrice);
  let f = sym.fair * Math.exp(sigma * Math.sqrt(dt) * sym.rng.normal() + pull);
  const lo = sym.inst.lowerLimit;
  const hi = sym.inst.upperLimit;
  if (f < lo) f = lo + (lo - f) * 0.5;
  if (f > hi) f = hi - (f - hi) * 0.5;
  sym.fair = clampToBand(f, { lower: lo, upper: hi });
}

function fairTick(sym: SymbolState, dir: 'up' | 'down'): number {
  return clampToBand(roundToTick(sym.fair, sym.inst.etp, dir), { lower: sym.inst.lowerLimit, upper: sym.inst.upperLimit });
}

/** One second of continuous trading on one venue. */
export function denseStep(ctx: Ctx, sym: SymbolState, vb: VenueBook, marketClass: Trade['marketClass']): void {
  const rng = sym.rng;
  const rate = vb.tradeRate;
  let n = Math.floor(rate);
  if (rng.next() < rate - n) n++;
  if (vb.synthAsks.length === 0 && vb.synthBids.length === 0) regenSynthetic(vb, sym.fair, rng, sym.inst.lowerLimit, sym.inst.upperLimit);
  for (let i = 0; i < n; i++) {
    const { bestAsk, bestBid } = bestPrices(vb);
    const mid = bestAsk && bestBid ? (bestAsk + bestBid) / 2 : sym.fair;
    const tick = tickSize(mid, sym.inst.etp);
    const pBuy = Math.min(0.9, Math.max(0.1, 0.5 + ((sym.fair - mid) / tick) * 0.25));
    const side = rng.next() < pBuy ? 'buy' : 'sell';
    const qty = Math.max(1, Math.round((vb.depthQty / 10) * Math.exp(0.9 * rng.normal())));
    const through =
      side === 'buy' ? Math.max(bestAsk || fairTick(sym, 'up'), fairTick(sym, 'up')) : Math.min(bestBid || fairTick(sym, 'down'), fairTick(sym, 'down'));
    sweepThrough(ctx, sym, vb, side, through, marketClass);
    for (const step of planTake([vb], side, through, qty)) {
      const taken = takeAt(ctx, sym, vb, side, step.price, step.qty);
      if (taken > 0) recordTrade(ctx, sym, vb, step.price, taken, side, marketClass);
    }
  }
  regenSynthetic(vb, sym.fair, rng, sym.inst.lowerLimit, sym.inst.upperLimit);
  vb.bookTime = ctx.now;
  emitBook(ctx, sym, vb);
}

/** `dtSec` of trading compressed into one step: the path's range trades through resting client orders. */
export function coarseStep(ctx: Ctx, sym: SymbolState, vb: VenueBook, dtSec: number, marketClass: Trade['marketClass']): void {
  const rng = sym.rng;
  const etp = sym.inst.etp;
  const band = { lower: sym.inst.lowerLimit, upper: sym.inst.upperLimit };
  const p0 = vb.quote.volume > 0 ? vb.quote.last : roundToTick(sym.fair, etp, 'nearest');
  const p = clampToBand(roundToTick(sym.fair, etp, 'nearest'), band);
  const hi = clampToBand(rng.next() < 0.5 ? stepTicks(Math.max(p0, p), 1, etp) : Math.max(p0, p), band);
  const lo = clampToBand(rng.next() < 0.5 ? stepTicks(Math.min(p0, p), -1, etp) : Math.min(p0, p), band);
  sweepThrough(ctx, sym, vb, 'buy', stepTicks(hi, 1, etp), marketClass);
  sweepThrough(ctx, sym, vb, 'sell', stepTicks(lo, -1, etp), marketClass);
  const volume = Math.max(4, Math.round(((vb.tradeRate * dtSec * vb.depthQty) / 10) * (0.5 + rng.next())));
  const quarter = Math.max(1, Math.floor(volume / 4));
  if (p >= p0) {
    recordTrade(ctx, sym, vb, lo, quarter, 'sell', marketClass);
    recordTrade(ctx, sym, vb, hi, quarter, 'buy', marketClass);
  } else {
    recordTrade(ctx, sym, vb, hi, quarter, 'buy', marketClass);
    recordTrade(ctx, sym, vb, lo, quarter, 'sell', marketClass);
  }
  recordTrade(ctx, sym, vb, p, volume - 2 * quarter, p >= p0 ? 'buy' : 'sell', marketClass);
}
