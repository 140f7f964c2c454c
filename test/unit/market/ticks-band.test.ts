import { describe, expect, it } from 'vitest';
import { priceBand, withinBand } from '../../../src/shared/market/band';
import { checkOrderPrice } from '../../../src/shared/market/priceCheck';
import { isOnTick, roundToTick, stepTicks, tickSize, ticksBetween } from '../../../src/shared/market/ticks';

describe('tick sizes (§9.4)', () => {
  it('uses the unified table at every boundary', () => {
    const cases: Array<[number, number]> = [
      [1, 1],
      [1_999, 1],
      [2_000, 5],
      [4_995, 5],
      [5_000, 10],
      [19_990, 10],
      [20_000, 50],
      [49_950, 50],
      [50_000, 100],
      [199_900, 100],
      [200_000, 500],
      [499_500, 500],
      [500_000, 1_000],
      [1_021_000, 1_000],
    ];
    for (const [p, t] of cases) expect(tickSize(p, false), String(p)).toBe(t);
  });

  it('gives ETF/ETN a flat 5-won tick', () => {
    expect(tickSize(1_000, true)).toBe(5);
    expect(tickSize(36_455, true)).toBe(5);
    expect(isOnTick(36_455, true)).toBe(true);
    expect(isOnTick(36_455, false)).toBe(false);
  });

  it('checks the grid', () => {
    expect(isOnTick(71_900, false)).toBe(true);
    expect(isOnTick(71_950, false)).toBe(false);
    expect(isOnTick(19_990, false)).toBe(true);
    expect(isOnTick(20_010, false)).toBe(false);
    expect(isOnTick(0, false)).toBe(false);
    expect(isOnTick(100.5, false)).toBe(false);
  });

  it('rounds to the grid in each direction, across band edges', () => {
    expect(roundToTick(71_950, false, 'down')).toBe(71_900);
    expect(roundToTick(71_950, false, 'up')).toBe(72_000);
    expect(roundToTick(71_949, false, 'nearest')).toBe(71_900);
    expect(roundToTick(71_950, false, 'nearest')).toBe(72_000);
    expect(roundToTick(19_995, false, 'up')).toBe(20_000);
    expect(roundToTick(20_030, false, 'down')).toBe(20_000);
    expect(roundToTick(1_999.4, false, 'up')).toBe(2_000);
    expect(roundToTick(0.2, false, 'down')).toBe(1);
  });

  it('steps ticks across band boundaries', () => {
    expect(stepTicks(2_000, -1, false)).toBe(1_999);
    expect(stepTicks(1_999, 1, false)).toBe(2_000);
    expect(stepTicks(2_000, 1, false)).toBe(2_005);
    expect(stepTicks(19_990, 2, false)).toBe(20_050);
    expect(stepTicks(20_050, -2, false)).toBe(19_990);
    expect(stepTicks(50_000, -1, false)).toBe(49_950);
    expect(stepTicks(499_500, 1, false)).toBe(500_000);
    expect(stepTicks(500_000, -1, false)).toBe(499_500);
    expect(stepTicks(1, -3, false)).toBe(1);
    expect(ticksBetween(19_990, 20_050, false)).toBe(2);
    expect(ticksBetween(71_900, 72_300, false)).toBe(4);
    expect(ticksBetween(72_300, 71_900, false)).toBe(-4);
  });
});

describe('price band (§9.3)', () => {
  it('is ±30% truncated to the grid inside the band', () => {
    expect(priceBand(71_900, false)).toEqual({ base: 71_900, upper: 93_400, lower: 50_400 });
    // 71,900 × 1.3 = 93,470 → 93,400 (tick 100); × 0.7 = 50,330 → 50,400.
  });

  it('handles limits that land next to a tick boundary', () => {
    // 15,400 × 1.3 = 20,020 → tick there is 50 → largest grid ≤ 20,020 is 20,000.
    expect(priceBand(15_400, false).upper).toBe(20_000);
    // 19,980 × 1.3 = 25,974 → 25,950; × 0.7 = 13,986 → 13,990.
    expect(priceBand(19_980, false)).toEqual({ base: 19_980, upper: 25_950, lower: 13_990 });
    // 2,860 × 0.7 = 2,002 → smallest grid ≥ 2,002 with tick 5 = 2,005.
    expect(priceBand(2_860, false).lower).toBe(2_005);
    // 1,539 × 1.3 = 2,000.7 → 2,000 is on the grid.
    expect(priceBand(1_539, false).upper).toBe(2_000);
    // ETP: 36,455 × 1.3 = 47,391.5 → 47,390; × 0.7 = 25,518.5 → 25,520.
    expect(priceBand(36_455, true)).toEqual({ base: 36_455, upper: 47_390, lower: 25_520 });
  });

  it('never exceeds ±30% for any base', () => {
    for (let base = 1_000; base < 1_200_000; base = Math.round(base * 1.037) + 1) {
      const b = priceBand(base, false);
      expect(b.upper).toBeLessThanOrEqual(base * 1.3);
      expect(b.lower).toBeGreaterThanOrEqual(base * 0.7);
      expect(isOnTick(b.upper, false)).toBe(true);
      expect(isOnTick(b.lower, false)).toBe(true);
      // And it is the widest such band: one more tick would break ±30%.
      expect(stepTicks(b.upper, 1, false)).toBeGreaterThan(base * 1.3);
      expect(stepTicks(b.lower, -1, false)).toBeLessThan(base * 0.7);
    }
    expect(withinBand(93_400, priceBand(71_900, false))).toBe(true);
    expect(withinBand(93_500, priceBand(71_900, false))).toBe(false);
  });
});

describe('checkOrderPrice', () => {
  const inst = { etp: false, upperLimit: 93_400, lowerLimit: 50_400 };
  it('reports the tick and the nearest valid prices first, then the band', () => {
    expect(checkOrderPrice(71_900, inst)).toEqual({ ok: true });
    const off = checkOrderPrice(71_950, inst);
    expect(off).toMatchObject({ ok: false, reason: 'offTick', tick: 100, below: 71_900, above: 72_000 });
    if (!off.ok) expect(off.message.ko).toContain('71,900원 또는 72,000원');
    expect(checkOrderPrice(93_450, inst)).toMatchObject({ reason: 'offTick' }); // grid before band
    expect(checkOrderPrice(93_500, inst)).toMatchObject({ reason: 'aboveUpper', upper: 93_400 });
    expect(checkOrderPrice(50_300, inst)).toMatchObject({ reason: 'belowLower', lower: 50_400 });
    expect(checkOrderPrice(0, inst)).toMatchObject({ reason: 'notPositive' });
    expect(checkOrderPrice(36_455, { etp: true, upperLimit: 47_390, lowerLimit: 25_520 })).toEqual({ ok: true });
  });
});
