/**
 * fill.latency (issue 5): the simulator emits a fill notice → the terminal's realtime client receives and
 * decrypts it over the loopback WebSocket → the fill pipeline commits it to the SQLite mirror → `fills:new` is
 * delivered by the core (payload validated against the contract) — p50/p99 in µs at a steady 1,000 fills/s.
 * Goal: p99 < 3 ms.
 *
 * Two set-ups, everything real (the session's REST/WS clients, a WAL SQLite file in a temp dir, the core's emit):
 *  - headline: the simulator in a child process, as KIS is on another machine — the terminal's event loop does
 *    only the terminal's work. Placement and notice emission are stamped in the child with process.hrtime
 *    (CLOCK_MONOTONIC, shared by every process on the machine) and subtracted from the stamp at `fills:new`.
 *  - `mirrorOnTmpfs`: the headline set-up with the mirror on a RAM disk, to show what disk write stalls add.
 *  - `simInSameProcess`: the simulator in the terminal's own process and event loop (its matching, encryption
 *    and socket writes compete with the pipeline for the loop) — the conservative figure, kept for comparison.
 * Each order is a 1-share marketable limit placed on the exchange directly (another trader's flow, as HTS
 * orders arrive), so it fills once, at once; orders alternate buy/sell over a few liquid symbols.
 *
 * Two start points: `placed` (just before exchange.placeOrder, which matches and emits the notice synchronously —
 * it includes the exchange's matching and the acceptance notice) and `emitted` (the exchange's notice listener).
 * The headline value is p99 from `placed`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createCore } from '../../src/main/core';
import { silentNotifier } from '../../src/main/electron-ports';
import { demoEnvironment } from '../../src/main/kis';
import { silentLogger } from '../../src/main/log';
import { createInstrumentDirectory } from '../../src/main/market/instruments';
import { buildDemoSession, buildSession, closeSession } from '../../src/main/session/build';
import type { ActiveSession } from '../../src/main/session/service';
import { SyncEngine } from '../../src/main/sync/engine';
import type { FillView } from '../../src/shared/ipc/domains/account';
import { parseKstIso } from '../../src/shared/market/time';
import { defaultSettings } from '../../src/shared/settings/schema';
import { UNIVERSE } from '../../src/sim/fixtures/universe';
import { startSimulator } from '../../src/sim/index';
import { percentile, type Bench } from './bench';
import { ROOT, startSimChild } from './sim-child';

const RATE = Number(process.env.FILL_RATE ?? 1000); // fills per second
const WARMUP = 500;
const MEASURED = 5000;
const SYMBOLS = ['005930', '000660', '005380', '035720', '105560'];
const START = '2026-11-23T10:00:00+09:00';

async function waitFor(pred: () => boolean, ms: number): Promise<boolean> {
  const t0 = performance.now();
  while (!pred()) {
    if (performance.now() - t0 > ms) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

function windows(samples: number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + size <= samples.length; i += size) out.push(samples.slice(i, i + size));
  return out;
}

/**
 * What this machine does to ANY event loop right now: a loop doing 0.5 ms of work per 1-ms timer for 2 s, and
 * how late its timers fire. On a shared 2-core box this floor alone can exceed the latency goal.
 */
async function machineBaseline(): Promise<{ p50Us: number; p99Us: number; maxUs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const end = performance.now() + 2000;
  await new Promise<void>((done) => {
    const step = (): void => {
      const t = performance.now();
      while (performance.now() - t < 0.5) {
        // busy: a stand-in for per-fill work
      }
      if (performance.now() < end) setTimeout(step, 1);
      else done();
    };
    step();
  });
  h.disable();
  return { p50Us: Math.round(h.percentile(50) / 1000), p99Us: Math.round(h.percentile(99) / 1000), maxUs: Math.round(h.max / 1000) };
}

/** Listens to the engine and the core the same way in both set-ups. */
function instrument(session: ActiveSession, engine: SyncEngine, core: ReturnType<typeof createCore>) {
  let delivered = 0;
  // Listeners run in registration order: one before the pipeline's and one after it time the pipeline itself.
  let handleStart = 0;
  const handleUs: number[] = [];
  session.realtime.on('notice', () => (handleStart = performance.now()));
  engine.start();
  session.realtime.on('notice', (n) => {
    if (n.kind === 'fill' && delivered >= WARMUP) handleUs.push((performance.now() - handleStart) * 1000);
  });
  /** orderNo → hrtime (ns) at fills:new, in delivery order. */
  const deliveredAt = new Map<string, bigint>();
  core.on((event, payload) => {
    if (event !== 'fills:new') return;
    deliveredAt.set((payload as FillView).orderNo, process.hrtime.bigint());
    delivered++;
  });
  return { deliveredAt, handleUs, delivered: () => delivered };
}

function summary(fromPlaced: number[], fromEmitted: number[], handleUs: number[], loop: ReturnType<typeof monitorEventLoopDelay>) {
  return {
    p50Us: Math.round(percentile(fromPlaced, 50)),
    p99Us: Math.round(percentile(fromPlaced, 99)),
    maxUs: Math.round(Math.max(...fromPlaced)),
    fromEmitted: { p50Us: Math.round(percentile(fromEmitted, 50)), p99Us: Math.round(percentile(fromEmitted, 99)) },
    // The pipeline's own synchronous work per fill notice (store transaction, events, notification).
    pipelinePerFill: { p50Us: Math.round(percentile(handleUs, 50)), p99Us: Math.round(percentile(handleUs, 99)) },
    // How long the terminal's event loop was blocked (by anything, incl. other processes taking the CPU).
    eventLoopDelay: { p50Us: Math.round(loop.percentile(50) / 1000), p99Us: Math.round(loop.percentile(99) / 1000), maxUs: Math.round(loop.max / 1000) },
    measuredFills: fromPlaced.length,
    // p99 of each consecutive 1,000 fills (one second): the shared 2-core machine makes single spikes common.
    p99PerSecondUs: windows(fromPlaced, RATE).map((w) => Math.round(percentile(w, 99))),
  };
}

function engineFor(session: ActiveSession, dir: string, clock: { now(): number }) {
  const core = createCore({
    dataDir: dir,
    clock,
    keychain: { get: async () => null, set: async () => {}, delete: async () => false },
    notifier: silentNotifier,
    logger: silentLogger,
    modules: [],
  });
  const settings = defaultSettings();
  const engine = new SyncEngine({ session, ctx: core.context, settings: () => settings, pollMs: 3_600_000 });
  return { core, engine };
}

/** The simulator in a child process (the headline); `base` is where the mirror's folder goes. */
async function withSimChild(base: string) {
  const sim = await startSimChild({ start: START, seed: 7, driver: join(ROOT, 'test/bench/fill-driver.ts') });
  const dir = mkdtempSync(join(base, 'aegis-bench-fill-child-'));
  let session: ActiveSession | null = null;
  let engine: SyncEngine | null = null;
  try {
    await sim.command({ op: 'prepare', symbols: SYMBOLS });
    const frozen = parseKstIso(START)!;
    session = await buildSession({
      environment: 'demo',
      kisEnv: demoEnvironment({ rest: sim.info.rest, ws: sim.info.ws, env: 'real' }),
      credentials: { appkey: sim.info.appkey, appsecret: sim.info.appsecret },
      account: sim.info.account,
      htsId: sim.info.htsId,
      dataDir: dir,
      keychain: null,
      logger: silentLogger,
      marketClock: { now: () => frozen },
      instruments: createInstrumentDirectory(
        UNIVERSE.map((u) => ({ info: { symbol: u.code, name: u.name, nameEn: u.nameEn, market: u.market, etp: u.etp, nxtEligible: u.nxtEligible }, weight: u.prevClose * u.listedShares })),
      ),
      realtime: { subscribeIntervalMs: 5 },
    });
    const rig = engineFor(session, dir, { now: () => frozen });
    engine = rig.engine;
    const s = session;
    if (!(await waitFor(() => s.realtime.activeRegistrations().some((r) => r.kind === 'notice'), 10_000))) throw new Error('no notice subscription');
    const probe = instrument(session, engine, rig.core);
    await engine.whenIdle();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    const gcPauses: number[] = [];
    const gc = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcPauses.push(e.duration)));
    gc.observe({ entryTypes: ['gc'] });
    const cpu0 = process.cpuUsage();
    loop.enable();
    const run = await sim.command<{ placed: Array<[string, string]>; emitted: Array<string | null>; refused: number; offeredRatePerS: number; simLoopDelay: object; maxBurst: number }>({
      op: 'run',
      symbols: SYMBOLS,
      rate: RATE,
      total: WARMUP + MEASURED,
    });
    await waitFor(() => probe.delivered() >= run.placed.length, 10_000);
    loop.disable();
    gc.disconnect();
    const cpu = process.cpuUsage(cpu0);
    const fromPlaced: number[] = [];
    const fromEmitted: number[] = [];
    run.placed.forEach(([orderNo, at], i) => {
      const got = probe.deliveredAt.get(orderNo);
      const emitted = run.emitted[i];
      if (i < WARMUP || got === undefined || !emitted) return;
      fromPlaced.push(Number(got - BigInt(at)) / 1000);
      fromEmitted.push(Number(got - BigInt(emitted)) / 1000);
    });
    const stats = engine.pipeline.stats;
    return {
      ...summary(fromPlaced, fromEmitted, probe.handleUs, loop),
      // CPU the terminal's process spent per fill (the simulator's is in its own process).
      terminalCpuPerFillUs: Math.round((cpu.user + cpu.system) / run.placed.length),
      offeredRatePerS: run.offeredRatePerS,
      refusedOrders: run.refused,
      lostFills: run.placed.length - probe.deliveredAt.size,
      simLoopDelay: run.simLoopDelay,
      gcPauses: { count: gcPauses.length, maxMs: Number(Math.max(0, ...gcPauses).toFixed(1)), totalMs: Math.round(gcPauses.reduce((a, b) => a + b, 0)), over10Ms: gcPauses.filter((d) => d > 10).length },
      maxBurst: run.maxBurst,
      pipeline: { notices: stats.notices, fills: stats.fills, duplicates: stats.duplicates, failed: stats.failed },
    };
  } finally {
    await engine?.stop();
    if (session) await closeSession(session);
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The simulator in the terminal's own process and event loop (the conservative comparison). */
async function withSimInProcess() {
  const sim = await startSimulator({ clock: { start: START, speed: 0 }, seed: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-fill-'));
  sim.exchange.control.setCash(sim.account, 100_000_000_000);
  for (const s of SYMBOLS) sim.exchange.control.setPosition(sim.account, s, 1_000_000, sim.exchange.quote(s, 'KRX')!.last);
  const session = await buildDemoSession({ dataDir: dir, sim, realtime: { subscribeIntervalMs: 5 } });
  const { core, engine } = engineFor(session, dir, sim.clock);
  try {
    if (!(await waitFor(() => session.realtime.activeRegistrations().some((r) => r.kind === 'notice'), 10_000))) throw new Error('no notice subscription');
    const probe = instrument(session, engine, core);
    await engine.whenIdle();

    const loop = monitorEventLoopDelay({ resolution: 1 });
    const placedAt = new Map<string, bigint>();
    const emittedAt = new Map<string, bigint>();
    sim.exchange.on('notice', (n) => {
      if (n.cntgYn === '2') emittedAt.set(n.orderNo, process.hrtime.bigint());
    });
    const order: string[] = [];
    const total = WARMUP + MEASURED;
    let placed = 0;
    let refused = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    loop.enable();
    await new Promise<void>((done) => {
      const step = (): void => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
        while (placed < due) {
          const symbol = SYMBOLS[placed % SYMBOLS.length]!;
          const side = Math.floor(placed / SYMBOLS.length) % 2 === 0 ? 'buy' : 'sell';
          const book = sim.exchange.book(symbol, 'KRX')!;
          const price = side === 'buy' ? book.asks[0]!.price : book.bids[0]!.price;
          const start = process.hrtime.bigint();
          const r = sim.exchange.placeOrder({ account: sim.account, symbol, side, ordDvsn: '00', qty: 1, price, route: 'KRX', channel: 'hts' });
          if (r.ok) {
            placedAt.set(r.orderNo, start);
            order.push(r.orderNo);
          } else refused++;
          placed++;
        }
        if (placed < total) setTimeout(step, 1);
        else done();
      };
      step();
    });
    const elapsedS = (performance.now() - t0) / 1000;
    await waitFor(() => probe.delivered() >= placed - refused, 10_000);
    loop.disable();
    const cpu = process.cpuUsage(cpu0);
    const fromPlaced: number[] = [];
    const fromEmitted: number[] = [];
    order.forEach((orderNo, i) => {
      const got = probe.deliveredAt.get(orderNo);
      const p = placedAt.get(orderNo);
      const e = emittedAt.get(orderNo);
      if (i < WARMUP || got === undefined || p === undefined || e === undefined) return;
      fromPlaced.push(Number(got - p) / 1000);
      fromEmitted.push(Number(got - e) / 1000);
    });
    const stats = engine.pipeline.stats;
    return {
      ...summary(fromPlaced, fromEmitted, probe.handleUs, loop),
      // CPU this process spent per order (simulator + terminal, both in this process): load-independent cost.
      cpuPerOrderUs: Math.round((cpu.user + cpu.system) / placed),
      offeredRatePerS: Math.round(placed / elapsedS),
      refusedOrders: refused,
      pipeline: { notices: stats.notices, fills: stats.fills, duplicates: stats.duplicates, failed: stats.failed },
    };
  } finally {
    await engine.stop();
    await closeSession(session);
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fillLatency: Bench = {
  metric: 'fill.latency',
  async run() {
    const baseline = await machineBaseline();
    const child = await withSimChild(tmpdir());
    // The same on a RAM disk: what the disk's write stalls add (SQLite writes on the main thread).
    const onTmpfs = existsSync('/dev/shm') ? await withSimChild('/dev/shm') : null;
    const inProcess = await withSimInProcess();
    return {
      value: child.p99Us,
      unit: 'µs p99 (placed → fills:new, simulator in its own process)',
      detail: {
        ...child,
        goalP99Us: 3000,
        loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        machineBaselineLoopDelay: baseline,
        mirrorOnTmpfs: onTmpfs && { p50Us: onTmpfs.p50Us, p99Us: onTmpfs.p99Us, maxUs: onTmpfs.maxUs, p99PerSecondUs: onTmpfs.p99PerSecondUs, eventLoopDelay: onTmpfs.eventLoopDelay },
        simInSameProcess: inProcess,
      },
    };
  },
};

export const benches: Bench[] = [fillLatency];
