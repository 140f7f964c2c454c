/**
 * The bottom status bar: environment badge (실전 is red and loud, 모의투자 amber, 데모 neutral), connection
 * state, last sync in KST, request headroom, version and the KO/EN toggle.
 */
import { useLocale, useT } from '../i18n';
import { useConnection } from '../stores/connection';
import { formatKstTime, formatPercent } from './format';

export function StatusBar() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const toggle = useLocale((s) => s.toggle);
  const { conn, info, error } = useConnection();
  const environment = conn?.environment ?? info?.environment ?? null;
  const connection = conn?.connection ?? null;

  return (
    <footer className="status-bar" role="status" aria-label="status">
      <span
        className={`env-badge env-${environment ?? 'unknown'}`}
        data-testid="env-badge"
        title={t('env.label')}
      >
        {environment ? t(`env.${environment}`) : t('env.unknown')}
      </span>
      <span className={`conn conn-${connection ?? 'unknown'}`} data-testid="conn-state">
        <span className="conn-dot" aria-hidden="true" />
        {t('conn.label')}: {connection ? t(`conn.${connection}`) : t('conn.unknown')}
      </span>
      <span className="sync" data-testid="last-sync">
        {t('sync.label')}: {conn?.lastSyncAt != null ? formatKstTime(conn.lastSyncAt) : t('sync.never')}
      </span>
      {conn?.rateHeadroom != null && (
        <span className="rate" data-testid="rate-headroom">
          {t('rate.label')}: {formatPercent(conn.rateHeadroom)}
        </span>
      )}
      {(conn?.message ?? error) && <span className="status-message">{conn?.message ?? error}</span>}
      <span className="spacer" />
      {info && (
        <span className="version">
          {t('version.label')} {info.version}
        </span>
      )}
      <button
        type="button"
        className="lang-toggle"
        data-testid="lang-toggle"
        aria-label={t('lang.toggle.label')}
        lang={locale === 'ko' ? 'en' : 'ko'}
        onClick={toggle}
      >
        {t('lang.toggle')}
      </button>
    </footer>
  );
}
