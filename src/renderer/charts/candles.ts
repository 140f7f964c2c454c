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

/** Price axis bounds with a little headroom (markers and wicks never touch the frame). */
export function priceDomain(rows: readonly CandleRow[]): [number, number] {
  if (rows.length === 0) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.low, ...r.buys, ...r.sells);
    hi = Math.max(hi, r.high, ...r.buys, ...r.sells);
  }
  const pad = Math.max(1, (hi - lo) * 0.06);
  return [Math.max(0, Math.floor(lo - pad)), Math.ceil(hi + pad)];
}
