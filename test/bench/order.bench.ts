/**
 * Order-path benches (issue 6).
 *
 * order.overhead — what the terminal adds between the IPC call and the order request on the wire, excluding the
 * network. Setup: the simulator in a CHILD process (frozen clock at 10:00 KST, no added latency, rate limit
 * lifted) so its CPU work does not share this event loop; here a real core (router with its guards) with the
 * orders module over a real session (real KIS client with its limiter opened wide — pacing is policy, not
 * overhead — and a real SQLite mirror on disk with the FULL-sync intent write). Each sample is one
 * `core.handle('orders:submit')` of a resting 1-share buy (so both live reads run: quote + orderable cash).
 * Timeline per sample from undici's diagnostics_channel:
 *   t0            core.handle called
 *   live reads    for each: `undici:client:sendHeaders` (bytes on the socket) → `undici:request:trailers`
 *                 (whole reply in) — the time the network and the server own
 *   tOrder        `undici:client:sendHeaders` of order-cash: the order on the wire
 *   overhead    = (tOrder − t0) − |union of the live reads' on-the-wire intervals|
 * So it counts: IPC plain-data + zod checks, armed/kill-switch guards, the instrument lookup, building, queuing
 * and dispatching both reads, parsing and validating both replies, every check of steps 4–8 (mirror reads for the
 * risk limits), the intent INSERT with synchronous=FULL (an fsync on this machine's ext4), markOrderSent, and
 * building/dispatching the order request. The intent write is also timed alone (detail.intentWriteUs).
 *
 * order.rtt_ratio — total submit time ÷ the simulator's round trip, with knob latency '*' fixedMs 30 (every
 * request answered 30 ms later). One round trip for the concurrent live reads + one for the order ≈ 2.0 plus
 * overhead. Headline: the real rate profile (15/s) with its 60-ms minimum spacing between request starts lifted
 * and submits spaced 300 ms apart (so the 1-s window never binds). detail.withDefaultSpacing repeats it with the
 * 60-ms spacing of kis-api.md §8.1: the spacing, not the order path, then dominates (≈ 0→60→120 ms starts).
 */
import diagnostics from 'node:diagnostics_channel';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core';
import { silentNotifier } from '../../src/main/electron-ports';
import { APP_ORIGIN } from '../../src/main/ipc/sender';
import { demoEnvironment, RATE_PROFILES, type RateProfile } from '../../src/main/kis';
import { silentLogger } from '../../src/main/log';
import { createInstrumentDirectory } from '../../src/main/market/instruments';
import { defineModule } from '../../src/main/module';
import { ordersModule } from '../../src/main/orders/module';
import { buildSession, closeSession } from '../../src/main/session/build';
import { SESSION, type ActiveSession, type SessionService } from '../../src/main/session/service';
import { defaultSettings } from '../../src/shared/settings/schema';
import { parseKstIso } from '../../src/shared/market/time';
import { UNIVERSE } from '../../src/sim/fixtures/universe';
import type { Bench } from './bench';
import { percentile } from './bench';
import { startSimChild, type SimInfo } from './sim-child';

const START = '2026-11-23T10:00:00+09:00';
const sender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };



interface Rig {
  core: Core;
  session: ActiveSession;
  intentWrites: number[];
  close(): Promise<void>;
}

/** A core with the orders module over a session against the child simulator. Market time steps 3 s per read of
 *  `tick()` so consecutive identical tickets are never inside the duplicate window. */
async function buildRig(info: SimInfo, rate: Partial<RateProfile>, base = tmpdir()): Promise<Rig & { tick(): void }> {
  const dataDir = mkdtempSync(join(base, 'aegis-order-bench-'));
  let now = parseKstIso(START)!;
  const marketClock = { now: () => now };
  const session = await buildSession({
    environment: 'demo',
    kisEnv: demoEnvironment({ rest: info.rest, ws: info.ws, env: 'real' }),
    credentials: { appkey: info.appkey, appsecret: info.appsecret },
    account: info.account,
    htsId: info.htsId,
    dataDir,
    keychain: null,
    logger: silentLogger,
    marketClock,
    instruments: createInstrumentDirectory(
      UNIVERSE.map((u) => ({ info: { symbol: u.code, name: u.name, nameEn: u.nameEn, market: u.market, etp: u.etp, nxtEligible: u.nxtEligible }, weight: u.prevClose * u.listedShares })),
    ),
    rest: { rate: { ...RATE_PROFILES.real, ...rate } },
    connect: false,
  });
  // Time the durable intent write on its own (it is inside the overhead too).
  const intentWrites: number[] = [];
  const writer = session.store.writer;
  const record = writer.recordOrderIntent.bind(writer);
  writer.recordOrderIntent = (input) => {
    const t = performance.now();
    const r = record(input);
    intentWrites.push(performance.now() - t);
    return r;
  };
  const settings = defaultSettings();
  const service: SessionService = {
    current: () => session,
    ready: async () => session,
    onChange: () => () => {},
    status: () => ({ environment: 'demo', armed: true, credentials: { paper: { present: false, accountMasked: null }, real: { present: false, accountMasked: null } }, problem: null }),
    armed: () => true,
    settings: () => settings,
    onSettings: () => () => {},
    noteSync: () => {},
    refreshStreams: () => {},
    onRefreshStreams: () => () => {},
  };
  const core = createCore({
    dataDir,
    clock: marketClock,
    keychain: { get: async () => null, set: async () => {}, delete: async () => false },
    notifier: silentNotifier,
    logger: silentLogger,
    modules: [defineModule((ctx) => (ctx.services.provide(SESSION, service), { name: 'session' })), ordersModule],
  });
  await core.start();
  return {
    core,
    session,
    intentWrites,
    tick: () => {
      now += 3_001;
    },
    async close() {
      await core.stop();
      await closeSession(session);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One resting 1-share buy of 두산에너빌리티 well under the market (both live reads run; it never fills). */
let seq = 0;
const restingBuy = () => ({ symbol: '034020', side: 'buy', route: 'KRX', type: 'limit', qty: 1, price: 15_000 + 10 * (seq % 100), idempotencyKey: `bench-${process.pid}-${++seq}` });

interface WireEvent {
  kind: 'send' | 'done';
  path: string;
  t: number;
}

function wireLog(): { events: WireEvent[]; stop(): void } {
  const events: WireEvent[] = [];
  const path = (m: unknown) => String((m as { request: { path?: string } }).request.path ?? '');
  const onSend = (m: unknown) => events.push({ kind: 'send', path: path(m), t: performance.now() });
  const onDone = (m: unknown) => events.push({ kind: 'done', path: path(m), t: performance.now() });
  diagnostics.subscribe('undici:client:sendHeaders', onSend);
  diagnostics.subscribe('undici:request:trailers', onDone);
  return {
    events,
    stop() {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSend);
      diagnostics.unsubscribe('undici:request:trailers', onDone);
    },
  };
}

/** Total length of the union of intervals. */
function unionLength(iv: Array<[number, number]>): number {
  const s = [...iv].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur: [number, number] | null = null;
  for (const [a, b] of s) {
    if (!cur || a > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [a, b];
    } else cur[1] = Math.max(cur[1], b);
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

const us = (ms: number) => Math.round(ms * 1000);
const stats = (xs: number[]) => ({ p50: us(percentile(xs, 50)), p90: us(percentile(xs, 90)), p99: us(percentile(xs, 99)), n: xs.length });

async function submit(rig: Rig & { tick(): void }): Promise<void> {
  rig.tick();
  const r = await rig.core.handle('orders:submit', restingBuy(), sender);
  if (!r.ok || (r.value as { state: string }).state !== 'accepted') throw new Error(`bench order not accepted: ${JSON.stringify(r)}`);
}

interface OverheadRun {
  overhead: number[];
  withoutIntentWrite: number[];
  network: number[];
  totals: number[];
  intentWrites: number[];
}

/** N measured submits on a rig whose mirror lives under `base` (ext4 /tmp, or tmpfs /dev/shm). */
async function measureOverhead(info: SimInfo, base: string, n: number): Promise<OverheadRun> {
  const rig = await buildRig(info, { perSecond: 1e9, minSpacingMs: 0, windowMarginMs: 0, reserveForUrgent: 0 }, base);
  const wire = wireLog();
  try {
    for (let i = 0; i < 150; i++) await submit(rig); // warm: token, sockets, JIT, statement caches
    const run: OverheadRun = { overhead: [], withoutIntentWrite: [], network: [], totals: [], intentWrites: [] };
    for (let i = 0; i < n; i++) {
      wire.events.length = 0;
      rig.intentWrites.length = 0;
      const t0 = performance.now();
      await submit(rig);
      const tEnd = performance.now();
      const order = wire.events.find((e) => e.kind === 'send' && e.path.includes('order-cash'));
      if (!order) throw new Error('no order-cash request seen');
      const live: Array<[number, number]> = [];
      for (const e of wire.events) {
        if (e.kind !== 'send' || e.path.includes('order-cash')) continue;
        const done = wire.events.find((d) => d.kind === 'done' && d.path === e.path && d.t >= e.t);
        if (done && done.t <= order.t) live.push([e.t, done.t]);
      }
      if (live.length !== 2) throw new Error(`expected 2 live reads before the order, saw ${live.length}`);
      const net = unionLength(live);
      const intent = rig.intentWrites[0] ?? 0;
      run.network.push(net);
      run.overhead.push(order.t - t0 - net);
      run.withoutIntentWrite.push(order.t - t0 - net - intent);
      run.totals.push(tEnd - t0);
      run.intentWrites.push(intent);
    }
    return run;
  } finally {
    wire.stop();
    await rig.close();
  }
}

async function overhead(): Promise<{ value: number; unit: string; detail: Record<string, unknown> }> {
  const sim = await startSimChild({ start: START });
  const { info } = sim;
  try {
    const disk = await measureOverhead(info, tmpdir(), 1500);
    const shm = existsSync('/dev/shm') ? await measureOverhead(info, '/dev/shm', 1500) : null;
    const o = stats(disk.overhead);
    return {
      value: o.p99,
      unit: 'us (p99, core.handle → order-cash on the wire, minus the live reads’ network time)',
      detail: {
        goal: 'p99 < 2 ms (2000 us)',
        loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
        p50: o.p50,
        p99: o.p99,
        overheadUs: o,
        overheadWithoutIntentFsyncUs: stats(disk.withoutIntentWrite),
        intentWriteUs: stats(disk.intentWrites),
        liveReadsNetworkUs: stats(disk.network),
        wholeSubmitUs: stats(disk.totals),
        mirrorOnTmpfs: shm && { overheadUs: stats(shm.overhead), intentWriteUs: stats(shm.intentWrites) },
        method:
          'sim in a child process (frozen 10:00 KST, no latency, no rate limit); real core + orders module + real KIS client (limiter wide open) + real SQLite (intent INSERT with synchronous=FULL) on ext4 (headline) and on tmpfs (mirrorOnTmpfs: the same path without a disk fsync). overhead = (undici client:sendHeaders of order-cash − core.handle start) − union of the two live reads’ [client:sendHeaders, request:trailers] intervals. Resting 1-share buys (quote + orderable cash both read). 150 warm-up submits, then 1500 measured per run.',
      },
    };
  } finally {
    await sim.close();
  }
}

interface RttRun {
  /** submit ÷ the measured round trip of a bare read right before it (same client, same knob). */
  ratioMeasured: number[];
  /** submit ÷ the nominal 30 ms. */
  ratioNominal: number[];
  submitMs: number[];
  rttMs: number[];
}

async function rttRatio(minSpacingMs: number): Promise<RttRun> {
  const LATENCY = 30;
  const sim = await startSimChild({ start: START, knobs: { latency: { '*': { fixedMs: LATENCY, jitterMs: 0 } } } });
  const { info } = sim;
  const rig = await buildRig(info, { minSpacingMs });
  const pause = () => new Promise((s) => setTimeout(s, 300));
  try {
    for (let i = 0; i < 5; i++) {
      await submit(rig);
      await pause();
    }
    const run: RttRun = { ratioMeasured: [], ratioNominal: [], submitMs: [], rttMs: [] };
    for (let i = 0; i < 40; i++) {
      // The simulator's round trip as the client sees it: one bare read (quote) through the same client.
      let t = performance.now();
      await rig.session.rest.inquirePrice('034020');
      const rtt = performance.now() - t;
      // Let the limiter's spacing (when on) and the window clear, as between two trader actions.
      await pause();
      t = performance.now();
      await submit(rig);
      const total = performance.now() - t;
      run.rttMs.push(rtt);
      run.submitMs.push(total);
      run.ratioMeasured.push(total / rtt);
      run.ratioNominal.push(total / LATENCY);
      // Keep well inside 15 requests per second (4 per round) so the 1-s window never binds.
      await pause();
    }
    return run;
  } finally {
    await rig.close();
    await sim.close();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export const benches: Bench[] = [
  { metric: 'order.overhead', run: overhead },
  {
    metric: 'order.rtt_ratio',
    async run() {
      const lifted = await rttRatio(0);
      const spaced = await rttRatio(RATE_PROFILES.real.minSpacingMs);
      const q = (xs: number[]) => ({ p50: round2(percentile(xs, 50)), p90: round2(percentile(xs, 90)), p99: round2(percentile(xs, 99)), n: xs.length });
      const msQ = (xs: number[]) => ({ p50: round2(percentile(xs, 50)), p90: round2(percentile(xs, 90)), p99: round2(percentile(xs, 99)) });
      return {
        value: round2(percentile(lifted.ratioMeasured, 50)),
        unit: 'x (median of submit time ÷ the simulator round trip measured just before it, knob latency 30 ms)',
        detail: {
          goal: '≤ 2.2 (live checks concurrent → one extra round trip)',
          loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
          ratioToMeasuredRoundTrip: q(lifted.ratioMeasured),
          ratioToNominal30ms: q(lifted.ratioNominal),
          submitMs: msQ(lifted.submitMs),
          simulatorRoundTripMs: msQ(lifted.rttMs),
          withDefaultSpacing: {
            minSpacingMs: RATE_PROFILES.real.minSpacingMs,
            ratioToMeasuredRoundTrip: q(spaced.ratioMeasured),
            ratioToNominal30ms: q(spaced.ratioNominal),
            submitMs: msQ(spaced.submitMs),
            note: 'kis-api.md §8.1 spaces request starts ≥ 60 ms: quote, cash and order start at 0/60/120 ms whatever the order path does.',
          },
          method:
            "sim in a child process with knob latency '*' fixedMs 30 (each reply 30 ms late), frozen clock; real core + orders module + KIS client at the real profile (15/s), the 60-ms start spacing lifted for the headline; 5 warm-up rounds, then 40 rounds of [one bare inquirePrice through the same client = the simulator's round trip as the client sees it (≈ 30 ms + the simulator's own handling), 300 ms pause, one resting 1-share buy via core.handle('orders:submit'), 300 ms pause]. The nominal-30-ms ratio is in detail.",
        },
      };
    },
  },
];
