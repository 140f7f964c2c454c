/**
 * The gateway in front of every /uapi route, in KIS's order: appkey/appsecret (EGW00102–00105, EGW02004 for
 * the other environment's key) → per-appkey rate limit (EGW00201, plus storms) → token (EGW00205/00122/
 * 00121/00123, knob forceTokenExpiredCalls) → custtype (EGW00208/00210) → TR of the personality
 * (EGW00206/00213) → parameters → handler → the failAfterAccept fault for booked orders.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Personality, SimExchange } from '../exchange/types';
import type { KnobStore } from './knobs';
import { checkCredentials, type CredentialBook } from './credentials';
import { gatewayError, inputError, type Reply } from './envelope';
import { failedAfterAccept, forcedRateLimit } from './faults';
import { parseQuery, parseStringBody } from './request';
import { SlidingWindowLimiter } from './rate-limiter';
import { HANDLERS } from './routes';
import type { UapiContext } from './routes/common';
import type { StatsCounter } from './stats';
import type { TokenService } from './tokens';
import { checkTr, routeForPath } from './tr-table';

export interface UapiDeps {
  personality: Personality;
  exchange: SimExchange;
  knobs: KnobStore;
  book: CredentialBook;
  tokens: TokenService;
  stats: StatsCounter;
  simNow(): number;
  wallNow(): number;
  rand(): number;
  /** Bring the market up to the clock before answering (running clocks). */
  syncMarket(): void;
  log(line: string): void;
}

export interface UapiRequest {
  method: string;
  path: string;
  search: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export class UapiGateway {
  private readonly limiter = new SlidingWindowLimiter(1000);
  private failAfterAcceptSeen = 0;
  private readonly warnedDeprecated = new Set<string>();

  constructor(private readonly d: UapiDeps) {}

  handle(req: UapiRequest): Reply {
    const d = this.d;
    const knobs = d.knobs.get();
    const egw = knobs.egwHttpStatus;
    const trId = header(req.headers, 'tr_id') ?? '';
    d.stats.request(trId);

    const cred = checkCredentials(d.book, header(req.headers, 'appkey'), header(req.headers, 'appsecret'));
    if (!cred.ok) return gatewayError(cred.code, egw);
    const appkey = cred.cred.appkey;

    const limit = knobs.newAppkeyRate ?? (d.personality === 'real' ? knobs.rateReal : knobs.ratePaper);
    if (forcedRateLimit(knobs, trId, req.path, d.simNow(), d.rand) || !this.limiter.allow(appkey, limit, d.wallNow())) {
      d.stats.rateLimitedOnce();
      return gatewayError('EGW00201', egw);
    }

    const token = d.tokens.check(header(req.headers, 'authorization'), appkey);
    if (!token.ok) return gatewayError(token.code, egw);
    if (knobs.forceTokenExpiredCalls > 0) {
      d.knobs.set({ forceTokenExpiredCalls: knobs.forceTokenExpiredCalls - 1 });
      return gatewayError('EGW00123', egw);
    }

    const custtype = header(req.headers, 'custtype');
    if (custtype !== 'P' && custtype !== 'B') return gatewayError('EGW00208', egw);
    if (custtype === 'B' && d.personality === 'paper') return gatewayError('EGW00210', egw);

    const route = routeForPath(req.path);
    if (!route) return { status: 404, body: { rt_cd: '1', msg_cd: 'EGW00206', msg1: 'API 사용 권한이 없습니다.' } };
    const tr = checkTr(route, d.personality, trId, knobs.rejectDeprecatedTr);
    if (!tr.ok) return gatewayError(tr.code, egw);
    if (tr.deprecated && !this.warnedDeprecated.has(trId)) {
      this.warnedDeprecated.add(trId);
      d.log(`deprecated TR ${trId} on ${route.name}: accepted, but KIS may switch it off without notice`);
    }
    if (req.method !== route.method) return { status: 405, body: { rt_cd: '1', msg_cd: 'EGW00206', msg1: 'API 사용 권한이 없습니다.' } };

    let params;
    if (route.method === 'GET') params = parseQuery(req.search);
    else {
      const parsed = parseStringBody(req.body);
      if (!parsed.ok) {
        if (parsed.field) d.log(`${route.name}: body field ${parsed.field} is not a string`);
        return parsed.reply;
      }
      params = parsed.params;
      if (knobs.validateHashkey && !this.hashkeyMatches(req)) return gatewayError('EGW00131', egw);
    }

    d.syncMarket();
    const ctx: UapiContext = {
      exchange: d.exchange,
      personality: d.personality,
      knobs,
      route,
      trId,
      params,
      trCont: header(req.headers, 'tr_cont') ?? '',
      simNow: d.simNow(),
      countOrder: () => d.stats.orderReachedExchange(),
    };
    let reply;
    try {
      reply = HANDLERS[route.name](ctx);
    } catch (err) {
      d.log(`${route.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return inputError('OPSQ2002');
    }
    const fault = d.knobs.get().failAfterAccept;
    if (reply.accepted && fault && fault.count > 0) {
      d.knobs.set({ failAfterAccept: fault.count > 1 ? { ...fault, count: fault.count - 1 } : null });
      return failedAfterAccept(fault.mode, this.failAfterAcceptSeen++);
    }
    const { accepted: _accepted, ...plain } = reply;
    return plain;
  }

  private hashkeyMatches(req: UapiRequest): boolean {
    const given = header(req.headers, 'hashkey');
    return given !== undefined && given === hashOf(req.body);
  }
}

/** The simulator's hashkey: sha256 hex of the exact body (kis-api.md §2.3, simulator-defined). */
export function hashOf(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
