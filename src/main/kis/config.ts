/**
 * Who the client talks to and as whom (kis-api.md §1). Validated once, at construction, so a typo in Settings
 * becomes a clear config error instead of a secret sent in clear text.
 */
import { KisConfigError } from './errors';

export type EnvironmentKind = 'real' | 'paper' | 'demo';

export interface KisEnvironment {
  kind: EnvironmentKind;
  /** e.g. 'https://openapi.koreainvestment.com:9443'; demo: 'http://127.0.0.1:<port>'. No trailing path. */
  restBase: string;
  /** e.g. 'ws://ops.koreainvestment.com:21000'; demo: the simulator's ws URL. */
  wsUrl: string;
  /** Paper rules: V… TRs, KRX only, 1 call/s, no real-only TRs. Demo follows the simulator's personality. */
  paper: boolean;
}

export interface KisCredentials {
  appkey: string;
  appsecret: string;
}

export interface KisAccount {
  /** 종합계좌번호, first 8 digits. */
  cano: string;
  /** 계좌상품코드, last 2 digits ('01' 위탁). */
  productCode: string;
}

export const REAL_ENVIRONMENT: KisEnvironment = {
  kind: 'real',
  restBase: 'https://openapi.koreainvestment.com:9443',
  wsUrl: 'ws://ops.koreainvestment.com:21000',
  paper: false,
};

export const PAPER_ENVIRONMENT: KisEnvironment = {
  kind: 'paper',
  restBase: 'https://openapivts.koreainvestment.com:29443',
  wsUrl: 'ws://ops.koreainvestment.com:31000',
  paper: true,
};

/** The demo environment from a running simulator (SimHandle's rest/ws/env). */
export function demoEnvironment(sim: { rest: string; ws: string; env: 'real' | 'paper' }): KisEnvironment {
  return { kind: 'demo', restBase: sim.rest, wsUrl: sim.ws, paper: sim.env === 'paper' };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * REST base must be https, except on loopback (the simulator): the appsecret and the token travel in headers.
 * Returns the normalised origin (no trailing slash, no path).
 */
export function validateRestBase(restBase: string): string {
  let url: URL;
  try {
    url = new URL(restBase);
  } catch {
    throw new KisConfigError(`KIS REST base is not a URL: ${JSON.stringify(restBase)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    throw new KisConfigError(
      `KIS REST base must use https (plain http is allowed only on loopback 127.0.0.1/localhost/[::1]): ${url.origin}`,
    );
  if (url.username || url.password) throw new KisConfigError('KIS REST base must not carry credentials');
  if (url.pathname !== '/' && url.pathname !== '') throw new KisConfigError(`KIS REST base must not have a path: ${url.pathname}`);
  return url.origin;
}

/** Accepts 'NNNNNNNN-NN', 'NNNNNNNNNN' or {cano, productCode}. */
export function parseAccount(account: string | KisAccount): KisAccount {
  const parsed =
    typeof account === 'string'
      ? (() => {
          const m = /^(\d{8})-?(\d{2})$/.exec(account.trim());
          return m ? { cano: m[1]!, productCode: m[2]! } : null;
        })()
      : account;
  if (!parsed || !/^\d{8}$/.test(parsed.cano) || !/^\d{2}$/.test(parsed.productCode))
    throw new KisConfigError('account must be 8 digits (CANO) and a 2-digit product code (ACNT_PRDT_CD)');
  return parsed;
}

export function validateCredentials(c: KisCredentials): KisCredentials {
  if (!c || typeof c.appkey !== 'string' || c.appkey.trim() === '') throw new KisConfigError('appkey is required');
  if (typeof c.appsecret !== 'string' || c.appsecret.trim() === '') throw new KisConfigError('appsecret is required');
  return { appkey: c.appkey.trim(), appsecret: c.appsecret.trim() };
}

/** Rate-limit profile (kis-api.md §8.1 DECISION). All values are config so a new KIS notice needs no code change. */
export interface RateProfile {
  /** Requests per second per appkey. */
  perSecond: number;
  /** Minimum gap between two request starts. */
  minSpacingMs: number;
  /** Extra width added to the 1-s window, absorbing network jitter between our clock and the gateway's. */
  windowMarginMs: number;
  /** Tokens per window background work may not take, kept free so an order never queues behind a sync. */
  reserveForUrgent: number;
}

export const RATE_PROFILES = {
  real: { perSecond: 15, minSpacingMs: 60, windowMarginMs: 50, reserveForUrgent: 3 },
  paper: { perSecond: 1, minSpacingMs: 0, windowMarginMs: 100, reserveForUrgent: 0 },
  /** KIS: new live appkeys get 3/s for their first 3 days (user toggle). */
  newAppkey: { perSecond: 3, minSpacingMs: 60, windowMarginMs: 50, reserveForUrgent: 1 },
} as const satisfies Record<string, RateProfile>;

export function defaultRateProfile(env: KisEnvironment, newAppkey = false): RateProfile {
  if (env.paper) return RATE_PROFILES.paper;
  return newAppkey ? RATE_PROFILES.newAppkey : RATE_PROFILES.real;
}
