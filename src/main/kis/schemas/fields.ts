/**
 * Wire-field coercers. KIS sends every number as a string ("71900", "-0.14", sometimes zero-padded or with a
 * ".0000" tail) and some cursors/texts right-padded. Money and quantities become safe integers — a fractional
 * or non-numeric value is a schema error naming the field, never a silent float.
 */
import { z } from 'zod';

const INT = /^[+-]?\d+(?:\.0*)?$/;
const DEC = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

function toInt(raw: string, ctx: z.core.$RefinementCtx<string | undefined>): number {
  const s = raw.trim();
  if (!INT.test(s)) {
    ctx.addIssue(`expected an integer string, got ${JSON.stringify(raw.slice(0, 24))}`);
    return z.NEVER;
  }
  const n = Number(s);
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue(`integer out of safe range: ${s.slice(0, 24)}`);
    return z.NEVER;
  }
  return n === 0 ? 0 : n; // no -0
}

function toDec(raw: string, ctx: z.core.$RefinementCtx<string | undefined>): number {
  const s = raw.trim();
  if (!DEC.test(s)) {
    ctx.addIssue(`expected a decimal string, got ${JSON.stringify(raw.slice(0, 24))}`);
    return z.NEVER;
  }
  const n = Number(s);
  return n === 0 ? 0 : n;
}

/** Required integer (money 원 or shares). */
export const int = z.string().transform(toInt);
/** Integer that KIS may leave blank or omit (e.g. stop price of a plain order): blank/absent → 0. */
export const intOr0 = z
  .string()
  .optional()
  .transform((s, ctx) => (s === undefined || s.trim() === '' ? 0 : toInt(s, ctx)));
/** Required decimal (rates in percent, averages). */
export const dec = z.string().transform(toDec);
/** Decimal that may be blank/absent → 0. */
export const decOr0 = z
  .string()
  .optional()
  .transform((s, ctx) => (s === undefined || s.trim() === '' ? 0 : toDec(s, ctx)));
/** Required text, right-trimmed (KIS pads). */
export const text = z.string().transform((s) => s.trimEnd());
/** Optional text → '' when absent. */
export const textOpt = z
  .string()
  .optional()
  .transform((s) => (s ?? '').trimEnd());
/** 'Y'/'N' flag; anything but 'Y' is false, absent is false. */
export const yn = z
  .string()
  .optional()
  .transform((s) => (s ?? '').trim().toUpperCase() === 'Y');
/** Side code: 01 매도, 02 매수. */
export const sideCode = z.string().transform((s, ctx) => {
  const v = s.trim();
  if (v === '01') return 'sell' as const;
  if (v === '02') return 'buy' as const;
  ctx.addIssue(`expected side code 01/02, got ${JSON.stringify(s)}`);
  return z.NEVER;
});
/** Venue code (KRX/NXT/SOR); anything else (blank, ALL) → ''. */
export const routeCode = z
  .string()
  .optional()
  .transform((s) => {
    const v = (s ?? '').trim().toUpperCase();
    return v === 'KRX' || v === 'NXT' || v === 'SOR' ? (v as 'KRX' | 'NXT' | 'SOR') : ('' as const);
  });
export const ymd = z.string().transform((s, ctx) => {
  const v = s.trim();
  if (!/^\d{8}$/.test(v)) {
    ctx.addIssue(`expected YYYYMMDD, got ${JSON.stringify(s)}`);
    return z.NEVER;
  }
  return v;
});
export const hms = z.string().transform((s, ctx) => {
  const v = s.trim();
  if (!/^\d{6}$/.test(v)) {
    ctx.addIssue(`expected HHMMSS, got ${JSON.stringify(s)}`);
    return z.NEVER;
  }
  return v;
});
export const changeSign = z
  .string()
  .optional()
  .transform((s) => {
    const v = (s ?? '').trim();
    return v === '1' || v === '2' || v === '3' || v === '4' || v === '5' ? v : ('' as const);
  });
