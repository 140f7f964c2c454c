/**
 * Table rows exactly as SQLite returns them for `SELECT *` (columns from the migrations). The reader maps them
 * to views and the writer's modules work on them directly; both name the columns from this one place.
 */
import type { OrderKind, OrderState, Route, Side } from './types';

/** portfolio: one row per symbol, KRX and NXT lots merged (migration 001). */
export interface PortfolioRow {
  symbol: string;
  symbol_name: string | null;
  qty: number;
  cost: number;
  krx_qty: number;
  krx_cost: number;
  nxt_qty: number;
  nxt_cost: number;
  rest_sellable_qty: number | null;
  updated_at: number;
  last_fill_at: number | null;
  reconciled_at: number | null;
}

/** trade_orders: one row per order intent, ours or external (migration 001). */
export interface OrderRow {
  id: number;
  client_order_id: string;
  source: 'terminal' | 'external';
  kind: OrderKind;
  state: OrderState;
  trade_date: string;
  symbol: string;
  symbol_name: string | null;
  side: Side;
  route: Route;
  ord_dvsn: string;
  qty: number;
  price: number;
  stop_price: number | null;
  order_no: string | null;
  org_no: string | null;
  original_order_no: string | null;
  filled_qty: number;
  filled_amount: number;
  cancelled_qty: number;
  rejected_qty: number;
  /** modify/cancel requests: when KIS confirmed moving shares out of the original order */
  confirmed_at: number | null;
  reject_code: string | null;
  reject_message: string | null;
  unknown_reason: string | null;
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  accepted_at: number | null;
}
