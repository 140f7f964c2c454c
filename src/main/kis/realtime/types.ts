/**
 * Public types of the KIS realtime (WebSocket) client: the typed records the frame parser produces and
 * the small seams the client depends on. Field numbers in comments are kis-api.md §7 numbering (1-based).
 */

/**
 * Where the approval key comes from. The REST/auth half of src/main/kis implements this; kept minimal so
 * the realtime half depends on nothing else of it.
 */
export interface ApprovalKeyProvider {
  /** A valid approval key for this environment (cached by the provider, reused while < 24 h old). */
  get(): Promise<string>;
  /**
   * The server said the key is not found (OPSP0011): forget it so the next get() issues a new one. `rejected`
   * is the key that failed, so a provider can ignore a stale report about a key it already replaced.
   */
  invalidate(rejected?: string): Promise<void>;
}

/** Quote venue of a realtime TR: KRX (H0ST…), NXT (H0NX…) or 통합 (H0UN…). */
export type QuoteVenue = 'KRX' | 'NXT' | 'UN';
/** Venue of an order from ORD_EXG_GB: 1 KRX, 2 NXT, 3 SOR routed to KRX, 4 SOR routed to NXT. */
export type NoticeVenue = 'KRX' | 'NXT' | 'SOR-KRX' | 'SOR-NXT';

/** One trade print (H0STCNT0 / H0NXCNT0 / H0UNCNT0). Prices and quantities are integers (원 / shares). */
export interface Tick {
  venue: QuoteVenue;
  symbol: string; // 1 MKSC_SHRN_ISCD
  time: string; // 2 STCK_CNTG_HOUR, HHMMSS KST
  price: number; // 3 STCK_PRPR
  /** 4 PRDY_VRSS_SIGN: 1 상한, 2 상승, 3 보합, 4 하한, 5 하락 */
  sign: string;
  change: number; // 5 PRDY_VRSS (signed)
  changeRate: number; // 6 PRDY_CTRT, percent
  /** 7 WGHN_AVRG_STCK_PRC — an average, so it may carry decimals (not an amount of money). */
  vwap: number;
  open: number; // 8
  high: number; // 9
  low: number; // 10
  ask1: number; // 11 ASKP1
  bid1: number; // 12 BIDP1
  qty: number; // 13 CNTG_VOL
  cumVolume: number; // 14 ACML_VOL
  cumTurnover: number; // 15 ACML_TR_PBMN (원, < 2^53)
  /** 22 CCLD_DVSN (KRX) / CNTG_CLS_CODE (NX/UN): 1 매수(+), 3 장전, 5 매도(-). Raw code. */
  side: string;
  bsopDate: string; // 34 BSOP_DATE, YYYYMMDD
  newMkopClsCode: string; // 35 NEW_MKOP_CLS_CODE, 2 chars
  trhtYn: string; // 36 TRHT_YN, Y = halted
  hourClsCode: string; // 44 HOUR_CLS_CODE
  viStndPrc: number; // 46 VI_STND_PRC
  /** 47 MARKET_CLS_CODE (2026-09 regime): 1 프리, 2 정규, 3 애프터, 5 종가. Undefined when the record has 46 fields. */
  marketClsCode?: string;
  /** Fields past the known layout, raw (a future KIS extension), or undefined. */
  extra?: string[];
}

export interface BookLevel {
  price: number;
  qty: number;
}

/** Ten-level order book (H0STASP0 59(+1) / H0NXASP0, H0UNASP0 65(+1)). */
export interface Book {
  venue: QuoteVenue;
  symbol: string; // 1
  time: string; // 2 BSOP_HOUR
  hourClsCode: string; // 3
  asks: BookLevel[]; // 4-13 prices, 24-33 qty; best first
  bids: BookLevel[]; // 14-23 prices, 34-43 qty; best first
  totalAskQty: number; // 44
  totalBidQty: number; // 45
  overtimeTotalAskQty: number; // 46
  overtimeTotalBidQty: number; // 47
  expectedPrice: number; // 48 ANTC_CNPR
  expectedQty: number; // 49 ANTC_CNQN
  expectedVolume: number; // 50 ANTC_VOL
  expectedChange: number; // 51 ANTC_CNTG_VRSS
  expectedSign: string; // 52
  expectedChangeRate: number; // 53
  cumVolume: number; // 54 ACML_VOL
  dealClsCode: string; // 59 STCK_DEAL_CLS_CODE
  /** NX/UN only (fields 60-65): KRX and NXT mid prices. */
  kmid?: { price: number; totalQty: number; clsCode: string };
  nmid?: { price: number; totalQty: number; clsCode: string };
  extra?: string[];
}

/**
 * An execution or acceptance notice (H0STCNI0 real / H0STCNI9 paper, 26 fields, §7.4).
 * `qty`/`price` follow the DECISION: acceptance (CNTG_YN=1) → ODER_QTY (17) / ODER_PRC (26);
 * fill (CNTG_YN=2) → CNTG_QTY (10) / CNTG_UNPR (11). The raw 10/11 values stay available.
 * Contains the account number, HTS ID and holder name: never log one of these objects.
 */
export interface ExecutionNotice {
  trId: string;
  htsId: string; // 1 CUST_ID
  account: string; // 2 ACNT_NO
  orderNo: string; // 3 ODER_NO
  originalOrderNo: string; // 4 OODER_NO
  side: 'buy' | 'sell' | 'unknown'; // 5 SELN_BYOV_CLS 01 매도 / 02 매수
  /** 6 RCTF_CLS: 0 정상, 1 정정, 2 취소 */
  rctf: '0' | '1' | '2';
  ordDvsn: string; // 7 ODER_KIND
  /** 8 ODER_COND: 0 없음, 1 IOC, 2 FOK */
  cond: string;
  symbol: string; // 9
  kind: 'acceptance' | 'fill'; // 14 CNTG_YN 1 / 2
  qty: number; // see above
  price: number; // see above
  reportedQty: number; // 10 CNTG_QTY raw
  reportedPrice: number; // 11 CNTG_UNPR raw
  time: string; // 12 HHMMSS
  refused: boolean; // 13 RFUS_YN = 1
  /** 15 ACPT_YN: 1 주문접수, 2 확인, 3 취소(FOK/IOC) */
  acptYn: string;
  branch: string; // 16 BRNC_NO
  orderQty: number; // 17 ODER_QTY
  accountName: string; // 18 ACNT_NAME — personal data, never log
  condPrice: number; // 19 ORD_COND_PRC
  venue: NoticeVenue | null; // 20 ORD_EXG_GB (null when blank/unknown)
  name: string; // 25 CNTG_ISNM40
  orderPrice: number; // 26 ODER_PRC
  extra?: string[];
}

/** Connection states surfaced to the app. `blocked` = stopped for a reason a retry cannot fix. */
export type RealtimeState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'blocked';
export type BlockedReason = 'appkey-in-use' | 'invalid-appkey' | 'approval-rejected';
