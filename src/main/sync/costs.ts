/**
 * Fees and taxes of one fill, estimated with the shared market rules and the trader's commission settings.
 * KIS's own figure (thdt_tlex_amt) arrives with the next balance; this is what the mirror shows until then.
 */
import { DEFAULT_FEE_RATES, estimateCosts, type FeeRates, type Market } from '../../shared/market/fees';
import type { Settings } from '../../shared/settings/schema';
import type { InstrumentDirectory } from '../session/service';
import type { Side, Venue } from '../store';

export interface FillCosts {
  fee: number;
  tax: number;
}

export type CostFn = (fill: { symbol: string; side: Side; venue: Venue; qty: number; amount: number; tradeDate: string }) => FillCosts;

export function feeRatesFrom(settings: Settings | null): FeeRates {
  if (!settings) return DEFAULT_FEE_RATES;
  return { ...DEFAULT_FEE_RATES, commission: { KRX: settings.fees.krxPpb, NXT: settings.fees.nxtPpb } };
}

/**
 * `amount` may be a sum over several fills (a reconciliation remainder); the estimate then treats it as one
 * fill, which can differ from per-fill truncation by a few 원 — KIS's balance settles the difference.
 */
export function costEstimator(instruments: InstrumentDirectory, settings: () => Settings | null): CostFn {
  return ({ symbol, side, venue, amount, tradeDate }) => {
    const info = instruments.get(symbol);
    const market: Market = info?.market ?? 'KOSPI';
    // Charges are a rate of the traded amount, so (qty 1, price = amount) is the same computation on the exact amount.
    const c = estimateCosts({ side, qty: 1, price: amount, venue, market, etp: info?.etp ?? false, dateYmd: tradeDate, rates: feeRatesFrom(settings()) });
    return { fee: c.fee, tax: c.tax };
  };
}
