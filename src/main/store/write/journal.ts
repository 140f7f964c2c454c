/**
 * The order journal (design.md invariant 5, issue 6): the intent is durable before the HTTP request;
 * the response moves it to accepted or rejected; silence leaves it UNKNOWN until reconciliation.
 * Nothing here ever causes a re-send.
 */
import { durableTransaction, transaction } from '../open';
import { kstDate } from '../time';
import type { AcceptedInput, OrderIntentInput, OrderKind, OrderSummary, UnknownResolution } from '../types';
import { refuse, type WriteContext } from './context';
import { assertTransition, attachOrderNo, byClientId, byId, requireByClientId, summarize, type OrderRow } from './orderRows';
import * as v from './validate';

const UUIDISH = /^[A-Za-z0-9_-]{8,64}$/;

export function defaultDedupeKey(i: {
  kind: OrderKind;
  symbol: string;
  side: string;
  route: string;
  ordDvsn: string;
  qty: number;
  price: number;
  stopPrice: number | null;
  originalOrderNo: string | null;
}): string {
  return [i.kind, i.symbol, i.side, i.route, i.ordDvsn, i.qty, i.price, i.stopPrice ?? '', i.originalOrderNo ?? ''].join('|');
}

export type IntentResult =
  | { ok: true; clientOrderId: string; order: OrderSummary }
  | { ok: false; code: 'DUPLICATE'; message: string; existingClientOrderId: string };

export function recordOrderIntent(ctx: WriteContext, input: OrderIntentInput): IntentResult {
  const kind = input.kind === undefined ? 'new' : v.oneOf('kind', input.kind, v.KINDS);
  const symbol = v.symbol(input.symbol);
  const side = v.oneOf('side', input.side, v.SIDES);
  const route = v.oneOf('route', input.route, v.ROUTES);
  const ordDvsn = v.ordDvsn(input.ordDvsn);
  const qty = v.int('qty', input.qty, 1);
  const price = v.int('price', input.price, 0);
  const stopPrice = v.optInt('stopPrice', input.stopPrice, 1);
  const originalOrderNo = input.originalOrderNo === undefined ? null : v.orderNo('originalOrderNo', input.originalOrderNo);
  if (kind !== 'new' && originalOrderNo === null) refuse('BAD_INPUT', `a ${kind} request needs originalOrderNo`);
  const symbolName = v.optText('symbolName', input.symbolName, 100);
  if (input.clientOrderId !== undefined && !UUIDISH.test(input.clientOrderId)) {
    refuse('BAD_INPUT', 'clientOrderId must be 8–64 characters of letters, digits, - or _');
  }
  const windowMs = v.int('dedupeWindowMs', input.dedupeWindowMs ?? ctx.options.dedupeWindowMs, 0);
  const dedupeKey =
    input.dedupeKey === undefined
      ? defaultDedupeKey({ kind, symbol, side, route, ordDvsn, qty, price, stopPrice, originalOrderNo })
      : v.text('dedupeKey', input.dedupeKey, 300);
  const clientOrderId = input.clientOrderId ?? ctx.newId();

  return durableTransaction(ctx.db, (): IntentResult => {
    const now = ctx.clock.now();
    const replay = byClientId(ctx, clientOrderId);
    if (replay) {
      return duplicate(replay.client_order_id, `order ${clientOrderId} was already recorded (replayed request)`);
    }
    if (windowMs > 0) {
      const recent = ctx
        .stmt('SELECT client_order_id FROM trade_orders WHERE dedupe_key = ? AND created_at > ? ORDER BY created_at DESC LIMIT 1')
        .get(dedupeKey, now - windowMs) as { client_order_id: string } | undefined;
      if (recent) {
        return duplicate(
          recent.client_order_id,
          `the same order was submitted ${windowMs / 1000}s ago or less — refused as a double submit / 동일 주문이 방금 접수되어 중복으로 거부했습니다`,
        );
      }
    }
    const info = ctx
      .stmt(
        `INSERT INTO trade_orders (client_order_id, source, kind, state, trade_date, symbol, symbol_name, side, route, ord_dvsn,
           qty, price, stop_price, original_order_no, dedupe_key, created_at, updated_at)
         VALUES (?, 'terminal', ?, 'intent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(clientOrderId, kind, kstDate(now), symbol, symbolName, side, route, ordDvsn, qty, price, stopPrice, originalOrderNo, dedupeKey, now, now);
    return { ok: true, clientOrderId, order: summarize(byId(ctx, Number(info.lastInsertRowid))) };
  });
}

function duplicate(existingClientOrderId: string, message: string): IntentResult {
  return { ok: false, code: 'DUPLICATE', message, existingClientOrderId };
}

/** Just before the HTTP request. NORMAL sync is enough: if this mark is lost, startup treats the intent as possibly sent. */
export function markOrderSent(ctx: WriteContext, clientOrderId: string): { order: OrderSummary } {
  return transaction(ctx.db, () => {
    const row = requireByClientId(ctx, clientOrderId);
    assertTransition(row, 'sent');
    const now = ctx.clock.now();
    ctx.stmt("UPDATE trade_orders SET state = 'sent', sent_at = ?, updated_at = ? WHERE id = ?").run(now, now, row.id);
    return { order: summarize(byId(ctx, row.id)) };
  });
}

export function markOrderAccepted(ctx: WriteContext, clientOrderId: string, input: AcceptedInput): { order: OrderSummary } {
  const orderNo = v.orderNo('orderNo', input.orderNo);
  const orgNo = v.optText('orgNo', input.orgNo, 20);
  const time = v.int('time', input.time);
  return transaction(ctx.db, () => {
    const row = requireByClientId(ctx, clientOrderId);
    if (row.order_no === orderNo && row.state !== 'sent') return { order: summarize(row) }; // response replayed
    assertTransition(row, 'accepted');
    return { order: summarize(attachOrderNo(ctx, row, orderNo, orgNo, time)) };
  });
}

/** KIS answered rt_cd ≠ 0: the order was never booked. */
export function markOrderRejected(ctx: WriteContext, clientOrderId: string, code: string, message: string): { order: OrderSummary } {
  const c = v.text('code', code, 40);
  const m = v.text('message', message, 500);
  return transaction(ctx.db, () => {
    const row = requireByClientId(ctx, clientOrderId);
    assertTransition(row, 'rejected');
    ctx
      .stmt("UPDATE trade_orders SET state = 'rejected', rejected_qty = qty, reject_code = ?, reject_message = ?, updated_at = ? WHERE id = ?")
      .run(c, m, ctx.clock.now(), row.id);
    return { order: summarize(byId(ctx, row.id)) };
  });
}

/** A timeout, a cut connection or a 5xx after send: KIS may or may not have the order. */
export function markOrderUnknown(ctx: WriteContext, clientOrderId: string, reason: string): { order: OrderSummary } {
  const r = v.text('reason', reason, 500);
  return transaction(ctx.db, () => {
    const row = requireByClientId(ctx, clientOrderId);
    assertTransition(row, 'unknown');
    ctx.stmt("UPDATE trade_orders SET state = 'unknown', unknown_reason = ?, updated_at = ? WHERE id = ?").run(r, ctx.clock.now(), row.id);
    return { order: summarize(byId(ctx, row.id)) };
  });
}

/** The request provably never left (e.g. connection refused before a byte was written). */
export function markOrderFailed(ctx: WriteContext, clientOrderId: string, reason: string): { order: OrderSummary } {
  const r = v.text('reason', reason, 500);
  return transaction(ctx.db, () => {
    const row = requireByClientId(ctx, clientOrderId);
    assertTransition(row, 'failed');
    ctx.stmt("UPDATE trade_orders SET state = 'failed', unknown_reason = ?, updated_at = ? WHERE id = ?").run(r, ctx.clock.now(), row.id);
    return { order: summarize(byId(ctx, row.id)) };
  });
}

/** Reconciliation's verdict on one UNKNOWN intent: found in KIS's list (→ accepted…) or proven absent (→ failed). */
export function resolveUnknown(ctx: WriteContext, clientOrderId: string, resolution: UnknownResolution): { order: OrderSummary } {
  if (resolution.found) {
    const orderNo = v.orderNo('orderNo', resolution.orderNo);
    const orgNo = v.optText('orgNo', resolution.orgNo, 20);
    const time = v.int('time', resolution.time);
    return transaction(ctx.db, () => {
      const row = requireByClientId(ctx, clientOrderId);
      if (row.state !== 'unknown') refuse('ILLEGAL_TRANSITION', `order ${clientOrderId} is ${row.state}, not unknown`);
      return { order: summarize(attachOrderNo(ctx, row, orderNo, orgNo, time)) };
    });
  }
  const reason = v.text('reason', resolution.reason, 500);
  return transaction(ctx.db, () => {
    const row = requireByClientId(ctx, clientOrderId);
    if (row.state !== 'unknown') refuse('ILLEGAL_TRANSITION', `order ${clientOrderId} is ${row.state}, not unknown`);
    ctx.stmt("UPDATE trade_orders SET state = 'failed', unknown_reason = ?, updated_at = ? WHERE id = ?").run(reason, ctx.clock.now(), row.id);
    return { order: summarize(byId(ctx, row.id)) };
  });
}

/**
 * At startup: an intent or a sent order from a previous run may or may not have reached KIS (the app died
 * around the HTTP request), so each becomes UNKNOWN for reconciliation to settle — never re-sent.
 */
export function markInFlightUnknown(ctx: WriteContext, reason: string): { orders: OrderSummary[] } {
  const r = v.text('reason', reason, 500);
  return transaction(ctx.db, () => {
    const rows = ctx.stmt("SELECT * FROM trade_orders WHERE state IN ('intent', 'sent')").all() as OrderRow[];
    const now = ctx.clock.now();
    for (const row of rows) {
      ctx.stmt("UPDATE trade_orders SET state = 'unknown', unknown_reason = ?, updated_at = ? WHERE id = ?").run(r, now, row.id);
    }
    return { orders: rows.map((row) => summarize(byId(ctx, row.id))) };
  });
}

/** KIS orders are day orders: whatever was still open on an earlier trade date is gone. */
export function expireOpenOrdersBefore(ctx: WriteContext, tradeDate: string): { orders: OrderSummary[] } {
  const date = v.ymd('tradeDate', tradeDate);
  return transaction(ctx.db, () => {
    const rows = ctx
      .stmt("SELECT * FROM trade_orders WHERE trade_date < ? AND state IN ('accepted', 'partially_filled')")
      .all(date) as OrderRow[];
    const now = ctx.clock.now();
    for (const row of rows) {
      ctx
        .stmt('UPDATE trade_orders SET cancelled_qty = qty - filled_qty - rejected_qty, state = ?, updated_at = ? WHERE id = ?')
        .run('cancelled', now, row.id);
    }
    return { orders: rows.map((row) => summarize(byId(ctx, row.id))) };
  });
}
