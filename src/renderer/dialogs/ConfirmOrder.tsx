/** The order confirmation: exactly what will be sent, with fees, taxes and warnings. Enter sends, Escape does not. */
import type { ReactNode } from 'react';
import { formatNumber, formatWon } from '../format/numbers';
import { useBi, useT } from '../i18n';
import { useSettings } from '../stores/settings';
import { useTicket } from '../ticket/store';
import { cancelConfirm, confirmSubmit } from '../ticket/submit';
import { Modal } from './Modal';

export function ConfirmOrder() {
  const t = useT();
  const bi = useBi();
  const confirm = useTicket((s) => s.confirm);
  const env = useSettings((s) => s.env?.environment);
  if (!confirm) return null;
  const p = confirm.preview;
  const buy = p.side === 'buy';
  return (
    <ModalShell>
      <div className={`confirm ${buy ? 'buy' : 'sell'}`}>
        {env === 'real' && <div className="confirm-real">{t('confirm.real')}</div>}
        <div className="confirm-headline">
          <b>{p.name}</b> <span className="muted">{p.symbol}</span>
        </div>
        <div className={`confirm-action ${buy ? 'up' : 'down'}`}>
          {t(buy ? 'side.buy' : 'side.sell')} {formatNumber(p.qty)}
          {t('unit.shares')} · {p.price > 0 ? formatWon(p.price) : bi(p.ordDvsnName)}
        </div>
        <dl className="confirm-grid">
          <dt>{t('ticket.route')}</dt>
          <dd>
            {p.route} · {bi(p.session)}
          </dd>
          <dt>{t('ticket.type')}</dt>
          <dd>{bi(p.ordDvsnName)}</dd>
          <dt>{t('preview.amount')}</dt>
          <dd>{formatWon(p.amount)}</dd>
          <dt>{t('preview.feeTax')}</dt>
          <dd>
            {formatWon(p.fee)} · {formatWon(p.tax)}
          </dd>
          <dt>{t(buy ? 'preview.totalBuy' : 'preview.totalSell')}</dt>
          <dd>
            <b>{formatWon(buy ? p.total : p.amount - p.fee - p.tax)}</b>
          </dd>
        </dl>
        {p.warnings.map((w) => (
          <div key={w.code} className="preview-warning">
            ⚠ {bi(w.message)}
          </div>
        ))}
        <div className="modal-buttons">
          <button type="button" className="btn" data-role="cancel" data-testid="confirm-cancel" onClick={cancelConfirm}>
            {t('confirm.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className={`btn submit-btn ${buy ? 'buy' : 'sell'}`} data-testid="confirm-send" onClick={() => void confirmSubmit()}>
            {t('confirm.send')} <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </ModalShell>
  );
}

function ModalShell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Modal title={t('confirm.title')} testId="confirm-dialog" onConfirm={() => void confirmSubmit()} onCancel={cancelConfirm} initialFocus="[data-testid=confirm-send]">
      {children}
    </Modal>
  );
}
