/**
 * Write the intent, then send (design.md invariant 5). One function for new orders, modifies and cancels:
 *   recordOrderIntent (synchronous=FULL, dedupe by clientOrderId and by fingerprint inside the window)
 *   → markOrderSent → the HTTP request → accepted (order no, org no) | rejected (msg_cd + msg1)
 *   | UNKNOWN (timeout, cut connection, 5xx, EGW0030x: never retried — reconciliation resolves it)
 *   | failed (provably never reached KIS: rate-limited at the gateway, connection refused, refused client-side).
 * Every step is emitted as an `orders:journal` event for the visible order log.
 */
import type { Bilingual } from '../../shared/ipc/domains/common';
import { kstDate, kstEpoch } from '../../shared/market/time';
import { orderDefinitelyNotAccepted, settle, type KisError, type OrderAck } from '../kis';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { OrderIntentInput } from '../store';

export type JournalStep = (clientOrderId: string, step: string, message: Bilingual) => void;

export type SendOutcome =
  | { state: 'accepted'; clientOrderId: string; orderNo: string; orgNo: string; message: Bilingual }
  | { state: 'rejected' | 'unknown' | 'failed'; clientOrderId: string; orderNo: null; orgNo: null; message: Bilingual; error: KisError }
  /** Nothing recorded, nothing sent. */
  | { state: 'duplicate'; clientOrderId: string; existingClientOrderId: string; message: Bilingual }
  | { state: 'storeError'; clientOrderId: string; message: Bilingual };

export interface SendDeps {
  session: ActiveSession;
  journal: JournalStep;
  logger: Logger;
}

const KIND_KO = { new: '주문', modify: '정정', cancel: '취소' } as const;
const KIND_EN = { new: 'order', modify: 'modify', cancel: 'cancel' } as const;

function ackTime(ack: OrderAck, now: number): number {
  return /^\d{6}$/.test(ack.time) ? kstEpoch(kstDate(now), ack.time) : now;
}

export async function sendJournaled(
  deps: SendDeps,
  intent: OrderIntentInput & { clientOrderId: string },
  send: () => Promise<OrderAck>,
): Promise<SendOutcome> {
  const { session, journal, logger } = deps;
  const id = intent.clientOrderId;
  const kind = intent.kind ?? 'new';
  const w = session.store.writer;
  const recorded = w.recordOrderIntent(intent);
  if (!recorded.ok) {
    if (recorded.code === 'DUPLICATE' && 'existingClientOrderId' in recorded) {
      const message = {
        ko: `같은 ${KIND_KO[kind]}이(가) 방금 접수되어 중복으로 거부했습니다. 두 번 보내지 않았습니다.`,
        en: `The same ${KIND_EN[kind]} was just submitted; refused as a duplicate and not sent twice.`,
      };
      return { state: 'duplicate', clientOrderId: id, existingClientOrderId: recorded.existingClientOrderId, message };
    }
    logger.error('order intent could not be recorded', { code: recorded.code, message: recorded.message });
    return {
      state: 'storeError',
      clientOrderId: id,
      message: { ko: '주문 기록을 저장하지 못해 주문을 보내지 않았습니다.', en: 'The order could not be journaled, so it was not sent.' },
    };
  }
  journal(id, `${kind}.intent`, { ko: `${KIND_KO[kind]} 기록 저장`, en: `${KIND_EN[kind]} intent recorded` });
  const sent = w.markOrderSent(id);
  if (!sent.ok) logger.warn('markOrderSent failed (startup treats the intent as possibly sent)', { code: sent.code });

  const r = await settle(send());
  const now = session.marketClock.now();
  if (r.ok) {
    const ack = r.value;
    const acc = w.markOrderAccepted(id, { orderNo: ack.orderNo, orgNo: ack.orgNo, time: ackTime(ack, now) });
    if (!acc.ok) logger.error('accepted order could not be marked accepted', { code: acc.code, message: acc.message, orderNo: ack.orderNo });
    const message = { ko: `${KIND_KO[kind]} 접수 (주문번호 ${ack.orderNo})`, en: `${KIND_EN[kind]} accepted (order no. ${ack.orderNo})` };
    journal(id, `${kind}.accepted`, message);
    return { state: 'accepted', clientOrderId: id, orderNo: ack.orderNo, orgNo: ack.orgNo, message };
  }

  const e = r.error;
  const kis = e.msg1 ? `${e.msg1}${e.msgCd ? ` (${e.msgCd})` : ''}` : e.kind;
  if (e.kind === 'unknown-outcome' || !orderDefinitelyNotAccepted(e)) {
    w.markOrderUnknown(id, `${e.kind}: ${e.message}`.slice(0, 500));
    const message = {
      ko: `${KIND_KO[kind]} 결과를 알 수 없습니다 (${kis}). 자동으로 다시 보내지 않으며, KIS 주문내역 대조로 확인합니다.`,
      en: `The ${KIND_EN[kind]} outcome is unknown (${kis}). It is never resent automatically; reconciliation with KIS's order list settles it.`,
    };
    journal(id, `${kind}.unknown`, message);
    return { state: 'unknown', clientOrderId: id, orderNo: null, orgNo: null, message, error: e };
  }
  if (e.kind === 'rejected' || e.kind === 'market-closed' || e.kind === 'insufficient-cash') {
    w.markOrderRejected(id, (e.msgCd || e.kind).slice(0, 40), (e.msg1 || e.message).slice(0, 500));
    const message = { ko: `KIS가 ${KIND_KO[kind]}을(를) 거부했습니다: ${kis}`, en: `KIS rejected the ${KIND_EN[kind]}: ${kis}` };
    journal(id, `${kind}.rejected`, message);
    return { state: 'rejected', clientOrderId: id, orderNo: null, orgNo: null, message, error: e };
  }
  w.markOrderFailed(id, `${e.kind}: ${e.message}`.slice(0, 500));
  const message = {
    ko: `${KIND_KO[kind]}이(가) KIS에 전달되지 않았습니다 (${kis}). 다시 시도할 수 있습니다.`,
    en: `The ${KIND_EN[kind]} never reached KIS (${kis}); it is safe to try again.`,
  };
  journal(id, `${kind}.failed`, message);
  return { state: 'failed', clientOrderId: id, orderNo: null, orgNo: null, message, error: e };
}
