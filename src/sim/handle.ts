/**
 * What `startSimulator()` (src/sim/index.ts) returns: the demo environment's backend and every test's KIS.
 * Tests and the demo mode of the core use only this surface (plus the wire protocol itself).
 */
import type { AccountState, Fill, OrderRecord, Personality, SimExchange } from './exchange/types';
import type { AccountFixture } from './fixtures/accounts';
import type { InstrumentFixture } from './fixtures/universe';

export type RouteScope = string; // a TR ID ('TTTC0012U'), a path ('/oauth2/tokenP'), or '*'

/** Fault-injection and behaviour knobs (kis-api.md "Simulator obligations" 21 and the per-section knobs). Changeable at runtime. */
export interface SimKnobs {
  /** Added latency per route (fixed + uniform jitter), ms. Key '*' applies to all. */
  latency: Record<RouteScope, { fixedMs: number; jitterMs: number }>;
  /** Rate limits, requests per 1-s sliding window per appkey. */
  rateReal: number; // 18
  ratePaper: number; // 1
  newAppkeyRate: number | null; // 3 when the appkey is "new"; null = off
  /** Force EGW00201: until this epoch ms (sim clock), or with probability p, optionally for some routes only. */
  rateLimitStorm: { untilMs: number; probability: number; routes: RouteScope[] } | null;
  spuriousRateLimitProb: number;
  /** EGW00123 on the next N /uapi calls. */
  forceTokenExpiredCalls: number;
  tokenValidityMs: number; // 24 h
  /** Order accepted and booked (notices flow), but the HTTP reply is a 5xx EGW0030x or a cut connection. Next N orders. */
  failAfterAccept: { count: number; mode: 'http500' | 'cut' } | null;
  /** Drop the WebSocket after N more data frames, or at a sim-clock time; with or without a close frame. */
  wsDrop: { afterFrames?: number; atMs?: number; withClose: boolean } | null;
  /** While set, notices that would be sent to a dropped socket are lost (only REST shows them). Default true. */
  loseNoticesWhileDisconnected: boolean;
  suppressPingpong: boolean;
  pingIntervalMs: number; // 110_000
  dropIfNoPongMs: number | null;
  /** Send every notice twice. */
  duplicateNotices: boolean;
  /** EGW HTTP status (kis-api.md §3.5). */
  egwHttpStatus: 500 | 200;
  rejectDeprecatedTr: boolean;
  requireOrgno: boolean;
  validateHashkey: boolean;
  altSpellings: boolean;
  paperAllowNxQuotes: boolean;
  paperRejectAnc: boolean;
  paperInsufficientCode: string; // '40310000'
  paperOrdDvsn: string[] | null;
  /** Server registration cap per WS session. */
  wsMaxRegistrations: number; // 41
  /** rt_cd of the OPSP0008 MAX SUBSCRIBE OVER ack (kis-api.md §6.3: "1", knob "9"). */
  wsMaxSubscribeRtCd: '1' | '9';
  feeRounding: 'truncate';
  regimeOverride: 'legacy' | '2026-09' | null;
  krxPreMarket: boolean;
  nxtPostHaltAuction: boolean;
}

export interface SimClock {
  now(): number;
  /** Jump to a time (epoch ms or ISO string with offset); the market catches up to it. */
  set(to: number | string): void;
  /** Move forward; the market catches up. */
  advance(ms: number): void;
}

export interface StartSimOptions {
  personality?: Personality; // default 'real'
  seed?: number; // default 1
  /** 'real' = wall-clock KST; virtual = starts at `start` and runs at `speed`× (0 = frozen: only set/advance move it). */
  clock?: 'real' | { start: string | number; speed?: number };
  restPort?: number; // default 0 (ephemeral)
  wsPort?: number; // default 0
  knobs?: Partial<SimKnobs>;
  /** Log lines to stderr (CLI); tests leave it off. */
  log?: boolean;
  /** Replace the instrument universe (default: the fixture universe of ~30 KOSPI/KOSDAQ names + an ETF). */
  universe?: readonly InstrumentFixture[];
  /** Replace the synthetic accounts (default: two accounts under one HTS ID). */
  accounts?: readonly AccountFixture[];
}

export interface SimStats {
  /** New access tokens minted (the KakaoTalk stand-in); a 6-h reuse answer is not an issuance. */
  tokenIssuances(appkey?: string): number;
  /** tokenP calls answered with a token (new or reused). */
  tokenRequests(appkey?: string): number;
  approvalIssuances(appkey?: string): number;
  /** /uapi requests seen, optionally for one TR ID. */
  requests(trId?: string): number;
  /** Order-cash and order-rvsecncl requests that reached the exchange (accepted or rejected). */
  orderRequests(): number;
  /** WebSocket sessions currently bound to an appkey. */
  wsSessions(): number;
  /** Sessions ever bound (reconnects count again). */
  wsSessionsTotal(): number;
  rateLimited(): number;
}

export interface SimHandle {
  rest: string; // http://127.0.0.1:PORT
  ws: string; // ws://127.0.0.1:PORT
  env: Personality;
  appkey: string;
  appsecret: string;
  /** The other environment's demo key pair (a paper key on a real simulator → EGW02004), for wrong-environment tests. */
  otherEnv: { appkey: string; appsecret: string };
  account: string; // 'NNNNNNNN-01'
  htsId: string;
  exchange: SimExchange;
  clock: SimClock;
  knobs: { get(): SimKnobs; set(partial: Partial<SimKnobs>): void };
  stats: SimStats;
  /** The account's truth: cash, positions, orders and fills, for comparing mirrors against. */
  ledger(account?: string): AccountState & { orders: OrderRecord[]; fills: Fill[] };
  close(): Promise<void>;
}
