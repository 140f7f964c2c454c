/**
 * trade_orders rows as the writer modules see them, and the rules every module shares: how an order's
 * state follows from its quantities, which journal transitions are legal, and how an "external" row
 * (created from a notice or a REST list before our own HTTP response arrived) merges into our intent.
 */
import type { OrderRow } from '../rows';
import type { OrderKind, OrderState, OrderSummary, Route, Side } from '../types';
import { refuse, type WriteContext } from './context';

export type { OrderRow };

/** States in which KIS has the order and its quantities drive the state. */
const LIVE_OR_SETTLED: ReadonlySet<OrderState> = new Set(['accepted', 'partially_filled', 'filled', 'cancelled', 'rejected']);

/**
 * Journal transitions the order layer may request. Everything after acceptance follows from quantities
 * (deriveState), because notices may arrive in any order (kis-api.md §7.4 DECISION).
 */
const JOURNAL_TRANSITIONS: Record<OrderState, readonly OrderState[]> = {
  intent: ['sent', 'failed', 'unknown'],
  sent: ['accepted', 'rejected', 'unknown', 'failed'],
  unknown: ['accepted', 'failed'],
  accepted: [],
  partially_filled: [],
  filled: [],
  cancelled: [],
  rejected: [],
  failed: [],
};

export function assertTransition(row: OrderRow, to: OrderState): void {
  if (!JOURNAL_TRANSITIONS[row.state].includes(to)) {
    refuse('ILLEGAL_TRANSITION', `order ${row.client_order_id} is ${row.state}; it cannot become ${to}`);
  }
}

export function remainingQty(r: Pick<OrderRow, 'qty' | 'filled_qty' | 'cancelled_qty' | 'rejected_qty'>): number {
  return Math.max(0, r.qty - r.filled_qty - r.cancelled_qty - r.rejected_qty);
}

/** The state an order known to KIS is in, from its quantities alone. */
export function deriveState(r: OrderRow): OrderState {
  if (!LIVE_OR_SETTLED.has(r.state)) return r.state;
  if (remainingQty(r) > 0) return r.filled_qty > 0 ? 'partially_filled' : 'accepted';
  if (r.filled_qty >= r.qty) return 'filled';
  if (r.cancelled_qty > 0) return 'cancelled';
  return r.rejected_qty > 0 ? 'rejected' : 'filled';
}

export function summarize(r: OrderRow): OrderSummary {
  return {
    clientOrderId: r.client_order_id,
    tradeDate: r.trade_date,
    orderNo: r.order_no,
    source: r.source,
    kind: r.kind,
    state: r.state,
    symbol: r.symbol,
    side: r.side,
    qty: r.qty,
    filledQty: r.filled_qty,
    remainingQty: remainingQty(r),
  };
}

export function byClientId(ctx: WriteContext, clientOrderId: string): OrderRow | undefined {
  return ctx.stmt('SELECT * FROM trade_orders WHERE client_order_id = ?').get(clientOrderId) as OrderRow | undefined;
}
export function byId(ctx: WriteContext, id: number): OrderRow {
  return ctx.stmt('SELECT * FROM trade_orders WHERE id = ?').get(id) as OrderRow;
}
export function byOrderNo(ctx: WriteContext, tradeDate: string, orderNo: string): OrderRow | undefined {
  return ctx.stmt('SELECT * FROM trade_orders WHERE trade_date = ? AND order_no = ?').get(tradeDate, orderNo) as OrderRow | undefined;
}
export function requireByClientId(ctx: WriteContext, clientOrderId: string): OrderRow {
  const row = byClientId(ctx, clientOrderId);
  if (!row) refuse('NOT_FOUND', `no order with client id ${clientOrderId}`);
  return row as OrderRow;
}

/** Re-reads filled qty/amount from the executions (the single source for them) and re-derives the state. */
export function settleOrder(ctx: WriteContext, id: number): OrderRow {
  const now = ctx.clock.now();
  const row = ctx
    .stmt(
      `UPDATE trade_orders SET filled_qty = s.q, filled_amount = s.a, updated_at = @now
       FROM (SELECT COALESCE(SUM(qty), 0) AS q, COALESCE(SUM(amount), 0) AS a FROM trade_executions WHERE order_id = @id) AS s
       WHERE trade_orders.id = @id RETURNING *`,
    )
    .get({ now, id }) as OrderRow;
  // A fill can outrun a cancel confirmation; the shares that really traded win over the cancelled count.
  const room = Math.max(0, row.qty - row.filled_qty - row.rejected_qty);
  const cancelled = Math.min(row.cancelled_qty, room);
  const next = deriveState({ ...row, cancelled_qty: cancelled });
  if (next !== row.state || cancelled !== row.cancelled_qty) {
    ctx.stmt('UPDATE trade_orders SET cancelled_qty = ?, state = ? WHERE id = ?').run(cancelled, next, id);
    row.cancelled_qty = cancelled;
    row.state = next;
  }
  return row;
}

/**
 * The fill pipeline's settle: a notice changed the sums of the order's executions by exactly (+qtyDelta,
 * +amountDelta) — its own row minus what it absorbed from remainder rows — so the new totals are known
 * without re-summing, and a single UPDATE writes them with the derived state.
 */
export function settleOrderAfterFill(ctx: WriteContext, order: OrderRow, qtyDelta: number, amountDelta: number): OrderRow {
  const row: OrderRow = { ...order, filled_qty: order.filled_qty + qtyDelta, filled_amount: order.filled_amount + amountDelta };
  row.cancelled_qty = Math.min(row.cancelled_qty, Math.max(0, row.qty - row.filled_qty - row.rejected_qty));
  row.state = deriveState(row);
  row.updated_at = ctx.clock.now();
  ctx
    .stmt('UPDATE trade_orders SET filled_qty = ?, filled_amount = ?, cancelled_qty = ?, state = ?, updated_at = ? WHERE id = ?')
    .run(row.filled_qty, row.filled_amount, row.cancelled_qty, row.state, row.updated_at, row.id);
  return row;
}

export interface ExternalOrderFields {
  tradeDate: string;
  orderNo: string;
  orgNo: string | null;
  originalOrderNo: string | null;
  kind: OrderKind;
  symbol: string;
  symbolName: string | null;
  side: Side;
  route: Route;
  ordDvsn: string;
  qty: number;
  price: number;
  stopPrice: number | null;
  time: number;
}

/** An order KIS has that the terminal did not journal (HTS/MTS, or ours before its HTTP response). */
export function insertExternalOrder(ctx: WriteContext, f: ExternalOrderFields): OrderRow {
  const now = ctx.clock.now();
  return ctx
    .stmt(
      `INSERT INTO trade_orders (client_order_id, source, kind, state, trade_date, symbol, symbol_name, side, route, ord_dvsn,
         qty, price, stop_price, order_no, org_no, original_order_no, created_at, updated_at, accepted_at)
       VALUES (?, 'external', ?, 'accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .get(
      ctx.newId(),
      f.kind,
      f.tradeDate,
      f.symbol,
      f.symbolName,
      f.side,
      f.route,
      f.ordDvsn,
      f.qty,
      f.price,
      f.stopPrice,
      f.orderNo,
      f.orgNo,
      f.originalOrderNo,
      now,
      now,
      f.time,
    ) as OrderRow;
}

/**
 * Our intent just learned its KIS order number; a notice or a REST list may already have put that order
 * in the mirror as "external" (notices can beat the HTTP response). Fold that row into the intent: its
 * executions and quantities move over, the external row goes. Two terminal rows claiming one order
 * number, or a different symbol/side, is a CONFLICT (never silently merged).
 */
export function adoptExternal(ctx: WriteContext, intent: OrderRow, orderNo: string): void {
  const ext = byOrderNo(ctx, intent.trade_date, orderNo);
  if (!ext || ext.id === intent.id) return;
  if (ext.source !== 'external') {
    refuse('CONFLICT', `order number ${orderNo} already belongs to order ${ext.client_order_id}`);
  }
  if (ext.symbol !== intent.symbol || ext.side !== intent.side) {
    refuse('CONFLICT', `order number ${orderNo} is ${ext.side} ${ext.symbol} at KIS, not ${intent.side} ${intent.symbol}`);
  }
  ctx.stmt('UPDATE trade_executions SET order_id = ? WHERE order_id = ?').run(intent.id, ext.id);
  ctx.stmt('DELETE FROM trade_orders WHERE id = ?').run(ext.id);
  ctx
    .stmt(
      `UPDATE trade_orders SET cancelled_qty = ?, rejected_qty = ?, org_no = COALESCE(org_no, ?),
         original_order_no = COALESCE(original_order_no, ?), confirmed_at = COALESCE(confirmed_at, ?),
         symbol_name = COALESCE(symbol_name, ?) WHERE id = ?`,
    )
    .run(ext.cancelled_qty, ext.rejected_qty, ext.org_no, ext.original_order_no, ext.confirmed_at, ext.symbol_name, intent.id);
}

/** Marks an intent as known to KIS under `orderNo` (from the HTTP response, or reconciliation). */
export function attachOrderNo(ctx: WriteContext, row: OrderRow, orderNo: string, orgNo: string | null, time: number): OrderRow {
  adoptExternal(ctx, row, orderNo);
  ctx
    .stmt(
      `UPDATE trade_orders SET order_no = ?, org_no = COALESCE(?, org_no), state = 'accepted', accepted_at = ?,
         unknown_reason = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(orderNo, orgNo, time, ctx.clock.now(), row.id);
  return settleOrder(ctx, row.id);
}
