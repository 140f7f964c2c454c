/**
 * createKisRest: the whole REST half for one (environment, appkey, account) — one undici pool, one rate limiter,
 * one token store, a typed function per endpoint. Functions resolve with domain values and reject with
 * KisError (errors.ts); `close()` releases the pool and fails anything still queued.
 */
import { systemClock, type Clock } from '../../../shared/clock';
import { registerSecret, silentLogger, type Logger } from '../../log';
import type { Keychain } from '../../secrets/keychain';
import { createKisAuth, type KisAuth } from '../auth';
import {
  defaultRateProfile,
  parseAccount,
  validateCredentials,
  validateRestBase,
  type KisAccount,
  type KisCredentials,
  type KisEnvironment,
  type RateProfile,
} from '../config';
import { KisHttp } from '../http';
import { RateLimiter, type Priority } from '../limiter';
import type { Sleep } from '../timing';
import type {
  Balance,
  BalanceView,
  DailyBar,
  DailyOrder,
  DailyOrders,
  DailyOrdersQuery,
  HolidayCalendar,
  MinuteBar,
  ModifyCancelRequest,
  OpenOrder,
  OrderableCash,
  OrderAck,
  OrderBook,
  OrderCashRequest,
  Quote,
  StockInfo,
} from '../types';
import * as account from './account';
import { KisCaller } from './caller';
import type { RestContext } from './context';
import { MarketInfo, type HolidayFallback } from './marketInfo';
import * as orders from './orders';
import * as quotes from './quotes';

export interface KisRestOptions {
  env: KisEnvironment;
  credentials: KisCredentials;
  /** 'NNNNNNNN-NN' or { cano, productCode }. */
  account: string | KisAccount;
  /** HTS ID (for the realtime notices); registered as a secret so logs mask it. */
  htsId?: string;
  /** OS keychain for the token / approval-key cache; null = memory only. Ignored when `auth` is given. */
  keychain: Keychain | null;
  clock?: Clock;
  /** How to wait out the token issuance limit (market clock). Tests pass one that advances the simulator. */
  sleep?: Sleep;
  logger?: Logger;
  /** Override parts of the rate profile (defaults: kis-api.md §8.1 DECISION by environment). */
  rate?: Partial<RateProfile>;
  /** New live appkey (first 3 days): 3 calls/s. */
  newAppkey?: boolean;
  timeouts?: { readMs?: number; orderMs?: number };
  /** Calendar used on paper and when chk-holiday fails. Default: the bundled KRX calendar. */
  holidayFallback?: HolidayFallback;
  /** Share auth (token + approval key) built elsewhere; it must be for the same env + appkey. */
  auth?: KisAuth;
  /** EGW00201 back-off pause (wall clock). Default: setTimeout. */
  backoffSleep?: Sleep;
  /** Pool size per host. */
  connections?: number;
}

export type ReadOpts = { priority?: Priority };

export interface KisRest {
  readonly env: KisEnvironment;
  readonly account: KisAccount;
  /** Token + approval key for this appkey (the realtime client takes `auth.approvalKeys`). */
  readonly auth: KisAuth;
  readonly limiter: RateLimiter;

  orderCash(req: OrderCashRequest): Promise<OrderAck>;
  orderModifyCancel(req: ModifyCancelRequest): Promise<OrderAck>;

  inquireBalance(opts?: ReadOpts & { view?: BalanceView }): Promise<Balance>;
  inquirePsblOrder(req?: ReadOpts & { symbol?: string; price?: number }): Promise<OrderableCash>;
  openOrders(opts?: ReadOpts): Promise<OpenOrder[]>;
  dailyOrders(q: DailyOrdersQuery & ReadOpts): Promise<DailyOrders>;
  fills(q?: Partial<Pick<DailyOrdersQuery, 'from' | 'to' | 'symbol' | 'side'>> & ReadOpts): Promise<DailyOrder[]>;

  inquirePrice(symbol: string, opts?: quotes.QuoteOptions): Promise<Quote>;
  askingPrice(symbol: string, opts?: quotes.QuoteOptions): Promise<OrderBook>;
  dailyChart(symbol: string, q: quotes.DailyChartQuery): Promise<DailyBar[]>;
  dailyChartRange(symbol: string, q: quotes.DailyChartQuery): Promise<DailyBar[]>;
  minuteChart(symbol: string, q?: quotes.MinuteChartQuery): Promise<MinuteBar[]>;

  holidays(opts?: ReadOpts): Promise<HolidayCalendar>;
  stockInfo(symbol: string, opts?: ReadOpts): Promise<StockInfo>;

  close(): Promise<void>;
}

export function createKisRest(o: KisRestOptions): KisRest {
  const origin = validateRestBase(o.env.restBase);
  const credentials = validateCredentials(o.credentials);
  const acct = parseAccount(o.account);
  for (const s of [credentials.appkey, credentials.appsecret, acct.cano, `${acct.cano}${acct.productCode}`, `${acct.cano}-${acct.productCode}`, o.htsId])
    registerSecret(s);
  const clock = o.clock ?? systemClock;
  const logger = (o.logger ?? silentLogger).child('kis');
  const http = new KisHttp(origin, { connections: o.connections });
  const auth =
    o.auth ?? createKisAuth({ env: o.env, credentials, keychain: o.keychain, clock, sleep: o.sleep, logger, http });
  const limiter = new RateLimiter({ ...defaultRateProfile(o.env, o.newAppkey), ...o.rate });
  const caller = new KisCaller({
    http,
    limiter,
    tokens: auth.tokens,
    credentials,
    logger: logger.child('rest'),
    timeouts: { readMs: o.timeouts?.readMs ?? 10_000, orderMs: o.timeouts?.orderMs ?? 10_000 },
    backoffSleep: o.backoffSleep,
  });
  const ctx: RestContext = { caller, env: o.env, account: acct, clock, logger: logger.child('rest') };
  const info = new MarketInfo(ctx, o.holidayFallback);
  let closed = false;

  return {
    env: o.env,
    account: acct,
    auth,
    limiter,
    orderCash: (req) => orders.orderCash(ctx, req),
    orderModifyCancel: (req) => orders.orderModifyCancel(ctx, req),
    inquireBalance: (opts) => account.inquireBalance(ctx, opts),
    inquirePsblOrder: (req) => account.inquirePsblOrder(ctx, req),
    openOrders: (opts) => account.openOrders(ctx, opts),
    dailyOrders: (q) => account.dailyOrders(ctx, q),
    fills: (q) => account.fills(ctx, q),
    inquirePrice: (symbol, opts) => quotes.inquirePrice(ctx, symbol, opts),
    askingPrice: (symbol, opts) => quotes.askingPrice(ctx, symbol, opts),
    dailyChart: (symbol, q) => quotes.dailyChart(ctx, symbol, q),
    dailyChartRange: (symbol, q) => quotes.dailyChartRange(ctx, symbol, q),
    minuteChart: (symbol, q) => quotes.minuteChart(ctx, symbol, q),
    holidays: (opts) => info.holidays(opts),
    stockInfo: (symbol, opts) => info.stockInfo(symbol, opts),
    async close() {
      if (closed) return;
      closed = true;
      limiter.close();
      await http.close();
      if (!o.auth) await auth.close();
    },
  };
}
