/** Quotations (kis-api.md §4.7–§4.10): price, book, daily bars, today's minute bars. */
import { KisInvalidRequestError } from '../errors';
import type { Priority } from '../limiter';
import { parseKis } from '../schemas/parse';
import { dailyChartSchema, minuteChartSchema, orderBookSchema, quoteSchema } from '../schemas/quotes';
import { addDaysYmd, kstHms } from '../timing';
import type { DailyBar, MinuteBar, OrderBook, Quote, QuoteMarket } from '../types';
import type { RestContext } from './context';
import { PATHS, TR } from './trs';

export interface QuoteOptions {
  /** 'J' KRX (default), 'NX' NXT, 'UN' 통합. Paper always sends 'J' (kis-api.md §4.7 DECISION). */
  market?: QuoteMarket;
  priority?: Priority;
}

const SYMBOL = /^[0-9A-Z]{6,7}$/;

function marketFor(ctx: RestContext, market: QuoteMarket | undefined): QuoteMarket {
  if (ctx.env.paper) return 'J';
  const m = market ?? 'J';
  if (m !== 'J' && m !== 'NX' && m !== 'UN') throw new KisInvalidRequestError(`unknown quote market ${String(m)}`);
  return m;
}

function checkSymbol(symbol: string, trId: string): void {
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) throw new KisInvalidRequestError('symbol must be a 6-digit code (ETN: Q + 6)', { trId });
}

export async function inquirePrice(ctx: RestContext, symbol: string, opts: QuoteOptions = {}): Promise<Quote> {
  const trId = TR.price;
  checkSymbol(symbol, trId);
  const market = marketFor(ctx, opts.market);
  const r = await ctx.caller.call({
    method: 'GET',
    path: PATHS.price,
    trId,
    query: { FID_COND_MRKT_DIV_CODE: market, FID_INPUT_ISCD: symbol },
    priority: opts.priority ?? 'live',
    kind: 'read',
  });
  const o = parseKis(quoteSchema, r.body, trId).output;
  return {
    symbol: o.stck_shrn_iscd.trim() || symbol,
    market,
    last: o.stck_prpr,
    change: o.prdy_vrss,
    sign: o.prdy_vrss_sign || '3',
    changeRate: o.prdy_ctrt,
    open: o.stck_oprc,
    high: o.stck_hgpr,
    low: o.stck_lwpr,
    volume: o.acml_vol,
    turnover: o.acml_tr_pbmn,
    upperLimit: o.stck_mxpr,
    lowerLimit: o.stck_llam,
    basePrice: o.stck_sdpr,
    tickSize: o.aspr_unit,
    statusCode: o.iscd_stat_cls_code.trim(),
    halted: o.temp_stop_yn || o.iscd_stat_cls_code.trim() === '58',
    viCode: o.vi_cls_code.trim(),
    marginRate: o.marg_rate,
    marketName: o.rprs_mrkt_kor_name,
    sectorName: o.bstp_kor_isnm,
    high52w: o.w52_hgpr,
    low52w: o.w52_lwpr,
    per: o.per,
    pbr: o.pbr,
    eps: o.eps,
    bps: o.bps,
  };
}

export async function askingPrice(ctx: RestContext, symbol: string, opts: QuoteOptions = {}): Promise<OrderBook> {
  const trId = TR.askingPrice;
  checkSymbol(symbol, trId);
  const market = marketFor(ctx, opts.market);
  const r = await ctx.caller.call({
    method: 'GET',
    path: PATHS.askingPrice,
    trId,
    query: { FID_COND_MRKT_DIV_CODE: market, FID_INPUT_ISCD: symbol },
    priority: opts.priority ?? 'live',
    kind: 'read',
  });
  const parsed = parseKis(orderBookSchema, r.body, trId);
  const e = parsed.output2;
  return {
    symbol,
    market,
    time: parsed.output1.time,
    asks: parsed.output1.asks,
    bids: parsed.output1.bids,
    totalAskQty: parsed.output1.totalAskQty,
    totalBidQty: parsed.output1.totalBidQty,
    expected:
      e && e.antc_cnpr > 0
        ? { price: e.antc_cnpr, qty: e.antc_vol, change: e.antc_cntg_vrss, sign: e.antc_cntg_vrss_sign, changeRate: e.antc_cntg_prdy_ctrt }
        : null,
    last: e?.stck_prpr ?? 0,
    basePrice: e?.stck_sdpr ?? 0,
  };
}

export interface DailyChartQuery extends QuoteOptions {
  from: string;
  to: string;
  /** D/W/M/Y; default D. */
  period?: 'D' | 'W' | 'M' | 'Y';
  /** 수정주가 (default true). */
  adjusted?: boolean;
}

/** One call: at most 100 bars (KIS's cap), oldest first. Use dailyChartRange to cover a longer window. */
export async function dailyChart(ctx: RestContext, symbol: string, q: DailyChartQuery): Promise<DailyBar[]> {
  const trId = TR.dailyChart;
  checkSymbol(symbol, trId);
  if (!/^\d{8}$/.test(q.from) || !/^\d{8}$/.test(q.to) || q.from > q.to)
    throw new KisInvalidRequestError('from/to must be YYYYMMDD with from ≤ to', { trId });
  const r = await ctx.caller.call({
    method: 'GET',
    path: PATHS.dailyChart,
    trId,
    query: {
      FID_COND_MRKT_DIV_CODE: marketFor(ctx, q.market),
      FID_INPUT_ISCD: symbol,
      FID_INPUT_DATE_1: q.from,
      FID_INPUT_DATE_2: q.to,
      FID_PERIOD_DIV_CODE: q.period ?? 'D',
      FID_ORG_ADJ_PRC: q.adjusted === false ? '1' : '0',
    },
    priority: q.priority ?? 'background',
    kind: 'read',
  });
  // kis-api.md §4.9 DECISION: row order is not documented; sort by date and drop duplicates.
  return sortUnique(parseKis(dailyChartSchema, r.body, trId).output2, (b) => b.date);
}

/** Daily bars over [from, to] of any length: moves the window back 100 bars at a time (≤ 50 calls). */
export async function dailyChartRange(ctx: RestContext, symbol: string, q: DailyChartQuery): Promise<DailyBar[]> {
  const all: DailyBar[] = [];
  let to = q.to;
  for (let i = 0; i < 50 && to >= q.from; i++) {
    const bars = await dailyChart(ctx, symbol, { ...q, to });
    all.push(...bars);
    if (bars.length < 100) break;
    to = addDaysYmd(bars[0]!.date, -1);
  }
  return sortUnique(all, (b) => b.date);
}

export interface MinuteChartQuery extends QuoteOptions {
  /** Latest minute wanted, HHMMSS (default: now, KST). */
  until?: string;
  /** Keep stepping back (30 bars per call) until this minute is covered; default: one call only. */
  since?: string;
  /** FID_PW_DATA_INCU_YN (과거데이터포함), default false. */
  includePast?: boolean;
}

/** Today's minute bars, oldest first. The newest bar is provisional (the stream updates it). */
export async function minuteChart(ctx: RestContext, symbol: string, q: MinuteChartQuery = {}): Promise<MinuteBar[]> {
  const trId = TR.minuteChart;
  checkSymbol(symbol, trId);
  let until = q.until ?? kstHms(ctx.clock.now());
  if (!/^\d{6}$/.test(until) || (q.since !== undefined && !/^\d{6}$/.test(q.since)))
    throw new KisInvalidRequestError('times must be HHMMSS', { trId });
  const all: MinuteBar[] = [];
  for (let i = 0; i < 50; i++) {
    const r = await ctx.caller.call({
      method: 'GET',
      path: PATHS.minuteChart,
      trId,
      query: {
        FID_ETC_CLS_CODE: '',
        FID_COND_MRKT_DIV_CODE: marketFor(ctx, q.market),
        FID_INPUT_ISCD: symbol,
        FID_INPUT_HOUR_1: until,
        FID_PW_DATA_INCU_YN: q.includePast ? 'Y' : 'N',
      },
      priority: q.priority ?? 'background',
      kind: 'read',
    });
    const bars = parseKis(minuteChartSchema, r.body, trId).output2;
    all.push(...bars);
    if (q.since === undefined || bars.length < 30) break;
    const earliest = bars.reduce((m, b) => (b.time < m ? b.time : m), bars[0]!.time);
    if (earliest <= q.since) break;
    until = minuteBefore(earliest);
    if (until === '') break;
  }
  const sorted = sortUnique(all, (b) => b.date + b.time);
  return q.since === undefined ? sorted : sorted.filter((b) => b.time >= q.since!);
}

function minuteBefore(hhmmss: string): string {
  const mins = Number(hhmmss.slice(0, 2)) * 60 + Number(hhmmss.slice(2, 4)) - 1;
  if (mins < 0) return '';
  return `${String(Math.floor(mins / 60)).padStart(2, '0')}${String(mins % 60).padStart(2, '0')}00`;
}

function sortUnique<T>(rows: T[], key: (r: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const r of rows) byKey.set(key(r), r);
  return [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
}
