/**
 * Building and closing an ActiveSession from its parts. The session module uses these; so do the sync and
 * orders tests, which need a live session against the simulator without the whole core.
 *
 *   const s = await buildDemoSession({ dataDir, logger });               // starts its own simulator
 *   const s = await buildDemoSession({ dataDir, sim });                  // against a simulator the test owns
 *   const s = await buildSession({ environment: 'paper', kisEnv: PAPER_ENVIRONMENT, credentials, account, … });
 *   await closeSession(s);                                               // realtime, REST pool, store (+ own sim)
 *
 * A session is one environment's whole world: its REST client (token cached in the keychain when one is
 * given), its realtime client (notices pinned for the HTS ID), and its own SQLite file, so real and paper data
 * never share a database or a connection.
 */
import { join } from 'node:path';
import { systemClock, type Clock } from '../../shared/clock';
import type { Environment } from '../../shared/ipc/schemas';
import { startSimulator } from '../../sim/index';
import type { SimHandle, StartSimOptions } from '../../sim/handle';
import { createKisRest, demoEnvironment, type KisCredentials, type KisEnvironment, type KisRest, type KisRestOptions } from '../kis';
import { RealtimeClient, type RealtimeClientOptions } from '../kis/realtime';
import { registerSecret, silentLogger, type Logger } from '../log';
import { simInstrumentDirectory } from '../market/instruments-sim';
import type { Keychain } from '../secrets/keychain';
import { DATABASE_FILE_NAME, openStore, type Store } from '../store';
import type { ActiveSession, InstrumentDirectory } from './service';

/** `<dataDir>/<environment>/aegis.sqlite3`: one mirror per environment. */
export function storeFileFor(dataDir: string, environment: Environment): string {
  return join(dataDir, environment, DATABASE_FILE_NAME);
}

/** "50123456-01" → "5012****-01": enough to recognise the account, never the whole number. */
export function maskAccount(account: { cano: string; productCode: string }): string {
  return `${account.cano.slice(0, 4)}****-${account.productCode}`;
}

export interface SessionParts {
  environment: Environment;
  kisEnv: KisEnvironment;
  credentials: KisCredentials;
  /** 'NNNNNNNN-NN'. */
  account: string;
  htsId: string;
  /** The app's data folder; the store lives in `<dataDir>/<environment>/`. */
  dataDir: string;
  /** Token / approval-key cache; null = memory only (demo: the simulator restarts with the app anyway). */
  keychain: Keychain | null;
  logger?: Logger;
  /** Market time: the simulator's clock in demo, the system clock on paper/real. */
  marketClock: Clock;
  sim?: SimHandle | null;
  instruments: InstrumentDirectory;
  /** Extra REST options (rate profile, timeouts, sleep). */
  rest?: Partial<Omit<KisRestOptions, 'env' | 'credentials' | 'account' | 'htsId' | 'keychain'>>;
  /** Extra realtime options (pacing, backoff, heartbeat). */
  realtime?: Partial<Omit<RealtimeClientOptions, 'wsUrl' | 'paper' | 'htsId' | 'account' | 'approvalKeys'>>;
  /** Start the realtime client at once (default true). It always holds the notice subscription. */
  connect?: boolean;
}

interface Owned {
  closeSim: boolean;
  closed: boolean;
}
const owned = new WeakMap<ActiveSession, Owned>();

export async function buildSession(p: SessionParts): Promise<ActiveSession> {
  const logger = (p.logger ?? silentLogger).child(`session.${p.environment}`);
  for (const s of [p.credentials.appkey, p.credentials.appsecret, p.account, p.account.replace('-', ''), p.htsId]) registerSecret(s);
  const rest: KisRest = createKisRest({
    env: p.kisEnv,
    credentials: p.credentials,
    account: p.account,
    htsId: p.htsId,
    keychain: p.keychain,
    clock: p.marketClock,
    logger,
    ...p.rest,
  });
  let store: Store;
  try {
    store = openStore(storeFileFor(p.dataDir, p.environment), { clock: p.marketClock });
  } catch (err) {
    await rest.close();
    throw err;
  }
  const realtime = new RealtimeClient({
    wsUrl: p.kisEnv.wsUrl,
    paper: p.kisEnv.paper,
    htsId: p.htsId,
    account: p.account,
    approvalKeys: rest.auth.approvalKeys,
    // Pacing and heartbeats are wall-time matters (the gateway's clock), never the market clock.
    clock: systemClock,
    logger,
    ...p.realtime,
  });
  realtime.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: [] });
  if (p.connect !== false) realtime.start();
  const session: ActiveSession = {
    environment: p.environment,
    paper: p.kisEnv.paper,
    rest,
    realtime,
    store,
    account: { cano: rest.account.cano, productCode: rest.account.productCode, masked: maskAccount(rest.account) },
    htsId: p.htsId,
    marketClock: p.marketClock,
    sim: p.sim ?? null,
    instruments: p.instruments,
  };
  owned.set(session, { closeSim: false, closed: false });
  logger.info('session built', { environment: p.environment, paper: p.kisEnv.paper, store: store.file });
  return session;
}

export interface DemoSessionOptions {
  dataDir: string;
  /** Default null: demo tokens live in memory (the simulator is new each run; keychain entries would pile up). */
  keychain?: Keychain | null;
  logger?: Logger;
  /** A running simulator (the caller closes it), or options to start one here (closed by closeSession). */
  sim?: SimHandle | StartSimOptions;
  rest?: SessionParts['rest'];
  realtime?: SessionParts['realtime'];
  connect?: boolean;
  /** Default 'demo'. Tests may build a second independent demo-like session under another name. */
  environment?: Environment;
}

const isSimHandle = (x: SimHandle | StartSimOptions | undefined): x is SimHandle =>
  x !== undefined && typeof (x as SimHandle).rest === 'string' && typeof (x as SimHandle).close === 'function';

/** Demo defaults: the simulator is on loopback, so there is no reason to pace subscriptions like the real gateway. */
const DEMO_REALTIME: SessionParts['realtime'] = { subscribeIntervalMs: 20, backoff: { initialMs: 200, maxMs: 5000 } };

export async function buildDemoSession(o: DemoSessionOptions): Promise<ActiveSession> {
  const given = isSimHandle(o.sim);
  const sim = given ? (o.sim as SimHandle) : await startSimulator({ personality: 'real', ...(o.sim as StartSimOptions | undefined) });
  try {
    const session = await buildSession({
      environment: o.environment ?? 'demo',
      kisEnv: demoEnvironment(sim),
      credentials: { appkey: sim.appkey, appsecret: sim.appsecret },
      account: sim.account,
      htsId: sim.htsId,
      dataDir: o.dataDir,
      keychain: o.keychain ?? null,
      ...(o.logger ? { logger: o.logger } : {}),
      marketClock: { now: () => sim.clock.now() },
      sim,
      instruments: simInstrumentDirectory(sim),
      ...(o.rest ? { rest: o.rest } : {}),
      realtime: { ...DEMO_REALTIME, ...o.realtime },
      ...(o.connect === undefined ? {} : { connect: o.connect }),
    });
    owned.set(session, { closeSim: !given, closed: false });
    return session;
  } catch (err) {
    if (!given) await sim.close();
    throw err;
  }
}

/** Stops realtime, closes the REST pool and the store, and the simulator if buildDemoSession started it. Idempotent. */
export async function closeSession(session: ActiveSession): Promise<void> {
  const o = owned.get(session) ?? { closeSim: false, closed: false };
  if (o.closed) return;
  o.closed = true;
  owned.set(session, o);
  const errors: unknown[] = [];
  const attempt = async (fn: () => Promise<void> | void) => {
    try {
      await fn();
    } catch (err) {
      errors.push(err);
    }
  };
  await attempt(() => session.realtime.stop());
  await attempt(() => session.rest.close());
  await attempt(() => session.store.close());
  if (o.closeSim && session.sim) await attempt(() => session.sim!.close());
  if (errors.length > 0) throw errors[0];
}
