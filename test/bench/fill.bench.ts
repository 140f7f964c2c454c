/**
 * fill.latency (issue 5): the simulator emits a fill notice → the terminal's realtime client receives and
 * decrypts it over the loopback WebSocket → the fill pipeline commits it to the SQLite mirror → `fills:new` is
 * delivered by the core (payload validated against the contract) — p50/p99 in µs at a steady 1,000 fills/s.
 * Goal: p99 < 3 ms.
 *
 * Everything is real and in one process (the simulator, the session's REST/WS clients, a WAL SQLite file in a
 * temp dir, the core's emit), so performance.now() on both ends is one clock. Each order is a 1-share
 * marketable limit, so it fills once, at once; orders alternate buy/sell over a few liquid symbols.
 *
 * Two start points are reported: `placed` (just before exchange.placeOrder, which matches and emits the notice
 * synchronously — conservative, it includes the exchange's matching and the acceptance notice) and `emitted`
 * (the exchange's notice listener — after the simulator's own listener has encrypted and queued the frame).
 * The headline value is p99 from `placed`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../../src/main/core';
import { silentNotifier } from '../../src/main/electron-ports';
import { silentLogger } from '../../src/main/log';
import { buildDemoSession, closeSession } from '../../src/main/session/build';
import { SyncEngine } from '../../src/main/sync/engine';
import type { FillView } from '../../src/shared/ipc/domains/account';
import { defaultSettings } from '../../src/shared/settings/schema';
import { startSimulator } from '../../src/sim/index';
import { percentile, type Bench } from './bench';

const RATE = Number(process.env.FILL_RATE ?? 1000); // fills per second
const WARMUP = 500;
const MEASURED = 5000;
const SYMBOLS = ['005930', '000660', '005380', '035720', '105560'];

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

const fillLatency: Bench = {
  metric: 'fill.latency',
  async run() {
    const baseline = await machineBaseline();
    const sim = await startSimulator({ clock: { start: '2026-11-23T10:00:00+09:00', speed: 0 }, seed: 7 });
    const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-fill-'));
    sim.exchange.control.setCash(sim.account, 100_000_000_000);
    for (const s of SYMBOLS) sim.exchange.control.setPosition(sim.account, s, 1_000_000, sim.exchange.quote(s, 'KRX')!.last);
    const session = await buildDemoSession({ dataDir: dir, sim, realtime: { subscribeIntervalMs: 5 } });
    const core = createCore({
      dataDir: dir,
      clock: sim.clock,
      keychain: { get: async () => null, set: async () => {}, delete: async () => false },
      notifier: silentNotifier,
      logger: silentLogger,
      modules: [],
    });
    const settings = defaultSettings();
    const engine = new SyncEngine({ session, ctx: core.context, settings: () => settings, pollMs: 3_600_000 });
    try {
      let delivered = 0;
      if (!(await waitFor(() => session.realtime.activeRegistrations().some((r) => r.kind === 'notice'), 10_000))) throw new Error('no notice subscription');
      // Listeners run in registration order: one before the pipeline's and one after it time the pipeline itself.
      let handleStart = 0;
      const handleUs: number[] = [];
      session.realtime.on('notice', () => (handleStart = performance.now()));
      engine.start();
      session.realtime.on('notice', (n) => {
        if (n.kind === 'fill' && delivered >= WARMUP) handleUs.push((performance.now() - handleStart) * 1000);
      });
      await engine.whenIdle();

      const loop = monitorEventLoopDelay({ resolution: 1 });
      const placedAt = new Map<string, number>();
      const emittedAt = new Map<string, number>();
      const fromPlaced: number[] = [];
      const fromEmitted: number[] = [];
      sim.exchange.on('notice', (n) => {
        if (n.cntgYn === '2') emittedAt.set(n.orderNo, performance.now());
      });
      core.on((event, payload) => {
        if (event !== 'fills:new') return;
        const now = performance.now();
        const orderNo = (payload as FillView).orderNo;
        const p = placedAt.get(orderNo);
        const e = emittedAt.get(orderNo);
        delivered++;
        if (delivered > WARMUP && p !== undefined && e !== undefined) {
          fromPlaced.push((now - p) * 1000);
          fromEmitted.push((now - e) * 1000);
        }
        placedAt.delete(orderNo);
        emittedAt.delete(orderNo);
      });

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
            const start = performance.now();
            const r = sim.exchange.placeOrder({ account: sim.account, symbol, side, ordDvsn: '00', qty: 1, price, route: 'KRX', channel: 'hts' });
            if (r.ok) placedAt.set(r.orderNo, start);
            else refused++;
            placed++;
          }
          if (placed < total) setTimeout(step, 1);
          else done();
        };
        step();
      });
      const elapsedS = (performance.now() - t0) / 1000;
      await waitFor(() => delivered >= placed - refused, 10_000);
      loop.disable();
      const cpu = process.cpuUsage(cpu0);
      engine.flushEvents();
      const stats = engine.pipeline.stats;
      return {
        value: Math.round(percentile(fromPlaced, 99)),
        unit: 'µs p99 (placed → fills:new)',
        detail: {
          p50Us: Math.round(percentile(fromPlaced, 50)),
          p99Us: Math.round(percentile(fromPlaced, 99)),
          maxUs: Math.round(Math.max(...fromPlaced)),
          fromEmitted: { p50Us: Math.round(percentile(fromEmitted, 50)), p99Us: Math.round(percentile(fromEmitted, 99)) },
          // The pipeline's own synchronous work per fill notice (store transaction, events, notification).
          pipelinePerFill: { p50Us: Math.round(percentile(handleUs, 50)), p99Us: Math.round(percentile(handleUs, 99)) },
          // How long the event loop was blocked (by anything, incl. other processes taking the CPU).
          eventLoopDelay: { p50Us: Math.round(loop.percentile(50) / 1000), p99Us: Math.round(loop.percentile(99) / 1000), maxUs: Math.round(loop.max / 1000) },
          loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
          machineBaselineLoopDelay: baseline,
          // CPU this process spent per order (simulator + terminal, both in this process): load-independent cost.
          cpuPerOrderUs: Math.round((cpu.user + cpu.system) / placed),
          measuredFills: fromPlaced.length,
          offeredRatePerS: Math.round(placed / elapsedS),
          refusedOrders: refused,
          pipeline: { notices: stats.notices, fills: stats.fills, duplicates: stats.duplicates, failed: stats.failed },
          // p99 of each consecutive 1,000 fills (one second): the shared 2-core machine makes single spikes common.
          p99PerSecondUs: windows(fromPlaced, RATE).map((w) => Math.round(percentile(w, 99))),
          goalP99Us: 3000,
        },
      };
    } finally {
      await engine.stop();
      await closeSession(session);
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const benches: Bench[] = [fillLatency];
