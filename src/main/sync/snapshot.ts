/**
 * The account snapshot a fill notice implies, written in the same transaction as the fill (source 'fill'),
 * so the cash the trader sees moves with the fill instead of a minute later. It starts from the last
 * snapshot and applies only what the fill changes for sure:
 *  - D+2 cash by the fill's net cash (Korean cash equities settle T+2; D+0 and D+1 do not move today),
 *  - cost of holdings (buy: + amount; sell: − the average cost the sold shares carried),
 *  - securities value at the fill price for the traded shares.
 * Everything else is carried over; the next balance read (source 'balance') is the truth again.
 */
import { kstDate } from '../../shared/market/time';
import type { AccountSnapshotInput, Side, SnapshotView } from '../store';

export interface FillEffect {
  side: Side;
  qty: number;
  price: number;
  fee: number;
  tax: number;
  /** The position before this fill (for a sell's cost basis), or null when the mirror holds none. */
  positionBefore: { qty: number; cost: number } | null;
  time: number;
}

export function snapshotAfterFill(prev: SnapshotView | null, f: FillEffect): AccountSnapshotInput | null {
  if (prev === null) return null; // nothing to start from before the first balance read
  const amount = f.qty * f.price;
  let costTotal = prev.costTotal;
  let securities = prev.securitiesValue;
  let cashD2 = prev.cashD2;
  if (f.side === 'buy') {
    cashD2 -= amount + f.fee;
    costTotal += amount;
    securities += amount;
  } else {
    cashD2 += amount - f.fee - f.tax;
    const held = f.positionBefore;
    const basis = held === null || held.qty <= 0 ? amount : f.qty >= held.qty ? held.cost : Math.round((held.cost * f.qty) / held.qty);
    costTotal = Math.max(0, costTotal - basis);
    securities = Math.max(0, securities - amount);
  }
  const totalAssets = securities + cashD2;
  return {
    time: Math.max(f.time, prev.time),
    cashD0: prev.cashD0,
    cashD1: prev.cashD1,
    cashD2,
    orderableCash: prev.orderableCash,
    totalAssets,
    securitiesValue: securities,
    costTotal,
    unrealizedPnl: securities - costTotal,
    realizedToday: null,
    netAssets: prev.netAssets === null ? null : prev.netAssets + (totalAssets - prev.totalAssets),
    prevTotalAssets: prev.prevTotalAssets,
    source: 'fill',
  };
}

/** The view the store would read back for a snapshot just written (kept in memory by the sync engine). */
export function asSnapshotView(s: AccountSnapshotInput): SnapshotView {
  return {
    time: s.time,
    tradeDate: kstDate(s.time),
    cashD0: s.cashD0,
    cashD1: s.cashD1,
    cashD2: s.cashD2,
    orderableCash: s.orderableCash ?? null,
    totalAssets: s.totalAssets,
    securitiesValue: s.securitiesValue,
    costTotal: s.costTotal,
    unrealizedPnl: s.unrealizedPnl,
    realizedToday: s.realizedToday ?? null,
    netAssets: s.netAssets ?? null,
    prevTotalAssets: s.prevTotalAssets ?? null,
    source: s.source ?? 'balance',
  };
}
