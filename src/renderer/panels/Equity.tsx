/** 손익 추이: total assets per day (line) and the day's PnL (bars, red up / blue down) from account snapshots, today live. */
import { useMemo } from 'react';
import { Bar, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { withLiveToday } from '../charts/equity';
import { directionOf, formatNumber, formatSignedNumber, formatWon } from '../format/numbers';
import { useT } from '../i18n';
import { useAccount, type EquityPoint } from '../stores/account';
import { EmptyState } from '../shell/Panel';

const UP = '#f04452';
const DOWN = '#3485fa';

const label = (ymd: string) => `${ymd.slice(4, 6)}/${ymd.slice(6, 8)}`;
/** Axis in 만원: 130,259,500 → "13,026만" — precise enough to tell days apart, short enough for the axis. */
const man = (v: number) => `${formatNumber(Math.round(v / 10_000))}만`;

export function EquityChart() {
  const t = useT();
  const equity = useAccount((s) => s.equity);
  const summary = useAccount((s) => s.summary);
  const rows = useMemo(() => withLiveToday(equity ?? [], summary), [equity, summary]);
  if (equity === null) return <EmptyState domain="equity" />;
  if (rows.length === 0) return <EmptyState title={t('equity.empty')} hint={t('equity.empty.hint')} />;
  const last = rows[rows.length - 1]!;
  const lo = Math.min(...rows.map((r) => r.totalAssets));
  const hi = Math.max(...rows.map((r) => r.totalAssets));
  const pad = Math.max(10_000, (hi - lo) * 0.1, hi * 0.002);
  const assetDomain: [number, number] = [Math.floor((lo - pad) / 10_000) * 10_000, Math.ceil((hi + pad) / 10_000) * 10_000];
  return (
    <div className="equity" data-testid="equity-chart" data-days={rows.length}>
      <div className="equity-head">
        <span>{formatWon(last.totalAssets)}</span>
        <span className={directionOf(last.pnl)}>{formatSignedNumber(last.pnl)}</span>
      </div>
      <div className="equity-plot">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 4, right: 2, bottom: 0, left: 2 }}>
            <XAxis dataKey="date" tickFormatter={label} stroke="#5d6577" fontSize={9} minTickGap={24} tickLine={false} />
            <YAxis yAxisId="assets" orientation="right" stroke="#5d6577" fontSize={9} width={50} tickFormatter={man} domain={assetDomain} tickCount={3} tickLine={false} />
            <YAxis yAxisId="pnl" hide />
            <Tooltip content={<EquityTip />} isAnimationActive={false} />
            <Bar yAxisId="pnl" dataKey="pnl" isAnimationActive={false} maxBarSize={14}>
              {rows.map((r) => (
                <Cell key={r.date} fill={r.pnl >= 0 ? UP : DOWN} opacity={0.5} />
              ))}
            </Bar>
            <Line yAxisId="assets" dataKey="totalAssets" stroke="#e6e8ec" dot={false} strokeWidth={1.5} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function EquityTip(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const t = useT();
  const p = props.payload?.[0]?.payload as EquityPoint | undefined;
  if (!props.active || !p) return null;
  return (
    <div className="chart-tip">
      <div className="muted">{`${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}`}</div>
      <div>
        {t('account.totalAssets')} {formatWon(p.totalAssets)}
      </div>
      <div className={directionOf(p.pnl)}>
        {t('equity.pnl')} {formatSignedNumber(p.pnl)}
      </div>
      <div className={directionOf(p.realizedPnl)}>
        {t('equity.realized')} {formatSignedNumber(p.realizedPnl)}
      </div>
    </div>
  );
}
