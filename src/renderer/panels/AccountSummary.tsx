/** 계좌 요약: 총평가금액, 예수금(D+2), 주문가능금액, 평가손익·수익률, 오늘 실현손익 — from the mirror. */
import { useBi, useT, type MessageKey } from '../i18n';
import { directionOf, formatRate, formatSignedNumber, formatWon } from '../format/numbers';
import { hms } from '../format/time';
import { useAccount } from '../stores/account';
import { useConnection } from '../stores/connection';

export function AccountSummary() {
  const t = useT();
  const bi = useBi();
  const summary = useAccount((s) => s.summary);
  const problem = useAccount((s) => s.problem);
  const connected = useConnection((s) => s.conn?.connection === 'connected');

  const cell = (label: MessageKey, value: string | null, cls = '', testId?: string) => (
    <div className="account-field">
      <span className="account-label">{t(label)}</span>
      <span className={`account-value ${cls}`} data-testid={testId}>
        {value ?? '—'}
      </span>
    </div>
  );
  const pnlDir = summary ? directionOf(summary.unrealizedPnl) : 'flat';
  const realizedDir = summary ? directionOf(summary.realizedPnlToday) : 'flat';
  const note = summary ? (summary.asOf !== null ? t('account.asOf', { time: hms(summary.asOf) }) : '') : problem ? bi(problem) : connected ? t('empty.loading') : t('account.waiting');

  return (
    <section className="account-strip" aria-label={t('account.label')} data-panel="account">
      {cell('account.totalAssets', summary && formatWon(summary.totalAssets), '', 'acct-total')}
      {cell('account.cashD2', summary && formatWon(summary.cashD2), '', 'acct-cash-d2')}
      {cell('account.orderable', summary && formatWon(summary.orderableCash), '', 'acct-orderable')}
      {cell('account.securities', summary && formatWon(summary.securitiesValue))}
      {cell('account.pnl', summary && formatSignedNumber(summary.unrealizedPnl), pnlDir, 'acct-pnl')}
      {cell('account.pnlRate', summary && formatRate(summary.unrealizedPnlRate), pnlDir, 'acct-pnl-rate')}
      {cell('account.realizedToday', summary && formatSignedNumber(summary.realizedPnlToday), realizedDir, 'acct-realized')}
      {cell('account.feesToday', summary && formatWon(summary.feesAndTaxesToday))}
      <span className="account-note" data-testid="account-note">
        {note}
      </span>
    </section>
  );
}
