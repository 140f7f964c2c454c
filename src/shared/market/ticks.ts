/**
 * 호가가격단위 — tick sizes (kis-api.md §9.4): the unified KOSPI/KOSDAQ/KONEX table since 2023-01-25, and a flat
 * 5-won tick for ETF/ETN/ELW. Prefer `aspr_unit` from inquire-price when it is at hand; this is the same table.
 *
 * Every band boundary (2,000 / 5,000 / …) is a multiple of the ticks on both sides of it, so rounding inside one
 * band always lands on a valid price of the grid.
 */

const BANDS: ReadonlyArray<readonly [upperExclusive: number, tick: number]> = [
  [2_000, 1],
  [5_000, 5],
  [20_000, 10],
  [50_000, 50],
  [200_000, 100],
  [500_000, 500],
  [Infinity, 1_000],
];

export const ETP_TICK = 5;

/** Tick size at `price` (prices below 1 use the smallest tick). */
export function tickSize(price: number, etp: boolean): number {
  if (etp) return ETP_TICK;
  for (const [upper, tick] of BANDS) if (price < upper) return tick;
  return 1_000;
}

/** Price is a positive integer on the tick grid. */
export function isOnTick(price: number, etp: boolean): boolean {
  return Number.isInteger(price) && price > 0 && price % tickSize(price, etp) === 0;
}

export type TickRounding = 'up' | 'down' | 'nearest';

/**
 * Nearest grid price: 'down' = largest grid price ≤ price, 'up' = smallest ≥ price, 'nearest' = the closer of the
 * two (ties round up). Never returns less than one tick.
 */
export function roundToTick(price: number, etp: boolean, mode: TickRounding = 'nearest'): number {
  const t = tickSize(price, etp);
  const down = Math.floor(price / t) * t;
  const up = Math.ceil(price / t) * t;
  let r: number;
  if (mode === 'down') r = down;
  else if (mode === 'up') r = up;
  else r = price - down < up - price ? down : up;
  return Math.max(r, tickSize(1, etp));
}

/**
 * Moves `n` ticks from a grid price (n < 0 = down), crossing band boundaries correctly: one tick down from 2,000
 * is 1,999 (the tick below 2,000 is 1), one tick up is 2,005. Never goes below the smallest tick.
 */
export function stepTicks(price: number, n: number, etp: boolean): number {
  let p = price;
  if (n > 0) for (let i = 0; i < n; i++) p += tickSize(p, etp);
  else
    for (let i = 0; i < -n; i++) {
      const next = p - tickSize(p - 1, etp);
      if (next <= 0) break;
      p = next;
    }
  return p;
}

/** Number of ticks from a to b (both on the grid; negative when b < a). */
export function ticksBetween(a: number, b: number, etp: boolean): number {
  if (a === b) return 0;
  const dir = b > a ? 1 : -1;
  let n = 0;
  let p = a;
  // Fast path inside one band.
  const t = tickSize(Math.min(a, b), etp);
  if (t === tickSize(Math.max(a, b) - 1, etp)) return Math.round((b - a) / t);
  while (dir > 0 ? p < b : p > b) {
    p = stepTicks(p, dir, etp);
    n += dir;
  }
  return n;
}
