/**
 * The seeds' tick-offset ("smart") orders. Pure: given the live book and quote, which limit price to send.
 *
 * Reference price, precisely:
 *   buys  (normalBuy, urgentBuy)      — the best ask (최우선 매도호가: what buying now costs); the last price
 *                                       (현재가 stck_prpr) when the ask side is empty;
 *   sells (takeProfit, stop, emergency) — the best bid (최우선 매수호가: what selling now fetches); the last price
 *                                       when the bid side is empty.
 * Offset in ticks on the tick grid (shared stepTicks, which crosses tick-size boundaries correctly):
 *   normalBuy −2 (rest two ticks under the ask) · urgentBuy 0 (take the ask) · takeProfit +2 (rest two ticks over
 *   the bid) · stop 0 (hit the bid) · emergency −1 (one tick through the bid, to sweep it).
 * Cap: the result is kept within ±3% of the last price — the cap bounds are rounded INTO the range on the grid
 * (lower bound up, upper bound down) — and inside the day's price band (stck_llam..stck_mxpr).
 */
import type { OrderTicket } from '../../shared/ipc/domains/orders';
import { roundToTick, stepTicks } from '../../shared/market/ticks';

export type SmartKind = NonNullable<OrderTicket['smart']>;

export const SMART_TABLE: Readonly<Record<SmartKind, { side: 'buy' | 'sell'; ticks: number }>> = {
  normalBuy: { side: 'buy', ticks: -2 },
  urgentBuy: { side: 'buy', ticks: 0 },
  takeProfit: { side: 'sell', ticks: 2 },
  stop: { side: 'sell', ticks: 0 },
  emergency: { side: 'sell', ticks: -1 },
};

/** ±3% of the current price, in percent × 100 to stay in integers. */
export const SMART_CAP_BP = 300;

export interface SmartInput {
  kind: SmartKind;
  bestAsk: number; // 0 = none
  bestBid: number; // 0 = none
  last: number;
  etp: boolean;
  band: { lower: number; upper: number };
}

export interface SmartPrice {
  price: number;
  reference: 'bestAsk' | 'bestBid' | 'last';
  referencePrice: number;
  ticks: number;
  /** The ±3% cap or the band moved the price. */
  capped: boolean;
}

export function smartPrice(i: SmartInput): SmartPrice | null {
  const row = SMART_TABLE[i.kind];
  const own = row.side === 'buy' ? i.bestAsk : i.bestBid;
  const reference = own > 0 ? (row.side === 'buy' ? 'bestAsk' : 'bestBid') : 'last';
  const refRaw = own > 0 ? own : i.last;
  if (!(refRaw > 0) || !(i.last > 0)) return null;
  const ref = roundToTick(refRaw, i.etp, 'nearest');
  const raw = stepTicks(ref, row.ticks, i.etp);
  // Integer arithmetic for the cap: floor(last × 1.03), ceil(last × 0.97), then onto the grid inward.
  const hi = roundToTick(Math.floor((i.last * (10_000 + SMART_CAP_BP)) / 10_000), i.etp, 'down');
  const lo = roundToTick(Math.ceil((i.last * (10_000 - SMART_CAP_BP)) / 10_000), i.etp, 'up');
  let price = Math.min(hi, Math.max(lo, raw));
  if (i.band.upper > 0) price = Math.min(price, i.band.upper);
  if (i.band.lower > 0) price = Math.max(price, i.band.lower);
  return { price, reference, referencePrice: ref, ticks: row.ticks, capped: price !== raw };
}
