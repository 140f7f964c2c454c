/**
 * Cancel every open order on both venues (orders:cancelAll, the tray's "Cancel all", and the kill switch).
 *
 * Which orders: KIS's own open-order list (inquire-psbl-rvsecncl on real, daily-ccld 미체결 on paper) — the truth,
 * so orders placed from the HTS/MTS or not yet synced are cancelled too. If KIS cannot be read, the journal's open
 * orders are cancelled instead (best effort, said in the message). Each cancel is journaled; all are sent
 * concurrently and the per-appkey limiter paces them (orders first in its queue).
 */
import type { Bilingual } from '../../shared/ipc/domains/common';
import { randomUUID } from 'node:crypto';
import { settle } from '../kis';
import { sendAmend } from './amend';
import type { SendDeps } from './journal';
import { num } from './refusal';
import { targetFromOpenOrder, targetFromView, type OrderTarget } from './target';

export interface CancelAllReport {
  requested: number;
  cancelled: number;
  failed: number;
  /** The list came from the journal because KIS's open-order list could not be read. */
  fromMirror: boolean;
  message: Bilingual;
}

async function openTargets(deps: SendDeps): Promise<{ targets: OrderTarget[]; fromMirror: boolean }> {
  const { session } = deps;
  const live = await settle(session.rest.openOrders({ priority: 'live' }));
  if (live.ok) return { targets: live.value.filter((o) => o.remainingQty > 0).map((o) => targetFromOpenOrder(o, session.paper)), fromMirror: false };
  deps.logger.warn('open orders could not be read from KIS; cancelling the journal open orders', { kind: live.error.kind, msgCd: live.error.msgCd });
  const targets = session.store.reads
    .openOrders()
    .filter((v) => v.orderNo && v.orgNo && v.remainingQty > 0)
    .map(targetFromView);
  return { targets, fromMirror: true };
}

export async function cancelAllOpen(deps: SendDeps, why: string): Promise<CancelAllReport> {
  const { targets, fromMirror } = await openTargets(deps);
  const outcomes = await Promise.all(targets.map((t) => sendAmend(deps, t, { kind: 'cancel', clientOrderId: randomUUID() })));
  let cancelled = 0;
  let failed = 0;
  for (const [i, o] of outcomes.entries()) {
    if (o.state === 'accepted') cancelled++;
    else if (o.state === 'duplicate') {
      // A cancel of this order went out moments ago: it counts as cancelled only if KIS accepted that one.
      const prior = deps.session.store.reads.orderByClientId(o.existingClientOrderId);
      if (prior && prior.orderNo !== null && prior.state !== 'rejected' && prior.state !== 'failed') cancelled++;
      else failed++;
    } else {
      failed++;
      deps.logger.warn('cancel failed', { why, orderNo: targets[i]!.orderNo, state: o.state });
    }
  }
  const source = fromMirror ? { ko: ' (KIS 목록을 읽지 못해 앱 기록 기준)', en: ' (from the app journal: KIS list unreadable)' } : { ko: '', en: '' };
  return {
    requested: targets.length,
    cancelled,
    failed,
    fromMirror,
    message: {
      ko: `미체결 ${num(targets.length)}건 중 ${num(cancelled)}건 취소 접수, ${num(failed)}건 실패${source.ko}.`,
      en: `${num(cancelled)} of ${num(targets.length)} open orders cancelled, ${num(failed)} failed${source.en}.`,
    },
  };
}
