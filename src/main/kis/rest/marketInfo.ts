/**
 * chk-holiday and search-stock-info (kis-api.md §4.11, §4.12): real-only TRs with per-day caches.
 * chk-holiday: at most one successful call per KST day ("가급적 1일 1회 호출"); paper or failure → the bundled
 * calendar. search-stock-info: per symbol per day; paper or failure → NXT unknown, i.e. KRX only.
 */
import { calendarDays } from '../../../shared/market/calendar';
import { isKisError } from '../errors';
import type { Priority } from '../limiter';
import { holidaysPageSchema, stockInfoSchema } from '../schemas/market';
import { parseKis } from '../schemas/parse';
import { kstYmd } from '../timing';
import type { CalendarDay, HolidayCalendar, StockInfo } from '../types';
import type { RestContext } from './context';
import { CTX_HOLIDAY, fetchAllPages } from './paging';
import { PATHS, TR } from './trs';

/** The bundled-calendar fallback: `days` calendar days from `fromYmd`. */
export type HolidayFallback = (fromYmd: string, days: number) => CalendarDay[];
export const bundledHolidayFallback: HolidayFallback = (fromYmd, days) => calendarDays(fromYmd, days);

const FALLBACK_DAYS = 60;
const FAILURE_RETRY_MS = 3600_000;
const STOCK_INFO_FAILURE_RETRY_MS = 5 * 60_000;

export class MarketInfo {
  private holidayCache: { day: string; value: HolidayCalendar } | null = null;
  private holidayFailedAt: number | null = null;
  private holidayInflight: Promise<HolidayCalendar> | null = null;
  private readonly stockInfoCache = new Map<string, { day: string; value: StockInfo }>();
  private readonly stockInfoFailedAt = new Map<string, number>();

  constructor(
    private readonly ctx: RestContext,
    private readonly fallback: HolidayFallback = bundledHolidayFallback,
  ) {}

  /** The trading calendar from today (KST) on. */
  holidays(opts: { priority?: Priority } = {}): Promise<HolidayCalendar> {
    const now = this.ctx.clock.now();
    const today = kstYmd(now);
    if (this.holidayCache?.day === today) return Promise.resolve(this.holidayCache.value);
    const fallback = (): HolidayCalendar => ({ days: this.fallback(today, FALLBACK_DAYS), source: 'fallback' });
    if (this.ctx.env.paper) return Promise.resolve(fallback());
    if (this.holidayFailedAt !== null && now - this.holidayFailedAt < FAILURE_RETRY_MS) return Promise.resolve(fallback());
    this.holidayInflight ??= this.fetchHolidays(today, opts.priority ?? 'background', fallback).finally(() => {
      this.holidayInflight = null;
    });
    return this.holidayInflight;
  }

  private async fetchHolidays(today: string, priority: Priority, fallback: () => HolidayCalendar): Promise<HolidayCalendar> {
    try {
      const pages = await fetchAllPages(
        this.ctx.caller,
        { method: 'GET', path: PATHS.holidays, trId: TR.holidays, query: { BASS_DT: today }, priority, kind: 'read' },
        CTX_HOLIDAY,
      );
      const days = pages.flatMap((p) => parseKis(holidaysPageSchema, p.body, TR.holidays).output);
      if (days.length === 0) throw new Error('chk-holiday returned no days');
      const value: HolidayCalendar = { days, source: 'kis' };
      this.holidayCache = { day: today, value };
      this.holidayFailedAt = null;
      return value;
    } catch (e) {
      this.holidayFailedAt = this.ctx.clock.now();
      this.ctx.logger.warn('chk-holiday failed; using the bundled calendar', { error: describe(e) });
      return fallback();
    }
  }

  async stockInfo(symbol: string, opts: { priority?: Priority } = {}): Promise<StockInfo> {
    const unknown: StockInfo = { symbol, nxtTradable: null, nxtHalted: false, halted: false, administrative: false, source: 'unknown' };
    if (this.ctx.env.paper) return unknown;
    const now = this.ctx.clock.now();
    const today = kstYmd(now);
    const cached = this.stockInfoCache.get(symbol);
    if (cached?.day === today) return cached.value;
    const failedAt = this.stockInfoFailedAt.get(symbol);
    if (failedAt !== undefined && now - failedAt < STOCK_INFO_FAILURE_RETRY_MS) return unknown;
    try {
      const r = await this.ctx.caller.call({
        method: 'GET',
        path: PATHS.stockInfo,
        trId: TR.stockInfo,
        // kis-api.md §4.12 DECISION (UNVERIFIED params): PRDT_TYPE_CD=300 (주식), PDNO=<code>.
        query: { PRDT_TYPE_CD: '300', PDNO: symbol },
        priority: opts.priority ?? 'background',
        kind: 'read',
      });
      const o = parseKis(stockInfoSchema, r.body, TR.stockInfo).output;
      const flag = o.cptt_trad_tr_psbl_yn.trim().toUpperCase();
      const value: StockInfo = {
        symbol,
        nxtTradable: flag === 'Y' ? true : flag === 'N' ? false : null,
        nxtHalted: o.nxt_tr_stop_yn,
        halted: o.tr_stop_yn,
        administrative: o.admn_item_yn,
        source: 'kis',
      };
      this.stockInfoCache.set(symbol, { day: today, value });
      this.stockInfoFailedAt.delete(symbol);
      return value;
    } catch (e) {
      this.stockInfoFailedAt.set(symbol, now);
      this.ctx.logger.warn('search-stock-info failed; treating NXT eligibility as unknown (KRX only)', { symbol, error: describe(e) });
      return unknown;
    }
  }
}

function describe(e: unknown): string {
  return isKisError(e) ? `${e.kind} ${e.msgCd}`.trim() : e instanceof Error ? e.message : String(e);
}
