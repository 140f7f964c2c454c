/**
 * The bundled KRX holiday calendar, 2025–2027 — the FALLBACK calendar.
 *
 * On a real account `chk-holiday` (CTCA0903R, `opnd_yn`) is authoritative (kis-api.md §4.11); this table is what
 * paper mode, the demo simulator and any failure path use. It lists weekday closures only (weekends are always
 * closed): Korean public holidays incl. lunar 설날/추석/부처님오신날 and 대체공휴일, election days known in advance,
 * 근로자의날 (5/1, KRX closed) and the 12/31 year-end closure. Dates outside 2025–2027 fall back to
 * "weekdays are trading days", which is why callers should prefer chk-holiday when they can.
 *
 * Not modelled: the late opening (10:00) on the first trading day of the year and on 수능 day.
 */
import { addDays, weekdayOf } from './time';

export interface Holiday {
  ymd: string;
  nameKo: string;
  nameEn: string;
}

const H = (ymd: string, nameKo: string, nameEn: string): Holiday => ({ ymd, nameKo, nameEn });

/** Weekday KRX closures. Weekend holidays are omitted (closed anyway); their 대체공휴일 are listed. */
export const KRX_HOLIDAYS: readonly Holiday[] = [
  // 2025
  H('20250101', '신정', "New Year's Day"),
  H('20250127', '임시공휴일', 'Temporary holiday'),
  H('20250128', '설날 연휴', 'Seollal holiday'),
  H('20250129', '설날', 'Seollal'),
  H('20250130', '설날 연휴', 'Seollal holiday'),
  H('20250303', '대체공휴일(삼일절)', 'Substitute holiday (Independence Movement Day)'),
  H('20250501', '근로자의날', 'Labour Day (KRX closed)'),
  H('20250505', '어린이날·부처님오신날', "Children's Day / Buddha's Birthday"),
  H('20250506', '대체공휴일', 'Substitute holiday'),
  H('20250603', '제21대 대통령선거', 'Presidential election'),
  H('20250606', '현충일', 'Memorial Day'),
  H('20250815', '광복절', 'Liberation Day'),
  H('20251003', '개천절', 'National Foundation Day'),
  H('20251006', '추석', 'Chuseok'),
  H('20251007', '추석 연휴', 'Chuseok holiday'),
  H('20251008', '대체공휴일(추석)', 'Substitute holiday (Chuseok)'),
  H('20251009', '한글날', 'Hangul Day'),
  H('20251225', '성탄절', 'Christmas Day'),
  H('20251231', '연말 휴장일', 'Year-end closure'),
  // 2026
  H('20260101', '신정', "New Year's Day"),
  H('20260216', '설날 연휴', 'Seollal holiday'),
  H('20260217', '설날', 'Seollal'),
  H('20260218', '설날 연휴', 'Seollal holiday'),
  H('20260302', '대체공휴일(삼일절)', 'Substitute holiday (Independence Movement Day)'),
  H('20260501', '근로자의날', 'Labour Day (KRX closed)'),
  H('20260505', '어린이날', "Children's Day"),
  H('20260525', '대체공휴일(부처님오신날)', "Substitute holiday (Buddha's Birthday)"),
  H('20260603', '제9회 전국동시지방선거', 'Local elections'),
  H('20260817', '대체공휴일(광복절)', 'Substitute holiday (Liberation Day)'),
  H('20260924', '추석 연휴', 'Chuseok holiday'),
  H('20260925', '추석', 'Chuseok'),
  H('20261005', '대체공휴일(개천절)', 'Substitute holiday (National Foundation Day)'),
  H('20261009', '한글날', 'Hangul Day'),
  H('20261225', '성탄절', 'Christmas Day'),
  H('20261231', '연말 휴장일', 'Year-end closure'),
  // 2027
  H('20270101', '신정', "New Year's Day"),
  H('20270208', '설날 연휴', 'Seollal holiday'),
  H('20270209', '대체공휴일(설날)', 'Substitute holiday (Seollal)'),
  H('20270301', '삼일절', 'Independence Movement Day'),
  H('20270505', '어린이날', "Children's Day"),
  H('20270513', '부처님오신날', "Buddha's Birthday"),
  H('20270816', '대체공휴일(광복절)', 'Substitute holiday (Liberation Day)'),
  H('20270914', '추석 연휴', 'Chuseok holiday'),
  H('20270915', '추석', 'Chuseok'),
  H('20270916', '추석 연휴', 'Chuseok holiday'),
  H('20271004', '대체공휴일(개천절)', 'Substitute holiday (National Foundation Day)'),
  H('20271011', '대체공휴일(한글날)', 'Substitute holiday (Hangul Day)'),
  H('20271227', '대체공휴일(성탄절)', 'Substitute holiday (Christmas Day)'),
  H('20271231', '연말 휴장일', 'Year-end closure'),
];

/** First and last year the bundled table covers. */
export const CALENDAR_COVERAGE = { fromYear: 2025, toYear: 2027 } as const;

const holidayIndex = new Map(KRX_HOLIDAYS.map((h) => [h.ymd, h]));

/** A trading-day predicate, so callers can swap in chk-holiday answers or a simulator's configured calendar. */
export type TradingDayFn = (ymd: string) => boolean;

export function holidayOn(ymd: string): Holiday | undefined {
  return holidayIndex.get(ymd);
}

export function isWeekend(ymd: string): boolean {
  const wd = weekdayOf(ymd);
  return wd === 0 || wd === 6;
}

/** KRX open (개장일) on this date per the bundled fallback calendar. */
export function isTradingDay(ymd: string): boolean {
  return !isWeekend(ymd) && !holidayIndex.has(ymd);
}

/** The first trading day strictly after `ymd`. */
export function nextTradingDay(ymd: string, isOpen: TradingDayFn = isTradingDay): string {
  let d = addDays(ymd, 1);
  for (let i = 0; i < 40 && !isOpen(d); i++) d = addDays(d, 1);
  return d;
}

/** The last trading day strictly before `ymd`. */
export function prevTradingDay(ymd: string, isOpen: TradingDayFn = isTradingDay): string {
  let d = addDays(ymd, -1);
  for (let i = 0; i < 40 && !isOpen(d); i++) d = addDays(d, -1);
  return d;
}

/** `n` trading days after `ymd` (n ≥ 0; 0 = ymd itself). Used for T+2 settlement dates. */
export function addTradingDays(ymd: string, n: number, isOpen: TradingDayFn = isTradingDay): string {
  let d = ymd;
  for (let i = 0; i < n; i++) d = nextTradingDay(d, isOpen);
  return d;
}

/** Trading days in [fromYmd, toYmd], oldest first. */
export function tradingDaysBetween(fromYmd: string, toYmd: string, isOpen: TradingDayFn = isTradingDay): string[] {
  const out: string[] = [];
  for (let d = fromYmd; d <= toYmd; d = addDays(d, 1)) if (isOpen(d)) out.push(d);
  return out;
}

/** One chk-holiday-shaped row (bzdy_yn / tr_day_yn / opnd_yn / sttl_day_yn). */
export interface CalendarDay {
  date: string;
  /** 1 = Sunday … 7 = Saturday, as `wday_dvsn_cd` counts. */
  weekday: number;
  businessDay: boolean;
  tradingDay: boolean;
  open: boolean;
  settlementDay: boolean;
}

export function calendarDays(fromYmd: string, days: number, isOpen: TradingDayFn = isTradingDay): CalendarDay[] {
  const out: CalendarDay[] = [];
  let d = fromYmd;
  for (let i = 0; i < days; i++) {
    const open = isOpen(d);
    out.push({ date: d, weekday: weekdayOf(d) + 1, businessDay: open, tradingDay: open, open, settlementDay: open });
    d = addDays(d, 1);
  }
  return out;
}
