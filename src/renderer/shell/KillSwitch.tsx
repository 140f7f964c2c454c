/**
 * The kill switch in the title bar: one press engages it (main cancels everything and blocks risk-increasing
 * orders until released, across restarts); releasing asks first.
 */
import { hms } from '../format/time';
import { useT } from '../i18n';
import { Modal } from '../dialogs/Modal';
import { setKillSwitch } from '../orders/actions';
import { useSettings } from '../stores/settings';
import { closeOverlay, openOverlay, useUi } from '../stores/ui';

export function KillSwitchButton() {
  const t = useT();
  const risk = useSettings((s) => s.risk);
  const key = useSettings((s) => s.settings?.hotkeys.killSwitch ?? 'Ctrl+Shift+K');
  const engaged = risk?.killSwitch === true;
  return (
    <button
      type="button"
      className={`kill-switch ${engaged ? 'engaged' : ''}`}
      data-testid="kill-switch"
      aria-pressed={engaged}
      title={engaged ? t('kill.releaseHint') : `${t('kill.engageHint')} (${key})`}
      disabled={risk === null}
      onClick={() => (engaged ? openOverlay('killRelease') : void setKillSwitch(true))}
    >
      ■ {engaged ? t('kill.engaged', { time: risk?.engagedAt ? hms(risk.engagedAt) : '' }) : t('kill.label')}
    </button>
  );
}

export function KillReleaseDialog() {
  const t = useT();
  const open = useUi((s) => s.overlay === 'killRelease');
  if (!open) return null;
  const release = () => {
    closeOverlay();
    void setKillSwitch(false);
  };
  return (
    <Modal title={t('kill.releaseTitle')} testId="kill-release-dialog" onConfirm={release} onCancel={closeOverlay} initialFocus="[data-role=cancel]">
      <p>{t('kill.releaseBody')}</p>
      <div className="modal-buttons">
        <button type="button" className="btn" data-role="cancel" onClick={closeOverlay}>
          {t('kill.keep')} <kbd>Esc</kbd>
        </button>
        <button type="button" className="btn danger" data-testid="kill-release" onClick={release}>
          {t('kill.release')}
        </button>
      </div>
    </Modal>
  );
}
