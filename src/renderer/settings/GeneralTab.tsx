/** Language, quantity presets, notifications, global shortcuts, NXT valuation, new-appkey mode, data folder. */
import { useState } from 'react';
import { useLocale, useT } from '../i18n';
import { useConnection } from '../stores/connection';
import { useSettingsValue } from '../stores/settings';
import { intField } from './forms';
import { savePatch } from './save';
import { SaveNote } from './Settings';

export function GeneralTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const s = useSettingsValue();
  const dataDir = useConnection((c) => c.info?.dataDir ?? '');
  const [presets, setPresets] = useState(s.qtyPresets.map(String));
  const [note, setNote] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  const save = async (patch: Parameters<typeof savePatch>[0]) => setNote(await savePatch(patch, locale, t('settings.saved')));

  const savePresets = () => {
    const parsed = presets.map((p, i) => intField(`preset${i + 1}`, p, 1, 1_000_000));
    if (parsed.some((p) => !p.ok)) {
      setNote({ tone: 'bad', text: t('settings.general.badPreset') });
      return;
    }
    void save({ qtyPresets: parsed.map((p) => (p.ok ? p.value : 0)) });
  };

  return (
    <div className="settings-section">
      <h3>{t('settings.general.language')}</h3>
      <div className="seg" role="radiogroup">
        {(['ko', 'en'] as const).map((l) => (
          <button
            key={l}
            type="button"
            role="radio"
            aria-checked={s.language === l}
            className={`seg-btn ${s.language === l ? 'on' : ''}`}
            onClick={() => {
              useLocale.getState().setLocale(l);
              void save({ language: l });
            }}
          >
            {l === 'ko' ? '한국어' : 'English'}
          </button>
        ))}
      </div>

      <h3>{t('settings.general.presets')}</h3>
      <div className="preset-fields">
        {presets.map((p, i) => (
          <label key={i} className="field">
            <span>
              {t('settings.general.preset')} {i + 1} <kbd>Alt+{i + 1}</kbd>
            </span>
            <input className="input num" value={p} onChange={(e) => setPresets(presets.map((x, k) => (k === i ? e.target.value : x)))} data-testid={`preset-${i + 1}`} />
          </label>
        ))}
        <button type="button" className="btn primary" onClick={savePresets} data-testid="presets-save">
          {t('settings.save')}
        </button>
      </div>

      <h3>{t('settings.general.notifications')}</h3>
      <Toggle label={t('settings.general.notifyFills')} checked={s.notifications.fills} onChange={(v) => void save({ notifications: { fills: v } })} />
      <Toggle label={t('settings.general.notifyRejections')} checked={s.notifications.rejections} onChange={(v) => void save({ notifications: { rejections: v } })} />
      <Toggle label={t('settings.general.sound')} checked={s.notifications.sound} onChange={(v) => void save({ notifications: { sound: v } })} />

      <h3>{t('settings.general.other')}</h3>
      <Toggle label={t('settings.general.globalShortcuts')} checked={s.globalShortcuts} onChange={(v) => void save({ globalShortcuts: v })} />
      <Toggle label={t('settings.general.nxtView')} checked={s.nxtView} onChange={(v) => void save({ nxtView: v })} />
      <Toggle label={t('settings.general.newAppkeyMode')} checked={s.newAppkeyMode} onChange={(v) => void save({ newAppkeyMode: v })} />
      <p className="field wide">
        <span>{t('settings.general.dataDir')}</span> <code data-testid="data-dir">{dataDir || '—'}</code>
      </p>
      <SaveNote note={note} />
    </div>
  );
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
