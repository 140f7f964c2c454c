/**
 * The candlestick chart of the focused symbol: 1-minute bars for today (from market:chart, then extended by the
 * live ticks) or daily bars, plus the trader's own fills in that symbol as markers (fills:forSymbol + fills:new).
 */
import { create } from 'zustand';
import type { FillView } from '../../shared/ipc/domains/account';
import type { BarView, TradeTick } from '../../shared/ipc/domains/market';
import { kstDate } from '../../shared/market/time';
import type { QuoteVenue } from './market';

export type ChartInterval = '1m' | '1d';

interface ChartStore {
  symbol: string | null;
  venue: QuoteVenue;
  interval: ChartInterval;
  bars: BarView[];
  fills: FillView[];
  loading: boolean;
  problem: { ko: string; en: string } | null;
}

export const useChart = create<ChartStore>(() => ({ symbol: null, venue: 'KRX', interval: '1m', bars: [], fills: [], loading: false, problem: null }));

const MINUTE = 60_000;
const MAX_BARS = 1000;

/** Which bar a moment belongs to: the minute (KST minutes align with UTC ones) or the KST date. */
export function sameBar(interval: ChartInterval, barTime: number, t: number): boolean {
  if (interval === '1m') return Math.floor(barTime / MINUTE) === Math.floor(t / MINUTE);
  return kstDate(barTime) === kstDate(t);
}

/** Extends bars with trades (pure): updates the open bar or starts the next one. Trades older than the last bar are ignored. */
export function extendBars(bars: readonly BarView[], interval: ChartInterval, trades: readonly TradeTick[]): BarView[] {
  if (trades.length === 0) return bars as BarView[];
  const out = bars.slice();
  for (const t of trades) {
    const last = out[out.length - 1];
    if (last && sameBar(interval, last.time, t.time)) {
      out[out.length - 1] = { ...last, high: Math.max(last.high, t.price), low: Math.min(last.low, t.price), close: t.price, volume: last.volume + t.qty };
    } else if (!last || t.time > last.time) {
      const start = interval === '1m' ? Math.floor(t.time / MINUTE) * MINUTE : t.time;
      out.push({ time: start, open: t.price, high: t.price, low: t.price, close: t.price, volume: t.qty });
    }
  }
  return out.length > MAX_BARS ? out.slice(out.length - MAX_BARS) : out;
}

/** Ticks of the charted symbol (any venue for the combined UN view, else that venue's) into its bars. */
export function applyChartTicks(batch: readonly TradeTick[]): void {
  const s = useChart.getState();
  if (!s.symbol || s.bars.length === 0) return;
  const mine = batch.filter((t) => t.symbol === s.symbol && (s.venue === 'UN' || t.venue === s.venue) && t.qty > 0);
  if (mine.length === 0) return;
  useChart.setState({ bars: extendBars(s.bars, s.interval, mine) });
}

export function addChartFill(fill: FillView): void {
  const s = useChart.getState();
  if (fill.symbol !== s.symbol || s.fills.some((f) => f.fillId === fill.fillId)) return;
  useChart.setState({ fills: [...s.fills, fill] });
}

export interface FillMarker {
  index: number;
  price: number;
  side: 'buy' | 'sell';
  qty: number;
}

/** Places each fill on the bar it happened in (fills outside the visible bars are left out). */
export function fillMarkers(bars: readonly BarView[], interval: ChartInterval, fills: readonly FillView[]): FillMarker[] {
  const markers: FillMarker[] = [];
  if (bars.length === 0) return markers;
  for (const f of fills) {
    // Bars are few (≤ 1000) and sorted: a backwards scan from the end finds today's fills at once.
    for (let i = bars.length - 1; i >= 0; i--) {
      const bar = bars[i]!;
      if (sameBar(interval, bar.time, f.time)) {
        markers.push({ index: i, price: f.price, side: f.side, qty: f.qty });
        break;
      }
      if (bar.time < f.time) break;
    }
  }
  return markers;
}
