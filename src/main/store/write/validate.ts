/**
 * Input checks for writer operations. Callers are our own sync/order layers, but a bad value here would
 * corrupt the mirror silently, so every operation checks before it writes and answers BAD_INPUT.
 */
import { isYmd } from '../time';
import { refuse } from './context';

export function int(name: string, v: unknown, min = 0): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) refuse('BAD_INPUT', `${name} must be an integer ≥ ${min} (got ${String(v)})`);
  return v as number;
}
export function optInt(name: string, v: unknown, min = 0): number | null {
  return v === undefined || v === null ? null : int(name, v, min);
}
export function text(name: string, v: unknown, max = 200): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) refuse('BAD_INPUT', `${name} must be a non-empty string of at most ${max} characters`);
  return v as string;
}
export function optText(name: string, v: unknown, max = 200): string | null {
  return v === undefined || v === null || v === '' ? null : text(name, v, max);
}
export function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) refuse('BAD_INPUT', `${name} must be one of ${allowed.join(', ')} (got ${String(v)})`);
  return v as T;
}
export function symbol(v: unknown): string {
  // 6-digit codes, ETN 'Q500001'; kept loose (alphanumeric, ≤ 12) so new instrument codes still fit.
  if (typeof v !== 'string' || !/^[0-9A-Z]{1,12}$/.test(v)) refuse('BAD_INPUT', `symbol must be a KRX short code (got ${String(v)})`);
  return v as string;
}
export function ymd(name: string, v: unknown): string {
  if (!isYmd(v)) refuse('BAD_INPUT', `${name} must be a YYYYMMDD date (got ${String(v)})`);
  return v as string;
}
export function ordDvsn(v: unknown): string {
  if (typeof v !== 'string' || !/^\d{2}$/.test(v)) refuse('BAD_INPUT', `ordDvsn must be a two-digit ORD_DVSN code (got ${String(v)})`);
  return v as string;
}
export function orderNo(name: string, v: unknown): string {
  if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) refuse('BAD_INPUT', `${name} must be a KIS order number (digits; got ${String(v)})`);
  return v as string;
}
export const SIDES = ['buy', 'sell'] as const;
export const VENUES = ['KRX', 'NXT'] as const;
export const ROUTES = ['KRX', 'NXT', 'SOR'] as const;
export const PRICE_VENUES = ['KRX', 'NXT', 'UN'] as const;
export const KINDS = ['new', 'modify', 'cancel'] as const;
