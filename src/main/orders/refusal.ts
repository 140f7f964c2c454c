/**
 * How the order path says "no": a Failure with a stable code, the Korean text for the trader and the English
 * text, both naming the number that failed (the price, the limit, the time…). Formatting lives here so every
 * check words its numbers the same way.
 */
import { fail, type ErrorCode, type Failure, type Result } from '../../shared/ipc/result';
import { formatHhmmss, kstDate, kstSecondsOfDay } from '../../shared/market/time';

/** 71900 → "71,900" (integer 원 / shares; never a locale-dependent formatter). */
export function num(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

export const wonKo = (n: number): string => `${num(n)}원`;
export const wonEn = (n: number): string => `₩${num(n)}`;

/** "08:55:00" KST from epoch ms. */
export function kstClock(epochMs: number): string {
  const t = formatHhmmss(kstSecondsOfDay(epochMs));
  return `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
}

/** "2026-11-23 08:55:00" KST. */
export function kstStamp(epochMs: number): string {
  const d = kstDate(epochMs);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${kstClock(epochMs)}`;
}

export function refuse(code: ErrorCode, ko: string, en: string): Failure {
  return fail(code, ko, en);
}

export const notAllowed = (ko: string, en: string): Failure => refuse('NOT_ALLOWED', ko, en);

export type Checked<T> = Result<T>;

export function isFailure<T>(r: Result<T>): r is Failure {
  return r.ok === false;
}
