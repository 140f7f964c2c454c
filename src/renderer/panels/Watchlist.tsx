/** 관심종목: live price and change per symbol (red ▲ up, blue ▼ down). Click a row to look at it. */
import { memo } from 'react';
import type { InstrumentView } from '../../shared/ipc/domains/market';
import { directionOf, formatChange, formatNumber, formatRate } from '../format/numbers';
import { useLocale, useT } from '../i18n';
import { focusSymbol } from '../market/focus';
import { quoteKey, useMarket } from '../stores/market';
import { EmptyState } from '../shell/Panel';

export function Watchlist() {
  const t = useT();
  const list = useMarket((s) => s.watchlist);
  if (list === null) return <EmptyState domain="market" />;
  if (list.length === 0) return <EmptyState title={t('watchlist.empty')} hint={t('watchlist.empty.hint')} />;
  return (
    <table className="table watchlist" data-testid="watchlist">
      <colgroup>
        <col className="w-name" />
        <col className="w-price" />
        <col className="w-change" />
        <col className="w-rate" />
      </colgroup>
      <thead>
        <tr>
          <th className="l">{t('col.name')}</th>
          <th>{t('col.price')}</th>
          <th>{t('col.change')}</th>
          <th>{t('col.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((i) => (
          <Row key={i.symbol} instrument={i} />
        ))}
      </tbody>
    </table>
  );
}

const Row = memo(function Row({ instrument }: { instrument: InstrumentView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const tick = useMarket((s) => s.last[instrument.symbol]);
  const quote = useMarket((s) => s.quotes[quoteKey(instrument.symbol, 'KRX')]);
  const focused = useMarket((s) => s.focus?.symbol === instrument.symbol);
  const price = tick?.price ?? quote?.price;
  const change = tick?.change ?? quote?.change;
  const rate = tick?.changeRate ?? quote?.changeRate;
  const dir = directionOf(change ?? 0);
  return (
    <tr className={focused ? 'selected' : ''} data-symbol={instrument.symbol} onClick={() => void focusSymbol(instrument)}>
      <td className="l name" title={`${instrument.symbol} ${instrument.nameEn} · ${t('quote.volume')} ${formatNumber(tick?.volume ?? quote?.volume ?? 0)}`}>
        {locale === 'en' ? instrument.nameEn : instrument.name}
        {instrument.nxtEligible && <span className="tag-nxt">N</span>}
      </td>
      <td className={dir}>{price !== undefined ? formatNumber(price) : '—'}</td>
      <td className={dir}>{change !== undefined ? formatChange(change) : '—'}</td>
      <td className={dir}>{rate !== undefined ? formatRate(rate) : '—'}</td>
    </tr>
  );
});
