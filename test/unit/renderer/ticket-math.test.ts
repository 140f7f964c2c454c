import { describe, expect, it } from 'vitest';
import { applyPpb } from '../../../src/shared/market/fees';
import {
  commissionPpbFor,
  effectiveQty,
  estimateTicketCosts,
  maxQtyWithin,
  parsePercent,
  parseWholeNumber,
  snapPrice,
  stepPrice,
} from '../../../src/renderer/ticket/math';

const KRX_PPB = 140_527;
const FEES = { krxPpb: 140_527, nxtPpb: 139_527 };

describe('parsing what the trader types', () => {
  it('whole numbers with separators; refuses junk', () => {
    expect(parseWholeNumber('1,234')).toBe(1234);
    expect(parseWholeNumber(' 10 ')).toBe(10);
    expect(parseWholeNumber('500,000원')).toBe(500_000);
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('-5')).toBeNull();
    expect(parseWholeNumber('1.5')).toBeNull();
    expect(parseWholeNumber('abc')).toBeNull();
    expect(parseWholeNumber('9'.repeat(16))).toBeNull();
  });
  it('percent in (0, 100]', () => {
    expect(parsePercent('25')).toBe(25);
    expect(parsePercent('12.5%')).toBe(12.5);
    expect(parsePercent('0')).toBeNull();
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('x')).toBeNull();
  });
});

describe('quantity by amount / by % of orderable cash', () => {
  it('fits shares plus commission into the budget, to the 원', () => {
    // 1,000,000 / 71,900 = 13.9 → 13 shares: 934,700 + fee 131 = 934,831 ≤ 1,000,000.
    expect(maxQtyWithin(1_000_000, 71_900, KRX_PPB)).toBe(13);
    // Exactly 10 shares' worth is NOT enough once the commission is added.
    expect(maxQtyWithin(719_000, 71_900, KRX_PPB)).toBe(9);
    expect(maxQtyWithin(719_000 + applyPpb(719_000, KRX_PPB), 71_900, KRX_PPB)).toBe(10);
    expect(maxQtyWithin(0, 71_900, KRX_PPB)).toBe(0);
    expect(maxQtyWithin(100, 0, KRX_PPB)).toBe(0);
  });

  it('the result is always the largest affordable quantity', () => {
    for (const [budget, price] of [[12_345_678, 1_999], [987_654_321, 412_500], [50_000, 49_950], [3_000_000, 2_005]] as const) {
      const q = maxQtyWithin(budget, price, KRX_PPB);
      const cost = (n: number) => n * price + applyPpb(n * price, KRX_PPB);
      expect(cost(q)).toBeLessThanOrEqual(budget);
      expect(cost(q + 1)).toBeGreaterThan(budget);
    }
  });

  it('effective quantity per mode', () => {
    const base = { price: 71_900, orderableCash: 10_000_000, commissionPpb: KRX_PPB };
    expect(effectiveQty({ ...base, mode: 'shares', raw: '10' })).toBe(10);
    expect(effectiveQty({ ...base, mode: 'shares', raw: '0' })).toBeNull();
    expect(effectiveQty({ ...base, mode: 'amount', raw: '1,000,000' })).toBe(13);
    // 25 % of 10,000,000 = 2,500,000 → 34 shares (2,444,600 + 343).
    expect(effectiveQty({ ...base, mode: 'percent', raw: '25' })).toBe(34);
    expect(effectiveQty({ ...base, mode: 'percent', raw: '100' })).toBe(139);
    expect(effectiveQty({ ...base, mode: 'percent', raw: '25', orderableCash: null })).toBeNull();
    expect(effectiveQty({ ...base, mode: 'amount', raw: '1,000,000', price: 0 })).toBeNull();
    expect(effectiveQty({ ...base, mode: 'amount', raw: '50,000' })).toBeNull();
  });

  it('SOR reserves at the higher venue rate', () => {
    expect(commissionPpbFor('KRX', FEES)).toBe(140_527);
    expect(commissionPpbFor('NXT', FEES)).toBe(139_527);
    expect(commissionPpbFor('SOR', FEES)).toBe(140_527);
  });
});

describe('price tick stepping across band boundaries', () => {
  it('steps inside a band', () => {
    expect(stepPrice(71_900, 1, false, null)).toBe(72_000);
    expect(stepPrice(71_900, -3, false, null)).toBe(71_600);
  });
  it('crosses 2,000 / 5,000 / 20,000 / 50,000 / 200,000 / 500,000 correctly', () => {
    expect(stepPrice(1_999, 1, false, null)).toBe(2_000);
    expect(stepPrice(2_000, 1, false, null)).toBe(2_005);
    expect(stepPrice(2_000, -1, false, null)).toBe(1_999);
    expect(stepPrice(5_000, -1, false, null)).toBe(4_995);
    expect(stepPrice(4_995, 1, false, null)).toBe(5_000);
    expect(stepPrice(20_000, -1, false, null)).toBe(19_990);
    expect(stepPrice(49_950, 1, false, null)).toBe(50_000);
    expect(stepPrice(50_000, 1, false, null)).toBe(50_100);
    expect(stepPrice(200_000, -1, false, null)).toBe(199_900);
    expect(stepPrice(500_000, 1, false, null)).toBe(501_000);
    expect(stepPrice(500_000, -1, false, null)).toBe(499_500);
    // Several steps through a boundary.
    expect(stepPrice(49_900, 3, false, null)).toBe(50_100);
  });
  it('ETFs step by 5 whatever the price', () => {
    expect(stepPrice(35_005, 1, true, null)).toBe(35_010);
    expect(stepPrice(1_995, 1, true, null)).toBe(2_000);
  });
  it('an off-grid typed price snaps in the direction of travel first', () => {
    expect(stepPrice(71_930, 1, false, null)).toBe(72_000);
    expect(stepPrice(71_930, -1, false, null)).toBe(71_900);
    expect(stepPrice(71_930, 2, false, null)).toBe(72_100);
  });
  it('stays inside the daily band', () => {
    const band = { upper: 93_400, lower: 50_400 };
    expect(stepPrice(93_400, 1, false, band)).toBe(93_400);
    expect(stepPrice(50_400, -5, false, band)).toBe(50_400);
    expect(snapPrice(99_999, false, band)).toBe(93_400);
    expect(snapPrice(71_949, false, null)).toBe(71_900);
    expect(snapPrice(71_950, false, null)).toBe(72_000);
  });
  it('never goes to zero', () => {
    expect(stepPrice(1, -1, false, null)).toBe(1);
    expect(stepPrice(0, 1, false, null)).toBe(1);
  });
});

describe('fee display', () => {
  it('buy: amount + commission; sell: amount − commission − tax', () => {
    const buy = estimateTicketCosts({ side: 'buy', qty: 10, price: 71_900, route: 'KRX', market: 'KOSPI', etp: false, dateYmd: '20260302', fees: FEES });
    expect(buy).toEqual({ amount: 719_000, fee: 101, tax: 0, net: 719_101 });
    const sell = estimateTicketCosts({ side: 'sell', qty: 10, price: 71_900, route: 'NXT', market: 'KOSPI', etp: false, dateYmd: '20260302', fees: FEES });
    // NXT commission 0.0139527 % → 100; 2026 KOSPI sell tax 0.20 % → 1,438.
    expect(sell).toEqual({ amount: 719_000, fee: 100, tax: 1_438, net: 719_000 - 100 - 1_438 });
    const etf = estimateTicketCosts({ side: 'sell', qty: 10, price: 35_000, route: 'KRX', market: 'KOSPI', etp: true, dateYmd: '20260302', fees: FEES });
    expect(etf.tax).toBe(0);
  });
});
