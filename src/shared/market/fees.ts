/**
 * Broker commission and sell-side transaction tax (kis-api.md §9.5), in exact integer arithmetic.
 *
 * Rates are integers in parts per billion (ppb: 0.0140527% = 140,527 ppb) and amounts are multiplied as bigint,
 * so there is no float drift at any order size; each charge is truncated to whole 원 per fill (the simulator's
 * `feeRounding: 'truncate'`). These are ESTIMATES for the terminal — the truth is KIS's `thdt_tlex_amt`.
 */

export type Market = 'KOSPI' | 'KOSDAQ' | 'KONEX';
export type FeeVenue = 'KRX' | 'NXT';
export type Side = 'buy' | 'sell';

/** 1 ppb = 1e-9. */
export const PPB = 1_000_000_000;

/** Convert a percentage written as a decimal string ('0.0140527') to ppb without floats. */
export function percentToPpb(percent: string): number {
  const m = /^(\d+)(?:\.(\d{0,7}))?$/.exec(percent.trim());
  if (!m) throw new RangeError(`bad percent: ${percent}`);
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(7, '0');
  return whole * 10_000_000 + Number(frac);
}

export interface TaxTable {
  /** First sale date (YYYYMMDD) this table applies to. */
  from: string;
  KOSPI: number;
  KOSDAQ: number;
  KONEX: number;
}

/** Sell-side tax by sale date; newest last. KOSPI = 거래세 + 농특세. */
export const SELL_TAX_TABLES: readonly TaxTable[] = [
  { from: '20240101', KOSPI: percentToPpb('0.18'), KOSDAQ: percentToPpb('0.18'), KONEX: percentToPpb('0.10') },
  { from: '20250101', KOSPI: percentToPpb('0.15'), KOSDAQ: percentToPpb('0.15'), KONEX: percentToPpb('0.10') },
  { from: '20260101', KOSPI: percentToPpb('0.20'), KOSDAQ: percentToPpb('0.20'), KONEX: percentToPpb('0.10') },
];

export interface FeeRates {
  /** Commission per venue, ppb of the traded amount. */
  commission: Record<FeeVenue, number>;
  /** Override the dated tax table (ppb); null = by sale date. */
  taxOverride: Record<Market, number> | null;
  /** ETF/ETN sells pay no transaction tax (3P). */
  etpTaxExempt: boolean;
}

export const DEFAULT_FEE_RATES: FeeRates = {
  commission: { KRX: percentToPpb('0.0140527'), NXT: percentToPpb('0.0139527') },
  taxOverride: null,
  etpTaxExempt: true,
};

/** floor(amount × ppb / 1e9) exactly, for non-negative integers. */
export function applyPpb(amount: number, ppb: number): number {
  if (amount <= 0 || ppb <= 0) return 0;
  return Number((BigInt(Math.trunc(amount)) * BigInt(ppb)) / BigInt(PPB));
}

export function sellTaxRatePpb(market: Market, saleDateYmd: string, rates: FeeRates = DEFAULT_FEE_RATES): number {
  if (rates.taxOverride) return rates.taxOverride[market];
  let table = SELL_TAX_TABLES[0]!;
  for (const t of SELL_TAX_TABLES) if (saleDateYmd >= t.from) table = t;
  return table[market];
}

export function commission(amount: number, venue: FeeVenue, rates: FeeRates = DEFAULT_FEE_RATES): number {
  return applyPpb(amount, rates.commission[venue]);
}

export function sellTax(amount: number, market: Market, etp: boolean, saleDateYmd: string, rates: FeeRates = DEFAULT_FEE_RATES): number {
  if (etp && rates.etpTaxExempt) return 0;
  return applyPpb(amount, sellTaxRatePpb(market, saleDateYmd, rates));
}

export interface CostInput {
  side: Side;
  qty: number;
  price: number;
  venue: FeeVenue;
  market: Market;
  etp: boolean;
  dateYmd: string;
  rates?: FeeRates;
}

export interface CostEstimate {
  /** qty × price, 원. */
  amount: number;
  fee: number;
  tax: number;
  /** Cash effect: buy = −(amount + fee), sell = amount − fee − tax. */
  netCash: number;
}

/** What one fill (or an order filled as one) costs, truncated to whole 원 per charge. */
export function estimateCosts(input: CostInput): CostEstimate {
  const rates = input.rates ?? DEFAULT_FEE_RATES;
  const amount = input.qty * input.price;
  const fee = commission(amount, input.venue, rates);
  const tax = input.side === 'sell' ? sellTax(amount, input.market, input.etp, input.dateYmd, rates) : 0;
  const netCash = input.side === 'buy' ? -(amount + fee) : amount - fee - tax;
  return { amount, fee, tax, netCash };
}
