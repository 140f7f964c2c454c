/** The shell: title bar, panel layout, status bar. Binds the connection store to the bridge once. */
import { useEffect } from 'react';
import type { AegisApi } from '../shared/ipc/contract';
import { translate, useLocale, useT } from './i18n';
import { Layout } from './shell/Layout';
import { StatusBar } from './shell/StatusBar';
import { bindConnection, useConnection } from './stores/connection';

export function App({ api }: { api: AegisApi | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const environment = useConnection((s) => s.conn?.environment ?? s.info?.environment ?? null);

  useEffect(() => (api ? bindConnection(api) : undefined), [api]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  return (
    <div className={`app env-frame-${environment ?? 'unknown'}`}>
      <header className="title-bar">
        <span className="brand">{t('app.title')}</span>
      </header>
      {api ? <Layout /> : <p className="no-bridge" role="alert">{t('app.noBridge')}</p>}
      <StatusBar />
    </div>
  );
}
