/** Risk limits (main refuses orders beyond them) and when to ask for a confirmation. */
import { useState } from 'react';
import { formatNumber } from '../format/numbers';
import { useLocale, useT, type MessageKey } from '../i18n';
import { useSettingsValue } from '../stores/settings';
import { intField, symbolListField, wonField, type FieldResult } from './forms';
import { savePatch } from './save';
import { SaveNote } from './Settings';

export function RiskTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const s = useSettingsValue();
  const [f, setF] = useState({
    maxOrderValue: formatNumber(s.risk.maxOrderValue),
    maxOrderQty: formatNumber(s.risk.maxOrderQty),
    maxOpenPositions: String(s.risk.maxOpenPositions),
    dailyLossLimit: formatNumber(s.risk.dailyLossLimit),
    blacklist: s.risk.blacklist.join(', '),
    aboveValue: formatNumber(s.confirm.aboveValue),
    alwaysInReal: s.confirm.alwaysInReal,
  });
  const [note, setNote] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);

  const save = async () => {
    const fields: Array<FieldResult<unknown>> = [
      wonField('maxOrderValue', f.maxOrderValue),
      intField('maxOrderQty', f.maxOrderQty, 1, 10_000_000),
      intField('maxOpenPositions', f.maxOpenPositions, 1, 1000),
      wonField('dailyLossLimit', f.dailyLossLimit),
      symbolListField('blacklist', f.blacklist),
      wonField('aboveValue', f.aboveValue),
    ];
    const bad = fields.find((x) => !x.ok);
    if (bad && !bad.ok) {
      setNote({ tone: 'bad', text: t('settings.badField', { field: t(`settings.risk.${bad.field}` as MessageKey) }) });
      return;
    }
    const v = fields.map((x) => (x.ok ? x.value : null));
    setNote(
      await savePatch(
        {
          risk: { maxOrderValue: v[0] as number, maxOrderQty: v[1] as number, maxOpenPositions: v[2] as number, dailyLossLimit: v[3] as number, blacklist: v[4] as string[] },
          confirm: { aboveValue: v[5] as number, alwaysInReal: f.alwaysInReal },
        },
        locale,
        t('settings.saved'),
      ),
    );
  };
  const field = (key: keyof typeof f & string, unit: string) => (
    <label className="field">
      <span>{t(`settings.risk.${key}` as MessageKey)}</span>
      <input className="input num" value={String(f[key])} onChange={(e) => setF({ ...f, [key]: e.target.value })} data-testid={`risk-${key}`} />
      <span className="muted">{unit}</span>
    </label>
  );
  return (
    <form
      className="settings-section"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('settings.risk.title')}</h3>
      {field('maxOrderValue', t('unit.won'))}
      {field('maxOrderQty', t('unit.shares'))}
      {field('maxOpenPositions', t('unit.symbols'))}
      {field('dailyLossLimit', t('unit.won'))}
      <label className="field wide">
        <span>{t('settings.risk.blacklist')}</span>
        <input className="input" value={f.blacklist} placeholder="015760, 005930" onChange={(e) => setF({ ...f, blacklist: e.target.value })} data-testid="risk-blacklist" />
      </label>
      <h3>{t('settings.confirm.title')}</h3>
      {field('aboveValue', t('unit.won'))}
      <p className="muted small">{t('settings.confirm.aboveHint')}</p>
      <label className="check">
        <input type="checkbox" checked={f.alwaysInReal} onChange={(e) => setF({ ...f, alwaysInReal: e.target.checked })} />
        {t('settings.confirm.alwaysInReal')}
      </label>
      <div className="form-buttons">
        <button type="submit" className="btn primary" data-testid="risk-save">
          {t('settings.save')}
        </button>
      </div>
      <SaveNote note={note} />
    </form>
  );
}
