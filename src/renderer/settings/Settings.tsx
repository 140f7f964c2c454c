/**
 * 설정: environment and credentials, risk limits and confirmation rules, hotkeys, and general preferences.
 * Every change goes to main through settings:set (or the session channels) and main re-validates it; nothing here
 * is stored in the renderer. Credentials are write-only: the fields are cleared after saving, and only "saved"
 * and a masked account ever come back.
 */
import { useState } from 'react';
import { useT, type MessageKey } from '../i18n';
import { closeOverlay, useUi } from '../stores/ui';
import { Modal } from '../dialogs/Modal';
import { EnvironmentTab } from './EnvironmentTab';
import { GeneralTab } from './GeneralTab';
import { HotkeysTab } from './HotkeysTab';
import { RiskTab } from './RiskTab';

type Tab = 'env' | 'risk' | 'hotkeys' | 'general';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'env', label: 'settings.tab.env' },
  { id: 'risk', label: 'settings.tab.risk' },
  { id: 'hotkeys', label: 'settings.tab.hotkeys' },
  { id: 'general', label: 'settings.tab.general' },
];

export function SettingsDialog() {
  const t = useT();
  const open = useUi((s) => s.overlay === 'settings');
  const [tab, setTab] = useState<Tab>('env');
  if (!open) return null;
  return (
    <Modal title={t('settings.title')} testId="settings-dialog" className="settings" onCancel={closeOverlay}>
      <nav className="settings-tabs" role="tablist">
        {TABS.map((x) => (
          <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'tab active' : 'tab'} data-testid={`settings-tab-${x.id}`} onClick={() => setTab(x.id)}>
            {t(x.label)}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" className="mini" onClick={closeOverlay} data-testid="settings-close">
          {t('common.close')} <kbd>Esc</kbd>
        </button>
      </nav>
      <div className="settings-body">
        {tab === 'env' && <EnvironmentTab />}
        {tab === 'risk' && <RiskTab />}
        {tab === 'hotkeys' && <HotkeysTab />}
        {tab === 'general' && <GeneralTab />}
      </div>
    </Modal>
  );
}

/** A result line under a form: what main answered. */
export function SaveNote({ note }: { note: { tone: 'good' | 'bad'; text: string } | null }) {
  if (!note) return null;
  return (
    <p className={`save-note ${note.tone}`} role="status" data-testid="save-note">
      {note.text}
    </p>
  );
}
