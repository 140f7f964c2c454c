/**
 * Shared setup for the KIS REST integration tests: a real simulator over loopback with a frozen virtual clock
 * (Monday 2026-11-23 10:00 KST, a trading day), the real OS keychain, and a log sink the tests can search.
 */
import { createLogger, type LogRecord, type Logger } from '../../../src/main/log';
import { createKisRest, demoEnvironment, type KisRest, type KisRestOptions } from '../../../src/main/kis';
import { keytarKeychain, type Keychain } from '../../../src/main/secrets/keychain';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle, StartSimOptions } from '../../../src/sim/handle';

export const MONDAY_10AM = '2026-11-23T10:00:00+09:00';

export async function startSim(options: StartSimOptions = {}): Promise<SimHandle> {
  return startSimulator({ clock: { start: MONDAY_10AM, speed: 0 }, ...options });
}

export interface LogCapture {
  logger: Logger;
  records: LogRecord[];
  /** Every record as one JSON text, for secret searches. */
  text(): string;
}

export function captureLogs(): LogCapture {
  const records: LogRecord[] = [];
  return { logger: createLogger((r) => records.push(r), 'test', 'debug'), records, text: () => records.map((r) => JSON.stringify(r)).join('\n') };
}

/** The token-throttle sleeper: waiting N ms means the simulator's clock moves N ms (nothing else waits). */
export function simSleeper(sim: SimHandle): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
      sim.clock.advance(ms);
    },
  };
}

let sharedKeychain: Keychain | null = null;
export async function keychain(): Promise<Keychain> {
  sharedKeychain ??= await keytarKeychain();
  return sharedKeychain;
}

export async function clientFor(sim: SimHandle, extra: Partial<KisRestOptions> = {}): Promise<KisRest> {
  return createKisRest({
    env: demoEnvironment(sim),
    credentials: { appkey: sim.appkey, appsecret: sim.appsecret },
    account: sim.account,
    htsId: sim.htsId,
    keychain: await keychain(),
    clock: sim.clock,
    ...extra,
  });
}

/** Resolves to the rejection (so tests can inspect it) or fails the test if the promise resolved. */
export async function rejectionOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection, got a value');
}
