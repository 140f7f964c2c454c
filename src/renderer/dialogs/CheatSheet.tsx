/** The hotkey cheat sheet (F12): every action with its current key, from settings.hotkeys. Not modal. */
import { HOTKEY_ACTIONS } from '../../shared/settings/schema';
import { useT } from '../i18n';
import { useSettingsValue } from '../stores/settings';
import { closeOverlay, useUi } from '../stores/ui';
import { actionLabel } from '../settings/hotkey-labels';

export function CheatSheet() {
  const t = useT();
  const open = useUi((s) => s.overlay === 'cheatSheet');
  const settings = useSettingsValue();
  if (!open) return null;
  return (
    <aside className="cheat-sheet" role="dialog" aria-label={t('cheat.title')} data-testid="cheat-sheet">
      <header className="modal-title">
        {t('cheat.title')}
        <button type="button" className="mini" onClick={closeOverlay} aria-label={t('common.close')}>
          ✕
        </button>
      </header>
      <table className="cheat-table">
        <tbody>
          {HOTKEY_ACTIONS.map((a) => (
            <tr key={a}>
              <td>{t(actionLabel(a))}</td>
              <td>
                <kbd>{settings.hotkeys[a]}</kbd>
                {a === 'cancelAll' && <span className="muted"> ×2</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cheat-flow">{t('cheat.flow')}</p>
      <p className="muted small">{t('cheat.note')}</p>
    </aside>
  );
}
