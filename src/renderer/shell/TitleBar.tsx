/** Brand, symbol search, the focused symbol at a glance, and the controls: notifications, cheat sheet, settings, kill switch. */
import { directionOf, formatChange, formatNumber, formatRate } from '../format/numbers';
import { useLocale, useT } from '../i18n';
import { SymbolSearch } from '../search/SymbolSearch';
import { useMarket } from '../stores/market';
import { useNotifications } from '../stores/notifications';
import { useSettings } from '../stores/settings';
import { openOverlay, useUi } from '../stores/ui';
import { KillSwitchButton } from './KillSwitch';

export function TitleBar() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const focus = useMarket((s) => s.focus);
  const tick = useMarket((s) => (s.focus ? s.last[s.focus.symbol] : undefined));
  const unread = useNotifications((s) => s.unread);
  const cheatKey = useSettings((s) => s.settings?.hotkeys.showCheatSheet ?? 'F12');
  const cheatOpen = useUi((s) => s.overlay === 'cheatSheet');
  const dir = tick ? directionOf(tick.change) : 'flat';
  return (
    <header className="title-bar">
      <span className="brand">{t('app.title')}</span>
      <SymbolSearch />
      {focus && (
        <span className="focus-summary" data-testid="focus-summary">
          <b>{locale === 'en' ? focus.nameEn : focus.name}</b>
          <span className="muted">{focus.symbol}</span>
          {tick && (
            <span className={dir}>
              {formatNumber(tick.price)} {formatChange(tick.change)} {formatRate(tick.changeRate)}
            </span>
          )}
        </span>
      )}
      <span className="spacer" />
      <span className="unread" title={t('panel.notifications')} data-testid="unread">
        {t('panel.notifications')} {unread > 0 ? <b>{unread}</b> : 0}
      </span>
      <button type="button" className={`tool-btn ${cheatOpen ? 'on' : ''}`} onClick={() => openOverlay(cheatOpen ? null : 'cheatSheet')} data-testid="open-cheat-sheet">
        {t('cheat.button')} <kbd>{cheatKey}</kbd>
      </button>
      <button type="button" className="tool-btn" onClick={() => openOverlay('settings')} data-testid="open-settings">
        ⚙ {t('settings.title')}
      </button>
      <KillSwitchButton />
    </header>
  );
}
