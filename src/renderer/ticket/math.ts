/**
 * The order ticket's arithmetic, pure so it can be tested to the 원: quantity from an amount or a share of
 * orderable cash (the commission included, so the order never asks for more cash than there is), price stepping
 * on the KRX tick grid across band boundaries, and the fee/tax estimate shown until main's preview answers.
 * Main re-validates everything; these only help the trader type the right thing.
 */
import { applyPpb, estimateCosts, type Market } from '../../shared/market/fees';
import { clampToBand } from '../../shared/market/band';
import { roundToTick, stepTicks, tickSize } from '../../shared/market/ticks';

export type QtyMode = 'shares' | 'amount' | 'percent';
export type Route = 'KRX' | 'NXT' | 'SOR';

/** "1,234" / " 1234 " → 1234; anything else (empty, negative, fractional, letters) → null. */
export function parseWholeNumber(raw: string): number | null {
  const s = raw.replace(/[,\s원주%]/g, '');
  if (!/^\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** Parses a percentage 0 < p ≤ 100, decimals allowed ("12.5"). */
export function parsePercent(raw: string): number | null {
  const s = raw.replace(/[%\s]/g, '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const p = Number(s);
  return p > 0 && p <= 100 ? p : null;
}

/**
 * The largest whole number of shares whose cost plus commission fits in `budget` 원:
 * max q with q·price + floor(q·price·ppb/1e9) ≤ budget.
 */
export function maxQtyWithin(budget: number, price: number, commissionPpb: number): number {
  if (!(budget > 0) || !(price > 0)) return 0;
  // Start from the float estimate, then correct with the exact integer fee (the estimate is off by at most one).
  let q = Math.floor(budget / (price * (1 + commissionPpb / 1e9)));
  const cost = (n: number) => n * price + applyPpb(n * price, commissionPpb);
  while (q > 0 && cost(q) > budget) q--;
  while (cost(q + 1) <= budget) q++;
  return q;
}

/** Commission rate for a route: SOR may fill on either venue, so it uses the higher rate (never under-reserves cash). */
export function commissionPpbFor(route: Route, fees: { krxPpb: number; nxtPpb: number }): number {
  if (route === 'KRX') return fees.krxPpb;
  if (route === 'NXT') return fees.nxtPpb;
  return Math.max(fees.krxPpb, fees.nxtPpb);
}

export interface QtyInput {
  mode: QtyMode;
  /** What the trader typed in the quantity box. */
  raw: string;
  /** The price the order would go at (limit price, or the best price for unpriced orders). */
  price: number;
  orderableCash: number | null;
  commissionPpb: number;
}

/** Shares the ticket would send, or null when it cannot be worked out yet (nothing typed, no price, no cash). */
export function effectiveQty(q: QtyInput): number | null {
  if (q.mode === 'shares') {
    const n = parseWholeNumber(q.raw);
    return n !== null && n > 0 ? n : null;
  }
  if (!(q.price > 0)) return null;
  if (q.mode === 'amount') {
    const amount = parseWholeNumber(q.raw);
    if (amount === null) return null;
    const n = maxQtyWithin(amount, q.price, q.commissionPpb);
    return n > 0 ? n : null;
  }
  const pct = parsePercent(q.raw);
  if (pct === null || q.orderableCash === null) return null;
  // Integer 원: the budget is truncated, never rounded up past the cash there is.
  const budget = Math.floor((q.orderableCash * Math.round(pct * 100)) / 10_000);
  const n = maxQtyWithin(budget, q.price, q.commissionPpb);
  return n > 0 ? n : null;
}

export interface Band {
  upper: number;
  lower: number;
}

/**
 * One or more ticks from `price`. A typed price off the grid first snaps to the grid in the direction of travel
 * (that counts as the first step). The result stays inside the daily band when one is known.
 */
export function stepPrice(price: number, steps: number, etp: boolean, band: Band | null): number {
  if (steps === 0) return price;
  let p = price;
  let n = steps;
  if (!(p > 0)) {
    // No price yet: the lowest grid price is the first step.
    p = tickSize(1, etp);
    n = n > 0 ? n - 1 : 0;
  } else if (p % tickSize(p, etp) !== 0) {
    p = roundToTick(p, etp, n > 0 ? 'up' : 'down');
    n -= Math.sign(n);
  }
  if (n !== 0) p = stepTicks(p, n, etp);
  return band && band.upper > 0 ? clampToBand(p, band) : p;
}

/** A typed price made valid for sending: on the grid (nearest) and inside the band. */
export function snapPrice(price: number, etp: boolean, band: Band | null): number {
  const p = roundToTick(price, etp, 'nearest');
  return band && band.upper > 0 ? clampToBand(p, band) : p;
}

export interface CostDisplay {
  amount: number;
  fee: number;
  tax: number;
  /** Buy: what leaves the account (amount + fee). Sell: what arrives (amount − fee − tax). */
  net: number;
}

/** The estimate shown while main's preview is on its way (same shared fee rules main uses). */
export function estimateTicketCosts(p: {
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  route: Route;
  market: Market;
  etp: boolean;
  dateYmd: string;
  fees: { krxPpb: number; nxtPpb: number };
}): CostDisplay {
  const ppb = commissionPpbFor(p.route, p.fees);
  const c = estimateCosts({
    side: p.side,
    qty: p.qty,
    price: p.price,
    venue: p.route === 'NXT' ? 'NXT' : 'KRX',
    market: p.market,
    etp: p.etp,
    dateYmd: p.dateYmd,
    rates: { commission: { KRX: ppb, NXT: ppb }, taxOverride: null, etpTaxExempt: true },
  });
  return { amount: c.amount, fee: c.fee, tax: c.tax, net: Math.abs(c.netCash) };
}
