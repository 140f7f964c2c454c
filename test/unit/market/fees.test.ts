import { describe, expect, it } from 'vitest';
import { applyPpb, commission, DEFAULT_FEE_RATES, estimateCosts, percentToPpb, sellTax, sellTaxRatePpb } from '../../../src/shared/market/fees';

describe('fees and taxes (§9.5), exact to the won', () => {
  it('parses percentages without floats', () => {
    expect(percentToPpb('0.0140527')).toBe(140_527);
    expect(percentToPpb('0.20')).toBe(2_000_000);
    expect(percentToPpb('1')).toBe(10_000_000);
  });

  it('truncates commission per venue', () => {
    // 10 × 71,900 = 719,000 × 0.0140527% = 101.0389… → 101
    expect(commission(719_000, 'KRX')).toBe(101);
    // NXT 0.0139527% → 100.3199… → 100
    expect(commission(719_000, 'NXT')).toBe(100);
    expect(commission(0, 'KRX')).toBe(0);
    // A huge order stays exact: 9,007,199 × 1,000,000 won would overflow float precision in a naive product.
    expect(applyPpb(9_007_199_254_740, 140_527)).toBe(1_265_754_689);
  });

  it('charges sell tax by market and sale date, ETPs exempt', () => {
    expect(sellTaxRatePpb('KOSPI', '20251231')).toBe(1_500_000);
    expect(sellTaxRatePpb('KOSPI', '20260101')).toBe(2_000_000);
    expect(sellTaxRatePpb('KOSDAQ', '20250601')).toBe(1_500_000);
    expect(sellTaxRatePpb('KONEX', '20260601')).toBe(1_000_000);
    expect(sellTaxRatePpb('KOSPI', '20240601')).toBe(1_800_000);
    // 7 × 71,900 = 503,300 × 0.20% = 1,006.6 → 1,006
    expect(sellTax(503_300, 'KOSPI', false, '20261123')).toBe(1_006);
    expect(sellTax(503_300, 'KOSPI', false, '20251120')).toBe(754);
    expect(sellTax(503_300, 'KOSPI', true, '20261123')).toBe(0);
    expect(sellTax(503_300, 'KOSPI', true, '20261123', { ...DEFAULT_FEE_RATES, etpTaxExempt: false })).toBe(1_006);
  });

  it('estimates a whole order', () => {
    expect(estimateCosts({ side: 'buy', qty: 10, price: 71_900, venue: 'KRX', market: 'KOSPI', etp: false, dateYmd: '20261123' })).toEqual({
      amount: 719_000,
      fee: 101,
      tax: 0,
      netCash: -719_101,
    });
    expect(estimateCosts({ side: 'sell', qty: 3, price: 118_400, venue: 'NXT', market: 'KOSDAQ', etp: false, dateYmd: '20261123' })).toEqual({
      amount: 355_200,
      fee: 49, // 49.56… truncated
      tax: 710, // 710.4 truncated
      netCash: 355_200 - 49 - 710,
    });
  });
});
