/**
 * Daily price limits (상한가/하한가), kis-api.md §9.3: ±30% of the base price (기준가). When derived rather than read
 * from `stck_mxpr`/`stck_llam`: upper = largest grid price ≤ base×1.3, lower = smallest grid price ≥ base×0.7, so the
 * band never exceeds ±30%. The tick of the limit price itself decides the grid (rounding happens at the limit).
 * NXT uses the band of the KRX base price.
 */
import { roundToTick } from './ticks';

export interface PriceBand {
  base: number;
  upper: number;
  lower: number;
}

export function priceBand(base: number, etp: boolean): PriceBand {
  // Integer arithmetic: base×13/10 floored is the largest integer ≤ base×1.3; the grid only has integers.
  const upperRaw = Math.floor((base * 13) / 10);
  const lowerRaw = Math.ceil((base * 7) / 10);
  return { base, upper: roundToTick(upperRaw, etp, 'down'), lower: roundToTick(lowerRaw, etp, 'up') };
}

export function withinBand(price: number, band: { upper: number; lower: number }): boolean {
  return price >= band.lower && price <= band.upper;
}

/** Clamp a price into the band. */
export function clampToBand(price: number, band: { upper: number; lower: number }): number {
  return Math.min(band.upper, Math.max(band.lower, price));
}
