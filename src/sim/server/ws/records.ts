/**
 * Realtime market-data records (kis-api.md §7.1–§7.3), field order verbatim:
 *   H0STCNT0 / H0NXCNT0 / H0UNCNT0  46 fields, +MARKET_CLS_CODE (47) in the 2026-09 regime
 *   H0STASP0                        59 fields, +MARKET_CLS_CODE (60) in the 2026-09 regime
 *   H0NXASP0 / H0UNASP0             65 fields (+ KRX/NXT mid), H0UNASP0 +ANTC_EXCH_CLS_CODE (66) in 2026-09
 *   H0STANC0 45 / H0NXANC0, H0UNANC0 46 (expected match during auctions)
 * All values are strings; numbers in plain decimal, rates with two decimals.
 */
import type { Book, Quote, Regime, Trade } from '../../exchange/types';

export function rate2(n: number): string {
  if (!Number.isFinite(n)) return '0.00';
  const s = n.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** 2 상승 / 3 보합 / 5 하락 for a difference (the 상한/하한 signs only exist against the previous close). */
export function diffSign(diff: number): string {
  return diff > 0 ? '2' : diff < 0 ? '5' : '3';
}

/** NEW_MKOP_CLS_CODE from the trade's market class: 1st char 1 장개시전 / 2 장중 / 3 장종료후, 2nd 0 보통 / 1 종가. */
export function mkopCode(marketClass: Trade['marketClass']): string {
  switch (marketClass) {
    case '1':
      return '10';
    case '3':
      return '30';
    case '5':
      return '21';
    default:
      return '20';
  }
}

export interface TickInput {
  trade: Pick<Trade, 'symbol' | 'price' | 'qty' | 'aggressor' | 'time' | 'marketClass'>;
  /** Day statistics after the trade (for UN: the integrated quote). */
  quote: Quote;
  book: Book | undefined;
  hms: string; // trade time HHMMSS KST
  date: string; // YYYYMMDD
  listedShares: number;
  prevDayVolume: number;
  /** Share of the trading day elapsed (0..1) for 전일 동시간 누적거래량. */
  dayFraction: number;
  hourCls: string; // HOUR_CLS_CODE: '0' 장중, 'A' 장후예상, 'B' 장전예상
}

/** The 46 legacy fields common to the *CNT0 TRs (field 22 is CCLD_DVSN / CNTG_CLS_CODE, same values). */
export function tradeFields(x: TickInput): string[] {
  const q = x.quote;
  const t = x.trade;
  const buyVol = q.buyTradeVolume;
  const sellVol = q.sellTradeVolume;
  const sameHourPrev = Math.round(x.prevDayVolume * Math.min(1, Math.max(0, x.dayFraction)));
  const open = q.open || t.price;
  const high = q.high || t.price;
  const low = q.low || t.price;
  return [
    t.symbol, // 01 MKSC_SHRN_ISCD
    x.hms, // 02 STCK_CNTG_HOUR
    String(t.price), // 03 STCK_PRPR
    q.sign, // 04 PRDY_VRSS_SIGN
    String(q.change), // 05 PRDY_VRSS
    rate2(q.changeRate), // 06 PRDY_CTRT
    rate2(q.vwap), // 07 WGHN_AVRG_STCK_PRC
    String(open), // 08 STCK_OPRC
    String(high), // 09 STCK_HGPR
    String(low), // 10 STCK_LWPR
    String(q.bestAsk), // 11 ASKP1
    String(q.bestBid), // 12 BIDP1
    String(t.qty), // 13 CNTG_VOL
    String(q.volume), // 14 ACML_VOL
    String(q.turnover), // 15 ACML_TR_PBMN
    String(q.sellTradeCount), // 16 SELN_CNTG_CSNU
    String(q.buyTradeCount), // 17 SHNU_CNTG_CSNU
    String(q.buyTradeCount - q.sellTradeCount), // 18 NTBY_CNTG_CSNU
    rate2(sellVol > 0 ? (buyVol / sellVol) * 100 : 0), // 19 CTTR
    String(sellVol), // 20 SELN_CNTG_SMTN
    String(buyVol), // 21 SHNU_CNTG_SMTN
    t.aggressor === 'buy' ? '1' : '5', // 22 CCLD_DVSN
    rate2(buyVol + sellVol > 0 ? (buyVol / (buyVol + sellVol)) * 100 : 0), // 23 SHNU_RATE
    rate2(x.prevDayVolume > 0 ? (q.volume / x.prevDayVolume) * 100 : 0), // 24 PRDY_VOL_VRSS_ACML_VOL_RATE
    q.openTime, // 25 OPRC_HOUR
    diffSign(t.price - open), // 26 OPRC_VRSS_PRPR_SIGN
    String(t.price - open), // 27 OPRC_VRSS_PRPR
    q.highTime, // 28 HGPR_HOUR
    diffSign(t.price - high), // 29 HGPR_VRSS_PRPR_SIGN
    String(t.price - high), // 30 HGPR_VRSS_PRPR
    q.lowTime, // 31 LWPR_HOUR
    diffSign(t.price - low), // 32 LWPR_VRSS_PRPR_SIGN
    String(t.price - low), // 33 LWPR_VRSS_PRPR
    x.date, // 34 BSOP_DATE
    mkopCode(t.marketClass), // 35 NEW_MKOP_CLS_CODE
    q.halted ? 'Y' : 'N', // 36 TRHT_YN
    String(x.book?.asks[0]?.qty ?? 0), // 37 ASKP_RSQN1
    String(x.book?.bids[0]?.qty ?? 0), // 38 BIDP_RSQN1
    String(x.book?.totalAskQty ?? 0), // 39 TOTAL_ASKP_RSQN
    String(x.book?.totalBidQty ?? 0), // 40 TOTAL_BIDP_RSQN
    rate2(x.listedShares > 0 ? (q.volume / x.listedShares) * 100 : 0), // 41 VOL_TNRT
    String(sameHourPrev), // 42 PRDY_SMNS_HOUR_ACML_VOL
    rate2(sameHourPrev > 0 ? (q.volume / sameHourPrev) * 100 : 0), // 43 PRDY_SMNS_HOUR_ACML_VOL_RATE
    x.hourCls, // 44 HOUR_CLS_CODE
    '', // 45 MRKT_TRTM_CLS_CODE
    String(q.open || q.prevClose), // 46 VI_STND_PRC
  ];
}

/** H0STCNT0 / H0NXCNT0 / H0UNCNT0 record: 46 fields, 47 with MARKET_CLS_CODE in the 2026-09 regime. */
export function tradeRecord(x: TickInput, regime: Regime): string {
  const f = tradeFields(x);
  if (regime === '2026-09') f.push(x.trade.marketClass);
  return f.join('^');
}

/** H0STANC0 (45 fields) / H0NXANC0, H0UNANC0 (46, with VI_STND_PRC): the expected match as a pseudo-trade. */
export function expectedRecord(x: TickInput, withViPrice: boolean): string {
  const f = tradeFields(x);
  return (withViPrice ? f : f.slice(0, 45)).join('^');
}

export interface BookInput {
  book: Book;
  quote: Quote | undefined;
  hms: string;
  hourCls: string;
  /** Previous totals of this book, for the *_ICDC fields. */
  prevTotals: { ask: number; bid: number } | undefined;
  marketClass: Trade['marketClass'];
}

/** The 59 fields of H0STASP0 (and the first 59 of the NX/UN books). */
export function bookFields(x: BookInput): string[] {
  const b = x.book;
  const f: string[] = [b.symbol, x.hms, x.hourCls];
  for (let i = 0; i < 10; i++) f.push(String(b.asks[i]?.price ?? 0));
  for (let i = 0; i < 10; i++) f.push(String(b.bids[i]?.price ?? 0));
  for (let i = 0; i < 10; i++) f.push(String(b.asks[i]?.qty ?? 0));
  for (let i = 0; i < 10; i++) f.push(String(b.bids[i]?.qty ?? 0));
  const prevClose = x.quote?.prevClose ?? 0;
  const exp = b.expected;
  const expDiff = exp && prevClose ? exp.price - prevClose : 0;
  f.push(
    String(b.totalAskQty), // 44 TOTAL_ASKP_RSQN
    String(b.totalBidQty), // 45 TOTAL_BIDP_RSQN
    '0', // 46 OVTM_TOTAL_ASKP_RSQN
    '0', // 47 OVTM_TOTAL_BIDP_RSQN
    String(exp?.price ?? 0), // 48 ANTC_CNPR
    String(exp?.qty ?? 0), // 49 ANTC_CNQN
    String(exp?.qty ?? 0), // 50 ANTC_VOL
    String(expDiff), // 51 ANTC_CNTG_VRSS
    exp ? diffSign(expDiff) : '3', // 52 ANTC_CNTG_VRSS_SIGN
    rate2(exp && prevClose ? (expDiff / prevClose) * 100 : 0), // 53 ANTC_CNTG_PRDY_CTRT
    String(x.quote?.volume ?? 0), // 54 ACML_VOL
    String(x.prevTotals ? b.totalAskQty - x.prevTotals.ask : 0), // 55 TOTAL_ASKP_RSQN_ICDC
    String(x.prevTotals ? b.totalBidQty - x.prevTotals.bid : 0), // 56 TOTAL_BIDP_RSQN_ICDC
    '0', // 57 OVTM_TOTAL_ASKP_ICDC
    '0', // 58 OVTM_TOTAL_BIDP_ICDC
    '0', // 59 STCK_DEAL_CLS_CODE
  );
  return f;
}

/** H0STASP0: 59 fields, 60 (MARKET_CLS_CODE) in the 2026-09 regime. */
export function krxBookRecord(x: BookInput, regime: Regime): string {
  const f = bookFields(x);
  if (regime === '2026-09') f.push(x.marketClass);
  return f.join('^');
}

export interface Mids {
  krx: { price: number; qty: number } | null;
  nxt: { price: number; qty: number } | null;
}

/** Mid-point of a book (중간가), whole won; null when one side is empty. */
export function midOf(book: Book | undefined): { price: number; qty: number } | null {
  const bid = book?.bids[0];
  const ask = book?.asks[0];
  if (!bid || !ask) return null;
  return { price: Math.floor((bid.price + ask.price) / 2), qty: 0 };
}

/** H0NXASP0 (65) / H0UNASP0 (65, 66 with ANTC_EXCH_CLS_CODE in the 2026-09 regime). */
export function midBookRecord(x: BookInput, mids: Mids, unified: boolean, regime: Regime): string {
  const f = bookFields(x);
  f.push(
    String(mids.krx?.price ?? 0), // 60 KMID_PRC
    String(mids.krx?.qty ?? 0), // 61 KMID_TOTAL_RSQN
    mids.krx ? '1' : '0', // 62 KMID_CLS_CODE
    String(mids.nxt?.price ?? 0), // 63 NMID_PRC
    String(mids.nxt?.qty ?? 0), // 64 NMID_TOTAL_RSQN
    mids.nxt ? '1' : '0', // 65 NMID_CLS_CODE
  );
  if (unified && regime === '2026-09') f.push(x.book.expected ? (x.book.venue === 'NXT' ? '2' : '1') : ''); // 66 ANTC_EXCH_CLS_CODE
  return f.join('^');
}

/** `0|TR|NNN|rec^rec…` — records packed back to back with '^'. */
export function dataFrame(trId: string, records: string[]): string {
  return `0|${trId}|${String(records.length).padStart(3, '0')}|${records.join('^')}`;
}
