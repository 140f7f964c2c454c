/**
 * Domain types the KIS client returns (the store, sync and order code consume these, never wire bodies).
 *
 * Units: money and quantities are integer 원 / shares (safe integers). Rates are plain numbers in percent as KIS
 * sends them (-0.14 means −0.14 %). Dates are 'YYYYMMDD', times 'HHMMSS', both KST. The only non-integer prices
 * are averages KIS itself reports with decimals (`avgPrice` of a holding, `avgFillPrice`): use `cost` /
 * `filledAmount` when you need exact money.
 */

export type Ymd = string;
export type Hms = string;
export type Side = 'buy' | 'sell';
/** Where an order is routed (EXCG_ID_DVSN_CD). Paper: KRX only. */
export type OrderRoute = 'KRX' | 'NXT' | 'SOR';
/** Quote market (FID_COND_MRKT_DIV_CODE): KRX, NXT, or 통합 (unified). Paper: 'J' only. */
export type QuoteMarket = 'J' | 'NX' | 'UN';

// ── Orders ──────────────────────────────────────────────────────────────────────────────────────────

export interface OrderCashRequest {
  side: Side;
  /** 6-digit code, ETN 'Q' + 6. */
  symbol: string;
  /** ORD_DVSN (kis-api.md §5): '00' limit, '01' market, … */
  ordDvsn: string;
  qty: number;
  /** Limit price in 원; ignored (sent as "0") for unpriced order types. */
  price: number;
  /** Default 'KRX'. */
  route?: OrderRoute;
  /** CNDT_PRIC, required for '22' stop-limit. */
  stopPrice?: number;
  /** SLL_TYPE for sells: '01' 일반매도 (default). */
  sellType?: '01' | '02' | '05';
}

export interface ModifyCancelRequest {
  kind: 'modify' | 'cancel';
  /** ORGN_ODNO. */
  originalOrderNo: string;
  /** KRX_FWDG_ORD_ORGNO from the original order ack or `orgNo` of an open order. */
  orgNo: string;
  /** ORD_DVSN of the (new) order; for a cancel, the original order's type. */
  ordDvsn: string;
  /** true: the whole open remainder (ORD_QTY "0", QTY_ALL_ORD_YN=Y). */
  all: boolean;
  /** Shares to modify/cancel when `all` is false. */
  qty?: number;
  /** New price for a modify; ignored for a cancel. */
  price?: number;
  route?: OrderRoute;
  stopPrice?: number;
}

/** KIS accepted the order (not filled: fills come by notice or reconciliation). */
export interface OrderAck {
  /** ODNO, 10 digits. For modify/cancel: the NEW order number. */
  orderNo: string;
  /** KRX_FWDG_ORD_ORGNO, needed to modify/cancel. */
  orgNo: string;
  /** ORD_TMD, HHMMSS. */
  time: Hms;
  /** KIS's own text (e.g. 주문 전송 완료 되었습니다.). */
  message: string;
}

// ── Account ─────────────────────────────────────────────────────────────────────────────────────────

export interface Holding {
  symbol: string;
  name: string;
  /** 보유수량. May be 0 for a position sold today until D+2. */
  qty: number;
  /** 주문가능수량 (held minus open sells). */
  sellableQty: number;
  /** 매입평균가격, as KIS reports it (may have decimals). */
  avgPrice: number;
  /** 매입금액. */
  cost: number;
  /** 현재가 (per the AFHR_FLPR_YN view). */
  lastPrice: number;
  /** 평가금액. */
  value: number;
  /** 평가손익 (value − cost). */
  pnl: number;
  /** 평가손익율, percent. */
  pnlRate: number;
  /** 등락율 (day change), percent. */
  dayChangeRate: number;
  /** 전일대비 증감 (day change), 원. */
  dayChange: number;
  todayBuyQty: number;
  todaySellQty: number;
  prevDayBuyQty: number;
  prevDaySellQty: number;
}

export interface BalanceSummary {
  /** 예수금총금액 (D+0 cash). */
  cashD0: number;
  /** 익일정산금액 (D+1). */
  cashD1: number;
  /** 가수도정산금액 (D+2). */
  cashD2: number;
  /** 유가평가금액. */
  securitiesValue: number;
  /** 총평가금액 (securities + D+2 cash). */
  totalValue: number;
  /** 매입금액합계. */
  cost: number;
  /** 평가금액합계. */
  value: number;
  /** 평가손익합계. */
  pnl: number;
  todayBuy: number;
  todaySell: number;
  /** 금일제비용 (fees + taxes). */
  todayFeesTaxes: number;
  /** 순자산금액. */
  netAssets: number;
  /** 전일총자산평가금액. */
  prevTotalAssets: number;
  /** 자산증감액. */
  assetChange: number;
}

/** inquire-balance price view (AFHR_FLPR_YN): N = KRX (default), X = NXT, Y = per regime (통합 from 2026-09). */
export type BalanceView = 'N' | 'X' | 'Y';

export interface Balance {
  holdings: Holding[];
  summary: BalanceSummary;
  /** How many pages KIS returned (diagnostics). */
  pages: number;
}

export interface OrderableCash {
  /** 주문가능현금. */
  orderableCash: number;
  /** 미수없는매수금액 — the terminal's "max buy". */
  maxBuyAmountNoCredit: number;
  /** 미수없는매수수량. */
  maxBuyQtyNoCredit: number;
  /** 최대매수금액 (with 미수; not offered in the UI). */
  maxBuyAmountWithCredit: number;
  maxBuyQtyWithCredit: number;
  /** 가능수량계산단가: the price the quantities were computed at. */
  calcPrice: number;
}

/** An order that can still be modified or cancelled. */
export interface OpenOrder {
  orderNo: string;
  originalOrderNo: string;
  /** ord_gno_brno = KRX_FWDG_ORD_ORGNO for modify/cancel. */
  orgNo: string;
  symbol: string;
  name: string;
  side: Side;
  ordDvsn: string;
  ordDvsnName: string;
  qty: number;
  price: number;
  time: Hms;
  filledQty: number;
  filledAmount: number;
  /** Open remainder (psbl_qty / rmn_qty). */
  remainingQty: number;
  /** '' when KIS did not say. */
  route: OrderRoute | '';
  stopPrice: number;
}

/** One row of inquire-daily-ccld: an order as KIS records it on a day, with its fill totals. */
export interface DailyOrder {
  date: Ymd;
  time: Hms;
  orderNo: string;
  originalOrderNo: string;
  orgNo: string;
  side: Side;
  symbol: string;
  name: string;
  ordDvsn: string;
  ordDvsnName: string;
  qty: number;
  price: number;
  filledQty: number;
  filledAmount: number;
  /** avg_prvs: average fill price (0 when nothing filled). May have decimals. */
  avgFillPrice: number;
  remainingQty: number;
  rejectedQty: number;
  cancelled: boolean;
  cancelConfirmedQty: number;
  route: OrderRoute | '';
  stopPrice: number;
}

export interface DailyOrdersSummary {
  totalOrderQty: number;
  totalFilledQty: number;
  totalFilledAmount: number;
  /** 추정제비용합계. */
  estimatedFeesTaxes: number;
}

export interface DailyOrders {
  orders: DailyOrder[];
  summary: DailyOrdersSummary | null;
  pages: number;
}

export interface DailyOrdersQuery {
  from: Ymd;
  to: Ymd;
  side?: Side | 'all';
  /** 'all' (default), 'filled' (CCLD_DVSN 01), 'open' (02). */
  status?: 'all' | 'filled' | 'open';
  symbol?: string;
  orderNo?: string;
  /** Row order from KIS: 'desc' 역순 (default) or 'asc' 정순. */
  order?: 'asc' | 'desc';
  /** Real only: 'ALL' (default) or one venue. Paper always KRX. */
  venue?: 'ALL' | OrderRoute;
}

// ── Quotes ──────────────────────────────────────────────────────────────────────────────────────────

/** 1 상한, 2 상승, 3 보합, 4 하한, 5 하락. */
export type ChangeSign = '1' | '2' | '3' | '4' | '5';

export interface Quote {
  symbol: string;
  market: QuoteMarket;
  last: number;
  change: number;
  sign: ChangeSign;
  changeRate: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  turnover: number;
  upperLimit: number;
  lowerLimit: number;
  basePrice: number;
  /** 호가단위 from KIS (preferred over the computed table). 0 if KIS sent none. */
  tickSize: number;
  /** iscd_stat_cls_code: 51 관리, 52 투자위험, 53 투자경고, 54 투자주의, 55 신용가능, 57 증거금100%, 58 거래정지, 59 단기과열. */
  statusCode: string;
  halted: boolean;
  viCode: string;
  marginRate: number;
  marketName: string;
  sectorName: string;
  high52w: number;
  low52w: number;
  per: number;
  pbr: number;
  eps: number;
  bps: number;
}

export interface BookLevel {
  price: number;
  qty: number;
  /** 잔량 증감. */
  change: number;
}

export interface OrderBook {
  symbol: string;
  market: QuoteMarket;
  /** 호가접수시간 HHMMSS. */
  time: Hms;
  /** Best first; levels with price 0 are omitted. */
  asks: BookLevel[];
  bids: BookLevel[];
  totalAskQty: number;
  totalBidQty: number;
  /** Expected match (auction) — null when KIS reports no expected price. */
  expected: { price: number; qty: number; change: number; sign: ChangeSign | ''; changeRate: number } | null;
  last: number;
  basePrice: number;
}

export interface DailyBar {
  date: Ymd;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
}

export interface MinuteBar {
  date: Ymd;
  /** The bar's minute, HHMMSS. */
  time: Hms;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Shares traded in this minute (cntg_vol). */
  volume: number;
  /** 누적 거래대금: the day's turnover up to and including this bar (KIS acml_tr_pbmn is cumulative). */
  cumulativeTurnover: number;
}

// ── Market info ─────────────────────────────────────────────────────────────────────────────────────

export interface CalendarDay {
  date: Ymd;
  /** 1 = Sunday … 7 = Saturday (wday_dvsn_cd). */
  weekday: number;
  businessDay: boolean;
  tradingDay: boolean;
  /** opnd_yn: the flag that decides whether orders are possible. */
  open: boolean;
  settlementDay: boolean;
}

export interface HolidayCalendar {
  days: CalendarDay[];
  /** 'kis' = chk-holiday answered; 'fallback' = bundled calendar (paper, or KIS failed). */
  source: 'kis' | 'fallback';
}

export interface StockInfo {
  symbol: string;
  /** cptt_trad_tr_psbl_yn. null = unknown (paper, or the lookup failed): treat as KRX only. */
  nxtTradable: boolean | null;
  nxtHalted: boolean;
  halted: boolean;
  administrative: boolean;
  source: 'kis' | 'unknown';
}
