/**
 * What every IPC call answers. Errors are values with a stable code (design.md invariant 7): the
 * renderer branches on `code`, shows `message` (Korean) or `messageEn`, and nothing ever throws across
 * the boundary.
 */
export const ERROR_CODES = [
  /** The payload failed the channel's schema (wrong type, extra key, too long, prototype trick…). */
  'BAD_INPUT',
  /** The call did not come from our app's top frame. */
  'FORBIDDEN_SENDER',
  /** No such channel in the contract. */
  'UNKNOWN_CHANNEL',
  /** Well-formed, but not allowed right now (environment not armed, kill switch, session rules, risk limits). */
  'NOT_ALLOWED',
  /** The thing asked about does not exist (order, symbol, setting). */
  'NOT_FOUND',
  /** The request conflicts with the current state (already cancelled, already running). */
  'CONFLICT',
  /** The broker (or the simulator standing in for it) refused the request; message carries its reason. */
  'REJECTED',
  /** Too many requests: the per-appkey limiter has no room now. */
  'RATE_LIMITED',
  /** No answer in time. For orders this means UNKNOWN, never FAILED (design.md invariant 5). */
  'TIMEOUT',
  /** A needed part is not available (no connection, no credentials, module not started). */
  'UNAVAILABLE',
  /** A bug on our side. Details are in the log, never in the message. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Korean, shown to the trader. */
  message: string;
  /** English, for the English UI and for logs read by developers. */
  messageEn?: string;
}
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, messageEn?: string): Failure =>
  messageEn === undefined ? { ok: false, code, message } : { ok: false, code, message, messageEn };
