/**
 * orders:preview and orders:submit. Both run planOrder (plan.ts): preview returns the plan and sends nothing;
 * submit refuses a replay of the same idempotencyKey at once (in flight or already journaled), asks for the
 * confirmation when settings.confirm require it, re-checks the kill switch and arming (either may have changed
 * during the live reads), then journals and sends (journal.ts).
 */
import type { OrderPreview, OrderTicket, SubmitResult } from '../../shared/ipc/domains/orders';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { Settings } from '../../shared/settings/schema';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { ChaseManager } from './chase';
import { armedCheck, killSwitchBlocksBuy, noSession, type GuardDeps } from './guards';
import { sendJournaled, type JournalStep } from './journal';
import { planOrder } from './plan';
import { wonEn, wonKo } from './refusal';
import { resultOf } from './results';

export interface SubmitDeps extends GuardDeps {
  session(): ActiveSession | null;
  settings(): Settings;
  journal: JournalStep;
  logger: Logger;
  chase: ChaseManager;
  /** Once per session before its first order: a previous run's in-flight intents become UNKNOWN. */
  prepare(session: ActiveSession): void;
  /** idempotencyKeys whose submit is running now (a double click arrives while the first is in its live reads). */
  inFlight: Set<string>;
}

export async function previewOrder(deps: SubmitDeps, t: OrderTicket): Promise<Result<OrderPreview>> {
  const session = deps.session();
  if (!session) return noSession();
  const plan = await planOrder(t, { session, settings: deps.settings() });
  if ('ok' in plan) return plan;
  const preview = plan.preview;
  if (t.chase && plan.info.code !== '00') {
    return ok({ ...preview, warnings: [...preview.warnings, chaseIgnored()].slice(0, 20) });
  }
  return ok(preview);
}

const chaseIgnored = () => ({
  code: 'chaseIgnored',
  message: { ko: '미체결 추적은 지정가(00) 주문에만 적용됩니다.', en: 'Chasing applies to plain limit (00) orders only.' },
});

export async function submitOrder(deps: SubmitDeps, t: OrderTicket): Promise<Result<SubmitResult>> {
  const session = deps.session();
  if (!session) return noSession();
  const keys = deps.inFlight;
  const key = t.idempotencyKey;
  if (keys.has(key) || session.store.reads.orderByClientId(key)) {
    return fail(
      'CONFLICT',
      '같은 주문 요청(idempotencyKey)이 이미 처리되었거나 처리 중입니다. 두 번 보내지 않았습니다.',
      'This order request (idempotencyKey) was already handled or is in progress; it was not sent twice.',
    );
  }
  keys.add(key);
  try {
    deps.prepare(session);
    const plan = await planOrder(t, { session, settings: deps.settings() });
    if ('ok' in plan) return plan;
    const p = plan.preview;
    if (p.needsConfirmation && t.confirmed !== true) {
      return fail(
        'NOT_ALLOWED',
        `주문 확인이 필요합니다 (주문금액 ${wonKo(p.amount)}${session.environment === 'real' ? ', 실전투자' : ''}). 확인 후 다시 보내세요.`,
        `This order needs confirmation (value ${wonEn(p.amount)}${session.environment === 'real' ? ', real trading' : ''}); confirm and send again.`,
      );
    }
    // Either may have changed while the live reads were out.
    const armed = armedCheck(deps);
    if (!armed.ok) return armed;
    if (t.side === 'buy') {
      const blocked = killSwitchBlocksBuy(deps, session);
      if (blocked) return blocked;
    }
    const outcome = await sendJournaled(
      { session, journal: deps.journal, logger: deps.logger },
      {
        clientOrderId: key,
        kind: 'new',
        symbol: t.symbol,
        symbolName: plan.instrument.name,
        side: t.side,
        route: t.route,
        ordDvsn: plan.info.code,
        qty: t.qty,
        price: plan.price,
        stopPrice: plan.stopPrice ?? null,
      },
      () =>
        session.rest.orderCash({
          side: t.side,
          symbol: t.symbol,
          ordDvsn: plan.info.code,
          qty: t.qty,
          price: plan.price,
          route: t.route,
          ...(plan.stopPrice !== undefined ? { stopPrice: plan.stopPrice } : {}),
        }),
    );
    if (outcome.state === 'duplicate') return fail('CONFLICT', outcome.message.ko, outcome.message.en);
    if (outcome.state === 'storeError') return fail('UNAVAILABLE', outcome.message.ko, outcome.message.en);
    const preview = t.chase && plan.info.code !== '00' ? { ...p, warnings: [...p.warnings, chaseIgnored()].slice(0, 20) } : p;
    if (outcome.state === 'accepted' && t.chase && plan.info.code === '00') {
      deps.chase.add({
        rootClientOrderId: key,
        etp: plan.instrument.etp,
        band: plan.band,
        target: {
          clientOrderId: key,
          orderNo: outcome.orderNo,
          orgNo: outcome.orgNo,
          symbol: t.symbol,
          name: plan.instrument.name,
          side: t.side,
          route: t.route,
          ordDvsn: plan.info.code,
          price: plan.price,
          stopPrice: null,
          remainingQty: t.qty,
        },
      });
    }
    return ok(resultOf(outcome, preview));
  } finally {
    keys.delete(key);
  }
}
