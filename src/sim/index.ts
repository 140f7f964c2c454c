/**
 * startSimulator(): the KIS simulator — a synthetic exchange (./exchange) behind a faithful KIS Open API
 * on loopback (./server): REST + WebSocket, auth, rate limits, faults, and a test-only control API.
 * The demo environment of the app and the KIS of every test.
 */
import { createExchange } from './exchange';
import type { Personality } from './exchange/types';
import { DEFAULT_ACCOUNTS } from './fixtures/accounts';
import { masterZip as buildMasterZip } from './fixtures/master';
import { createSimClock } from './clock';
import type { SimHandle, StartSimOptions } from './handle';
import { ApprovalService } from './server/approval';
import { createControlApi } from './server/control';
import { CredentialBook, demoCredential } from './server/credentials';
import { startRestServer } from './server/http-server';
import { createKnobStore } from './server/knobs';
import { labelSeed, mulberry32 } from './server/rng';
import { StatsCounter } from './server/stats';
import { TokenService } from './server/tokens';
import { UapiGateway } from './server/uapi';
import { startWsServer } from './server/ws/server';

export type { SimHandle, StartSimOptions, SimKnobs, SimClock, SimStats } from './handle';

/** How often a running clock moves the market and the WS housekeeping runs (wall ms). */
const TICK_MS = 25;

export async function startSimulator(options: StartSimOptions = {}): Promise<SimHandle> {
  const personality: Personality = options.personality ?? 'real';
  const seed = options.seed ?? 1;
  const knobs = createKnobStore(options.knobs ?? {});
  const clock = createSimClock(options.clock ?? 'real');
  const wallNow = () => Date.now();
  const log = options.log ? (line: string) => process.stderr.write(`[sim ${new Date().toISOString()}] ${line}\n`) : () => undefined;

  const exchange = createExchange({
    personality,
    seed,
    startMs: clock.now(),
    knobs: knobs.get,
    ...(options.universe ? { universe: options.universe } : {}),
    ...(options.accounts ? { accounts: options.accounts } : {}),
  });
  const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
  const primary = accounts[0];
  if (!primary) throw new Error('startSimulator: accounts must not be empty');
  const own = demoCredential(seed, personality);
  const other = demoCredential(seed, personality === 'real' ? 'paper' : 'real');
  const book = new CredentialBook(personality, [own, other]);
  const stats = new StatsCounter();
  const rand = mulberry32(labelSeed(seed, 'faults'));
  const tokens = new TokenService({ seed, book, simNow: clock.now, wallNow, validityMs: () => knobs.get().tokenValidityMs, stats });
  const approvals = new ApprovalService(seed, book, clock.now, wallNow, () => knobs.get().egwHttpStatus, stats);
  const syncMarket = () => exchange.advanceTo(clock.now());
  const gateway = new UapiGateway({ personality, exchange, knobs, book, tokens, stats, simNow: clock.now, wallNow, rand, syncMarket, log });

  let handle: SimHandle | undefined;
  const control = createControlApi(() => handle!);
  // Stock master files (kis-api.md §10) for KOSPI and KOSDAQ only: no NXT files.
  const MASTER_PATHS: Record<string, 'KOSPI' | 'KOSDAQ'> = {
    '/common/master/kospi_code.mst.zip': 'KOSPI',
    '/common/master/kosdaq_code.mst.zip': 'KOSDAQ',
  };
  const masterZip = (path: string): Buffer | null => {
    const market = MASTER_PATHS[path];
    return market ? buildMasterZip(exchange.instruments(), market) : null;
  };
  const rest = await startRestServer({ seed, knobs, book, tokens, approvals, gateway, control, rand, masterZip, log }, options.restPort ?? 0);
  const ws = await startWsServer(
    {
      personality,
      seed,
      exchange,
      knobs,
      approvalAppkey: (key) => approvals.owner(key)?.appkey,
      simNow: clock.now,
      wallNow,
      stats,
      log,
    },
    options.wsPort ?? 0,
  ).catch(async (err: unknown) => {
    await rest.close();
    throw err;
  });

  const offMove = clock.onMove((now) => {
    exchange.advanceTo(now);
    ws.housekeeping();
  });
  const timer = setInterval(() => {
    if (clock.running()) exchange.advanceTo(clock.now());
    ws.housekeeping();
  }, TICK_MS);
  timer.unref();

  let closed = false;
  handle = {
    rest: rest.url,
    ws: ws.url,
    env: personality,
    appkey: own.appkey,
    appsecret: own.appsecret,
    otherEnv: { appkey: other.appkey, appsecret: other.appsecret },
    account: primary.account,
    htsId: primary.htsId,
    exchange,
    clock: { now: clock.now, set: clock.set, advance: clock.advance },
    knobs: { get: knobs.get, set: knobs.set },
    stats: stats.view(),
    ledger(account = primary.account) {
      const state = exchange.account(account);
      if (!state) throw new Error(`Unknown account ${account}`);
      return { ...state, orders: exchange.orders(account, '00000000', '99999999'), fills: exchange.fills(account) };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      offMove();
      await Promise.all([ws.close(), rest.close()]);
    },
  };
  log(`listening: rest ${rest.url}, ws ${ws.url}, env ${personality}, seed ${seed}`);
  return handle;
}
