/**
 * KRX and NXT session calendars AS DATA, per regime (kis-api.md §9.1, §9.2), and the questions asked of them:
 * "what phase is this venue in now?" (`sessionAt`) and "may this ORD_DVSN go to this route now?" (`orderAllowed`,
 * the §5 venue matrix × the session applicability table).
 *
 * Times are KST seconds of day; windows are half-open [from, to): NXT's after-market accepts from 15:30:00 and
 * closes at 20:00:00 sharp.
 */
import { isTradingDay as bundledIsTradingDay, nextTradingDay, type TradingDayFn } from './calendar';
import { ordDvsnInfo, type OrderRoute, type OrderVenue, type OrderWindow } from './ordDvsn';
import { regimeFor, type Regime } from './regime';
import { kstDate, kstMidnight, kstSecondsOfDay } from './time';

export type SessionPhase =
  | 'closed'
  | 'preMarket'
  | 'preOpenAuction'
  | 'continuous'
  | 'closingAuction'
  | 'halt'
  | 'afterAcceptOnly'
  | 'afterHoursClose'
  | 'afterHoursSingle'
  | 'afterMarket';

/** MARKET_CLS_CODE of the 2026-09 realtime layouts: 1 프리, 2 정규, 3 애프터, 5 종가. */
export type MarketClass = '1' | '2' | '3' | '5';

export interface PhaseWindow {
  from: number;
  to: number;
  phase: SessionPhase;
  /** Orders of some kind are accepted (see orderWindows for which). */
  acceptsOrders: boolean;
  /** Orders match continuously on arrival (false in calls, halts and periodic single-price sessions). */
  matching: boolean;
  marketClass: MarketClass;
}

export interface SessionCalendar {
  venue: OrderVenue;
  regime: Regime;
  /** Non-overlapping, in time order; gaps are 'closed'. */
  phases: readonly PhaseWindow[];
  /** When each ORD_DVSN acceptance window (ordDvsn.ts `window`) is open. */
  orderWindows: Partial<Record<OrderWindow, ReadonlyArray<readonly [number, number]>>>;
}

export interface SessionOptions {
  /** Fix the regime; otherwise from the trade date (with `regimeOverride`). */
  regime?: Regime;
  regimeOverride?: Regime | null;
  /** Trading-day predicate; default = bundled fallback calendar (calendar.ts). */
  isTradingDay?: TradingDayFn;
  /** 2026-09 KRX pre-market 07:00–08:00 (UNVERIFIED whether live; default off). */
  krxPreMarket?: boolean;
  /** 2026-09 NXT 30-s single-price call after the morning halt (09:00:00–09:00:30); default on in 2026-09. */
  nxtPostHaltAuction?: boolean;
}

const hm = (h: number, m: number, s = 0): number => h * 3600 + m * 60 + s;

function w(from: number, to: number, phase: SessionPhase, acceptsOrders: boolean, matching: boolean, marketClass: MarketClass): PhaseWindow {
  return { from, to, phase, acceptsOrders, matching, marketClass };
}

const calendarCache = new Map<string, SessionCalendar>();

/** The session calendar of one venue in one regime (memoised: calendars are immutable data). */
export function sessionCalendar(venue: OrderVenue, regime: Regime, opts: SessionOptions = {}): SessionCalendar {
  const key = `${venue}|${regime}|${opts.krxPreMarket ? 1 : 0}|${opts.nxtPostHaltAuction === false ? 0 : 1}`;
  let cal = calendarCache.get(key);
  if (!cal) {
    cal = buildCalendar(venue, regime, opts);
    calendarCache.set(key, cal);
  }
  return cal;
}

function buildCalendar(venue: OrderVenue, regime: Regime, opts: SessionOptions): SessionCalendar {
  if (venue === 'KRX') {
    const phases: PhaseWindow[] = [];
    const regular: Array<[number, number]> = [];
    if (regime === '2026-09' && opts.krxPreMarket) {
      phases.push(w(hm(7, 0), hm(8, 0), 'preMarket', true, true, '1'));
      regular.push([hm(7, 0), hm(8, 0)]);
    }
    phases.push(
      w(hm(8, 30), hm(9, 0), 'preOpenAuction', true, false, '2'),
      w(hm(9, 0), hm(15, 20), 'continuous', true, true, '2'),
      w(hm(15, 20), hm(15, 30), 'closingAuction', true, false, '2'),
      w(hm(15, 40), hm(16, 0), 'afterHoursClose', true, true, '5'),
    );
    regular.push([hm(8, 30), hm(15, 30)]);
    const orderWindows: SessionCalendar['orderWindows'] = {
      regular,
      preHoursClose: [[hm(8, 30), hm(8, 40)]],
      postHoursClose: [[hm(15, 40), hm(16, 0)]],
    };
    if (regime === 'legacy') {
      phases.push(w(hm(16, 0), hm(18, 0), 'afterHoursSingle', true, false, '3'));
      orderWindows.afterHoursSingle = [[hm(16, 0), hm(18, 0)]];
    } else {
      phases.push(w(hm(16, 0), hm(20, 0), 'afterMarket', true, true, '3'));
      orderWindows.krxAfterMarket = [[hm(16, 0), hm(20, 0)]];
    }
    return { venue, regime, phases, orderWindows };
  }
  const postHaltAuction = regime === '2026-09' && (opts.nxtPostHaltAuction ?? true);
  const phases: PhaseWindow[] = [w(hm(8, 0), hm(8, 50), 'preMarket', true, true, '1')];
  const mainOpen = postHaltAuction ? hm(9, 0) : hm(9, 0, 30);
  if (postHaltAuction) {
    phases.push(w(hm(8, 50), hm(9, 0), 'halt', false, false, '1'));
    phases.push(w(hm(9, 0), hm(9, 0, 30), 'preOpenAuction', true, false, '2'));
  } else {
    phases.push(w(hm(8, 50), hm(9, 0, 30), 'halt', false, false, '1'));
  }
  phases.push(
    w(hm(9, 0, 30), hm(15, 20), 'continuous', true, true, '2'),
    w(hm(15, 20), hm(15, 30), 'halt', false, false, '2'),
    w(hm(15, 30), hm(15, 40), 'afterAcceptOnly', true, false, '3'),
    w(hm(15, 40), hm(20, 0), 'afterMarket', true, true, '3'),
  );
  const orderWindows: SessionCalendar['orderWindows'] = {
    regular: [
      [hm(8, 0), hm(8, 50)],
      [mainOpen, hm(15, 20)],
      [hm(15, 30), hm(20, 0)],
    ],
  };
  if (regime === '2026-09') orderWindows.nxtGtp = [[hm(8, 0), hm(8, 50)]];
  return { venue, regime, phases, orderWindows };
}

const PHASE_LABELS: Record<SessionPhase, { ko: string; en: string }> = {
  closed: { ko: '장 종료', en: 'Closed' },
  preMarket: { ko: '프리마켓', en: 'Pre-market' },
  preOpenAuction: { ko: '장 시작 동시호가', en: 'Opening auction' },
  continuous: { ko: '정규장', en: 'Continuous trading' },
  closingAuction: { ko: '장 마감 동시호가', en: 'Closing auction' },
  halt: { ko: '휴장(거래 중단)', en: 'Halt' },
  afterAcceptOnly: { ko: '애프터마켓 주문접수', en: 'After-market order acceptance' },
  afterHoursClose: { ko: '장후 시간외 종가', en: 'Post-close after-hours (closing price)' },
  afterHoursSingle: { ko: '시간외 단일가', en: 'After-hours single price' },
  afterMarket: { ko: '애프터마켓', en: 'After-market' },
};

export function phaseLabel(phase: SessionPhase): { ko: string; en: string } {
  return PHASE_LABELS[phase];
}

export interface SessionState {
  venue: OrderVenue;
  ymd: string;
  regime: Regime;
  tradingDay: boolean;
  phase: SessionPhase;
  labelKo: string;
  labelEn: string;
  acceptsOrders: boolean;
  matching: boolean;
  marketClass: MarketClass;
  /** Epoch ms when the current phase began (KST midnight for a closed stretch that began before it). */
  sinceMs: number;
  /** Epoch ms of the next phase change (possibly on a later trading day). */
  nextChangeMs: number;
}

function resolveRegime(ymd: string, opts: SessionOptions): Regime {
  return opts.regime ?? regimeFor(ymd, opts.regimeOverride ?? null);
}

/** Where a venue's day is at `epochMs`. Closed days (weekend/holiday) are 'closed' all day. */
export function sessionAt(venue: OrderVenue, epochMs: number, opts: SessionOptions = {}): SessionState {
  const ymd = kstDate(epochMs);
  const isOpen = opts.isTradingDay ?? bundledIsTradingDay;
  const regime = resolveRegime(ymd, opts);
  const tradingDay = isOpen(ymd);
  const midnight = kstMidnight(ymd);
  const sec = kstSecondsOfDay(epochMs);
  const firstStartOn = (day: string): number => {
    const cal = sessionCalendar(venue, resolveRegime(day, opts), opts);
    return kstMidnight(day) + cal.phases[0]!.from * 1000;
  };
  const closed = (sinceMs: number, nextChangeMs: number): SessionState => ({
    venue,
    ymd,
    regime,
    tradingDay,
    phase: 'closed',
    ...labelsOf('closed'),
    acceptsOrders: false,
    matching: false,
    marketClass: '2',
    sinceMs,
    nextChangeMs,
  });
  if (!tradingDay) return closed(midnight, firstStartOn(nextTradingDay(ymd, isOpen)));
  const cal = sessionCalendar(venue, regime, opts);
  let prevEnd = 0;
  for (const p of cal.phases) {
    if (sec < p.from) return closed(midnight + prevEnd * 1000, midnight + p.from * 1000);
    if (sec < p.to) {
      return {
        venue,
        ymd,
        regime,
        tradingDay,
        phase: p.phase,
        ...labelsOf(p.phase),
        acceptsOrders: p.acceptsOrders,
        matching: p.matching,
        marketClass: p.marketClass,
        sinceMs: midnight + p.from * 1000,
        nextChangeMs: midnight + p.to * 1000,
      };
    }
    prevEnd = p.to;
  }
  return closed(midnight + prevEnd * 1000, firstStartOn(nextTradingDay(ymd, isOpen)));
}

function labelsOf(phase: SessionPhase): { labelKo: string; labelEn: string } {
  const l = PHASE_LABELS[phase];
  return { labelKo: l.ko, labelEn: l.en };
}

/** Every phase boundary of a venue on a date (epoch ms, ascending); empty on closed days. */
export function phaseBoundaries(venue: OrderVenue, ymd: string, opts: SessionOptions = {}): number[] {
  const isOpen = opts.isTradingDay ?? bundledIsTradingDay;
  if (!isOpen(ymd)) return [];
  const cal = sessionCalendar(venue, resolveRegime(ymd, opts), opts);
  const midnight = kstMidnight(ymd);
  const set = new Set<number>();
  for (const p of cal.phases) {
    set.add(midnight + p.from * 1000);
    set.add(midnight + p.to * 1000);
  }
  return [...set].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------
// Order admission: §5 venue matrix × session applicability.

export type OrderRefusalReason =
  | 'closedDay' // APBK0919 — not a trading day
  | 'unknownOrdDvsn' // SIMV0003
  | 'regime' // SIMV0003 — code not valid in this regime (07 after 2026-09-14; 27–29/41–47 before)
  | 'venue' // SIMV0003 — code not offered on this route (NXT 시장가, SOR 중간가, …)
  | 'etp' // SIMV0003 — KRX after-market excludes ETF/ETN
  | 'nxtTradable' // SIMV0003 — legacy 07 is not for NXT-tradable symbols
  | 'session' // APBK0918 — right code, wrong time
  | 'nxtIneligible' // SIMV0004 — NXT route for a symbol NXT does not trade
  | 'nxtHalted' // SIMV0004
  | 'halted'; // SIMV0004 — 거래정지

export interface OrderAdmissionInput {
  route: OrderRoute;
  ordDvsn: string;
  epochMs: number;
  instrument: { etp: boolean; nxtEligible: boolean; halted?: boolean; nxtHalted?: boolean };
  regime?: Regime;
  regimeOverride?: Regime | null;
  isTradingDay?: TradingDayFn;
  krxPreMarket?: boolean;
  nxtPostHaltAuction?: boolean;
}

export type OrderAdmission =
  | { ok: true; regime: Regime; /** Venues the order may reach now (SOR: both when both are open). */ venues: OrderVenue[] }
  | { ok: false; reason: OrderRefusalReason; message: { ko: string; en: string } };

const REFUSAL_TEXT: Record<OrderRefusalReason, { ko: string; en: string }> = {
  closedDay: { ko: '오늘은 거래일이 아닙니다.', en: 'The market is closed today.' },
  unknownOrdDvsn: { ko: '알 수 없는 주문구분입니다.', en: 'Unknown order type.' },
  regime: { ko: '현재 제도에서 사용할 수 없는 주문구분입니다.', en: 'This order type is not valid under the current market rules.' },
  venue: { ko: '해당 거래소에서 사용할 수 없는 주문구분입니다.', en: 'This order type is not offered on this venue.' },
  etp: { ko: 'ETF/ETN은 KRX 애프터마켓에서 거래할 수 없습니다.', en: 'ETFs/ETNs cannot trade in the KRX after-market.' },
  nxtTradable: { ko: 'NXT 거래종목은 시간외 단일가 주문을 할 수 없습니다.', en: 'NXT-tradable symbols cannot use after-hours single price.' },
  session: { ko: '지금은 이 주문을 받을 수 없는 시간입니다.', en: 'This order type is not accepted at this time.' },
  nxtIneligible: { ko: 'NXT에서 거래되지 않는 종목입니다.', en: 'This symbol does not trade on NXT.' },
  nxtHalted: { ko: 'NXT 거래가 정지된 종목입니다.', en: 'Trading in this symbol is halted on NXT.' },
  halted: { ko: '거래가 정지된 종목입니다.', en: 'Trading in this symbol is halted.' },
};

function refuse(reason: OrderRefusalReason): OrderAdmission {
  return { ok: false, reason, message: REFUSAL_TEXT[reason] };
}

/** Is the acceptance window of `window` open on `venue` at second `sec` of the day? */
export function windowOpen(venue: OrderVenue, window: OrderWindow, regime: Regime, sec: number, opts: SessionOptions = {}): boolean {
  const ranges = sessionCalendar(venue, regime, opts).orderWindows[window];
  if (!ranges) return false;
  return ranges.some(([a, b]) => sec >= a && sec < b);
}

/**
 * May an order of `ordDvsn` go to `route` at `epochMs`? Checks, in the simulator's obligation-9 order: trading day →
 * code known → regime → route → ETP/NXT-tradable rules → acceptance window now → NXT eligibility/halt.
 */
export function orderAllowed(input: OrderAdmissionInput): OrderAdmission {
  const ymd = kstDate(input.epochMs);
  const isOpen = input.isTradingDay ?? bundledIsTradingDay;
  if (!isOpen(ymd)) return refuse('closedDay');
  const regime = input.regime ?? regimeFor(ymd, input.regimeOverride ?? null);
  const info = ordDvsnInfo(input.ordDvsn);
  if (!info) return refuse('unknownOrdDvsn');
  if (!info.regimes.includes(regime)) return refuse('regime');
  if (!info.routes.includes(input.route)) return refuse('venue');
  if (info.noEtp && input.instrument.etp) return refuse('etp');
  if (info.noNxtTradable && input.instrument.nxtEligible) return refuse('nxtTradable');
  const sec = kstSecondsOfDay(input.epochMs);
  const opts: SessionOptions = { regime, krxPreMarket: input.krxPreMarket, nxtPostHaltAuction: input.nxtPostHaltAuction };
  const krxOpen = input.route !== 'NXT' && windowOpen('KRX', info.window, regime, sec, opts);
  const nxtOpen = input.route !== 'KRX' && windowOpen('NXT', info.window, regime, sec, opts);
  let venues: OrderVenue[];
  if (input.route === 'SOR') {
    venues = [];
    if (krxOpen) venues.push('KRX');
    if (nxtOpen && input.instrument.nxtEligible && !input.instrument.nxtHalted) venues.push('NXT');
    if (venues.length === 0) {
      if (!krxOpen && !nxtOpen) return refuse('session');
      if (!krxOpen && !input.instrument.nxtEligible) return refuse('session');
      if (!krxOpen) return refuse('nxtHalted');
    }
  } else if (input.route === 'KRX') {
    if (!krxOpen) return refuse('session');
    venues = ['KRX'];
  } else {
    if (!nxtOpen) return refuse('session');
    if (!input.instrument.nxtEligible) return refuse('nxtIneligible');
    if (input.instrument.nxtHalted) return refuse('nxtHalted');
    venues = ['NXT'];
  }
  if (input.instrument.halted && venues.includes('KRX')) {
    venues = venues.filter((v) => v !== 'KRX');
    if (venues.length === 0) return refuse('halted');
  }
  return { ok: true, regime, venues };
}
