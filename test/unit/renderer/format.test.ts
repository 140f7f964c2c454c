import { describe, expect, it } from 'vitest';
import {
  arrowFor,
  directionAgainst,
  directionOf,
  directionOfSign,
  formatAvgPrice,
  formatChange,
  formatCompactWon,
  formatNumber,
  formatRate,
  formatSignedNumber,
  formatWon,
} from '../../../src/renderer/format/numbers';
import { hm, hms, md, ymdHms } from '../../../src/renderer/format/time';

describe('number formatting (원, ▲▼)', () => {
  it('groups thousands and appends 원', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1_234_567)).toBe('1,234,567');
    expect(formatNumber(-4_500)).toBe('-4,500');
    expect(formatWon(71_900)).toBe('71,900원');
    expect(formatWon(1_000_000_000_000)).toBe('1,000,000,000,000원');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('shows averages with decimals only when they are not whole', () => {
    expect(formatAvgPrice(71_900)).toBe('71,900');
    expect(formatAvgPrice(71_933.3333)).toBe('71,933.33');
  });

  it('signs PnL and rates', () => {
    expect(formatSignedNumber(12_300)).toBe('+12,300');
    expect(formatSignedNumber(-4_500)).toBe('-4,500');
    expect(formatSignedNumber(0)).toBe('0');
    expect(formatRate(1.7)).toBe('+1.70%');
    expect(formatRate(-0.424)).toBe('-0.42%');
    expect(formatRate(0)).toBe('0.00%');
    expect(formatRate(-0.001)).toBe('0.00%');
    expect(formatRate(29.996)).toBe('+30.00%');
  });

  it('up is red ▲, down is blue ▼ (Korean convention)', () => {
    expect(formatChange(1_200)).toBe('▲1,200');
    expect(formatChange(-300)).toBe('▼300');
    expect(formatChange(0)).toBe('0');
    expect(directionOf(5)).toBe('up');
    expect(directionOf(-5)).toBe('down');
    expect(directionOf(0)).toBe('flat');
    expect(arrowFor('up')).toBe('▲');
    expect(arrowFor('down')).toBe('▼');
    expect(arrowFor('flat')).toBe('');
  });

  it('reads KIS sign codes (1 상한 2 상승 3 보합 4 하한 5 하락)', () => {
    expect(['1', '2', '3', '4', '5'].map((s) => directionOfSign(s as '1'))).toEqual(['up', 'up', 'flat', 'down', 'down']);
  });

  it('colours a price against the previous close', () => {
    expect(directionAgainst(72_000, 71_900)).toBe('up');
    expect(directionAgainst(71_800, 71_900)).toBe('down');
    expect(directionAgainst(71_900, 71_900)).toBe('flat');
    expect(directionAgainst(71_900, 0)).toBe('flat');
  });

  it('compacts big amounts in 만/억 for chart axes', () => {
    expect(formatCompactWon(1_234_500_000)).toBe('12.3억');
    expect(formatCompactWon(45_600_000)).toBe('4,560만');
    expect(formatCompactWon(-250_000_000_000)).toBe('-2500억');
    expect(formatCompactWon(9_999)).toBe('9,999');
  });
});

describe('time formatting (always KST)', () => {
  // 2026-03-02 05:30:15 UTC = 14:30:15 KST
  const t = Date.UTC(2026, 2, 2, 5, 30, 15);
  it('formats in Asia/Seoul whatever the machine zone', () => {
    expect(hms(t)).toBe('14:30:15');
    expect(hm(t)).toBe('14:30');
    expect(md(t)).toBe('03/02');
    expect(ymdHms(t)).toBe('2026-03-02 14:30:15');
    // 15:30 UTC is already the next day in Seoul.
    expect(md(Date.UTC(2026, 2, 2, 15, 30))).toBe('03/03');
  });
});
