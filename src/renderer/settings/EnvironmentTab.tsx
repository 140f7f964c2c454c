/** Environment (demo / paper / real), credentials to the OS keychain (write-only) and arming real trading. */
import { useState } from 'react';
import { ARM_PHRASE } from '../../shared/ipc/domains/session';
import { api } from '../api/current';
import { failureText } from '../api/client';
import { useLocale, useT } from '../i18n';
import { useSettings } from '../stores/settings';
import { normalizeAccount } from './forms';
import { SaveNote } from './Settings';

type Env = 'demo' | 'paper' | 'real';
type Note = { tone: 'good' | 'bad'; text: string } | null;

export function EnvironmentTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const env = useSettings((s) => s.env);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  const switchTo = async (environment: Env) => {
    const client = api();
    if (!client) return;
    setBusy(true);
    const r = await client.call('env:switch', { environment });
    setBusy(false);
    if (r.ok) {
      useSettings.setState({ env: r.value });
      setNote(r.value.problem ? { tone: 'bad', text: r.value.problem } : { tone: 'good', text: t('settings.env.switched', { env: t(`env.${environment}`) }) });
    } else setNote({ tone: 'bad', text: failureText(r, locale) });
  };

  return (
    <div className="settings-section">
      <h3>{t('settings.env.title')}</h3>
      <div className="seg env-seg" role="radiogroup" aria-label={t('env.label')}>
        {(['demo', 'paper', 'real'] as const).map((e) => (
          <button key={e} type="button" role="radio" aria-checked={env?.environment === e} className={`seg-btn env-choice env-choice-${e} ${env?.environment === e ? 'on' : ''}`} disabled={busy} data-testid={`env-${e}`} onClick={() => void switchTo(e)}>
            {t(`env.${e}`)}
          </button>
        ))}
      </div>
      <p className="muted small">{t('settings.env.hint')}</p>
      {env?.problem && <p className="save-note bad">{env.problem}</p>}
      <SaveNote note={note} />
      <div className="cred-grid">
        <Credentials environment="paper" />
        <Credentials environment="real" />
      </div>
      <Arming />
    </div>
  );
}

function Credentials({ environment }: { environment: 'paper' | 'real' }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const status = useSettings((s) => s.env?.credentials[environment]);
  const [appkey, setAppkey] = useState('');
  const [appsecret, setAppsecret] = useState('');
  const [account, setAccount] = useState('');
  const [htsId, setHtsId] = useState('');
  const [note, setNote] = useState<Note>(null);

  const save = async () => {
    const client = api();
    if (!client) return;
    const acct = normalizeAccount(account);
    if (!acct) {
      setNote({ tone: 'bad', text: t('settings.cred.badAccount') });
      return;
    }
    const r = await client.call('credentials:set', { environment, appkey: appkey.trim(), appsecret: appsecret.trim(), account: acct, htsId: htsId.trim() });
    // Secrets do not linger in the screen, whatever the answer.
    setAppkey('');
    setAppsecret('');
    if (r.ok) {
      setAccount('');
      setHtsId('');
      useSettings.setState({ env: r.value });
      setNote({ tone: 'good', text: t('settings.cred.saved') });
    } else setNote({ tone: 'bad', text: failureText(r, locale) });
  };
  const clear = async () => {
    const r = await api()?.call('credentials:clear', { environment });
    if (!r) return;
    if (r.ok) {
      useSettings.setState({ env: r.value });
      setNote({ tone: 'good', text: t('settings.cred.cleared') });
    } else setNote({ tone: 'bad', text: failureText(r, locale) });
  };

  return (
    <form
      className={`cred cred-${environment}`}
      data-testid={`cred-${environment}`}
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4>
        {t(`env.${environment}`)} {t('settings.cred.title')}
        <span className={status?.present ? 'badge good' : 'badge'} data-testid={`cred-status-${environment}`}>
          {status?.present ? `${t('settings.cred.present')} ${status.accountMasked ?? ''}` : t('settings.cred.absent')}
        </span>
      </h4>
      <label>
        <span>App Key</span>
        <input className="input" name="appkey" autoComplete="off" spellCheck={false} value={appkey} onChange={(e) => setAppkey(e.target.value)} data-testid={`cred-appkey-${environment}`} />
      </label>
      <label>
        <span>App Secret</span>
        <input className="input" type="password" name="appsecret" autoComplete="new-password" value={appsecret} onChange={(e) => setAppsecret(e.target.value)} data-testid={`cred-appsecret-${environment}`} />
      </label>
      <label>
        <span>{t('settings.cred.account')}</span>
        <input className="input" name="account" autoComplete="off" placeholder="12345678-01" value={account} onChange={(e) => setAccount(e.target.value)} data-testid={`cred-account-${environment}`} />
      </label>
      <label>
        <span>HTS ID</span>
        <input className="input" name="htsId" autoComplete="off" value={htsId} onChange={(e) => setHtsId(e.target.value)} data-testid={`cred-htsid-${environment}`} />
      </label>
      <div className="form-buttons">
        <button type="submit" className="btn primary" data-testid={`cred-save-${environment}`} disabled={!appkey || !appsecret || !account || !htsId}>
          {t('settings.cred.save')}
        </button>
        {status?.present && (
          <button type="button" className="btn" onClick={() => void clear()}>
            {t('settings.cred.clear')}
          </button>
        )}
      </div>
      <p className="muted small">{t('settings.cred.hint')}</p>
      <SaveNote note={note} />
    </form>
  );
}

function Arming() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const env = useSettings((s) => s.env);
  const [phrase, setPhrase] = useState('');
  const [note, setNote] = useState<Note>(null);
  if (env?.environment !== 'real') return <p className="muted small arm-note">{t('settings.arm.notReal')}</p>;
  const arm = async () => {
    const r = await api()?.call('trading:arm', { confirm: phrase });
    if (!r) return;
    setPhrase('');
    if (r.ok) {
      useSettings.setState({ env: r.value });
      setNote({ tone: 'good', text: t('settings.arm.armed') });
    } else setNote({ tone: 'bad', text: failureText(r, locale) });
  };
  const disarm = async () => {
    const r = await api()?.call('trading:disarm', {});
    if (r?.ok) useSettings.setState({ env: r.value });
  };
  return (
    <div className={`arm ${env.armed ? 'armed' : ''}`} data-testid="arming">
      <h4>{t('settings.arm.title')}</h4>
      {env.armed ? (
        <>
          <p className="bad">{t('settings.arm.isArmed')}</p>
          <button type="button" className="btn" onClick={() => void disarm()}>
            {t('settings.arm.disarm')}
          </button>
        </>
      ) : (
        <>
          <p>{t('settings.arm.explain', { phrase: ARM_PHRASE })}</p>
          <input className="input" value={phrase} placeholder={ARM_PHRASE} onChange={(e) => setPhrase(e.target.value)} data-testid="arm-phrase" />
          <button type="button" className="btn danger" disabled={phrase !== ARM_PHRASE} onClick={() => void arm()} data-testid="arm-button">
            {t('settings.arm.arm')}
          </button>
        </>
      )}
      <SaveNote note={note} />
    </div>
  );
}
