/**
 * The KIS client's error taxonomy (kis-api.md §8.6). Every failure a caller can see is one of these classes;
 * each keeps KIS's own `msgCd` / `msg1` (trimmed) when KIS sent one, so the UI can show the Korean text.
 *
 * Convention (one rule for the whole client): REST functions RESOLVE with a domain value and REJECT with a
 * `KisError`. Nothing else is thrown: unexpected failures are wrapped. `settle()` turns a call into a value
 * (`{ ok, value | error }`) for callers that prefer values (IPC handlers, the order journal).
 *
 * The order path must tell three cases apart, and can by `kind` alone:
 *   - 'unknown-outcome'  the order MAY have been accepted (timeout, cut connection, 5xx without JSON, EGW0030x,
 *                        accepted but unreadable reply). Never resend; reconcile (design.md invariant 5).
 *   - 'rate-limited', 'token-expired', 'network' with `sent: false`, 'invalid-request'
 *                        definitely NOT accepted by KIS (rejected at the gateway or never sent).
 *   - 'rejected' / 'market-closed' / 'insufficient-cash'
 *                        KIS answered and refused it.
 */

export type KisErrorKind =
  | 'token-expired'
  | 'rate-limited'
  | 'rejected'
  | 'market-closed'
  | 'insufficient-cash'
  | 'credentials'
  | 'network'
  | 'unknown-outcome'
  | 'bad-response'
  | 'invalid-request'
  | 'config';

export interface KisErrorDetails {
  /** KIS message code, e.g. 'APBK0952', 'EGW00201'. '' when KIS sent none. */
  msgCd?: string;
  /** KIS message text, right-trimmed. */
  msg1?: string;
  /** HTTP status when a response arrived. */
  http?: number;
  /** The TR ID (or OAuth path) of the call that failed. */
  trId?: string;
  cause?: unknown;
}

export abstract class KisError extends Error {
  abstract readonly kind: KisErrorKind;
  readonly msgCd: string;
  readonly msg1: string;
  readonly http: number | undefined;
  readonly trId: string | undefined;

  constructor(message: string, details: KisErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.msgCd = details.msgCd ?? '';
    this.msg1 = (details.msg1 ?? '').trimEnd();
    this.http = details.http;
    this.trId = details.trId;
  }
}

/** EGW00121/00122/00123/00205 after the one refresh-and-retry the client does by itself. */
export class KisTokenExpiredError extends KisError {
  readonly kind = 'token-expired' as const;
}

/** EGW00201 (REST) after the read retries, or immediately for orders (not sent: the gateway refused it). EGW00133 for tokenP. */
export class KisRateLimitedError extends KisError {
  readonly kind = 'rate-limited' as const;
}

/** KIS answered with rt_cd ≠ "0": the request was refused. Show `msg1`. Subclasses narrow the common cases. */
export class KisRejectedError extends KisError {
  readonly kind: 'rejected' | 'market-closed' | 'insufficient-cash' = 'rejected';
  readonly rtCd: string;
  constructor(message: string, details: KisErrorDetails & { rtCd?: string } = {}) {
    super(message, details);
    this.rtCd = details.rtCd ?? '';
  }
}

/** APBK0918 (outside hours), APBK0919 (not a trading day), paper 40570000 / 40100000. */
export class KisMarketClosedError extends KisRejectedError {
  override readonly kind = 'market-closed' as const;
}

/** APBK0952, or a paper code whose msg1 mentions 주문가능금액 (kis-api.md §8.4 DECISION). */
export class KisInsufficientCashError extends KisRejectedError {
  override readonly kind = 'insufficient-cash' as const;
}

/** The appkey/appsecret were refused (EGW00102–00105, EGW02004, OPSP0010…): the user must fix Settings. */
export class KisCredentialsError extends KisError {
  readonly kind = 'credentials' as const;
}

/**
 * Transport failure on a request whose outcome does not matter (reads), or an order that provably never left
 * (connection refused / connect timeout: `sent === false`). For orders, anything after the bytes may have left
 * is a KisUnknownOutcomeError instead.
 */
export class KisNetworkError extends KisError {
  readonly kind = 'network' as const;
  readonly sent: boolean;
  constructor(message: string, details: KisErrorDetails & { sent: boolean }) {
    super(message, details);
    this.sent = details.sent;
  }
}

/** An order/cancel that may or may not have been accepted. Resolve through reconciliation; never resend blindly. */
export class KisUnknownOutcomeError extends KisError {
  readonly kind = 'unknown-outcome' as const;
}

/** The reply was not what the spec says (non-JSON on a read, a schema violation, more than 50 pages…). */
export class KisBadResponseError extends KisError {
  readonly kind = 'bad-response' as const;
  /** Dotted path of the offending field, e.g. 'output1[3].hldg_qty'. */
  readonly field: string | undefined;
  constructor(message: string, details: KisErrorDetails & { field?: string } = {}) {
    super(message, details);
    this.field = details.field;
  }
}

/** The caller asked for something the client will not send (bad quantity, NXT on paper, a real-only TR on paper…). */
export class KisInvalidRequestError extends KisError {
  readonly kind = 'invalid-request' as const;
}

/** Bad client configuration (non-https REST base off loopback, malformed account…). Thrown at construction. */
export class KisConfigError extends KisError {
  readonly kind = 'config' as const;
}

export function isKisError(e: unknown): e is KisError {
  return e instanceof KisError;
}

/** True when KIS certainly did not accept the order (safe for the journal to mark it FAILED, not UNKNOWN). */
export function orderDefinitelyNotAccepted(e: KisError): boolean {
  switch (e.kind) {
    case 'unknown-outcome':
      return false;
    case 'network':
      return !(e as KisNetworkError).sent;
    default:
      return true;
  }
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: KisError };

/** Runs a client call and returns its outcome as a value; a non-KIS throw (a bug) becomes a bad-response error. */
export async function settle<T>(call: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await call };
  } catch (e) {
    return { ok: false, error: asKisError(e) };
  }
}

export function asKisError(e: unknown): KisError {
  if (e instanceof KisError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new KisBadResponseError(`unexpected client failure: ${message}`, { cause: e });
}

/** Gateway codes that mean "the token is not usable": refresh once, retry once (kis-api.md §2.1, §8.6). */
export const TOKEN_ERROR_CODES: ReadonlySet<string> = new Set(['EGW00121', 'EGW00122', 'EGW00123', 'EGW00205']);
/** Credential problems no refresh can fix. */
export const CREDENTIAL_ERROR_CODES: ReadonlySet<string> = new Set([
  'EGW00102',
  'EGW00103',
  'EGW00104',
  'EGW00105',
  'EGW02004',
  'EGW00210',
]);
/** Gateway said "check the previous transaction": an order may have been accepted (kis-api.md §8.3). */
export const UNKNOWN_OUTCOME_CODES: ReadonlySet<string> = new Set(['EGW00300', 'EGW00301', 'EGW00302']);
export const RATE_LIMIT_CODE = 'EGW00201';
export const TOKEN_THROTTLE_CODE = 'EGW00133';
/** Paper "no rows to show": a success with an empty list (kis-api.md §8.4). */
export const EMPTY_RESULT_CODE = '70070000';
const MARKET_CLOSED_CODES: ReadonlySet<string> = new Set(['APBK0918', 'APBK0919', '40570000', '40100000']);

/**
 * Maps a KIS refusal (rt_cd ≠ "0") to the taxonomy. Matches on msg_cd only, except the paper insufficient-cash
 * family whose codes disagree between sources: there the DECISION is to look for 주문가능금액 in msg1.
 * 40570000 is listed both as "장시작전" and as an insufficient-cash code; the text decides.
 */
export function classifyRejection(args: { rtCd: string; msgCd: string; msg1: string; http?: number; trId?: string }): KisError {
  const msg1 = args.msg1.trimEnd();
  const details = { msgCd: args.msgCd, msg1, http: args.http, trId: args.trId, rtCd: args.rtCd };
  const text = `${args.trId ?? 'KIS'} refused: ${args.msgCd} ${msg1}`.trim();
  if (TOKEN_ERROR_CODES.has(args.msgCd)) return new KisTokenExpiredError(text, details);
  if (args.msgCd === RATE_LIMIT_CODE) return new KisRateLimitedError(text, details);
  if (CREDENTIAL_ERROR_CODES.has(args.msgCd)) return new KisCredentialsError(text, details);
  if (args.msgCd === 'APBK0952' || (/^\d{8}$/.test(args.msgCd) && msg1.includes('주문가능금액')))
    return new KisInsufficientCashError(text, details);
  if (MARKET_CLOSED_CODES.has(args.msgCd)) return new KisMarketClosedError(text, details);
  return new KisRejectedError(text, details);
}
