/**
 * 차트: candlesticks (1-minute intraday, extended live by trades; or daily), volume bars underneath, and the
 * trader's own fills marked on the bar they happened in (▲ buy, ▼ sell).
 */
import { memo, useMemo } from 'react';
import { Bar, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { candleRows, priceAxis, type CandleRow } from '../charts/candles';
import { useThrottled } from '../charts/throttle';
import { formatNumber } from '../format/numbers';
import { hm, md } from '../format/time';
import { useBi, useT } from '../i18n';
import { loadChart } from '../market/focus';
import { useChart, type ChartInterval } from '../stores/chart';
import { useMarket } from '../stores/market';
import { EmptyState } from '../shell/Panel';

const UP = '#f04452';
const DOWN = '#3485fa';
const REDRAW_MS = 500;
/** A few bars must still look like candles, not slabs. */
const MAX_BAR = 12;

export function ChartTabs() {
  const t = useT();
  const interval = useChart((s) => s.interval);
  const focus = useMarket((s) => s.focus);
  const pick = (i: ChartInterval) => {
    if (focus) void loadChart(focus.symbol, i, useMarket.getState().venue);
    else useChart.setState({ interval: i });
  };
  return (
    <span className="tabs" role="tablist" aria-label={t('chart.interval')}>
      {(['1m', '1d'] as const).map((i) => (
        <button key={i} type="button" role="tab" aria-selected={interval === i} className={interval === i ? 'tab active' : 'tab'} data-testid={`chart-${i}`} onClick={() => pick(i)}>
          {t(i === '1m' ? 'chart.1m' : 'chart.1d')}
        </button>
      ))}
    </span>
  );
}

export function CandleChart() {
  const t = useT();
  const bi = useBi();
  const bars = useThrottled(useChart((s) => s.bars), REDRAW_MS);
  const fills = useChart((s) => s.fills);
  const interval = useChart((s) => s.interval);
  const loading = useChart((s) => s.loading);
  const problem = useChart((s) => s.problem);
  const focus = useMarket((s) => s.focus);
  const rows = useMemo(() => candleRows(bars, interval, fills), [bars, interval, fills]);
  const axis = useMemo(() => priceAxis(rows), [rows]);
  const maxVolume = useMemo(() => rows.reduce((m, r) => Math.max(m, r.volume), 1), [rows]);
  const markers = rows.reduce((n, r) => n + r.buys.length + r.sells.length, 0);

  if (!focus) return <EmptyState domain="market" title={t('quote.pick')} />;
  if (problem) return <EmptyState title={t('chart.unavailable')} hint={bi(problem)} />;
  if (rows.length === 0) return <EmptyState title={loading ? t('empty.loading') : t('chart.noBars')} />;
  return (
    <div className="chart" data-testid="candle-chart" data-bars={rows.length} data-markers={markers}>
      <CandlePlot rows={rows} axis={axis} maxVolume={maxVolume} interval={interval} />
    </div>
  );
}

/**
 * The recharts tree, redrawn only when its data changes: the panel around it re-renders on every store update
 * while ticks stream, and rebuilding a few hundred SVG bars per frame would cost the frame rate.
 */
const CandlePlot = memo(function CandlePlot({ rows, axis, maxVolume, interval }: { rows: CandleRow[]; axis: { domain: [number, number]; ticks: number[] }; maxVolume: number; interval: ChartInterval }) {
  const label = (i: number) => {
    const r = rows[i];
    return r ? (interval === '1m' ? hm(r.time) : md(r.time)) : '';
  };
  return (
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 4 }} barCategoryGap="18%">
          <XAxis dataKey="i" tickFormatter={label} stroke="#5d6577" fontSize={10} minTickGap={28} tickLine={false} />
          <YAxis yAxisId="price" orientation="right" domain={axis.domain} ticks={axis.ticks} interval={0} stroke="#5d6577" fontSize={10} tickFormatter={formatNumber} width={58} tickLine={false} allowDataOverflow />
          <YAxis yAxisId="volume" hide domain={[0, maxVolume * 4]} />
          <Tooltip content={<CandleTip interval={interval} />} cursor={{ fill: 'rgba(255,255,255,0.05)' }} isAnimationActive={false} />
          <Bar yAxisId="volume" dataKey="volume" isAnimationActive={false} shape={VolumeShape} maxBarSize={MAX_BAR} />
          <Bar yAxisId="price" dataKey="range" isAnimationActive={false} shape={CandleShape} maxBarSize={MAX_BAR} />
        </ComposedChart>
      </ResponsiveContainer>
  );
});

function VolumeShape(p: BarShapeProps) {
  const row = p.payload as CandleRow;
  return <rect x={p.x} y={p.y} width={Math.max(1, p.width)} height={Math.max(0, p.height)} fill={row.up ? UP : DOWN} opacity={0.35} />;
}

function CandleShape(p: BarShapeProps) {
  const row = p.payload as CandleRow;
  const { x, y, width, height } = p;
  const span = row.high - row.low;
  // y is the pixel of `high`, y + height the pixel of `low`: map any price between them.
  const at = (v: number) => (span > 0 ? y + ((row.high - v) / span) * height : y);
  const colour = row.up ? UP : DOWN;
  const cx = x + width / 2;
  const top = at(Math.max(row.open, row.close));
  const bottom = at(Math.min(row.open, row.close));
  const w = Math.max(1, width);
  const mark = Math.max(5, Math.min(8, width));
  return (
    <g>
      <line x1={cx} x2={cx} y1={y} y2={y + height} stroke={colour} strokeWidth={1} />
      <rect x={x} y={top} width={w} height={Math.max(1, bottom - top)} fill={colour} />
      {row.buys.map((price, k) => (
        <path key={`b${k}`} className="fill-marker fill-marker-buy" d={`M${cx},${at(price) + 2} l${mark},${mark * 1.6} l${-2 * mark},0 z`} fill="#ffd43b" stroke="#1b1300" strokeWidth={0.8} />
      ))}
      {row.sells.map((price, k) => (
        <path key={`s${k}`} className="fill-marker fill-marker-sell" d={`M${cx},${at(price) - 2} l${mark},${-mark * 1.6} l${-2 * mark},0 z`} fill="#63e6be" stroke="#00251a" strokeWidth={0.8} />
      ))}
    </g>
  );
}

function CandleTip(props: { interval: ChartInterval; active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const t = useT();
  const row = props.payload?.[0]?.payload as CandleRow | undefined;
  if (!props.active || !row) return null;
  return (
    <div className="chart-tip">
      <div className="muted">{props.interval === '1m' ? hm(row.time) : md(row.time)}</div>
      <div>
        {t('quote.open')} {formatNumber(row.open)} · {t('quote.high')} {formatNumber(row.high)}
      </div>
      <div>
        {t('quote.low')} {formatNumber(row.low)} · {t('chart.close')} {formatNumber(row.close)}
      </div>
      <div className="muted">
        {t('quote.volume')} {formatNumber(row.volume)}
      </div>
      {row.buys.length + row.sells.length > 0 && <div>{t('chart.myFills', { n: row.buys.length + row.sells.length })}</div>}
    </div>
  );
}
