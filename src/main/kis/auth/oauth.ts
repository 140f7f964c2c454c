/**
 * The three OAuth calls (kis-api.md §2) and the two error shapes they answer with: the OAuth one
 * (`error_code`/`error_description`, e.g. HTTP 403 EGW00133) and the normal envelope (`rt_cd`/`msg_cd`, e.g.
 * EGW00201 on Approval). These calls do not go through the REST limiter: KIS throttles them separately.
 */
import { z } from 'zod';
import {
  classifyRejection,
  KisBadResponseError,
  KisCredentialsError,
  KisNetworkError,
  KisRateLimitedError,
  RATE_LIMIT_CODE,
  TOKEN_THROTTLE_CODE,
  type KisError,
} from '../errors';
import { TransportFailure, type KisHttp } from '../http';
import { parseKstDateTime } from '../timing';
import type { KisCredentials } from '../config';

export type OAuthOutcome<T> = { ok: true; value: T } | { ok: false; error: KisError; throttled: boolean };

const tokenReply = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string()]).optional(),
  access_token_token_expired: z.string().optional(),
});
const approvalReply = z.object({ approval_key: z.string().min(1) });

export interface IssuedToken {
  accessToken: string;
  /** Absolute expiry, epoch ms, from access_token_token_expired (KST); expires_in only as a fallback. */
  expiresAt: number;
  /**
   * Set when KIS's absolute expiry made no sense on this machine's clock (already past, or further away than a
   * token ever lives), so `expiresAt` was taken from `expires_in` instead: how far KIS's expiry was from ours.
   */
  clockSkewMs?: number;
}

/** A KIS token lives 24 h (kis-api.md §2.1); anything further away than this is a wrong local clock. */
const LONGEST_TOKEN_LIFE_MS = 24 * 3600_000 + 10 * 60_000;

const TIMEOUT_MS = 15_000;

async function postJson(http: KisHttp, path: string, body: Record<string, string>): Promise<{ status: number; json: unknown }> {
  let reply;
  try {
    reply = await http.send({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: TIMEOUT_MS,
    });
  } catch (e) {
    const f = e as TransportFailure;
    throw new KisNetworkError(`${path}: ${f.message}`, { sent: f instanceof TransportFailure ? f.sent : true, trId: path, cause: e });
  }
  try {
    return { status: reply.status, json: JSON.parse(reply.text) };
  } catch {
    throw new KisNetworkError(`${path}: HTTP ${reply.status} with a non-JSON body`, { sent: true, http: reply.status, trId: path });
  }
}

/** Turns an error-shaped OAuth reply into the taxonomy; `throttled` marks EGW00133/EGW00201 (wait and retry). */
function oauthError(path: string, status: number, json: unknown): { error: KisError; throttled: boolean } | null {
  const body = (json ?? {}) as Record<string, unknown>;
  if (typeof body.error_code === 'string') {
    const code = body.error_code;
    const msg1 = String(body.error_description ?? '').trimEnd();
    const details = { msgCd: code, msg1, http: status, trId: path };
    if (code === TOKEN_THROTTLE_CODE || code === RATE_LIMIT_CODE)
      return { error: new KisRateLimitedError(`${path}: ${code} ${msg1}`, details), throttled: true };
    if (/^EGW001\d\d$/.test(code) || code === 'EGW02004')
      return { error: new KisCredentialsError(`${path}: ${code} ${msg1}`, details), throttled: false };
    return { error: classifyRejection({ rtCd: '', msgCd: code, msg1, http: status, trId: path }), throttled: false };
  }
  if (typeof body.rt_cd === 'string' && body.rt_cd !== '0') {
    const msgCd = String(body.msg_cd ?? '');
    const error = classifyRejection({ rtCd: body.rt_cd, msgCd, msg1: String(body.msg1 ?? ''), http: status, trId: path });
    return { error, throttled: msgCd === RATE_LIMIT_CODE || msgCd === TOKEN_THROTTLE_CODE };
  }
  return null;
}

export async function requestAccessToken(http: KisHttp, creds: KisCredentials, now: number): Promise<OAuthOutcome<IssuedToken>> {
  const path = '/oauth2/tokenP';
  const { status, json } = await postJson(http, path, {
    grant_type: 'client_credentials',
    appkey: creds.appkey,
    appsecret: creds.appsecret,
  });
  const err = oauthError(path, status, json);
  if (err) return { ok: false, ...err };
  const parsed = tokenReply.safeParse(json);
  if (!parsed.success)
    throw new KisBadResponseError(`${path}: reply has no access_token`, { http: status, trId: path, field: 'access_token' });
  const absolute = parseKstDateTime(parsed.data.access_token_token_expired ?? '');
  const secs = Number(parsed.data.expires_in);
  const relative = Number.isFinite(secs) && secs > 0 ? now + secs * 1000 : Number.NaN;
  const accessToken = parsed.data.access_token;
  if (!Number.isNaN(absolute)) {
    // The absolute expiry is KIS's own clock. Read on a PC whose date is wrong it looks expired on arrival (every
    // call would then ask for another token and wait out the 1-per-minute limit) or valid for days; the
    // remaining seconds do not depend on either clock, so they are used then.
    const plausible = absolute > now && absolute <= now + LONGEST_TOKEN_LIFE_MS;
    if (plausible || Number.isNaN(relative)) return { ok: true, value: { accessToken, expiresAt: absolute } };
    return { ok: true, value: { accessToken, expiresAt: relative, clockSkewMs: absolute - relative } };
  }
  if (Number.isNaN(relative))
    throw new KisBadResponseError(`${path}: reply has no usable expiry`, { http: status, trId: path, field: 'access_token_token_expired' });
  return { ok: true, value: { accessToken, expiresAt: relative } };
}

export async function requestApprovalKey(http: KisHttp, creds: KisCredentials): Promise<OAuthOutcome<string>> {
  const path = '/oauth2/Approval';
  // KIS names the secret `secretkey` here, not `appsecret` (kis-api.md §2.2).
  const { status, json } = await postJson(http, path, {
    grant_type: 'client_credentials',
    appkey: creds.appkey,
    secretkey: creds.appsecret,
  });
  const err = oauthError(path, status, json);
  if (err) return { ok: false, ...err };
  const parsed = approvalReply.safeParse(json);
  if (!parsed.success)
    throw new KisBadResponseError(`${path}: reply has no approval_key`, { http: status, trId: path, field: 'approval_key' });
  return { ok: true, value: parsed.data.approval_key };
}

export async function revokeAccessToken(http: KisHttp, creds: KisCredentials, token: string): Promise<void> {
  const path = '/oauth2/revokeP';
  const { status, json } = await postJson(http, path, { appkey: creds.appkey, appsecret: creds.appsecret, token });
  const err = oauthError(path, status, json);
  if (err) throw err.error;
}
