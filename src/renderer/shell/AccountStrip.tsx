/** The account-summary strip above the panels. Values appear once the account mirror exists; until then, dashes. */
import { useT, type MessageKey } from '../i18n';
import { useConnection } from '../stores/connection';

const FIELDS: { key: string; label: MessageKey }[] = [
  { key: 'deposit', label: 'account.deposit' },
  { key: 'orderable', label: 'account.orderable' },
  { key: 'valuation', label: 'account.valuation' },
  { key: 'pnl', label: 'account.pnl' },
];

export function AccountStrip() {
  const t = useT();
  const connected = useConnection((s) => s.conn?.connection === 'connected');
  const note = connected ? t('empty.notReady') : t('account.waiting');
  return (
    <section className="account-strip" aria-label={t('account.label')} data-panel="account">
      {FIELDS.map((f) => (
        <div className="account-field" key={f.key}>
          <span className="account-label">{t(f.label)}</span>
          <span className="account-value" title={note}>
            —
          </span>
        </div>
      ))}
      <span className="account-note" data-testid="account-note">
        {note}
      </span>
    </section>
  );
}
