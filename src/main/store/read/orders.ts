/** Order and execution reads: the order book panel, the journal, chart markers. */
import type { OrderRow } from '../rows';
import type { ExecutionView, OrderView } from '../views';
import type { ReadContext } from './context';


export function toOrderView(r: OrderRow): OrderView {
  return {
    clientOrderId: r.client_order_id,
    source: r.source,
    kind: r.kind,
    state: r.state,
    tradeDate: r.trade_date,
    symbol: r.symbol,
    symbolName: r.symbol_name,
    side: r.side,
    route: r.route,
    ordDvsn: r.ord_dvsn,
    qty: r.qty,
    price: r.price,
    stopPrice: r.stop_price,
    orderNo: r.order_no,
    orgNo: r.org_no,
    originalOrderNo: r.original_order_no,
    filledQty: r.filled_qty,
    filledAmount: r.filled_amount,
    avgFillPrice: r.filled_qty > 0 ? r.filled_amount / r.filled_qty : null,
    cancelledQty: r.cancelled_qty,
    rejectedQty: r.rejected_qty,
    remainingQty: Math.max(0, r.qty - r.filled_qty - r.cancelled_qty - r.rejected_qty),
    rejectCode: r.reject_code,
    rejectMessage: r.reject_message,
    unknownReason: r.unknown_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    acceptedAt: r.accepted_at,
    confirmedAt: r.confirmed_at,
  };
}

const LIVE = "state IN ('intent', 'sent', 'accepted', 'partially_filled', 'unknown')";

export function orderReads(ctx: ReadContext) {
  const many = (sql: string, ...args: unknown[]): OrderView[] => (ctx.stmt(sql).all(...args) as OrderRow[]).map(toOrderView);
  const one = (sql: string, ...args: unknown[]): OrderView | null => {
    const r = ctx.stmt(sql).get(...args) as OrderRow | undefined;
    return r ? toOrderView(r) : null;
  };
  return {
    /**
     * Orders resting at KIS: accepted or partially filled. Cancel requests are not orders that can fill, and
     * a modify request only takes over the original's shares once KIS confirmed it.
     */
    openOrders(): OrderView[] {
      return many(
        `SELECT * FROM trade_orders WHERE ${LIVE} AND state IN ('accepted', 'partially_filled')
           AND (kind = 'new' OR (kind = 'modify' AND confirmed_at IS NOT NULL)) ORDER BY created_at, id`,
      );
    },
    /** Our intents whose send is in progress (intent/sent) — shown as "전송 중". */
    inFlightOrders(): OrderView[] {
      return many(`SELECT * FROM trade_orders WHERE ${LIVE} AND state IN ('intent', 'sent') ORDER BY created_at, id`);
    },
    unknownOrders(): OrderView[] {
      return many(`SELECT * FROM trade_orders WHERE ${LIVE} AND state = 'unknown' ORDER BY created_at, id`);
    },
    ordersToday(tradeDate?: string): OrderView[] {
      return many('SELECT * FROM trade_orders WHERE trade_date = ? ORDER BY created_at, id', tradeDate ?? ctx.today());
    },
    orderByClientId(clientOrderId: string): OrderView | null {
      return one('SELECT * FROM trade_orders WHERE client_order_id = ?', clientOrderId);
    },
    orderByOrderNo(orderNo: string, tradeDate?: string): OrderView | null {
      return one('SELECT * FROM trade_orders WHERE trade_date = ? AND order_no = ?', tradeDate ?? ctx.today(), orderNo);
    },
  };
}

interface ExecutionDbRow {
  id: number;
  trade_date: string;
  order_no: string;
  client_order_id: string;
  symbol: string;
  side: ExecutionView['side'];
  venue: ExecutionView['venue'];
  qty: number;
  price: number;
  amount: number;
  fee: number;
  tax: number;
  cost_basis: number;
  time: number;
  source: ExecutionView['source'];
}

const toExecutionView = (r: ExecutionDbRow): ExecutionView => ({
  id: r.id,
  tradeDate: r.trade_date,
  orderNo: r.order_no,
  clientOrderId: r.client_order_id,
  symbol: r.symbol,
  side: r.side,
  venue: r.venue,
  qty: r.qty,
  price: r.price,
  amount: r.amount,
  fee: r.fee,
  tax: r.tax,
  realizedPnl: r.side === 'sell' ? r.amount - r.cost_basis : null,
  time: r.time,
  source: r.source,
});

const EXEC_COLUMNS = `e.id, e.trade_date, e.order_no, o.client_order_id, e.symbol, e.side, e.venue, e.qty, e.price, e.amount,
  e.fee, e.tax, e.cost_basis, e.time, e.source FROM trade_executions e JOIN trade_orders o ON o.id = e.order_id`;

export function executionReads(ctx: ReadContext) {
  return {
    fillsToday(tradeDate?: string): ExecutionView[] {
      const rows = ctx.stmt(`SELECT ${EXEC_COLUMNS} WHERE e.trade_date = ? ORDER BY e.time, e.id`).all(tradeDate ?? ctx.today()) as ExecutionDbRow[];
      return rows.map(toExecutionView);
    },
    /** Chart markers: fills of one symbol in [fromMs, toMs). */
    fillsForSymbol(symbol: string, fromMs: number, toMs: number): ExecutionView[] {
      const rows = ctx
        .stmt(`SELECT ${EXEC_COLUMNS} WHERE e.symbol = ? AND e.time >= ? AND e.time < ? ORDER BY e.time, e.id`)
        .all(symbol, fromMs, toMs) as ExecutionDbRow[];
      return rows.map(toExecutionView);
    },
    fillsForOrder(clientOrderId: string): ExecutionView[] {
      const rows = ctx.stmt(`SELECT ${EXEC_COLUMNS} WHERE o.client_order_id = ? ORDER BY e.time, e.id`).all(clientOrderId) as ExecutionDbRow[];
      return rows.map(toExecutionView);
    },
  };
}
