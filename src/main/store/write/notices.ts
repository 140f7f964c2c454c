/**
 * Acceptance-side notices (접수/정정/취소/거부, CNTG_YN=1). Each is applied so that seeing it twice
 * changes nothing the second time: acceptance inserts only if the order number is new, a modify/cancel
 * confirmation is applied once per request (guarded by the request row's confirmed_at), cancellations
 * and refusals set quantities absolutely (clamped) rather than adding to them.
 */
import { transaction } from '../open';
import { kstDate } from '../time';
import type { OrderNoticeInput, OrderNoticeResult } from '../types';
import { refuse, type WriteContext } from './context';
import { byId, byOrderNo, insertExternalOrder, settleOrder, summarize, type OrderRow } from './orderRows';
import * as v from './validate';

const unchanged = (order: OrderRow | undefined, needsReconcile = false): OrderNoticeResult => ({
  changed: false,
  order: order ? summarize(order) : null,
  needsReconcile,
});

export function applyOrderNotice(ctx: WriteContext, n: OrderNoticeInput): OrderNoticeResult {
  const time = v.int('time', n.time);
  const tradeDate = n.tradeDate === undefined ? kstDate(time) : v.ymd('tradeDate', n.tradeDate);
  const orderNo = v.orderNo('orderNo', n.orderNo);

  if (n.type === 'remainderCancelled') {
    const qty = v.int('qty', n.qty, 1);
    return transaction(ctx.db, () => {
      const order = byOrderNo(ctx, tradeDate, orderNo);
      if (!order) return unchanged(undefined, true);
      // IOC/FOK: the exchange cancels the unfilled rest once; MAX keeps a repeated notice from adding it again.
      const room = Math.max(0, order.qty - order.filled_qty - order.rejected_qty);
      const cancelled = Math.max(order.cancelled_qty, Math.min(qty, room));
      if (cancelled === order.cancelled_qty) return unchanged(order);
      ctx.stmt('UPDATE trade_orders SET cancelled_qty = ? WHERE id = ?').run(cancelled, order.id);
      return { changed: true, order: summarize(settleOrder(ctx, order.id)), needsReconcile: false };
    });
  }

  if (n.type === 'refused') {
    const code = v.optText('code', n.code, 40);
    const message = v.optText('message', n.message, 500);
    return transaction(ctx.db, () => {
      const order = byOrderNo(ctx, tradeDate, orderNo);
      if (!order) return unchanged(undefined, true);
      const rejected = Math.max(0, order.qty - order.filled_qty - order.cancelled_qty);
      if (rejected === order.rejected_qty && order.reject_code !== null) return unchanged(order);
      ctx
        .stmt('UPDATE trade_orders SET rejected_qty = ?, reject_code = COALESCE(?, reject_code, ?), reject_message = COALESCE(?, reject_message) WHERE id = ?')
        .run(rejected, code, 'REFUSED', message, order.id);
      const before = order.state;
      const settled = settleOrder(ctx, order.id);
      return { changed: before !== settled.state || rejected !== order.rejected_qty, order: summarize(settled), needsReconcile: false };
    });
  }

  const symbol = v.symbol(n.symbol);
  const side = v.oneOf('side', n.side, v.SIDES);
  const route = v.oneOf('route', n.route, v.ROUTES);
  const ordDvsn = v.ordDvsn(n.ordDvsn);
  const qty = v.int('qty', n.qty, 1);
  const price = v.int('price', n.price);
  const orgNo = v.optText('orgNo', n.orgNo, 20);
  const symbolName = v.optText('symbolName', n.symbolName, 100);
  const kind = v.oneOf('kind', n.kind, v.KINDS);
  const originalOrderNo = n.originalOrderNo === undefined || n.originalOrderNo === '' ? null : v.orderNo('originalOrderNo', n.originalOrderNo);
  const fields = { tradeDate, orderNo, orgNo, originalOrderNo, kind, symbol, symbolName, side, route, ordDvsn, qty, price, stopPrice: null, time };

  if (n.type === 'accepted') {
    return transaction(ctx.db, () => {
      const existing = byOrderNo(ctx, tradeDate, orderNo);
      if (existing) {
        if (existing.org_no !== null || orgNo === null) return unchanged(existing);
        ctx.stmt('UPDATE trade_orders SET org_no = ? WHERE id = ?').run(orgNo, existing.id);
        return { changed: true, order: summarize(byId(ctx, existing.id)), needsReconcile: false };
      }
      // Not ours yet (HTS/MTS, or our request whose HTTP response is still on its way: markOrderAccepted merges it).
      return { changed: true, order: summarize(insertExternalOrder(ctx, fields)), needsReconcile: false };
    });
  }

  // confirmed: `qty` shares left the original order (cancelled, or moved to the modify request's new number).
  if (originalOrderNo === null) refuse('BAD_INPUT', 'a modify/cancel confirmation needs originalOrderNo');
  return transaction(ctx.db, () => {
    const request = byOrderNo(ctx, tradeDate, orderNo) ?? insertExternalOrder(ctx, fields);
    if (request.confirmed_at !== null) return unchanged(request);
    const original = byOrderNo(ctx, tradeDate, originalOrderNo as string);
    if (kind === 'cancel') {
      // The cancel request is done: what it cancelled, and the part it could not (filled meanwhile) as refused.
      const cancelled = Math.min(qty, request.qty);
      ctx
        .stmt('UPDATE trade_orders SET confirmed_at = ?, cancelled_qty = ?, rejected_qty = ? WHERE id = ?')
        .run(time, cancelled, request.qty - cancelled, request.id);
    } else {
      ctx.stmt('UPDATE trade_orders SET confirmed_at = ?, qty = ? WHERE id = ?').run(time, Math.max(qty, request.filled_qty, 1), request.id);
    }
    const settledRequest = settleOrder(ctx, request.id);
    let settledOriginal: OrderRow | null = null;
    if (original) {
      const room = Math.max(0, original.qty - original.filled_qty - original.rejected_qty);
      ctx.stmt('UPDATE trade_orders SET cancelled_qty = ? WHERE id = ?').run(Math.min(room, original.cancelled_qty + qty), original.id);
      settledOriginal = settleOrder(ctx, original.id);
    }
    return {
      changed: true,
      order: summarize(settledRequest),
      original: settledOriginal ? summarize(settledOriginal) : null,
      needsReconcile: original === undefined,
    };
  });
}
