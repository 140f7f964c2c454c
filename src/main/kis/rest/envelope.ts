/**
 * Reading a KIS reply (kis-api.md §3.3, §3.5): the JSON body decides, whatever the HTTP status; only a non-JSON
 * body is a transport problem. Output keys are lowercased because KIS mixes cases between APIs.
 */

export type KisOutcome =
  | { kind: 'ok'; body: Record<string, unknown>; msgCd: string; msg1: string; trCont: string; empty: boolean }
  | { kind: 'oauth'; code: string; message: string } // error_code / error_description shape
  | { kind: 'reject'; rtCd: string; msgCd: string; msg1: string }
  | { kind: 'not-json' };

export function readKis(text: string, trCont: string): KisOutcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'not-json' };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { kind: 'not-json' };
  const b = body as Record<string, unknown>;
  if (typeof b.error_code === 'string') return { kind: 'oauth', code: b.error_code, message: String(b.error_description ?? '').trimEnd() };
  const rtCd = String(b.rt_cd ?? '');
  const msgCd = String(b.msg_cd ?? '').trim();
  const msg1 = String(b.msg1 ?? '').trimEnd();
  // 70070000 (paper: nothing to show) is a success with no rows, whatever rt_cd says.
  if (rtCd === '0' || msgCd === '70070000')
    return { kind: 'ok', body: lowercaseOutputs(b), msgCd, msg1, trCont: trCont.trim(), empty: msgCd === '70070000' };
  return { kind: 'reject', rtCd, msgCd, msg1 };
}

/**
 * Lowercases top-level keys and the keys of every output* object / array element (one level deep).
 * Objects whose keys are already lowercase (most query replies) are reused as they are, not copied.
 */
export function lowercaseOutputs(body: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key in body) {
    const lower = key.toLowerCase();
    let value = body[key];
    if (lower.startsWith('output')) {
      if (Array.isArray(value)) {
        let copy: unknown[] | null = null;
        for (let i = 0; i < value.length; i++) {
          const v = lowercaseKeys(value[i]);
          if (v !== value[i]) (copy ??= value.slice())[i] = v;
        }
        if (copy) value = copy;
      } else value = lowercaseKeys(value);
    }
    if (out === null && (lower !== key || value !== body[key])) {
      out = {};
      for (const k in body) {
        if (k === key) break;
        out[k] = body[k];
      }
    }
    if (out !== null) out[lower] = value;
  }
  return out ?? body;
}

function lowercaseKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const src = value as Record<string, unknown>;
  let allLower = true;
  for (const key in src) {
    if (key !== key.toLowerCase()) {
      allLower = false;
      break;
    }
  }
  if (allLower) return src;
  const out: Record<string, unknown> = {};
  for (const key in src) out[key.toLowerCase()] = src[key];
  return out;
}

/** Query string with UPPERCASE keys, values percent-encoded (spaces as %20, so right-padded cursors survive). */
export function queryString(query: Record<string, string>): string {
  let s = '';
  for (const key in query) s += `${s ? '&' : '?'}${key.toUpperCase()}=${encodeURIComponent(query[key]!)}`;
  return s;
}

/** POST body: UPPERCASE keys, every value a string (kis-api.md §3.2). */
export function orderBody(fields: Record<string, string | number>): string {
  const out: Record<string, string> = {};
  for (const key in fields) out[key.toUpperCase()] = String(fields[key]);
  return JSON.stringify(out);
}
