/**
 * The store's own vocabulary. The sync and order layers map KIS wire types (string-typed, oddly cased)
 * to these; nothing here knows a TR ID or a field name like `tot_ccld_qty`.
 *
 * Conventions: money is integer 원, quantities are integer shares, instants are epoch ms (UTC),
 * `tradeDate` is the KST calendar date 'YYYYMMDD' (KIS order numbers restart every trade date, so an
 * order is identified by (tradeDate, orderNo)). No account number is ever stored: one database file
 * per (environment, account), chosen by the caller.
 */

export type Side = 'buy' | 'sell';
/** Where shares actually traded (a fill's venue, a holding's per-venue lot). */
export type Venue = 'KRX' | 'NXT';
/** What an order asked for: a venue or SOR (smart routing). */
export type Route = 'KRX' | 'NXT' | 'SOR';
/** Market-data venue: KRX, NXT or the combined (통합, 'UN') feed. */
export type PriceVenue = 'KRX' | 'NXT' | 'UN';
/** new order, or a modify (정정) / cancel (취소) request, which KIS books as its own order number. */
export type OrderKind = 'new' | 'modify' | 'cancel';
export type OrderSource = 'terminal' | 'external';

/**
 * Journal states (design.md invariant 5):
 * intent → sent → accepted → partially_filled → filled / cancelled / rejected; unknown when the
 * outcome of a send is not known; failed when the order provably never reached KIS.
 */
export type OrderState =
  | 'intent'
  | 'sent'
  | 'accepted'
  | 'partially_filled'
  | 'filled'
  | 'cancelled'
  | 'rejected'
  | 'unknown'
  | 'failed';

export const ORDER_STATES: readonly OrderState[] = [
  'intent',
  'sent',
  'accepted',
  'partially_filled',
  'filled',
  'cancelled',
  'rejected',
  'unknown',
  'failed',
];

// ───────────────────────────── results ─────────────────────────────

export type StoreErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'ILLEGAL_TRANSITION'
  | 'DUPLICATE'
  | 'CONFLICT'
  | 'STORE_ERROR';

export interface StoreFailure {
  ok: false;
  code: StoreErrorCode;
  message: string;
}
/** Every writer operation returns one of these; nothing throws out of the writer. */
export type StoreResult<T extends object = object> = ({ ok: true } & T) | StoreFailure;

// ───────────────────────────── order journal ─────────────────────────────

export interface OrderIntentInput {
  /** A UUID from the caller (e.g. the IPC request); generated when absent. Reusing one is a duplicate. */
  clientOrderId?: string;
  /**
   * Double-submit protection: a second intent with the same key inside `dedupeWindowMs` is refused.
   * Default key: kind|symbol|side|route|ordDvsn|qty|price|stopPrice|originalOrderNo.
   */
  dedupeKey?: string;
  /** Default: the store's `dedupeWindowMs` option (3 s). 0 turns the window off (clientOrderId still checked). */
  dedupeWindowMs?: number;
  kind?: OrderKind; // default 'new'
  /** For modify/cancel: the KIS order number being changed. */
  originalOrderNo?: string;
  symbol: string;
  symbolName?: string;
  side: Side;
  route: Route;
  ordDvsn: string; // '00', '01', … (kis-api.md §5)
  qty: number;
  /** 0 for unpriced types (market, best-price…). */
  price: number;
  stopPrice?: number | null;
}

export interface OrderSummary {
  clientOrderId: string;
  tradeDate: string;
  orderNo: string | null;
  source: OrderSource;
  kind: OrderKind;
  state: OrderState;
  symbol: string;
  side: Side;
  qty: number;
  filledQty: number;
  remainingQty: number;
}

export interface AcceptedInput {
  orderNo: string; // ODNO
  orgNo: string; // KRX_FWDG_ORD_ORGNO
  /** When KIS accepted it (epoch ms; from ORD_TMD on the trade date, or the response time). */
  time: number;
}

export type UnknownResolution =
  | { found: true; orderNo: string; orgNo?: string; time: number }
  | { found: false; reason: string };

/**
 * Acceptance-side notices (H0STCNI0/9 with CNTG_YN=1) in store terms. The sync layer derives `type`
 * from RFUS_YN, RCTF_CLS and ACPT_YN (kis-api.md §7.4 DECISION); the store never looks at event order.
 */
export interface NoticeOrderFields {
  tradeDate?: string; // default: KST date of `time`
  orderNo: string;
  orgNo?: string;
  symbol: string;
  symbolName?: string;
  side: Side;
  route: Route;
  ordDvsn: string;
  time: number;
}
export type OrderNoticeInput =
  /** 주문/정정/취소 접수: the order (or the modify/cancel request) exists at KIS with this number. */
  | (NoticeOrderFields & { type: 'accepted'; kind: OrderKind; originalOrderNo?: string; qty: number; price: number })
  /** 정정/취소 확인 (ACPT_YN=2, RCTF 1/2): `qty` shares moved out of the original order. */
  | (NoticeOrderFields & { type: 'confirmed'; kind: 'modify' | 'cancel'; originalOrderNo: string; qty: number; price: number })
  /** IOC/FOK remainder cancelled by the exchange (ACPT_YN=3): `qty` = cancelled quantity. */
  | { type: 'remainderCancelled'; tradeDate?: string; orderNo: string; qty: number; time: number }
  /** Refused after acceptance (RFUS_YN=1). */
  | { type: 'refused'; tradeDate?: string; orderNo: string; time: number; code?: string; message?: string };

export interface OrderNoticeResult {
  changed: boolean;
  order: OrderSummary | null;
  /** The original order touched by a modify/cancel confirmation. */
  original?: OrderSummary | null;
  /** True when the notice referred to something the mirror does not have yet: run reconciliation. */
  needsReconcile: boolean;
}

// ───────────────────────────── fills ─────────────────────────────

/** One fill notice (H0STCNI0/9, CNTG_YN=2) in store terms. */
export interface FillInput {
  tradeDate?: string; // default: KST date of `time`
  orderNo: string;
  symbol: string;
  symbolName?: string;
  side: Side;
  venue: Venue; // ORD_EXG_GB 1/3 → KRX, 2/4 → NXT
  qty: number;
  price: number;
  time: number; // epoch ms (trade date + STCK_CNTG_HOUR)
  fee?: number; // 원, computed by the fill pipeline from shared market rules
  tax?: number;
  /** Order fields from the same notice (ODER_QTY, ODER_PRC, ODER_KIND…), used when the order is not in the mirror yet (HTS/MTS trade). */
  order?: { qty: number; price: number; ordDvsn: string; route: Route };
  /** Optional snapshot written in the same transaction (issue 5: notice → orders, fills, portfolio and snapshot at once). */
  snapshot?: AccountSnapshotInput;
}

export interface PositionSummary {
  symbol: string;
  qty: number;
  cost: number;
  avgPrice: number;
}

export interface FillResult {
  changed: boolean;
  /** The same fill was stored before (a duplicate notice). */
  duplicate: boolean;
  executionId: number | null;
  /** Shares of this notice already counted by an earlier reconciliation remainder (no portfolio change for them). */
  absorbedQty: number;
  order: OrderSummary | null;
  position: PositionSummary | null;
  /** Realized P&L of this fill (sells), before fees and taxes. */
  realizedPnl: number;
  /** The mirror could not apply this cleanly (e.g. sold more than it holds): run reconciliation. */
  needsReconcile: boolean;
}

// ───────────────────────────── reconciliation ─────────────────────────────

/** One holding from inquire-balance (merged across KRX and NXT by the caller or here). */
export interface BalanceHolding {
  symbol: string;
  symbolName?: string;
  qty: number; // hldg_qty
  sellableQty: number; // ord_psbl_qty
  cost: number; // pchs_amt
  /**
   * Per-venue lots when known. Rows for the same symbol with different `venue` are summed (KRX + NXT);
   * a row without a venue keeps the mirror's existing venue split (new shares are attributed to KRX).
   */
  venue?: Venue;
}

export interface BalanceInput {
  holdings: BalanceHolding[];
  /** When the balance was requested. Symbols with a fill recorded after this are left alone this time. */
  asOf: number;
}

export interface HoldingChange {
  symbol: string;
  qtyBefore: number;
  qtyAfter: number;
  costBefore: number;
  costAfter: number;
}
export interface HoldingsDiff {
  changed: boolean;
  added: HoldingChange[];
  removed: HoldingChange[];
  updated: HoldingChange[];
  /** Symbols not repaired because a fill newer than `asOf` is already in the mirror. */
  deferred: string[];
}

/** One order row from inquire-daily-ccld (§4.6) or inquire-psbl-rvsecncl (§4.5), in store terms. */
export interface RestOrderRow {
  tradeDate: string;
  orderNo: string;
  originalOrderNo?: string;
  orgNo?: string;
  kind: OrderKind;
  symbol: string;
  symbolName?: string;
  side: Side;
  route: Route;
  ordDvsn: string;
  qty: number;
  price: number;
  stopPrice?: number | null;
  filledQty: number; // tot_ccld_qty
  filledAmount: number; // tot_ccld_amt
  remainingQty: number; // rmn_qty / psbl_qty
  rejectedQty?: number; // rjct_qty
  /** Epoch ms of ord_tmd on the trade date. */
  orderTime: number;
  /** The venue fills of this order happened on, when a remainder fill has to be synthesized (SOR: best guess). */
  fillVenue?: Venue;
}

export interface ReconcileOrdersInput {
  rows: RestOrderRow[];
  /** When the REST query was made. */
  asOf: number;
  /**
   * 'day': rows are every order of `tradeDate` (daily-ccld, all pages) — UNKNOWN intents of that date
   * created more than `absentGraceMs` before `asOf` and not found are proven absent → failed.
   * 'open': rows are only the open orders (psbl-rvsecncl); nothing is proven absent.
   */
  scope: 'day' | 'open';
  tradeDate: string;
  /** UNKNOWN intent ↔ REST row match window around the intent's creation time. Default 120 s. */
  matchWindowMs?: number;
  /** Default 10 s: how long KIS may take to show a just-sent order. */
  absentGraceMs?: number;
  /** Fees/taxes for a synthesized remainder fill (shared market rules live outside the store). */
  feeFor?: (fill: { symbol: string; side: Side; venue: Venue; qty: number; amount: number; tradeDate: string }) => {
    fee: number;
    tax: number;
  };
}

export interface ReconcileOrdersDiff {
  changed: boolean;
  /** Orders the terminal did not place (HTS/MTS) now in the mirror. */
  newExternal: OrderSummary[];
  /** UNKNOWN intents found in KIS's list (→ accepted…) or proven absent (→ failed). */
  resolvedUnknown: Array<{ clientOrderId: string; outcome: 'found' | 'absent'; orderNo: string | null }>;
  stateChanges: Array<{ clientOrderId: string; orderNo: string | null; from: OrderState; to: OrderState }>;
  /** Fill quantity KIS reports that no notice delivered: stored as remainder executions. */
  fillsAdded: Array<{ orderNo: string; symbol: string; side: Side; qty: number; amount: number }>;
  /** Orders where the mirror holds more filled quantity than KIS reports (left as is, logged by the caller). */
  overCounted: Array<{ orderNo: string; mirrorQty: number; restQty: number }>;
  /**
   * Quantities agree but amounts do not: repaired when the order has remainder rows (a newer fill absorbed part
   * of a remainder at its own price — write/fills.ts); otherwise only reported (notice prices disagree with KIS).
   */
  amountMismatches: Array<{ orderNo: string; mirrorAmount: number; restAmount: number; repaired: boolean }>;
  /** Symbols where a remainder sold more than the mirror held: read the balance (replaceHoldingsFromBalance). */
  needsHoldingsRepair: string[];
  /** Order numbers the mirror holds as open that KIS's list lacks (scope 'open': filled or cancelled since — a 'day' reconcile settles them). */
  noLongerOpen: string[];
  /** KIS rows whose symbol/side disagree with the mirror's order of that number (skipped, for the log). */
  conflicts: string[];
}

// ───────────────────────────── account and market data ─────────────────────────────

export interface AccountSnapshotInput {
  time: number;
  cashD0: number; // dnca_tot_amt 예수금
  cashD1: number; // nxdy_excc_amt
  cashD2: number; // prvs_rcdl_excc_amt
  orderableCash?: number | null; // ord_psbl_cash (inquire-psbl-order) when known
  totalAssets: number; // tot_evlu_amt
  securitiesValue: number; // scts_evlu_amt
  costTotal: number; // pchs_amt_smtl_amt
  unrealizedPnl: number; // evlu_pfls_smtl_amt
  realizedToday?: number | null; // when the source reports it
  netAssets?: number | null; // nass_amt
  prevTotalAssets?: number | null; // bfdy_tot_asst_evlu_amt
  source?: 'balance' | 'fill' | 'manual';
}

export interface CandleInput {
  symbol: string;
  venue: PriceVenue;
  /** Start of the bar's minute, epoch ms (multiple of 60,000). */
  minute: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover?: number;
}

export interface DailyPriceInput {
  symbol: string;
  venue: PriceVenue;
  date: string; // YYYYMMDD (KST)
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover?: number;
}

// ───────────────────────────── app state ─────────────────────────────

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface SyncLogInput {
  kind: string; // 'balance', 'openOrders', 'dailyOrders', 'candles', 'holidays', 'full'…
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  code?: string;
  message?: string;
  summary?: JsonValue;
}

export type NotificationKind = 'fill' | 'order' | 'reject' | 'system' | 'risk' | 'sync';
export interface NotificationInput {
  time?: number;
  kind: NotificationKind;
  title: string;
  body: string;
  symbol?: string;
  /** e.g. the client order id or KIS order number this is about. */
  ref?: string;
}

export interface KillSwitchInput {
  engaged: boolean;
  reason: string;
  /** Who changed it: 'tray', 'hotkey', 'ui', 'risk', 'startup'… */
  by: string;
}
