/**
 * H0STCNI0/9 notices (kis-api.md §7.4) in the store's terms. Pure: the fill pipeline decides what to do
 * with the result. Following the §7.4 DECISION, what a notice means comes from CNTG_YN, RFUS_YN, RCTF_CLS
 * and ACPT_YN of that one notice — never from the order in which notices arrive.
 */
import { kstEpoch } from '../../shared/market/time';
import type { NoticeVenue, ExecutionNotice } from '../kis/realtime/types';
import type { FillInput, OrderKind, OrderNoticeInput, Route, Side, Venue } from '../store';

export type NoticeAction =
  | { kind: 'fill'; fill: Omit<FillInput, 'fee' | 'tax' | 'snapshot'> }
  /** `acceptance`: for a refusal, the order as KIS booked it, so the mirror has a row to mark refused. */
  | { kind: 'order'; notice: OrderNoticeInput; acceptance?: OrderNoticeInput }
  | { kind: 'ignore'; reason: string };

/** ORD_EXG_GB: where this fill traded (SOR legs trade on the venue they name). */
export function fillVenueOf(v: NoticeVenue | null): Venue | null {
  if (v === 'KRX' || v === 'SOR-KRX') return 'KRX';
  if (v === 'NXT' || v === 'SOR-NXT') return 'NXT';
  return null;
}

/** ORD_EXG_GB: what the order asked for (an SOR leg means the order was SOR). */
export function routeOf(v: NoticeVenue | null): Route {
  if (v === 'SOR-KRX' || v === 'SOR-NXT') return 'SOR';
  return v === 'NXT' ? 'NXT' : 'KRX';
}

const RCTF_KIND: Record<ExecutionNotice['rctf'], OrderKind> = { '0': 'new', '1': 'modify', '2': 'cancel' };
const HHMMSS = /^([01]\d|2[0-3])[0-5]\d[0-5]\d$/;
const ORDER_NO = /^\d{1,20}$/;

/**
 * Epoch ms of a notice's HHMMSS on `tradeDate` (the notice carries no date: it is today's, KST). A garbled
 * time falls back to `now` so the notice is still applied.
 */
export function noticeTime(tradeDate: string, hhmmss: string, now: number): number {
  return HHMMSS.test(hhmmss) ? kstEpoch(tradeDate, hhmmss) : now;
}

/** Strips the account number down to digits so '50123456-01' and '5012345601' compare equal. */
export const accountDigits = (account: string): string => account.replace(/\D/g, '');

export function noticeToAction(n: ExecutionNotice, tradeDate: string, now: number): NoticeAction {
  if (!ORDER_NO.test(n.orderNo)) return { kind: 'ignore', reason: 'order number missing' };
  if (n.side === 'unknown') return { kind: 'ignore', reason: 'side missing' };
  const side: Side = n.side;
  const time = noticeTime(tradeDate, n.time, now);
  const symbolName = n.name.trim() || undefined;
  const route = routeOf(n.venue);

  if (n.kind === 'fill') {
    const venue = fillVenueOf(n.venue);
    if (venue === null) return { kind: 'ignore', reason: 'fill without a venue' };
    if (n.qty <= 0) return { kind: 'ignore', reason: 'fill without a quantity' };
    return {
      kind: 'fill',
      fill: {
        tradeDate,
        orderNo: n.orderNo,
        symbol: n.symbol,
        symbolName,
        side,
        venue,
        qty: n.qty,
        price: n.price,
        time,
        // For an order the mirror has not seen (HTS/MTS): ODER_QTY/ODER_PRC/ODER_KIND from the same notice.
        order: n.orderQty > 0 && /^\d{2}$/.test(n.ordDvsn) ? { qty: n.orderQty, price: n.orderPrice, ordDvsn: n.ordDvsn, route } : undefined,
      },
    };
  }

  const kind = RCTF_KIND[n.rctf];
  const qty = n.qty > 0 ? n.qty : n.reportedQty;
  const complete = qty > 0 && /^\d{2}$/.test(n.ordDvsn);
  const fields = { tradeDate, orderNo: n.orderNo, symbol: n.symbol, symbolName, side, route, ordDvsn: n.ordDvsn, time, qty, price: n.price };
  const original = ORDER_NO.test(n.originalOrderNo) && !/^0+$/.test(n.originalOrderNo) ? n.originalOrderNo : undefined;
  if (n.refused) {
    return {
      kind: 'order',
      notice: { type: 'refused', tradeDate, orderNo: n.orderNo, time, code: 'RFUS_YN', message: '거래소 거부 / refused by the exchange' },
      ...(complete ? { acceptance: { ...fields, type: 'accepted' as const, kind, originalOrderNo: kind === 'new' ? undefined : original } } : {}),
    };
  }
  if (n.acptYn === '3') {
    // IOC/FOK remainder cancelled by the exchange: field 10 carries the cancelled quantity.
    if (n.reportedQty <= 0) return { kind: 'ignore', reason: 'remainder cancel without a quantity' };
    return { kind: 'order', notice: { type: 'remainderCancelled', tradeDate, orderNo: n.orderNo, qty: n.reportedQty, time } };
  }
  if (!complete) return { kind: 'ignore', reason: 'acceptance without quantity or order type' };
  if (kind !== 'new' && n.acptYn === '2') {
    if (original === undefined) return { kind: 'ignore', reason: 'modify/cancel confirmation without the original order' };
    // 확인: field 10 is the quantity that moved out of the original order.
    const affected = n.reportedQty > 0 ? n.reportedQty : qty;
    return { kind: 'order', notice: { ...fields, type: 'confirmed', kind, originalOrderNo: original, qty: affected } };
  }
  return { kind: 'order', notice: { ...fields, type: 'accepted', kind, originalOrderNo: kind === 'new' ? undefined : original } };
}
