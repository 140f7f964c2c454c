/**
 * The terminal: title bar (search, controls), the panel layout, the status bar, and the overlays (order
 * confirmation, settings, cheat sheet, kill-switch release, toasts). Binds the stores to the bridge once.
 */
import { useEffect, useMemo } from 'react';
import type { AegisApi } from '../shared/ipc/contract';
import { screenApi } from './api/client';
import { setScreenApi } from './api/current';
import { CheatSheet } from './dialogs/CheatSheet';
import { ConfirmOrder } from './dialogs/ConfirmOrder';
import { useHotkeys } from './hotkeys/useHotkeys';
import { translate, useLocale, useT } from './i18n';
import { SettingsDialog } from './settings/Settings';
import { KillReleaseDialog } from './shell/KillSwitch';
import { Layout } from './shell/Layout';
import { StatusBar } from './shell/StatusBar';
import { TitleBar } from './shell/TitleBar';
import { Toasts } from './shell/Toasts';
import { bindStores } from './stores/bind';
import { bindConnection, useConnection } from './stores/connection';
import { useSettings } from './stores/settings';
import { watchTicketForPreview } from './ticket/preview';

export function App({ api }: { api: AegisApi | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const environment = useConnection((s) => s.conn?.environment ?? s.info?.environment ?? null);
  const killSwitch = useSettings((s) => s.risk?.killSwitch === true);
  const screen = useMemo(() => (api ? screenApi(api) : null), [api]);

  useEffect(() => (api ? bindConnection(api) : undefined), [api]);
  useEffect(() => {
    if (!screen) return;
    setScreenApi(screen);
    const unbind = bindStores(screen);
    const unwatch = watchTicketForPreview();
    return () => {
      unwatch();
      unbind();
      setScreenApi(null);
    };
  }, [screen]);
  useHotkeys();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  return (
    <div className={`app env-frame-${environment ?? 'unknown'} ${killSwitch ? 'kill-engaged' : ''}`}>
      {api ? (
        <>
          <TitleBar />
          <Layout />
        </>
      ) : (
        <>
          <header className="title-bar">
            <span className="brand">{t('app.title')}</span>
          </header>
          <p className="no-bridge" role="alert">
            {t('app.noBridge')}
          </p>
        </>
      )}
      <StatusBar />
      <ConfirmOrder />
      <SettingsDialog />
      <KillReleaseDialog />
      <CheatSheet />
      <Toasts />
    </div>
  );
}
