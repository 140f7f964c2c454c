/**
 * Runs inside the simulator's child process for fill.latency (see sim-child.ts): funds the account, then places
 * 1-share marketable orders at a steady rate on the exchange directly, as other traders' flow would arrive, and
 * stamps each order's placement and fill-notice emission with process.hrtime — CLOCK_MONOTONIC, the same clock
 * in every process on the machine, so the terminal's process can subtract its own stamps from these.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SimHandle } from '../../src/sim/handle';

type Command = { op: 'prepare'; symbols: string[] } | { op: 'run'; symbols: string[]; rate: number; total: number };

export default function fillDriver(sim: SimHandle) {
  const emitted = new Map<string, string>();
  sim.exchange.on('notice', (n) => {
    if (n.cntgYn === '2') emitted.set(n.orderNo, process.hrtime.bigint().toString());
  });
  return async (cmd: Command) => {
    if (cmd.op === 'prepare') {
      sim.exchange.control.setCash(sim.account, 100_000_000_000);
      for (const s of cmd.symbols) sim.exchange.control.setPosition(sim.account, s, 1_000_000, sim.exchange.quote(s, 'KRX')!.last);
      return { ok: true };
    }
    const placed: Array<[string, string]> = [];
    let refused = 0;
    let n = 0;
    const t0 = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    let maxBurst = 0;
    await new Promise<void>((done) => {
      const step = (): void => {
        const due = Math.min(cmd.total, Math.floor(((performance.now() - t0) / 1000) * cmd.rate));
        maxBurst = Math.max(maxBurst, due - n);
        while (n < due) {
          const symbol = cmd.symbols[n % cmd.symbols.length]!;
          const side = Math.floor(n / cmd.symbols.length) % 2 === 0 ? 'buy' : 'sell';
          const book = sim.exchange.book(symbol, 'KRX')!;
          const price = side === 'buy' ? book.asks[0]!.price : book.bids[0]!.price;
          const at = process.hrtime.bigint().toString();
          const r = sim.exchange.placeOrder({ account: sim.account, symbol, side, ordDvsn: '00', qty: 1, price, route: 'KRX', channel: 'hts' });
          if (r.ok) placed.push([r.orderNo, at]);
          else refused++;
          n++;
        }
        if (n < cmd.total) setTimeout(step, 1);
        else done();
      };
      step();
    });
    const elapsedS = (performance.now() - t0) / 1000;
    loop.disable();
    return {
      placed,
      emitted: placed.map(([no]) => emitted.get(no) ?? null),
      refused,
      offeredRatePerS: Math.round(n / elapsedS),
      // The simulator's own event loop: a late timer places a burst of orders at once.
      simLoopDelay: { p50Us: Math.round(loop.percentile(50) / 1000), p99Us: Math.round(loop.percentile(99) / 1000), maxUs: Math.round(loop.max / 1000) },
      maxBurst,
    };
  };
}
