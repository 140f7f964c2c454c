/** Chart data, pure: bars → recharts rows, with the trader's fills attached to the bar they happened in. */
import type { FillView } from '../../shared/ipc/domains/account';
import type { BarView } from '../../shared/ipc/domains/market';
import { fillMarkers, type ChartInterval } from '../stores/chart';

export interface CandleRow {
  i: number;
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** [low, high]: what the range bar spans. */
  range: [number, number];
  up: boolean;
  buys: number[];
  sells: number[];
}

export function candleRows(bars: readonly BarView[], interval: ChartInterval, fills: readonly FillView[]): CandleRow[] {
  const rows: CandleRow[] = bars.map((b, i) => ({
    i,
    time: b.time,
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
    volume: b.volume,
    range: [b.low, b.high],
    up: b.close >= b.open,
    buys: [],
    sells: [],
  }));
  for (const m of fillMarkers(bars, interval, fills)) {
    const row = rows[m.index]!;
    (m.side === 'buy' ? row.buys : row.sells).push(m.price);
  }
  return rows;
}

/** A round step (1, 2, 2.5 or 5 × 10^k won) that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = Math.max(1, span / Math.max(1, count));
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return Math.max(1, m * mag);
  return 10 * mag;
}

/** Price axis: bounds on round numbers with a little headroom (wicks and markers never touch the frame) and the ticks. */
export function priceAxis(rows: readonly CandleRow[], count = 5): { domain: [number, number]; ticks: number[] } {
  if (rows.length === 0) return { domain: [0, 1], ticks: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.low, ...r.buys, ...r.sells);
    hi = Math.max(hi, r.high, ...r.buys, ...r.sells);
  }
  const pad = Math.max(1, (hi - lo) * 0.04);
  const step = niceStep(hi - lo + 2 * pad, count);
  const from = Math.max(0, Math.floor((lo - pad) / step) * step);
  const to = Math.ceil((hi + pad) / step) * step;
  const ticks: number[] = [];
  for (let v = from; v <= to + step / 2; v += step) ticks.push(Math.round(v));
  return { domain: [from, to], ticks };
}
