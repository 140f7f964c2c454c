/**
 * KST (Asia/Seoul, UTC+9, no DST) time arithmetic that never depends on the machine's time zone.
 *
 * Every market rule takes epoch milliseconds (from an injected Clock) and converts here. We shift the
 * epoch by +9 h and read the UTC fields, which is exact because Korea has had no DST since 1988.
 */

export const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The parts of one instant as a KST wall clock shows them. */
export interface KstParts {
  /** 'YYYYMMDD' — the form KIS uses for dates. */
  ymd: string;
  /** 'HHMMSS' — the form KIS uses for times. */
  hhmmss: string;
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  minutesOfDay: number;
  secondsOfDay: number;
  /** Milliseconds since KST midnight. */
  msOfDay: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function kstParts(epochMs: number): KstParts {
  const shifted = epochMs + KST_OFFSET_MS;
  const d = new Date(shifted);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  const second = d.getUTCSeconds();
  const msOfDay = ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
  return {
    ymd: `${pad4(year)}${pad2(month)}${pad2(day)}`,
    hhmmss: `${pad2(hour)}${pad2(minute)}${pad2(second)}`,
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: d.getUTCDay(),
    minutesOfDay: hour * 60 + minute,
    secondsOfDay: hour * 3600 + minute * 60 + second,
    msOfDay,
  };
}

// kstDate is called per trade in the simulator: remember the last day computed.
let lastDayIndex = NaN;
let lastDayYmd = '';

/** KST calendar date 'YYYYMMDD' of an instant. */
export function kstDate(epochMs: number): string {
  const dayIndex = Math.floor((epochMs + KST_OFFSET_MS) / DAY_MS);
  if (dayIndex !== lastDayIndex) {
    lastDayYmd = kstParts(epochMs).ymd;
    lastDayIndex = dayIndex;
  }
  return lastDayYmd;
}

/** KST wall time 'HHMMSS' of an instant. */
export function kstTime(epochMs: number): string {
  return formatHhmmss(kstSecondsOfDay(epochMs));
}

/** Seconds since KST midnight. */
export function kstSecondsOfDay(epochMs: number): number {
  const shifted = epochMs + KST_OFFSET_MS;
  return Math.floor((((shifted % DAY_MS) + DAY_MS) % DAY_MS) / 1000);
}

const YMD_RE = /^(\d{4})(\d{2})(\d{2})$/;

export function isYmd(s: string): boolean {
  const m = YMD_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

function ymdFields(ymd: string): [number, number, number] {
  const m = YMD_RE.exec(ymd);
  if (!m) throw new RangeError(`not a YYYYMMDD date: ${ymd}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Epoch ms of KST midnight (or of `secondsOfDay` after it) on a 'YYYYMMDD' date. */
export function kstMidnight(ymd: string): number {
  const [y, mo, d] = ymdFields(ymd);
  return Date.UTC(y, mo - 1, d) - KST_OFFSET_MS;
}

/** Epoch ms of a KST wall time: date 'YYYYMMDD' + 'HHMMSS' (or 'HH:MM:SS' / seconds of day). */
export function kstEpoch(ymd: string, time: string | number = 0): number {
  const sec = typeof time === 'number' ? time : parseHhmmss(time);
  return kstMidnight(ymd) + sec * 1000;
}

/** 'HHMMSS' or 'HH:MM[:SS]' → seconds of day. Throws on garbage (callers pass constants or validated input). */
export function parseHhmmss(t: string): number {
  const m = /^(\d{2}):?(\d{2}):?(\d{2})?$/.exec(t);
  if (!m) throw new RangeError(`not a time: ${t}`);
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? '0');
  if (h > 24 || mi > 59 || s > 59) throw new RangeError(`not a time: ${t}`);
  return h * 3600 + mi * 60 + s;
}

/** Seconds of day → 'HHMMSS'. */
export function formatHhmmss(secondsOfDay: number): string {
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  return `${pad2(h)}${pad2(m)}${pad2(s)}`;
}

/** Weekday (0 = Sunday) of a 'YYYYMMDD' date. */
export function weekdayOf(ymd: string): number {
  const [y, mo, d] = ymdFields(ymd);
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

/** Calendar arithmetic on 'YYYYMMDD' dates. */
export function addDays(ymd: string, days: number): string {
  const [y, mo, d] = ymdFields(ymd);
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return `${pad4(t.getUTCFullYear())}${pad2(t.getUTCMonth() + 1)}${pad2(t.getUTCDate())}`;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((kstMidnight(b) - kstMidnight(a)) / DAY_MS);
}

/** 'YYYYMMDD' → 'YYYY-MM-DD'. */
export function ymdToIso(ymd: string): string {
  return `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses 'YYYY-MM-DDTHH:MM[:SS[.mmm]]' with an offset ('+09:00', 'Z', …). Without an offset the wall time
 * is taken as KST — never as machine-local time. Returns null for anything else.
 */
export function parseKstIso(s: string): number | null {
  const m = ISO_RE.exec(s.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, mss, off] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const sec = Number(ss ?? '0');
  const ms = Number((mss ?? '0').padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return null;
  let offsetMs = KST_OFFSET_MS;
  if (off !== undefined) {
    if (off === 'Z') offsetMs = 0;
    else {
      const sign = off[0] === '-' ? -1 : 1;
      const digits = off.slice(1).replace(':', '');
      offsetMs = sign * (Number(digits.slice(0, 2)) * 3_600_000 + Number(digits.slice(2, 4)) * 60_000);
    }
  }
  return local - offsetMs;
}

/** Epoch ms → 'YYYY-MM-DDTHH:MM:SS+09:00'. */
export function formatKstIso(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${ymdToIso(p.ymd)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}+09:00`;
}
