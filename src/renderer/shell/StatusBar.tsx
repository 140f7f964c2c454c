/**
 * The bottom status bar: environment badge (실전 is red and loud, with whether orders are armed; 모의투자 amber;
 * 데모 neutral), connection, last sync in KST, request headroom, the KRX/NXT session, the kill switch, version
 * and the KO/EN toggle (saved to settings).
 */
import { api } from '../api/current';
import { useBi, useLocale, useT } from '../i18n';
import { useConnection } from '../stores/connection';
import { useMarket } from '../stores/market';
import { useSettings } from '../stores/settings';
import { formatKstTime, formatPercent } from './format';

export function StatusBar() {
  const t = useT();
  const bi = useBi();
  const locale = useLocale((s) => s.locale);
  const { conn, info, error } = useConnection();
  const envStatus = useSettings((s) => s.env);
  const killSwitch = useSettings((s) => s.risk?.killSwitch === true);
  const session = useMarket((s) => s.session);
  const environment = conn?.environment ?? envStatus?.environment ?? info?.environment ?? null;
  const connection = conn?.connection ?? null;

  const toggle = () => {
    const next = locale === 'ko' ? 'en' : 'ko';
    useLocale.getState().setLocale(next);
    void api()?.call('settings:set', { patch: { language: next } });
  };

  return (
    <footer className="status-bar" role="status" aria-label="status">
      <span className={`env-badge env-${environment ?? 'unknown'}`} data-testid="env-badge" title={t('env.label')}>
        {environment ? t(`env.${environment}`) : t('env.unknown')}
      </span>
      {environment === 'real' && envStatus && (
        <span className={envStatus.armed ? 'armed-badge armed' : 'armed-badge'} data-testid="armed-state">
          {envStatus.armed ? t('env.armed') : t('env.disarmed')}
        </span>
      )}
      <span className={`conn conn-${connection ?? 'unknown'}`} data-testid="conn-state">
        <span className="conn-dot" aria-hidden="true" />
        {t('conn.label')}: {connection ? t(`conn.${connection}`) : t('conn.unknown')}
      </span>
      <span className="sync" data-testid="last-sync">
        {t('sync.label')}: {conn?.lastSyncAt != null ? formatKstTime(conn.lastSyncAt) : t('sync.never')}
      </span>
      {conn?.rateHeadroom != null && (
        <span className={conn.rateHeadroom < 0.2 ? 'rate low' : 'rate'} data-testid="rate-headroom">
          {t('rate.label')}: {formatPercent(conn.rateHeadroom)}
        </span>
      )}
      {session && (
        <span className="market-session" data-testid="market-session">
          <span className={session.krx.acceptsOrders ? 'session-open' : 'session-closed'}>KRX {bi(session.krx.label)}</span>
          <span className={session.nxt.acceptsOrders ? 'session-open' : 'session-closed'}>NXT {bi(session.nxt.label)}</span>
        </span>
      )}
      {killSwitch && (
        <span className="kill-status" data-testid="kill-status">
          ■ {t('kill.status')}
        </span>
      )}
      {(conn?.message ?? error) && <span className="status-message">{conn?.message ?? error}</span>}
      <span className="spacer" />
      {info && (
        <span className="version">
          {t('version.label')} {info.version}
        </span>
      )}
      <button type="button" className="lang-toggle" data-testid="lang-toggle" aria-label={t('lang.toggle.label')} lang={locale === 'ko' ? 'en' : 'ko'} onClick={toggle}>
        {t('lang.toggle')}
      </button>
    </footer>
  );
}
