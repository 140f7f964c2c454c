/**
 * Order reconciliation against KIS's lists (inquire-daily-ccld for the day, inquire-psbl-rvsecncl for open
 * orders). KIS's quantities overwrite the mirror's; fill quantity KIS reports that no notice delivered
 * becomes a remainder execution (write/fills.ts explains why that never double-counts); orders the terminal
 * did not place appear as 'external'; UNKNOWN intents are matched to KIS rows or, when a complete day list
 * does not contain them, proven absent. Everything in one transaction, and the diff says what moved.
 */
import { transaction } from '../open';
import type { OrderState, ReconcileOrdersDiff, ReconcileOrdersInput, RestOrderRow, Venue } from '../types';
import { refuse, type WriteContext } from './context';
import { addRemainderFill, repairRemainderAmount } from './fills';
import { attachOrderNo, byOrderNo, insertExternalOrder, settleOrder, summarize, type OrderRow } from './orderRows';
import * as v from './validate';

function validateRow(r: RestOrderRow, tradeDate: string): RestOrderRow {
  const orderNo = v.orderNo('orderNo', r.orderNo);
  if (v.ymd('tradeDate', r.tradeDate) !== tradeDate) refuse('BAD_INPUT', `order ${orderNo} is from ${r.tradeDate}, not ${tradeDate}`);
  const qty = v.int(`${orderNo}.qty`, r.qty, 1);
  const filledQty = v.int(`${orderNo}.filledQty`, r.filledQty);
  const remainingQty = v.int(`${orderNo}.remainingQty`, r.remainingQty);
  const rejectedQty = r.rejectedQty === undefined ? undefined : v.int(`${orderNo}.rejectedQty`, r.rejectedQty);
  if (filledQty + remainingQty + (rejectedQty ?? 0) > qty) refuse('BAD_INPUT', `order ${orderNo}: filled + remaining + rejected exceed qty`);
  return {
    tradeDate,
    orderNo,
    originalOrderNo: r.originalOrderNo === undefined || r.originalOrderNo === '' ? undefined : v.orderNo('originalOrderNo', r.originalOrderNo),
    orgNo: v.optText('orgNo', r.orgNo, 20) ?? undefined,
    kind: v.oneOf('kind', r.kind, v.KINDS),
    symbol: v.symbol(r.symbol),
    symbolName: v.optText('symbolName', r.symbolName, 100) ?? undefined,
    side: v.oneOf('side', r.side, v.SIDES),
    route: v.oneOf('route', r.route, v.ROUTES),
    ordDvsn: v.ordDvsn(r.ordDvsn),
    qty,
    price: v.int(`${orderNo}.price`, r.price),
    stopPrice: v.optInt('stopPrice', r.stopPrice, 1),
    filledQty,
    filledAmount: v.int(`${orderNo}.filledAmount`, r.filledAmount),
    remainingQty,
    rejectedQty,
    orderTime: v.int(`${orderNo}.orderTime`, r.orderTime),
    fillVenue: r.fillVenue === undefined ? undefined : v.oneOf('fillVenue', r.fillVenue, v.VENUES),
  };
}

/** The earliest UNKNOWN intent (not yet matched in this run) that this KIS row could be (invariant 5's match). */
function unknownCandidate(ctx: WriteContext, r: RestOrderRow, windowMs: number, used: Set<number>): OrderRow | undefined {
  const rows = ctx
    .stmt(
      `SELECT * FROM trade_orders WHERE state = 'unknown' AND order_no IS NULL AND source = 'terminal' AND trade_date = ?
         AND symbol = ? AND side = ? AND qty = ? AND price = ? AND route = ? AND ord_dvsn = ? AND kind = ?
         AND COALESCE(original_order_no, '') = ? AND created_at BETWEEN ? AND ? ORDER BY created_at, id`,
    )
    .all(
      r.tradeDate,
      r.symbol,
      r.side,
      r.qty,
      r.price,
      r.route,
      r.ordDvsn,
      r.kind,
      r.originalOrderNo ?? '',
      r.orderTime - windowMs,
      r.orderTime + windowMs,
    ) as OrderRow[];
  return rows.find((row) => !used.has(row.id));
}

export function reconcileOrders(ctx: WriteContext, input: ReconcileOrdersInput): ReconcileOrdersDiff {
  const tradeDate = v.ymd('tradeDate', input.tradeDate);
  const asOf = v.int('asOf', input.asOf);
  const scope = v.oneOf('scope', input.scope, ['day', 'open'] as const);
  const windowMs = v.int('matchWindowMs', input.matchWindowMs ?? 120_000);
  const graceMs = v.int('absentGraceMs', input.absentGraceMs ?? 10_000);
  if (!Array.isArray(input.rows)) refuse('BAD_INPUT', 'rows must be an array');
  // Buys before sells: the pass is one transaction, so its internal order is free, and applying KIS's totals for
  // buys first keeps a sell remainder from meeting a position that its own pass has not topped up yet.
  // Within a side, time order (UNKNOWN intents are matched first-come first-served).
  const rows = input.rows
    .map((r) => validateRow(r, tradeDate))
    .sort((a, b) => (a.side === b.side ? 0 : a.side === 'buy' ? -1 : 1) || a.orderTime - b.orderTime || a.orderNo.localeCompare(b.orderNo));
  const feeFor = input.feeFor;

  return transaction(ctx.db, () => {
    const diff: ReconcileOrdersDiff = {
      changed: false,
      newExternal: [],
      resolvedUnknown: [],
      stateChanges: [],
      fillsAdded: [],
      overCounted: [],
      amountMismatches: [],
      needsHoldingsRepair: [],
      noLongerOpen: [],
      conflicts: [],
    };
    const used = new Set<number>();
    const seen = new Set<string>();
    let touched = false;
    for (const r of rows) {
      seen.add(r.orderNo);
      let order = byOrderNo(ctx, tradeDate, r.orderNo);
      let before: OrderState | null = order?.state ?? null;
      let isNewExternal = false;
      if (!order) {
        const candidate = unknownCandidate(ctx, r, windowMs, used);
        if (candidate) {
          used.add(candidate.id);
          before = candidate.state;
          order = attachOrderNo(ctx, candidate, r.orderNo, r.orgNo ?? null, r.orderTime);
          diff.resolvedUnknown.push({ clientOrderId: order.client_order_id, outcome: 'found', orderNo: r.orderNo });
        } else {
          order = insertExternalOrder(ctx, {
            tradeDate,
            orderNo: r.orderNo,
            orgNo: r.orgNo ?? null,
            originalOrderNo: r.originalOrderNo ?? null,
            kind: r.kind,
            symbol: r.symbol,
            symbolName: r.symbolName ?? null,
            side: r.side,
            route: r.route,
            ordDvsn: r.ordDvsn,
            qty: r.qty,
            price: r.price,
            stopPrice: r.stopPrice ?? null,
            time: r.orderTime,
          });
          isNewExternal = true;
        }
      } else if (order.symbol !== r.symbol || order.side !== r.side) {
        diff.conflicts.push(`${r.orderNo}: KIS says ${r.side} ${r.symbol}, mirror has ${order.side} ${order.symbol}`);
        continue;
      }
      const rejected = r.rejectedQty ?? order.rejected_qty;
      const cancelled = Math.max(0, r.qty - r.filledQty - rejected - r.remainingQty);
      if (order.qty !== r.qty || order.cancelled_qty !== cancelled || order.rejected_qty !== rejected || (order.org_no === null && r.orgNo)) {
        touched = true;
      }
      ctx
        .stmt(
          `UPDATE trade_orders SET qty = ?, cancelled_qty = ?, rejected_qty = ?, org_no = COALESCE(org_no, ?),
             original_order_no = COALESCE(original_order_no, ?), symbol_name = COALESCE(symbol_name, ?),
             stop_price = COALESCE(stop_price, ?),
             confirmed_at = CASE WHEN kind = 'new' THEN confirmed_at ELSE COALESCE(confirmed_at, ?) END WHERE id = ?`,
        )
        .run(r.qty, cancelled, rejected, r.orgNo ?? null, r.originalOrderNo ?? null, r.symbolName ?? null, r.stopPrice ?? null, asOf, order.id);

      const covered = ctx
        .stmt('SELECT COALESCE(SUM(qty), 0) AS q, COALESCE(SUM(amount), 0) AS a FROM trade_executions WHERE order_id = ?')
        .get(order.id) as { q: number; a: number };
      const missing = r.filledQty - covered.q;
      if (missing > 0) {
        const amount = Math.max(0, r.filledAmount - covered.a);
        const venue: Venue = r.fillVenue ?? (order.route === 'NXT' ? 'NXT' : 'KRX');
        const costs = feeFor ? feeFor({ symbol: r.symbol, side: r.side, venue, qty: missing, amount, tradeDate }) : { fee: 0, tax: 0 };
        const added = addRemainderFill(ctx, order, r.filledQty, missing, amount, venue, { fee: v.int('fee', costs.fee), tax: v.int('tax', costs.tax) }, asOf);
        diff.fillsAdded.push({ orderNo: added.orderNo, symbol: added.symbol, side: added.side, qty: added.qty, amount: added.amount });
        if (added.needsReconcile && !diff.needsHoldingsRepair.includes(added.symbol)) diff.needsHoldingsRepair.push(added.symbol);
      } else if (missing < 0) {
        diff.overCounted.push({ orderNo: r.orderNo, mirrorQty: covered.q, restQty: r.filledQty });
      }
      if (missing >= 0) {
        const amountNow = missing > 0 ? Math.max(covered.a, r.filledAmount) : covered.a;
        const delta = r.filledAmount - amountNow;
        if (delta !== 0) {
          const repaired = repairRemainderAmount(ctx, order, delta, asOf);
          diff.amountMismatches.push({ orderNo: r.orderNo, mirrorAmount: amountNow, restAmount: r.filledAmount, repaired });
        }
      }
      const settled = settleOrder(ctx, order.id);
      if (isNewExternal) diff.newExternal.push(summarize(settled));
      else if (before !== null && before !== settled.state) {
        diff.stateChanges.push({ clientOrderId: settled.client_order_id, orderNo: settled.order_no, from: before, to: settled.state });
      }
    }

    if (scope === 'day') {
      // A complete day list without the intent, asked well after it was sent: KIS never booked it.
      const unknowns = ctx
        .stmt("SELECT * FROM trade_orders WHERE state = 'unknown' AND order_no IS NULL AND trade_date = ? AND created_at < ?")
        .all(tradeDate, asOf - graceMs) as OrderRow[];
      for (const u of unknowns) {
        if (used.has(u.id)) continue;
        ctx
          .stmt("UPDATE trade_orders SET state = 'failed', unknown_reason = ?, updated_at = ? WHERE id = ?")
          .run('not in KIS daily orders (reconciliation) / 당일 주문내역에 없음', ctx.clock.now(), u.id);
        diff.resolvedUnknown.push({ clientOrderId: u.client_order_id, outcome: 'absent', orderNo: null });
      }
    }
    // Orders the mirror thinks are open that KIS's list lacks (scope 'open': filled or cancelled since;
    // scope 'day': KIS does not know them at all). Reported, not guessed at.
    const open = ctx
      .stmt(
        `SELECT order_no FROM trade_orders WHERE trade_date = ? AND order_no IS NOT NULL AND kind != 'cancel'
           AND state IN ('accepted', 'partially_filled')`,
      )
      .all(tradeDate) as Array<{ order_no: string }>;
    diff.noLongerOpen = open.map((o) => o.order_no).filter((no) => !seen.has(no));

    diff.changed =
      touched ||
      diff.newExternal.length + diff.resolvedUnknown.length + diff.stateChanges.length + diff.fillsAdded.length > 0 ||
      diff.amountMismatches.some((m) => m.repaired);
    return diff;
  });
}
