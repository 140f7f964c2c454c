/** The hotkey editor: press a key to rebind an action; conflicts are shown and block saving. */
import { useState, type KeyboardEvent } from 'react';
import { defaultSettings, HOTKEY_ACTIONS, type HotkeyAction } from '../../shared/settings/schema';
import { bindingOf, findConflicts, type HotkeyMap } from '../hotkeys/keymap';
import { useLocale, useT } from '../i18n';
import { useSettingsValue } from '../stores/settings';
import { actionLabel } from './hotkey-labels';
import { savePatch } from './save';
import { SaveNote } from './Settings';

export function HotkeysTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const s = useSettingsValue();
  const [map, setMap] = useState<HotkeyMap>({ ...s.hotkeys });
  const [recording, setRecording] = useState<HotkeyAction | null>(null);
  const [note, setNote] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  const { conflicts, invalid } = findConflicts(map);
  const conflicted = new Set(conflicts.flatMap((c) => c.actions));

  const record = (action: HotkeyAction, e: KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape' && !e.ctrlKey && !e.altKey && !e.shiftKey) {
      setRecording(null);
      return;
    }
    const b = bindingOf(e.nativeEvent);
    if (b === null) return; // a bare modifier: wait for the key
    setMap({ ...map, [action]: b });
    setRecording(null);
  };

  return (
    <div className="settings-section">
      <h3>{t('settings.hotkeys.title')}</h3>
      <p className="muted small">{t('settings.hotkeys.hint')}</p>
      <table className="hotkey-table" data-testid="hotkey-editor">
        <tbody>
          {HOTKEY_ACTIONS.map((a) => (
            <tr key={a} className={conflicted.has(a) || invalid.includes(a) ? 'conflict' : ''}>
              <td>{t(actionLabel(a))}</td>
              <td>
                <button
                  type="button"
                  className={`key-btn ${recording === a ? 'recording' : ''}`}
                  data-own-keys={recording === a ? '*' : undefined}
                  data-testid={`hotkey-${a}`}
                  onClick={() => setRecording(a)}
                  onBlur={() => recording === a && setRecording(null)}
                  onKeyDown={(e) => recording === a && record(a, e)}
                >
                  {recording === a ? t('settings.hotkeys.press') : <kbd>{map[a]}</kbd>}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflicts.map((c) => (
        <p key={c.binding} className="save-note bad" data-testid="hotkey-conflict">
          {t('settings.hotkeys.conflict', { key: c.binding, actions: c.actions.map((a) => t(actionLabel(a))).join(', ') })}
        </p>
      ))}
      <div className="form-buttons">
        <button type="button" className="btn" onClick={() => setMap({ ...defaultSettings().hotkeys })}>
          {t('settings.hotkeys.defaults')}
        </button>
        <button type="button" className="btn primary" disabled={conflicts.length > 0 || invalid.length > 0} data-testid="hotkeys-save" onClick={() => void savePatch({ hotkeys: map }, locale, t('settings.saved')).then(setNote)}>
          {t('settings.save')}
        </button>
      </div>
      <SaveNote note={note} />
    </div>
  );
}
