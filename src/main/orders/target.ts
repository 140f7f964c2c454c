/**
 * The open order a modify or cancel refers to, with what order-rvsecncl needs (the stored KRX_FWDG_ORD_ORGNO).
 * From the journal when it knows the order; otherwise from KIS's own open-order list (HTS/MTS orders, or ours
 * before sync caught up) — the truth for "is it still open".
 */
import type { Failure } from '../../shared/ipc/result';
import { settle, type OpenOrder } from '../kis';
import type { ActiveSession } from '../session/service';
import type { OrderView } from '../store';
import { refuse } from './refusal';
import type { Route } from './mapping';

export interface OrderTarget {
  clientOrderId: string | null;
  orderNo: string;
  orgNo: string;
  symbol: string;
  name: string;
  side: 'buy' | 'sell';
  route: Route;
  ordDvsn: string;
  price: number;
  stopPrice: number | null;
  /** Open remainder. */
  remainingQty: number;
}

export interface OrderRef {
  clientOrderId?: string | undefined;
  orderNo?: string | undefined;
}

const OPEN_STATES = new Set(['accepted', 'partially_filled']);

/** KIS order numbers are 10 digits, zero-padded. */
export const normalizeOrderNo = (no: string): string => no.trim().padStart(10, '0');

export function targetFromOpenOrder(o: OpenOrder, paper: boolean): OrderTarget {
  return {
    clientOrderId: null,
    orderNo: o.orderNo,
    orgNo: o.orgNo,
    symbol: o.symbol,
    name: o.name,
    side: o.side,
    route: paper ? 'KRX' : o.route || 'KRX',
    ordDvsn: o.ordDvsn,
    price: o.price,
    stopPrice: o.stopPrice > 0 ? o.stopPrice : null,
    remainingQty: o.remainingQty,
  };
}

/** A journal/mirror row as a target; the caller has checked that it has an order and branch number. */
export function targetFromView(v: OrderView): OrderTarget {
  return {
    clientOrderId: v.clientOrderId,
    orderNo: v.orderNo!,
    orgNo: v.orgNo!,
    symbol: v.symbol,
    name: v.symbolName ?? v.symbol,
    side: v.side,
    route: v.route,
    ordDvsn: v.ordDvsn,
    price: v.price,
    stopPrice: v.stopPrice,
    remainingQty: v.remainingQty,
  };
}

const notOpen = (label: string): Failure =>
  refuse('CONFLICT', `열려 있는 주문이 아닙니다 (${label}): 이미 체결·취소되었거나 아직 접수되지 않았습니다.`, `Order ${label} is not open: already filled, cancelled, or not accepted yet.`);

export async function findTarget(session: ActiveSession, ref: OrderRef): Promise<OrderTarget | Failure> {
  const reads = session.store.reads;
  let view: OrderView | null = null;
  let orderNo: string | null = ref.orderNo !== undefined ? normalizeOrderNo(ref.orderNo) : null;
  if (ref.clientOrderId !== undefined) {
    view = reads.orderByClientId(ref.clientOrderId);
    if (!view) return refuse('NOT_FOUND', `주문을 찾을 수 없습니다: ${ref.clientOrderId}`, `No order ${ref.clientOrderId}.`);
    if (orderNo !== null && view.orderNo !== orderNo) {
      return refuse('BAD_INPUT', '주문 ID와 주문번호가 서로 다른 주문을 가리킵니다.', 'clientOrderId and orderNo refer to different orders.');
    }
    if (!view.orderNo) return notOpen(ref.clientOrderId);
    orderNo = view.orderNo;
  } else if (orderNo !== null) {
    view = reads.orderByOrderNo(orderNo);
  } else {
    return refuse('BAD_INPUT', '주문 ID 또는 주문번호가 필요합니다.', 'clientOrderId or orderNo is required.');
  }
  if (view && view.orderNo && view.orgNo && OPEN_STATES.has(view.state) && view.remainingQty > 0) return targetFromView(view);
  // The journal says it is over (filled, cancelled, rejected): KIS never reopens an order.
  if (view && !OPEN_STATES.has(view.state) && view.state !== 'unknown') return notOpen(orderNo);
  const live = await settle(session.rest.openOrders({ priority: 'live' }));
  if (!live.ok) {
    return refuse('UNAVAILABLE', `KIS 미체결 주문을 확인하지 못했습니다: ${live.error.msg1 || live.error.kind}`, `Could not read open orders from KIS: ${live.error.msg1 || live.error.kind}`);
  }
  const open = live.value.find((o) => o.orderNo === orderNo && o.remainingQty > 0);
  if (!open) return notOpen(orderNo);
  const t = targetFromOpenOrder(open, session.paper);
  return { ...t, clientOrderId: view?.clientOrderId ?? null };
}
