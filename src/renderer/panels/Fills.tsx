/** 체결: today's fills, newest first, from fills:today and every fills:new. */
import { formatNumber } from '../format/numbers';
import { hms } from '../format/time';
import { useT } from '../i18n';
import { focusCode } from '../market/lookup';
import { useAccount } from '../stores/account';
import { EmptyState } from '../shell/Panel';

export function Fills() {
  const t = useT();
  const fills = useAccount((s) => s.fills);
  if (fills === null) return <EmptyState domain="fills" />;
  if (fills.length === 0) return <EmptyState title={t('fills.empty')} />;
  return (
    <table className="table fills" data-testid="fills">
      <thead>
        <tr>
          <th className="l">{t('tape.time')}</th>
          <th className="l">{t('col.name')}</th>
          <th>{t('col.side')}</th>
          <th>{t('col.fillPrice')}</th>
          <th>{t('col.qty')}</th>
        </tr>
      </thead>
      <tbody>
        {fills.slice(0, 300).map((f) => (
          <tr key={f.fillId} data-testid="fill-row" onClick={() => void focusCode(f.symbol)}>
            <td className="l muted">{hms(f.time)}</td>
            <td className="l name" title={`${f.symbol} · ${f.venue} · ${t('fills.feeTax', { fee: formatNumber(f.fee), tax: formatNumber(f.tax) })}`}>
              {f.name}
            </td>
            <td className={f.side === 'buy' ? 'up' : 'down'}>
              {t(f.side === 'buy' ? 'side.buy' : 'side.sell')}
              <span className="sub">{f.venue}</span>
            </td>
            <td>{formatNumber(f.price)}</td>
            <td>{formatNumber(f.qty)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
