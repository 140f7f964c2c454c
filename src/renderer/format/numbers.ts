/**
 * Numbers as a Korean trader reads them: 원 with thousands separators, up = red ▲, down = blue ▼ (the
 * opposite of Western screens), rates with an explicit sign. Money arrives as integer 원; nothing here
 * rounds money except the display of averages (avgPrice may be fractional).
 */

export type Direction = 'up' | 'down' | 'flat';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const grouped2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567 → "1,234,567"; negative keeps its minus. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return grouped.format(Math.trunc(n) === n ? n : Math.round(n));
}

/** 71900 → "71,900원". */
export function formatWon(n: number): string {
  return `${formatNumber(n)}원`;
}

/** An average price that may be fractional: "71,933.33" only when it is not whole. */
export function formatAvgPrice(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return Number.isInteger(n) ? grouped.format(n) : grouped2.format(n);
}

/** +12,300 / -4,500 / 0 — PnL amounts carry their sign. */
export function formatSignedNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n > 0) return `+${formatNumber(n)}`;
  return formatNumber(n);
}

/** A percentage number (1.7 = 1.7 %) as "+1.70%" / "-0.42%" / "0.00%". */
export function formatRate(percent: number): string {
  if (!Number.isFinite(percent)) return '—';
  const r = Math.round(percent * 100) / 100;
  const body = grouped2.format(Math.abs(r));
  if (r > 0) return `+${body}%`;
  if (r < 0) return `-${body}%`;
  return `${body}%`;
}

/** Direction from a signed amount. */
export function directionOf(n: number): Direction {
  if (n > 0) return 'up';
  if (n < 0) return 'down';
  return 'flat';
}

/** KIS sign codes: 1 상한 2 상승 3 보합 4 하한 5 하락. */
export function directionOfSign(sign: '1' | '2' | '3' | '4' | '5'): Direction {
  if (sign === '1' || sign === '2') return 'up';
  if (sign === '4' || sign === '5') return 'down';
  return 'flat';
}

export function arrowFor(direction: Direction): string {
  return direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
}

/** "▲1,200" / "▼300" / "0": the change from the previous close, arrow instead of a sign. */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '—';
  const d = directionOf(change);
  return d === 'flat' ? '0' : `${arrowFor(d)}${formatNumber(Math.abs(change))}`;
}

/** The CSS class for a direction (styles.css: .up red, .down blue, .flat neutral). */
export function directionClass(direction: Direction): string {
  return direction;
}

/** A price's colour against a reference (the previous close): above red, below blue. */
export function directionAgainst(price: number, reference: number): Direction {
  if (!reference || !price) return 'flat';
  return directionOf(price - reference);
}

/** Big amounts compactly for chart axes: 1,234,500,000 → "12.3억", 45,600,000 → "4,560만". */
export function formatCompactWon(n: number): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs >= 1_0000_0000) return `${sign}${(abs / 1_0000_0000).toFixed(abs >= 100_0000_0000 ? 0 : 1)}억`;
  if (abs >= 1_0000) return `${sign}${formatNumber(Math.round(abs / 1_0000))}만`;
  return `${sign}${formatNumber(abs)}`;
}
