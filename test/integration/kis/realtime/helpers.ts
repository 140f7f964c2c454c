/** Shared plumbing for the realtime integration tests: a real simulator, a real client, event capture. */
import { createKisAuth } from '../../../../src/main/kis/auth';
import { demoEnvironment } from '../../../../src/main/kis/config';
import { RealtimeClient, type RealtimeClientOptions } from '../../../../src/main/kis/realtime';
import type { SubscriptionEvent } from '../../../../src/main/kis/realtime';
import type { StateEvent } from '../../../../src/main/kis/realtime/client';
import type { ApprovalKeyProvider, Book, ExecutionNotice, Tick } from '../../../../src/main/kis/realtime/types';
import { createLogger, type LogRecord, type Logger } from '../../../../src/main/log';
import type { SimHandle, StartSimOptions } from '../../../../src/sim/handle';
import { startSimulator } from '../../../../src/sim/index';

/** Monday 10:00 KST, frozen: the market only moves when a test says so. */
export const FROZEN: StartSimOptions['clock'] = { start: '2026-11-23T10:00:00+09:00', speed: 0 };

export async function startSim(options: StartSimOptions = {}): Promise<SimHandle> {
  return startSimulator({ clock: FROZEN, ...options });
}

/** The real auth half's approval-key provider against the simulator (memory cache, no keychain). */
export function approvalKeysFor(sim: SimHandle, logger?: Logger): { provider: ApprovalKeyProvider; close(): Promise<void> } {
  const auth = createKisAuth({
    env: demoEnvironment(sim),
    credentials: { appkey: sim.appkey, appsecret: sim.appsecret },
    keychain: null,
    ...(logger ? { logger } : {}),
  });
  return { provider: auth.approvalKeys, close: () => auth.close() };
}

export interface Capture {
  ticks: Tick[];
  books: Book[];
  notices: ExecutionNotice[];
  states: StateEvent[];
  reconnected: Array<{ attempt: number; registrations: number }>;
  subscriptions: SubscriptionEvent[];
}

export function capture(client: RealtimeClient): Capture {
  const c: Capture = { ticks: [], books: [], notices: [], states: [], reconnected: [], subscriptions: [] };
  client.on('tick', (t) => c.ticks.push(t));
  client.on('book', (b) => c.books.push(b));
  client.on('notice', (n) => c.notices.push(n));
  client.on('state', (s) => c.states.push(s));
  client.on('reconnected', (r) => c.reconnected.push(r));
  client.on('subscription', (s) => c.subscriptions.push(s));
  return c;
}

export function logSink(): { records: LogRecord[]; logger: Logger; text(): string } {
  const records: LogRecord[] = [];
  return { records, logger: createLogger((r) => records.push(r), 'test', 'debug'), text: () => records.map((r) => JSON.stringify(r)).join('\n') };
}

/** Fast settings so tests run in seconds: short pacing and backoff, same logic. */
export function makeClient(sim: SimHandle, approvalKeys: ApprovalKeyProvider, extra: Partial<RealtimeClientOptions> = {}): RealtimeClient {
  return new RealtimeClient({
    wsUrl: sim.ws,
    paper: sim.env === 'paper',
    htsId: sim.htsId,
    account: sim.account,
    approvalKeys,
    subscribeIntervalMs: 5,
    retryDelayMs: 50,
    backoff: { initialMs: 50, maxMs: 400, jitter: 0.2 },
    ...extra,
  });
}

export async function waitFor(what: string, pred: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!pred()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
