/**
 * What the IPC answers once something was journaled. The rule for the renderer:
 *   - a Failure  = nothing was recorded and nothing was sent (refused by a check, duplicate, no session);
 *   - ok(result) = the journal holds the order; `state` says what KIS did with it: 'accepted', 'rejected'
 *                  (KIS refused: message carries msg1 and msg_cd), 'unknown' (ambiguous — NOT resent;
 *                  reconciliation settles it) or 'failed' (provably never reached KIS).
 */
import type { OrderPreview, SubmitResult } from '../../shared/ipc/domains/orders';
import { estimateCosts } from '../../shared/market/fees';
import { ordDvsnInfo } from '../../shared/market/ordDvsn';
import { kstDate } from '../../shared/market/time';
import type { Settings } from '../../shared/settings/schema';
import type { ActiveSession } from '../session/service';
import type { SendOutcome } from './journal';
import { sessionLabel } from './session-checks';
import type { OrderTarget } from './target';

export function resultOf(outcome: Exclude<SendOutcome, { state: 'duplicate' | 'storeError' }>, preview: OrderPreview): SubmitResult {
  return {
    clientOrderId: outcome.clientOrderId,
    state: outcome.state,
    orderNo: outcome.orderNo,
    preview,
    message: outcome.message,
  };
}

/** A preview-shaped description of a modify/cancel request (what was sent). */
export function requestPreview(session: ActiveSession, settings: Settings, target: OrderTarget, kind: 'modify' | 'cancel', price: number, qty: number): OrderPreview {
  const info = ordDvsnInfo(target.ordDvsn);
  const now = session.marketClock.now();
  const instrument = session.instruments.get(target.symbol);
  const amount = kind === 'modify' ? price * qty : 0;
  const costs =
    kind === 'modify' && instrument
      ? estimateCosts({
          side: target.side,
          qty,
          price,
          venue: target.route === 'NXT' ? 'NXT' : 'KRX',
          market: instrument.market,
          etp: instrument.etp,
          dateYmd: kstDate(now),
          rates: { commission: { KRX: settings.fees.krxPpb, NXT: settings.fees.nxtPpb }, taxOverride: null, etpTaxExempt: true },
        })
      : { amount, fee: 0, tax: 0, netCash: 0 };
  return {
    symbol: target.symbol,
    name: instrument?.name ?? target.name,
    side: target.side,
    route: target.route,
    ordDvsn: target.ordDvsn,
    ordDvsnName: { ko: `${info?.nameKo ?? target.ordDvsn} ${kind === 'modify' ? '정정' : '취소'}`, en: `${info?.nameEn ?? target.ordDvsn} ${kind}` },
    price,
    qty,
    amount,
    fee: costs.fee,
    tax: costs.tax,
    total: target.side === 'buy' ? amount + costs.fee : amount - costs.fee - costs.tax,
    orderableCash: null,
    sellableQty: null,
    session: sessionLabel(target.route, now),
    warnings: [],
    needsConfirmation: false,
  };
}
