/** What the read services return: plain, camelCased, JSON-safe objects (they cross IPC unchanged). */
import type { JsonValue, NotificationKind, OrderKind, OrderSource, OrderState, PriceVenue, Route, Side, Venue } from './types';

export interface OrderView {
  clientOrderId: string;
  source: OrderSource;
  kind: OrderKind;
  state: OrderState;
  tradeDate: string;
  symbol: string;
  symbolName: string | null;
  side: Side;
  route: Route;
  ordDvsn: string;
  qty: number;
  price: number;
  stopPrice: number | null;
  orderNo: string | null;
  orgNo: string | null;
  originalOrderNo: string | null;
  filledQty: number;
  filledAmount: number;
  /** filledAmount / filledQty (may be fractional), null before any fill. */
  avgFillPrice: number | null;
  cancelledQty: number;
  rejectedQty: number;
  remainingQty: number;
  rejectCode: string | null;
  rejectMessage: string | null;
  unknownReason: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  acceptedAt: number | null;
  confirmedAt: number | null;
}

export interface ExecutionView {
  id: number;
  tradeDate: string;
  orderNo: string;
  clientOrderId: string;
  symbol: string;
  side: Side;
  venue: Venue;
  qty: number;
  price: number;
  amount: number;
  fee: number;
  tax: number;
  /** Sells: amount − the cost these shares carried (before fees/taxes). Buys: null. */
  realizedPnl: number | null;
  time: number;
  /** 'notice' = from the stream; 'reconcile' = quantity KIS reported that no notice delivered. */
  source: 'notice' | 'reconcile';
}

export interface VenueHoldingView {
  venue: Venue;
  qty: number;
  cost: number;
  avgPrice: number;
}

export interface PositionView {
  symbol: string;
  symbolName: string | null;
  qty: number;
  /** qty − open sell orders (what KIS's ord_psbl_qty means), never below 0. */
  sellableQty: number;
  openSellQty: number;
  cost: number;
  avgPrice: number;
  lastPrice: number | null;
  value: number | null;
  unrealizedPnl: number | null;
  /** Percent of cost. */
  pnlRate: number | null;
  venues: VenueHoldingView[];
  /** ord_psbl_qty at the last balance read, for comparison. */
  restSellableQty: number | null;
  updatedAt: number;
  reconciledAt: number | null;
}

export interface PortfolioView {
  positions: PositionView[];
  totals: {
    cost: number;
    /** Priced positions at their last price; unpriced ones at cost. */
    value: number;
    /** Over priced positions only. */
    unrealizedPnl: number;
    unpriced: string[];
  };
}

export interface SnapshotView {
  time: number;
  tradeDate: string;
  cashD0: number;
  cashD1: number;
  cashD2: number;
  orderableCash: number | null;
  totalAssets: number;
  securitiesValue: number;
  costTotal: number;
  unrealizedPnl: number;
  realizedToday: number | null;
  netAssets: number | null;
  prevTotalAssets: number | null;
  source: string;
}

export interface AccountSummaryView {
  tradeDate: string;
  snapshot: SnapshotView | null;
  /**
   * From today's executions in the mirror: `gross` is sales over their cost, `net` is that less the sales'
   * fees and taxes, `feesAndTaxes` is every fee and tax of the day (buys included).
   */
  realizedToday: { gross: number; feesAndTaxes: number; net: number };
}

export interface CandleView {
  minute: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
}
export interface DailyPriceView {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
}

export interface WatchlistView {
  id: number;
  name: string;
  position: number;
  symbols: string[];
}

export interface SyncStatusView {
  kind: string;
  lastAttemptAt: number;
  lastOk: boolean;
  lastSuccessAt: number | null;
  lastCode: string | null;
  lastMessage: string | null;
}

export interface SyncLogView {
  id: number;
  kind: string;
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  code: string | null;
  message: string | null;
  summary: JsonValue | null;
}

export interface NotificationView {
  id: number;
  time: number;
  kind: NotificationKind;
  title: string;
  body: string;
  symbol: string | null;
  ref: string | null;
  read: boolean;
}

export interface KillSwitchView {
  engaged: boolean;
  reason: string;
  changedBy: string;
  changedAt: number;
}

export type { PriceVenue };
