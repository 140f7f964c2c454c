/** Parsing of settings form fields (pure): what the trader typed → a settings patch, or which field is wrong. */
import { parseWholeNumber } from '../ticket/math';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; field: string };

export function wonField(field: string, raw: string): FieldResult<number> {
  const n = parseWholeNumber(raw);
  return n === null ? { ok: false, field } : { ok: true, value: n };
}

export function intField(field: string, raw: string, min: number, max: number): FieldResult<number> {
  const n = parseWholeNumber(raw);
  return n === null || n < min || n > max ? { ok: false, field } : { ok: true, value: n };
}

/** "005930, 000660 015760" → codes; any token that is not a 6-digit (or Q+6) code is an error. */
export function symbolListField(field: string, raw: string): FieldResult<string[]> {
  const tokens = raw.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
  if (tokens.some((x) => !/^(\d{6}|Q\d{6})$/.test(x))) return { ok: false, field };
  return { ok: true, value: [...new Set(tokens)] };
}

/** Account as typed ("5012345601" or "50123456-01") → "50123456-01", else null. */
export function normalizeAccount(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}
