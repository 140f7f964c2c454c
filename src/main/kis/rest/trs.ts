/**
 * Paths and the NEW TR IDs (kis-api.md §4.0 DECISION: new IDs only). Paper twins follow the official helper's
 * rule: a real TR starting with T/J/C becomes V…; FHK… quotation TRs are shared; some TRs are real-only.
 */
import { KisInvalidRequestError } from '../errors';

const TRADING = '/uapi/domestic-stock/v1/trading';
const QUOTES = '/uapi/domestic-stock/v1/quotations';

export const PATHS = {
  orderCash: `${TRADING}/order-cash`,
  orderModifyCancel: `${TRADING}/order-rvsecncl`,
  balance: `${TRADING}/inquire-balance`,
  orderable: `${TRADING}/inquire-psbl-order`,
  modifiable: `${TRADING}/inquire-psbl-rvsecncl`,
  dailyOrders: `${TRADING}/inquire-daily-ccld`,
  price: `${QUOTES}/inquire-price`,
  askingPrice: `${QUOTES}/inquire-asking-price-exp-ccn`,
  dailyChart: `${QUOTES}/inquire-daily-itemchartprice`,
  minuteChart: `${QUOTES}/inquire-time-itemchartprice`,
  holidays: `${QUOTES}/chk-holiday`,
  stockInfo: `${QUOTES}/search-stock-info`,
} as const;

/** Real-environment TR IDs. */
export const TR = {
  sell: 'TTTC0011U',
  buy: 'TTTC0012U',
  modifyCancel: 'TTTC0013U',
  balance: 'TTTC8434R',
  orderable: 'TTTC8908R',
  modifiable: 'TTTC0084R', // real only
  dailyOrdersRecent: 'TTTC0081R', // ≤ 3 months
  dailyOrdersOld: 'CTSC9215R', // > 3 months
  price: 'FHKST01010100',
  askingPrice: 'FHKST01010200',
  dailyChart: 'FHKST03010100',
  minuteChart: 'FHKST03010200',
  holidays: 'CTCA0903R', // real only
  stockInfo: 'CTPF1002R', // real only
} as const;

const REAL_ONLY: ReadonlySet<string> = new Set([TR.modifiable, TR.holidays, TR.stockInfo]);

/** The TR ID to send in this environment; a real-only TR on paper is refused before anything is sent. */
export function trFor(realTr: string, paper: boolean): string {
  if (!paper) return realTr;
  if (REAL_ONLY.has(realTr)) throw new KisInvalidRequestError(`${realTr} is not available on paper (모의투자 미지원)`, { trId: realTr });
  return /^[TJC]/.test(realTr) ? `V${realTr.slice(1)}` : realTr;
}
