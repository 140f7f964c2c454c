/**
 * Request parameters. GET query keys are matched case-insensitively (the legacy Postman collection sends
 * lowercase `fid_…`); POST bodies must be a JSON object whose values are all strings ("ORD_QTY, ORD_UNPR 등을
 * String으로 전달") — a number where a string belongs is an OPSQ2002 input error.
 */
import { inputError, type Reply } from './envelope';

export class Params {
  constructor(private readonly values: Map<string, string>) {}

  /** Value of a parameter by its documented (UPPERCASE) name, any case on the wire. */
  get(name: string): string | undefined {
    return this.values.get(name.toUpperCase());
  }

  /** Value, or '' when absent. */
  str(name: string): string {
    return this.get(name) ?? '';
  }

  has(name: string): boolean {
    return this.values.has(name.toUpperCase());
  }
}

export function parseQuery(search: string): Params {
  const map = new Map<string, string>();
  const sp = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const [k, v] of sp) map.set(k.toUpperCase(), v);
  return new Params(map);
}

export type BodyParse = { ok: true; params: Params; json: Record<string, unknown> } | { ok: false; reply: Reply; field?: string };

export function parseStringBody(raw: string): BodyParse {
  let json: unknown;
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return { ok: false, reply: inputError('OPSQ2002') };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reply: inputError('OPSQ2002') };
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (typeof v !== 'string') return { ok: false, reply: inputError('OPSQ2002'), field: k };
    map.set(k.toUpperCase(), v);
  }
  return { ok: true, params: new Params(map), json: json as Record<string, unknown> };
}

/** Parse a JSON object body for the OAuth endpoints (no string rule there: KIS samples send plain JSON). */
export function parseJsonObject(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A non-negative integer written as digits ("0012" ok), else null. */
export function digits(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^\d{1,15}$/.test(t)) return null;
  return Number(t);
}
