/**
 * One KIS /uapi call, start to finish: limiter slot → token → request → envelope → taxonomy, with exactly the
 * automatic retries the spec allows and no others:
 *   - token errors (EGW00121/122/123/205): renew the token once and send once more — for orders too, since the
 *     gateway refused the request before the exchange saw it;
 *   - EGW00201 on a READ: 100–250 ms with jitter, back through the limiter, at most 3 times;
 *   - a READ that died on a reused keep-alive socket: once.
 * Orders are otherwise never re-sent: EGW00201 → rate-limited (not sent); timeout, cut connection, non-JSON,
 * EGW00300–302 → unknown outcome.
 */
import type { Logger } from '../../log';
import type { AccessTokenProvider } from '../auth/tokens';
import type { KisCredentials } from '../config';
import {
  classifyRejection,
  KisCredentialsError,
  KisNetworkError,
  KisRateLimitedError,
  KisTokenExpiredError,
  KisUnknownOutcomeError,
  RATE_LIMIT_CODE,
  TOKEN_ERROR_CODES,
  UNKNOWN_OUTCOME_CODES,
  CREDENTIAL_ERROR_CODES,
  type KisError,
} from '../errors';
import { TransportFailure, type HttpReply, type KisHttp } from '../http';
import type { Priority, RateLimiter } from '../limiter';
import { realSleep, type Sleep } from '../timing';
import { orderBody, queryString, readKis } from './envelope';

export interface CallSpec {
  method: 'GET' | 'POST';
  path: string;
  trId: string;
  /** GET parameters (keys sent UPPERCASE). */
  query?: Record<string, string>;
  /** POST body fields (keys UPPERCASE, values strings). */
  body?: Record<string, string | number>;
  /** '' first page, 'N' next page. */
  trCont?: '' | 'N';
  priority: Priority;
  /** 'order' = may change the account: never re-sent on ambiguity. */
  kind: 'read' | 'order';
}

export interface CallResult {
  body: Record<string, unknown>;
  msgCd: string;
  msg1: string;
  /** Response header tr_cont: 'M'/'F' more pages, 'D'/'E' last. */
  trCont: string;
  /** 70070000: success, no rows. */
  empty: boolean;
}

export interface CallerDeps {
  http: KisHttp;
  limiter: RateLimiter;
  tokens: AccessTokenProvider;
  credentials: KisCredentials;
  logger: Logger;
  timeouts: { readMs: number; orderMs: number };
  /** Wall-clock pause for EGW00201 back-off (not the market clock). */
  backoffSleep?: Sleep;
  random?: () => number;
}

const RATE_RETRIES = 3;
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

export class KisCaller {
  private readonly backoff: Sleep;
  private readonly random: () => number;

  constructor(private readonly d: CallerDeps) {
    this.backoff = d.backoffSleep ?? realSleep;
    this.random = d.random ?? Math.random;
  }

  async call(spec: CallSpec): Promise<CallResult> {
    const isOrder = spec.kind === 'order';
    const path = spec.query ? spec.path + queryString(spec.query) : spec.path;
    const payload = spec.body ? orderBody(spec.body) : undefined;
    let tokenRenewed = false;
    let rateRetries = 0;
    let socketRetried = false;
    for (;;) {
      // Token first: an issuance (a round trip, or a 60-s wait) must not sit between the limiter's slot and
      // the request, or two requests could reach the gateway closer together than the limiter spaced them.
      await this.d.tokens.get();
      await this.d.limiter.acquire(spec.priority);
      const token = await this.d.tokens.get(); // cached now: resolves at once
      const started = performance.now();
      let reply: HttpReply;
      try {
        reply = await this.d.http.send({
          method: spec.method,
          path,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            authorization: `Bearer ${token}`,
            appkey: this.d.credentials.appkey,
            appsecret: this.d.credentials.appsecret,
            tr_id: spec.trId,
            tr_cont: spec.trCont ?? '',
            custtype: 'P',
          },
          body: payload,
          timeoutMs: isOrder ? this.d.timeouts.orderMs : this.d.timeouts.readMs,
        });
      } catch (e) {
        const f = e instanceof TransportFailure ? e : new TransportFailure(String(e), 'UNKNOWN', true);
        if (!isOrder && !socketRetried && STALE_SOCKET_CODES.has(f.code)) {
          socketRetried = true;
          this.d.logger.warn('read failed on a reused connection; retrying once', { trId: spec.trId, code: f.code });
          continue;
        }
        this.d.logger.warn('KIS request failed in transport', { trId: spec.trId, code: f.code, sent: f.sent });
        if (isOrder && f.sent)
          throw new KisUnknownOutcomeError(`${spec.trId}: no reply (${f.code}); the order may have been accepted`, {
            trId: spec.trId,
            cause: e,
          });
        throw new KisNetworkError(`${spec.trId}: ${f.message} (${f.code})`, { trId: spec.trId, sent: f.sent, cause: e });
      }
      const outcome = readKis(reply.text, reply.trCont);
      this.d.logger.debug('KIS call', {
        trId: spec.trId,
        http: reply.status,
        result: outcome.kind,
        msgCd: outcome.kind === 'ok' || outcome.kind === 'reject' ? outcome.msgCd : outcome.kind === 'oauth' ? outcome.code : '',
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
      switch (outcome.kind) {
        case 'ok':
          return { body: outcome.body, msgCd: outcome.msgCd, msg1: outcome.msg1, trCont: outcome.trCont, empty: outcome.empty };
        case 'not-json':
          if (isOrder)
            throw new KisUnknownOutcomeError(`${spec.trId}: HTTP ${reply.status} without a JSON body; the order may have been accepted`, {
              trId: spec.trId,
              http: reply.status,
            });
          throw new KisNetworkError(`${spec.trId}: HTTP ${reply.status} without a JSON body`, { trId: spec.trId, http: reply.status, sent: true });
        case 'oauth':
        case 'reject': {
          const msgCd = outcome.kind === 'oauth' ? outcome.code : outcome.msgCd;
          const msg1 = outcome.kind === 'oauth' ? outcome.message : outcome.msg1;
          const rtCd = outcome.kind === 'reject' ? outcome.rtCd : '';
          const details = { msgCd, msg1, http: reply.status, trId: spec.trId };
          if (TOKEN_ERROR_CODES.has(msgCd)) {
            if (!tokenRenewed) {
              tokenRenewed = true;
              this.d.logger.info('KIS rejected the access token; renewing once', { trId: spec.trId, msgCd });
              await this.d.tokens.renew(token);
              continue;
            }
            throw new KisTokenExpiredError(`${spec.trId}: ${msgCd} ${msg1}`, details);
          }
          if (msgCd === RATE_LIMIT_CODE) {
            if (!isOrder && rateRetries < RATE_RETRIES) {
              rateRetries++;
              const wait = 100 + Math.floor(this.random() * 151);
              this.d.logger.debug('EGW00201 on a read; backing off', { trId: spec.trId, attempt: rateRetries, waitMs: wait });
              await this.backoff(wait);
              continue;
            }
            throw new KisRateLimitedError(
              isOrder ? `${spec.trId}: rate limited by KIS; the order was NOT sent (not retried)` : `${spec.trId}: rate limited after ${rateRetries} retries`,
              details,
            );
          }
          if (UNKNOWN_OUTCOME_CODES.has(msgCd)) {
            if (isOrder)
              throw new KisUnknownOutcomeError(`${spec.trId}: ${msgCd} ${msg1}; the order may have been accepted`, details);
            throw new KisNetworkError(`${spec.trId}: gateway ${msgCd} ${msg1}`, { ...details, sent: true });
          }
          if (outcome.kind === 'oauth' && CREDENTIAL_ERROR_CODES.has(msgCd))
            throw new KisCredentialsError(`${spec.trId}: ${msgCd} ${msg1}`, details);
          const err: KisError = classifyRejection({ rtCd, msgCd, msg1, http: reply.status, trId: spec.trId });
          throw err;
        }
      }
    }
  }
}
