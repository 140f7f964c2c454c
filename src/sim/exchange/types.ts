/**
 * The seam between the simulator's exchange (synthetic market, books, matching, accounts = the ledger)
 * and its protocol server (KIS REST + WebSocket wire formats, auth, rate limits, faults).
 *
 * The exchange speaks in domain terms (numbers are integers in 원 / shares); the server turns them into
 * KIS's string-typed, oddly-cased wire bodies. Everything here is deterministic from (seed, fixture, clock).
 */

export type Venue = 'KRX' | 'NXT';
/** What an order asked for: a venue, or SOR (smart routing across KRX and NXT). */
export type OrderRoute = 'KRX' | 'NXT' | 'SOR';
export type Side = 'buy' | 'sell';
export type Personality = 'real' | 'paper';
export type Regime = 'legacy' | '2026-09';

export interface Instrument {
  code: string; // 6-digit ('005930'), ETN 'Q500001'
  isin: string;
  name: string; // 한글명
  nameEn: string;
  market: 'KOSPI' | 'KOSDAQ' | 'KONEX';
  /** ETF/ETN (5-won tick, no sell tax, not on the KRX after-market). */
  etp: boolean;
  /** NXT-tradable (cptt_trad_tr_psbl_yn). */
  nxtEligible: boolean;
  prevClose: number; // 전일종가
  basePrice: number; // 기준가 (usually = prevClose)
  upperLimit: number; // 상한가
  lowerLimit: number; // 하한가
  halted: boolean; // 거래정지 (KRX)
  nxtHalted: boolean;
  listedShares: number;
}

export interface BookLevel {
  price: number;
  qty: number;
}
export interface Book {
  symbol: string;
  venue: Venue;
  asks: BookLevel[]; // best first, up to 10
  bids: BookLevel[]; // best first, up to 10
  totalAskQty: number;
  totalBidQty: number;
  /** Expected match during an auction call, else null. */
  expected: { price: number; qty: number } | null;
  time: number; // epoch ms of last change
}

/** Running day statistics for one symbol on one venue (what inquire-price / H0STCNT0 report). */
export interface Quote {
  symbol: string;
  venue: Venue;
  last: number;
  open: number;
  high: number;
  low: number;
  volume: number; // cumulative shares today
  turnover: number; // cumulative 원 today
  prevClose: number;
  change: number; // last - prevClose
  changeRate: number; // percent, 2 decimals
  /** 1 상한 2 상승 3 보합 4 하한 5 하락 */
  sign: '1' | '2' | '3' | '4' | '5';
  vwap: number;
  bestAsk: number;
  bestBid: number;
  openTime: string; // HHMMSS of open, '' before
  highTime: string;
  lowTime: string;
  sellTradeCount: number;
  buyTradeCount: number;
  sellTradeVolume: number;
  buyTradeVolume: number;
  halted: boolean;
  time: number;
  /** ADDED: a static-VI 2-minute single-price call is running on this venue (vi_cls_code). */
  viActive?: boolean;
  /** ADDED: VI_STND_PRC (H0STCNT0 field 46) — the static VI reference price. */
  viReferencePrice?: number;
}

export interface Trade {
  symbol: string;
  venue: Venue;
  price: number;
  qty: number;
  /** Aggressor: 'buy' = 매수체결(+), 'sell' = 매도체결(-). */
  aggressor: Side;
  time: number;
  /** 1 프리, 2 정규, 3 애프터, 5 종가 — for the 2026-09 MARKET_CLS_CODE field. */
  marketClass: '1' | '2' | '3' | '5';
}

export interface DailyBar {
  date: string; // YYYYMMDD
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
}
export interface MinuteBar {
  date: string; // YYYYMMDD
  time: string; // HHMM00, the bar's minute
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
}

export interface OrderRequest {
  account: string; // 'NNNNNNNN-01'
  symbol: string;
  side: Side;
  ordDvsn: string; // '00', '01', … (kis-api.md §5)
  qty: number;
  price: number; // 0 for unpriced types
  route: OrderRoute;
  stopPrice?: number; // CNDT_PRIC for '22'
  /** Where it came from: the API, or a trade placed in the HTS/MTS behind the terminal's back. */
  channel?: 'api' | 'hts';
}

export interface ModifyRequest {
  account: string;
  originalOrderNo: string; // ORGN_ODNO
  orgNo: string; // KRX_FWDG_ORD_ORGNO, '' accepted
  kind: 'modify' | 'cancel';
  ordDvsn: string;
  qty: number; // 0 with all=true means the whole remainder
  all: boolean;
  price: number; // new price for modify, 0 for cancel
  route: OrderRoute;
  stopPrice?: number;
}

/** A rejection in KIS's own terms; the server turns it into the rt_cd/msg_cd/msg1 envelope. */
export interface Rejection {
  ok: false;
  msgCd: string; // 'APBK0952', 'SIMV0001', '40310000', …
  msg1: string;
}
export interface Accepted {
  ok: true;
  orderNo: string; // 10 digits
  orgNo: string; // 5 digits (KRX_FWDG_ORD_ORGNO)
  time: string; // HHMMSS KST
}

export type OrderState = 'open' | 'filled' | 'cancelled' | 'rejected';

export interface OrderRecord {
  orderNo: string;
  originalOrderNo: string; // '' for new orders
  orgNo: string;
  account: string;
  symbol: string;
  side: Side;
  ordDvsn: string;
  route: OrderRoute;
  qty: number;
  price: number;
  stopPrice: number;
  filledQty: number;
  filledAmount: number;
  cancelledQty: number;
  rejectedQty: number;
  remainingQty: number;
  state: OrderState;
  date: string; // YYYYMMDD
  time: string; // HHMMSS
  channel: 'api' | 'hts';
  /**
   * ADDED by the exchange: what this record is. 'modify'/'cancel' records are the requests of order-rvsecncl (their
   * own ODNO, `originalOrderNo` = ORGN_ODNO); a cancel record's qty is the cancelled quantity (cncl_yn 'Y').
   */
  kind?: 'new' | 'modify' | 'cancel';
  /** ADDED: venue the order rests on / last traded on ('' before it reached one), for excg_id_dvsn_cd of SOR orders. */
  venue?: Venue | '';
}

export interface Fill {
  /** Unique per fill: orderNo + sequence. */
  fillId: string;
  orderNo: string;
  account: string;
  symbol: string;
  side: Side;
  qty: number;
  price: number;
  venue: Venue;
  /** For SOR orders, which leg: 'SOR-KRX' / 'SOR-NXT'; else the venue. Maps to ORD_EXG_GB 1/2/3/4. */
  exchangeLeg: 'KRX' | 'NXT' | 'SOR-KRX' | 'SOR-NXT';
  fee: number; // 원, truncated
  tax: number; // 원, truncated (sells)
  time: number;
}

export interface Position {
  symbol: string;
  qty: number; // held
  sellableQty: number; // held minus open sell orders
  avgPrice: number; // cost / qty, may be fractional
  cost: number; // 원
  todayBuyQty: number;
  todaySellQty: number;
  prevBuyQty: number;
  prevSellQty: number;
}

export interface AccountState {
  account: string;
  htsId: string;
  holderName: string;
  cash: number; // 예수금 (D+0)
  cashD1: number;
  cashD2: number;
  /** Buying power reserved by open buy orders (qty × price, or × upper limit for unpriced, plus fees). */
  reserved: number;
  positions: Position[];
  todayBuyAmount: number;
  todaySellAmount: number;
  todayFeesAndTaxes: number;
  realizedPnlToday: number;
  prevTotalAssets: number;
}

/**
 * Order lifecycle notices, the source of H0STCNI0/H0STCNI9 frames (kis-api.md §7.4 sequence).
 * The server encrypts them per subscription; the exchange just says what happened.
 */
export interface OrderNotice {
  account: string;
  htsId: string;
  orderNo: string;
  originalOrderNo: string;
  side: Side;
  /** 0 정상, 1 정정, 2 취소 */
  rctf: '0' | '1' | '2';
  ordDvsn: string;
  /** 0 없음, 1 IOC, 2 FOK */
  cond: '0' | '1' | '2';
  symbol: string;
  name: string;
  /** Fill: this fill's qty/price. Acceptance: order qty/price. */
  qty: number;
  price: number;
  time: string; // HHMMSS
  refused: boolean; // RFUS_YN
  /** 1 = acceptance notice, 2 = fill notice */
  cntgYn: '1' | '2';
  /** 1 주문접수, 2 확인, 3 취소(FOK/IOC) */
  acptYn: '1' | '2' | '3';
  orderQty: number;
  orderPrice: number;
  stopPrice: number;
  /** 1 KRX, 2 NXT, 3 SOR-KRX, 4 SOR-NXT */
  exchangeCode: '1' | '2' | '3' | '4';
}

export interface ExchangeEvents {
  trade: (t: Trade, q: Quote) => void;
  book: (b: Book) => void;
  notice: (n: OrderNotice) => void;
}

export interface SimExchange {
  readonly personality: Personality;
  regime(): Regime;
  /** Today's trade date in KST, YYYYMMDD. */
  tradeDate(): string;
  isTradingDay(dateYmd: string): boolean;
  /** Holiday calendar rows for chk-holiday (real personality). */
  calendar(fromYmd: string, days: number): Array<{ date: string; weekday: number; businessDay: boolean; tradingDay: boolean; open: boolean; settlementDay: boolean }>;

  instruments(): Instrument[];
  instrument(code: string): Instrument | undefined;
  quote(symbol: string, venue: Venue | 'UN'): Quote | undefined;
  book(symbol: string, venue: Venue | 'UN'): Book | undefined;
  /** Oldest first (the wire wants newest first: reverse). Includes today's bar once today has traded. */
  dailyBars(symbol: string, venue: Venue | 'UN', fromYmd: string, toYmd: string, period: 'D' | 'W' | 'M' | 'Y'): DailyBar[];
  /** Today's minute bars up to and including the minute of `uptoHHMMSS`, oldest first. */
  minuteBars(symbol: string, venue: Venue | 'UN', uptoHHMMSS: string): MinuteBar[];

  placeOrder(req: OrderRequest): Accepted | Rejection;
  modifyOrder(req: ModifyRequest): Accepted | Rejection;

  account(account: string): AccountState | undefined;
  accountsForHtsId(htsId: string): string[];
  orders(account: string, fromYmd: string, toYmd: string): OrderRecord[];
  openOrders(account: string): OrderRecord[];
  fills(account: string, fromYmd?: string, toYmd?: string): Fill[];
  /** inquire-psbl-order: what a buy of `symbol` at `price` (0 = market → upper limit) can afford. */
  buyingPower(account: string, symbol: string, price: number, ordDvsn: string): { orderableCash: number; maxQtyNoCredit: number; maxAmountNoCredit: number; calcPrice: number };

  /** Advance the market to the clock's current time (matching, auctions, price paths, expiries). */
  advanceTo(epochMs: number): void;

  on<K extends keyof ExchangeEvents>(event: K, listener: ExchangeEvents[K]): () => void;

  /** Test/control surface: direct state changes that bypass the wire, for ledger-divergence scenarios. */
  control: {
    setCash(account: string, cash: number): void;
    setPosition(account: string, symbol: string, qty: number, avgPrice: number): void;
    /** An outside trade at a price on a venue (moves last price, crosses resting orders). */
    injectTrade(symbol: string, venue: Venue, price: number, qty: number): void;
    setHalted(symbol: string, venue: Venue, halted: boolean): void;
    /** Deliver the next exchange acceptance as a refusal (RFUS_YN=1). */
    refuseNextOrder(): void;
    /** ADDED: open another account (several may share one HTS ID). Positions at their average price. */
    addAccount(account: {
      account: string;
      htsId: string;
      holderName: string;
      cash: number;
      positions: Array<{ symbol: string; qty: number; avgPrice: number }>;
    }): void;
  };
}
