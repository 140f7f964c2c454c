/**
 * Executions, stored once however many times they are seen (design.md invariant 4).
 *
 * THE DEDUPE SCHEME. KIS gives two views of fills and neither carries a fill id:
 *  - a fill notice (H0STCNI0/9, CNTG_YN=2) is one fill: order no, this fill's qty and price, HHMMSS, venue leg;
 *  - inquire-daily-ccld is one row per ORDER with running totals (tot_ccld_qty, tot_ccld_amt).
 * So every execution row is keyed UNIQUE (trade_date, order_no, fill_key), where
 *  - a notice's key is its content, 'N|HHMMSS|venue|price|qty'. The same notice seen twice (double
 *    subscription, replay after a reconnect) hits the key and is ignored. Two genuinely distinct fills with
 *    identical content in the same second also collapse to one — deliberately: under-counting is repaired by
 *    the next reconciliation (below), while an over-count could never be told apart from the truth.
 *  - a reconciliation row is a synthetic REMAINDER: when KIS's total for an order exceeds what the mirror's
 *    executions cover, one row for the missing qty/amount is inserted with key 'R|<KIS total>'. Running the
 *    same reconciliation again finds nothing missing (and the key would collide anyway).
 *  - a notice that arrives AFTER a remainder covered it is ABSORBED: its own row is stored (exact price and
 *    time for the chart markers) and the remainder shrinks by the same qty and qty × price. The position
 *    does not move again for those shares; only shares beyond the remainder ('excess') change it. So the sum
 *    of an order's executions is always max(notices seen, KIS's total) — never the two added together.
 *    Absorption is by quantity, whatever the fill's time: a clock-skewed "after the reconciliation" test could
 *    count a fill twice, while absorbing a fill that was really newer only misprices the remainder — and
 *    reconciliation repairs that: when KIS's filled qty matches but its amount does not, the remainder rows
 *    (the only synthetic, hence adjustable, rows) take the difference (repairRemainderAmount).
 * An order's filled qty/amount are always the sums of its executions: re-summed (settleOrder) everywhere but the
 * fill hot path, which adds the exact change of those sums (settleOrderAfterFill).
 */
import type { FillInput, FillResult, OrderSummary, PositionSummary, Side, Venue } from '../types';
import { transaction } from '../open';
import { kstDate, kstTime } from '../time';
import { saveSnapshotRow, validateSnapshot } from './account';
import { refuse, type WriteContext } from './context';
import { byOrderNo, insertExternalOrder, settleOrderAfterFill, summarize, type OrderRow } from './orderRows';
import { addBuy, adjustCost, removeSell, summarizePosition } from './positions';
import * as v from './validate';

export const noticeFillKey = (time: number, venue: Venue, price: number, qty: number): string =>
  `N|${kstTime(time)}|${venue}|${price}|${qty}`;
export const remainderFillKey = (kisTotalQty: number): string => `R|${kisTotalQty}`;

interface ExecutionRow {
  id: number;
  qty: number;
  amount: number;
  fee: number;
  tax: number;
  cost_basis: number;
}

interface NewExecution {
  order: OrderRow;
  fillKey: string;
  source: 'notice' | 'reconcile';
  venue: Venue;
  qty: number;
  price: number;
  amount: number;
  fee: number;
  tax: number;
  costBasis: number;
  time: number;
}

/** Inserts an execution; null when its (trade date, order no, fill key) is already stored. */
function insertExecution(ctx: WriteContext, e: NewExecution): number | null {
  const info = ctx
    .stmt(
      `INSERT OR IGNORE INTO trade_executions (order_id, trade_date, order_no, fill_key, source, symbol, side, venue, qty, price, amount,
         fee, tax, cost_basis, time, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.order.id,
      e.order.trade_date,
      e.order.order_no,
      e.fillKey,
      e.source,
      e.order.symbol,
      e.order.side,
      e.venue,
      e.qty,
      e.price,
      e.amount,
      e.fee,
      e.tax,
      e.costBasis,
      e.time,
      ctx.clock.now(),
    );
  return info.changes === 0 ? null : Number(info.lastInsertRowid);
}

interface Absorbed {
  qty: number;
  amount: number;
  costBasis: number;
}

/** Shrinks the order's remainder rows by up to `qty` shares priced at `price` (see the scheme above). */
function absorbIntoRemainders(ctx: WriteContext, orderId: number, qty: number, price: number): Absorbed {
  const rows = ctx
    .stmt("SELECT id, qty, amount, fee, tax, cost_basis FROM trade_executions WHERE order_id = ? AND source = 'reconcile' ORDER BY id")
    .all(orderId) as ExecutionRow[];
  const out: Absorbed = { qty: 0, amount: 0, costBasis: 0 };
  let left = qty;
  for (const r of rows) {
    if (left === 0) break;
    const k = Math.min(left, r.qty);
    if (k === r.qty) {
      ctx.stmt('DELETE FROM trade_executions WHERE id = ?').run(r.id);
      out.amount += r.amount;
      out.costBasis += r.cost_basis;
    } else {
      const amount = Math.min(r.amount, k * price);
      const basis = Math.round((r.cost_basis * k) / r.qty);
      const restQty = r.qty - k;
      const restAmount = r.amount - amount;
      ctx
        .stmt('UPDATE trade_executions SET qty = ?, amount = ?, price = ?, fee = ?, tax = ?, cost_basis = ? WHERE id = ?')
        .run(
          restQty,
          restAmount,
          Math.round(restAmount / restQty),
          Math.round((r.fee * restQty) / r.qty),
          Math.round((r.tax * restQty) / r.qty),
          r.cost_basis - basis,
          r.id,
        );
      out.amount += amount;
      out.costBasis += basis;
    }
    out.qty += k;
    left -= k;
  }
  return out;
}

interface PositionEffect {
  costBasis: number;
  needsReconcile: boolean;
  /** The position after the change; undefined when nothing moved. */
  position?: PositionSummary | null;
}

/** Moves the position for `qty` new shares of a fill (buy: + cost; sell: − cost at the average). */
function applyToPosition(ctx: WriteContext, order: OrderRow, venue: Venue, qty: number, amount: number, price: number, at: number): PositionEffect {
  if (qty === 0) return { costBasis: 0, needsReconcile: false };
  if (order.side === 'buy') {
    return { costBasis: 0, needsReconcile: false, position: addBuy(ctx, order.symbol, order.symbol_name, venue, qty, amount, at) };
  }
  const out = removeSell(ctx, order.symbol, venue, qty, at);
  // Shares the mirror did not hold (it is behind KIS): book them at the sale price (no invented P&L).
  const uncovered = qty - out.coveredQty;
  return { costBasis: out.costBasis + uncovered * price, needsReconcile: uncovered > 0, position: out.position.qty > 0 ? out.position : null };
}

function currentPosition(ctx: WriteContext, symbol: string): PositionSummary | null {
  const row = ctx.stmt('SELECT qty, cost FROM portfolio WHERE symbol = ?').get(symbol) as { qty: number; cost: number } | undefined;
  return row ? summarizePosition(symbol, row.qty, row.cost) : null;
}

export function applyFill(ctx: WriteContext, input: FillInput): FillResult {
  const time = v.int('time', input.time);
  const tradeDate = input.tradeDate === undefined ? kstDate(time) : v.ymd('tradeDate', input.tradeDate);
  const orderNo = v.orderNo('orderNo', input.orderNo);
  const symbol = v.symbol(input.symbol);
  const side = v.oneOf('side', input.side, v.SIDES);
  const venue = v.oneOf('venue', input.venue, v.VENUES);
  const qty = v.int('qty', input.qty, 1);
  const price = v.int('price', input.price, 0);
  const fee = v.int('fee', input.fee ?? 0);
  const tax = v.int('tax', input.tax ?? 0);
  const name = v.optText('symbolName', input.symbolName, 100);
  const orderInfo = input.order
    ? {
        qty: v.int('order.qty', input.order.qty, 1),
        price: v.int('order.price', input.order.price),
        ordDvsn: v.ordDvsn(input.order.ordDvsn),
        route: v.oneOf('order.route', input.order.route, v.ROUTES),
      }
    : null;
  const snapshot = input.snapshot ? validateSnapshot(input.snapshot) : null;

  return transaction(ctx.db, (): FillResult => {
    let order = byOrderNo(ctx, tradeDate, orderNo);
    let needsReconcile = false;
    if (!order) {
      // A fill for an order the mirror has not seen: an HTS/MTS trade, or ours racing its acceptance.
      needsReconcile = orderInfo === null;
      order = insertExternalOrder(ctx, {
        tradeDate,
        orderNo,
        orgNo: null,
        originalOrderNo: null,
        kind: 'new',
        symbol,
        symbolName: name,
        side,
        route: orderInfo?.route ?? venue,
        ordDvsn: orderInfo?.ordDvsn ?? '00',
        qty: Math.max(qty, orderInfo?.qty ?? qty),
        price: orderInfo?.price ?? price,
        stopPrice: null,
        time,
      });
    } else if (order.symbol !== symbol || order.side !== side) {
      refuse('CONFLICT', `fill for order ${orderNo} says ${side} ${symbol}; the order is ${order.side} ${order.symbol}`);
    }
    const fillKey = noticeFillKey(time, venue, price, qty);
    const amount = qty * price;
    // The unique key decides: an ignored insert is the same notice seen again.
    const executionId = insertExecution(ctx, { order, fillKey, source: 'notice', venue, qty, price, amount, fee, tax, costBasis: 0, time });
    if (executionId === null) {
      const seen = ctx
        .stmt('SELECT id FROM trade_executions WHERE trade_date = ? AND order_no = ? AND fill_key = ?')
        .get(tradeDate, orderNo, fillKey) as { id: number };
      return {
        changed: false,
        duplicate: true,
        executionId: seen.id,
        absorbedQty: 0,
        order: summarize(order),
        position: currentPosition(ctx, symbol),
        realizedPnl: 0,
        needsReconcile: false,
      };
    }
    if (name !== null && order.symbol_name === null) {
      ctx.stmt('UPDATE trade_orders SET symbol_name = ? WHERE id = ?').run(name, order.id);
      order.symbol_name = name;
    }
    const absorbed = absorbIntoRemainders(ctx, order.id, qty, price);
    const excess = qty - absorbed.qty;
    const effect = applyToPosition(ctx, order, venue, excess, excess * price, price, time);
    let position = effect.position;
    if (side === 'buy' && absorbed.qty > 0 && absorbed.qty * price !== absorbed.amount) {
      // The remainder was booked at KIS's average; this fill's exact amount replaces it.
      position = adjustCost(ctx, symbol, absorbed.qty * price - absorbed.amount, time);
    }
    const costBasis = side === 'sell' ? absorbed.costBasis + effect.costBasis : 0;
    if (costBasis !== 0) ctx.stmt('UPDATE trade_executions SET cost_basis = ? WHERE id = ?').run(costBasis, executionId);
    const settled = settleOrderAfterFill(ctx, order, excess, amount - absorbed.amount);
    if (snapshot) saveSnapshotRow(ctx, snapshot);
    return {
      changed: true,
      duplicate: false,
      executionId,
      absorbedQty: absorbed.qty,
      order: summarize(settled),
      position: position === undefined ? currentPosition(ctx, symbol) : position,
      realizedPnl: side === 'sell' ? amount - costBasis : 0,
      needsReconcile: needsReconcile || effect.needsReconcile,
    };
  });
}

export interface RemainderFill {
  orderNo: string;
  symbol: string;
  side: Side;
  qty: number;
  amount: number;
}

/**
 * Reconciliation found `missingQty` shares (worth `missingAmount` 원) of KIS's total `kisTotalQty` that no
 * notice delivered: store them as one remainder execution and move the position. Runs inside the caller's
 * transaction.
 */
export function addRemainderFill(
  ctx: WriteContext,
  order: OrderRow,
  kisTotalQty: number,
  missingQty: number,
  missingAmount: number,
  venue: Venue,
  costs: { fee: number; tax: number },
  time: number,
): RemainderFill & { needsReconcile: boolean } {
  const price = Math.round(missingAmount / missingQty);
  const id = insertExecution(ctx, {
    order,
    fillKey: remainderFillKey(kisTotalQty),
    source: 'reconcile',
    venue,
    qty: missingQty,
    price,
    amount: missingAmount,
    fee: costs.fee,
    tax: costs.tax,
    costBasis: 0,
    time,
  });
  if (id === null) refuse('CONFLICT', `remainder for order ${order.order_no} at total ${kisTotalQty} already stored`);
  const effect = applyToPosition(ctx, order, venue, missingQty, missingAmount, price, time);
  if (order.side === 'sell') ctx.stmt('UPDATE trade_executions SET cost_basis = ? WHERE id = ?').run(effect.costBasis, id);
  return { orderNo: order.order_no ?? '', symbol: order.symbol, side: order.side, qty: missingQty, amount: missingAmount, needsReconcile: effect.needsReconcile };
}

/**
 * KIS's filled amount for an order differs from the sum of its executions while the quantities agree: move the
 * difference into its remainder rows (buys: the position's cost moves with it; sells: realized P&L does, via
 * amount − cost_basis). Returns false when there is no remainder to adjust (only exact notice rows).
 */
export function repairRemainderAmount(ctx: WriteContext, order: OrderRow, delta: number, at: number): boolean {
  const rows = ctx
    .stmt("SELECT id, qty, amount FROM trade_executions WHERE order_id = ? AND source = 'reconcile' ORDER BY id DESC")
    .all(order.id) as Array<{ id: number; qty: number; amount: number }>;
  const room = rows.reduce((a, r) => a + r.amount, 0);
  if (rows.length === 0 || room + delta < 0) return false;
  let left = delta;
  for (const r of rows) {
    const change = left >= 0 ? left : Math.max(left, -r.amount);
    if (change === 0) continue;
    const amount = r.amount + change;
    ctx.stmt('UPDATE trade_executions SET amount = ?, price = ? WHERE id = ?').run(amount, Math.round(amount / r.qty), r.id);
    left -= change;
    if (left === 0) break;
  }
  if (order.side === 'buy') adjustCost(ctx, order.symbol, delta, at);
  return true;
}

export type { OrderSummary };
