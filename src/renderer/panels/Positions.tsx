/**
 * 잔고: positions merged across KRX and NXT, with the per-venue split under the quantity. Prices move with the live
 * trades (the mirror's valuation is the truth at each sync; the screen marks to the latest trade in between).
 */
import { memo } from 'react';
import type { Position } from '../../shared/ipc/domains/account';
import { directionOf, formatAvgPrice, formatNumber, formatRate, formatSignedNumber } from '../format/numbers';
import { useT } from '../i18n';
import { focusCode } from '../market/lookup';
import { useAccount } from '../stores/account';
import { useMarket } from '../stores/market';
import { EmptyState } from '../shell/Panel';

/** Marks a position to a newer price: value, PnL and rate recomputed in integer 원 (rate in %). */
export function markToPrice(p: Position, price: number | undefined): { price: number; value: number; pnl: number; rate: number } {
  if (price === undefined || price <= 0) return { price: p.lastPrice, value: p.value, pnl: p.pnl, rate: p.pnlRate };
  const value = p.qty * price;
  const pnl = value - p.cost;
  return { price, value, pnl, rate: p.cost > 0 ? (pnl / p.cost) * 100 : 0 };
}

export function Positions() {
  const t = useT();
  const positions = useAccount((s) => s.positions);
  if (positions === null) return <EmptyState domain="positions" />;
  const held = positions.filter((p) => p.qty > 0);
  if (held.length === 0) return <EmptyState title={t('positions.empty')} hint={t('positions.empty.hint')} />;
  return (
    <table className="table positions" data-testid="positions">
      <thead>
        <tr>
          <th className="l">{t('col.name')}</th>
          <th className="l">{t('col.venue')}</th>
          <th>{t('col.qty')}</th>
          <th>{t('col.avg')}</th>
          <th>{t('col.price')}</th>
          <th>{t('col.pnl')}</th>
          <th>{t('col.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {held.map((p) => (
          <Row key={p.symbol} position={p} />
        ))}
      </tbody>
    </table>
  );
}

const Row = memo(function Row({ position: p }: { position: Position }) {
  const live = useMarket((s) => s.last[p.symbol]?.price);
  const m = markToPrice(p, live);
  const dir = directionOf(m.pnl);
  const split = p.venues.filter((v) => v.qty > 0);
  return (
    <tr data-symbol={p.symbol} onClick={() => void focusCode(p.symbol)}>
      <td className="l name" title={p.symbol}>
        {p.name}
      </td>
      <td className="l venue-split" data-testid={`position-venues-${p.symbol}`}>
        {split.length > 1 ? split.map((v) => `${v.venue} ${formatNumber(v.qty)}`).join(' · ') : (split[0]?.venue ?? '')}
      </td>
      <td data-testid={`position-qty-${p.symbol}`}>{formatNumber(p.qty)}</td>
      <td>{formatAvgPrice(p.avgPrice)}</td>
      <td>{formatNumber(m.price)}</td>
      <td className={dir}>{formatSignedNumber(m.pnl)}</td>
      <td className={dir}>{formatRate(m.rate)}</td>
    </tr>
  );
});
