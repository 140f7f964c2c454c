/**
 * orders:modify and orders:cancel — order-rvsecncl (TTTC0013U, kis-api.md §4.2) with the stored org no, through
 * the same journal as new orders. A modify is re-validated like a new order where it can differ: the session and
 * ORD_DVSN now, the tick grid and the live band for the new price, the size limits, and — for a buy repriced
 * higher — the live orderable cash for the extra amount. Quote and cash are read together.
 * A cancel only reduces risk: it is never blocked by the kill switch or the risk limits.
 */
import type { SubmitResult } from '../../shared/ipc/domains/orders';
import { fail, ok, type Failure, type Result } from '../../shared/ipc/result';
import { ordDvsnInfo } from '../../shared/market/ordDvsn';
import { regimeFor } from '../../shared/market/regime';
import { kstDate } from '../../shared/market/time';
import type { Settings } from '../../shared/settings/schema';
import type { ActiveSession } from '../session/service';
import { fetchLive } from './live';
import { sendJournaled, type SendDeps, type SendOutcome } from './journal';
import { checkBand, checkTick } from './price-checks';
import { notAllowed, num, wonEn, wonKo } from './refusal';
import { requestPreview, resultOf } from './results';
import { checkSession } from './session-checks';
import type { OrderTarget } from './target';

export interface AmendRequest {
  kind: 'modify' | 'cancel';
  clientOrderId: string;
  /** Shares to modify/cancel; absent or ≥ the remainder = the whole remainder (QTY_ALL_ORD_YN=Y). */
  qty?: number | undefined;
  /** New price (modify). */
  price?: number | undefined;
  /** New ORD_DVSN (modify; the chase's market fallback). Default: the order's own. */
  ordDvsn?: string | undefined;
}

/** Sends one modify/cancel of `target` (already validated), journaled. */
export function sendAmend(deps: SendDeps, target: OrderTarget, req: AmendRequest): Promise<SendOutcome> {
  const all = req.qty === undefined || req.qty >= target.remainingQty;
  const qty = all ? target.remainingQty : req.qty!;
  const ordDvsn = req.kind === 'cancel' ? target.ordDvsn : (req.ordDvsn ?? target.ordDvsn);
  const unpriced = ordDvsnInfo(ordDvsn)?.unpriced ?? false;
  const price = req.kind === 'cancel' ? target.price : unpriced ? 0 : (req.price ?? target.price);
  return sendJournaled(
    deps,
    {
      clientOrderId: req.clientOrderId,
      kind: req.kind,
      originalOrderNo: target.orderNo,
      symbol: target.symbol,
      symbolName: target.name,
      side: target.side,
      route: target.route,
      ordDvsn,
      qty,
      price,
      stopPrice: req.kind === 'modify' && ordDvsn === '22' ? target.stopPrice : null,
    },
    () =>
      deps.session.rest.orderModifyCancel({
        kind: req.kind,
        originalOrderNo: target.orderNo,
        orgNo: target.orgNo,
        ordDvsn,
        all,
        ...(all ? {} : { qty }),
        ...(req.kind === 'modify' && !unpriced ? { price } : {}),
        ...(req.kind === 'modify' && ordDvsn === '22' && target.stopPrice ? { stopPrice: target.stopPrice } : {}),
        route: target.route,
      }),
  );
}

/** Re-validation of a modify (session, tick, band, size limits, live cash for a dearer buy). */
export async function validateModify(session: ActiveSession, settings: Settings, target: OrderTarget, price: number, qty: number): Promise<Failure | null> {
  const info = ordDvsnInfo(target.ordDvsn);
  if (!info || info.unpriced) {
    return notAllowed(
      `가격이 없는 주문(주문구분 ${target.ordDvsn})은 가격을 정정할 수 없습니다. 취소 후 다시 주문하세요.`,
      `An unpriced order (ORD_DVSN ${target.ordDvsn}) has no price to modify; cancel it and order again.`,
    );
  }
  const instrument = session.instruments.get(target.symbol);
  const etp = instrument?.etp ?? false;
  const now = session.marketClock.now();
  const regime = regimeFor(kstDate(now));
  const extra = target.side === 'buy' ? Math.max(0, qty * (price - target.price)) : 0;
  const live = await fetchLive(session.rest, target.symbol, target.route, { cash: extra > 0, book: false }, price);
  if ('ok' in live) return live;
  const adm = checkSession({
    route: target.route,
    paper: session.paper,
    mapping: { ok: true, ordDvsn: target.ordDvsn, nxtMarketToLimit: false, nxtAfterMarketOnly: false, warnings: [] },
    now,
    regime,
    instrument: instrument ?? { symbol: target.symbol, name: target.name, nameEn: target.name, market: 'KOSPI', etp, nxtEligible: target.route !== 'KRX' },
    halted: live.quote.halted,
  });
  if ('code' in adm) return adm;
  const priceProblem = checkTick(price, etp) ?? checkBand(price, { lower: live.quote.lowerLimit, upper: live.quote.upperLimit });
  if (priceProblem) return priceProblem;
  const amount = qty * price;
  if (amount > settings.risk.maxOrderValue) {
    return notAllowed(
      `정정 후 주문금액 ${wonKo(amount)}이 1회 최대 주문금액 ${wonKo(settings.risk.maxOrderValue)}을 넘습니다.`,
      `The modified order value ${wonEn(amount)} exceeds the maximum order value of ${wonEn(settings.risk.maxOrderValue)}.`,
    );
  }
  if (qty > settings.risk.maxOrderQty) {
    return notAllowed(`정정 수량 ${num(qty)}주가 최대 주문수량 ${num(settings.risk.maxOrderQty)}주를 넘습니다.`, `Quantity ${num(qty)} exceeds the maximum of ${num(settings.risk.maxOrderQty)}.`);
  }
  if (live.cash && extra > live.cash.maxBuyAmountNoCredit) {
    return notAllowed(
      `가격을 올리는 데 필요한 ${wonKo(extra)}이 KIS 실시간 미수없는 매수가능금액 ${wonKo(live.cash.maxBuyAmountNoCredit)}보다 큽니다.`,
      `Raising the price needs ${wonEn(extra)} more than the KIS live no-credit buying power of ${wonEn(live.cash.maxBuyAmountNoCredit)}.`,
    );
  }
  return null;
}

/** The IPC answer for a sent modify/cancel. */
export function amendResult(session: ActiveSession, settings: Settings, target: OrderTarget, req: AmendRequest, outcome: SendOutcome): Result<SubmitResult> {
  if (outcome.state === 'duplicate') return fail('CONFLICT', outcome.message.ko, outcome.message.en);
  if (outcome.state === 'storeError') return fail('UNAVAILABLE', outcome.message.ko, outcome.message.en);
  const qty = req.qty === undefined || req.qty >= target.remainingQty ? target.remainingQty : req.qty;
  const preview = requestPreview(session, settings, target, req.kind, req.kind === 'modify' ? (req.price ?? target.price) : 0, qty);
  return ok(resultOf(outcome, preview));
}
