/**
 * Store benches (issue 5), on real SQLite files in a temp dir:
 * - store.write: applyFill executions/s on journaled orders (each its own transaction, as the fill pipeline
 *   commits them); detail: fills that also create an HTS order, candle rows/s in flush batches, orders
 *   journaled/s (intent with synchronous=FULL, sent, accepted).
 * - store.read: portfolioView p99 µs with 200 positions and 100,000 executions (goal < 1 ms), measured on the
 *   first read after a commit (holdings re-read); detail: a repaint with unchanged holdings, other hot reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/store';
import { percentile, type Bench } from './bench';

const T0 = Date.UTC(2026, 2, 16, 0, 30, 0); // 09:30 KST
const DAY = 86_400_000;
const symbolOf = (i: number): string => String(100_000 + i * 37).padStart(6, '0');

function withStore<T>(clock: { now(): number }, fn: (s: Store) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-'));
  const store = openStore(dir, { clock });
  try {
    return fn(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An HTS-style fill of a whole order (the order is created from the notice and ends filled). */
function fill(i: number, day: number, symbols: number) {
  const time = T0 - day * DAY + (i % 20_000) * 1000;
  const qty = 1 + (i % 5);
  return {
    orderNo: String(i + 1).padStart(10, '0'),
    symbol: symbolOf(i % symbols),
    side: 'buy' as const,
    venue: i % 3 === 0 ? ('NXT' as const) : ('KRX' as const),
    qty,
    price: 10_000 + (i % 300) * 50,
    time,
    fee: 2,
    order: { qty, price: 10_000, ordDvsn: '00', route: 'SOR' as const },
  };
}

const writeBench: Bench = {
  metric: 'store.write',
  async run() {
    let now = T0;
    const clock = { now: () => now };
    return withStore(clock, (s) => {
      // The order journal: 2,000 orders placed through intent (synchronous=FULL) → sent → accepted.
      const orders = 2_000;
      let t = process.hrtime.bigint();
      for (let i = 0; i < orders; i++) {
        now += 1;
        const intent = s.writer.recordOrderIntent({ symbol: symbolOf(i % 200), side: 'buy', route: 'SOR', ordDvsn: '00', qty: 100, price: 10_000, dedupeWindowMs: 0 });
        if (!intent.ok) throw new Error(intent.message);
        if (!s.writer.markOrderSent(intent.clientOrderId).ok) throw new Error('sent');
        const acc = s.writer.markOrderAccepted(intent.clientOrderId, { orderNo: String(i + 1).padStart(10, '0'), orgNo: '06010', time: now });
        if (!acc.ok) throw new Error(acc.message);
      }
      const journalSeconds = Number(process.hrtime.bigint() - t) / 1e9;

      // Fill notices: 10 per order, each its own transaction (execution + order + position + venue lot).
      const fills = 20_000;
      t = process.hrtime.bigint();
      for (let i = 0; i < fills; i++) {
        const o = i % orders;
        const r = s.writer.applyFill({
          orderNo: String(o + 1).padStart(10, '0'),
          symbol: symbolOf(o % 200),
          side: 'buy',
          venue: i % 3 === 0 ? 'NXT' : 'KRX',
          qty: 10,
          price: 10_000 + (i % 7) * 10,
          time: T0 + i * 1000,
          fee: 14,
        });
        if (!r.ok || !r.changed) throw new Error(r.ok ? 'duplicate' : r.message);
      }
      const fillSeconds = Number(process.hrtime.bigint() - t) / 1e9;

      // HTS/MTS fills: the order is not in the mirror yet, so each also creates it.
      const external = 2_000;
      t = process.hrtime.bigint();
      for (let i = 0; i < external; i++) {
        const r = s.writer.applyFill({ ...fill(i, 0, 200), orderNo: String(500_000 + i).padStart(10, '0') });
        if (!r.ok) throw new Error(r.message);
      }
      const externalSeconds = Number(process.hrtime.bigint() - t) / 1e9;

      const batches = 100;
      const batchSize = 500;
      t = process.hrtime.bigint();
      for (let b = 0; b < batches; b++) {
        const minute = T0 - (T0 % 60_000) + b * 60_000;
        const bars = Array.from({ length: batchSize }, (_v, k) => ({
          symbol: symbolOf(k),
          venue: 'KRX' as const,
          minute,
          open: 100,
          high: 110,
          low: 90,
          close: 105,
          volume: k,
        }));
        if (!s.writer.upsertCandles(bars).ok) throw new Error('candles');
      }
      const candleSeconds = Number(process.hrtime.bigint() - t) / 1e9;

      return {
        value: Math.round(fills / fillSeconds),
        unit: 'executions/s',
        detail: {
          executions: fills,
          externalOrderFillsPerSecond: Math.round(external / externalSeconds),
          candleRowsPerSecond: Math.round((batches * batchSize) / candleSeconds),
          candleBatch: batchSize,
          ordersJournaledPerSecond: Math.round(orders / journalSeconds),
          note: 'journaled = intent (synchronous=FULL) + sent + accepted, three transactions',
        },
      };
    });
  },
};

/** p50/p99 µs of `fn`; `between` runs before each sample, outside the timing. */
function timeIt(iterations: number, fn: () => unknown, between?: () => void): { p50: number; p99: number } {
  for (let i = 0; i < 50; i++) fn(); // warm up (statement cache, page cache)
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    between?.();
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return { p50: Math.round(percentile(samples, 50) * 10) / 10, p99: Math.round(percentile(samples, 99) * 10) / 10 };
}

const readBench: Bench = {
  metric: 'store.read',
  async run() {
    const clock = { now: () => T0 + 30_000_000 };
    return withStore(clock, (s) => {
      // 100,000 executions over 250 trade days (400 a day), 200 symbols held, some open sells.
      const executions = 100_000;
      for (let i = 0; i < executions; i++) {
        const r = s.writer.applyFill(fill(i, 249 - Math.floor(i / 400), 200));
        if (!r.ok) throw new Error(r.message);
      }
      for (let i = 0; i < 50; i++) {
        const r = s.writer.recordOrderIntent({ symbol: symbolOf(i), side: 'sell', route: 'KRX', ordDvsn: '00', qty: 1, price: 20_000, dedupeWindowMs: 0 });
        if (!r.ok) throw new Error(r.message);
      }
      for (let d = 0; d < 250; d++) {
        for (let m = 0; m < 4; m++) {
          s.writer.saveAccountSnapshot({ time: T0 - (249 - d) * DAY + m * 60_000, cashD0: 1, cashD1: 1, cashD2: 1, totalAssets: 1_000 + d, securitiesValue: 0, costTotal: 0, unrealizedPnl: 0 });
        }
      }
      // As the app's scheduler does once the startup sync is done: checkpoint while idle (open.ts explains why).
      if (!s.writer.checkpoint('truncate').ok) throw new Error('checkpoint');
      const prices = new Map(Array.from({ length: 200 }, (_v, i) => [symbolOf(i), 20_000 + i]));
      const view = s.reads.portfolioView(prices);
      if (view.positions.length !== 200) throw new Error(`expected 200 positions, got ${view.positions.length}`);
      if (s.reads.openOrders().length !== 0 || s.reads.inFlightOrders().length !== 50) throw new Error('unexpected open orders');
      // Worst case first: the first read after a commit re-reads every holding (the write is not timed).
      let tick = 0;
      const afterCommit = timeIt(2_000, () => s.reads.portfolioView(prices), () => {
        if (!s.writer.setSetting('bench.tick', ++tick).ok) throw new Error('setting');
      });
      // The common case: a repaint with new prices while the holdings are unchanged (revaluation only).
      const repaint = timeIt(3_000, () => {
        prices.set(symbolOf(tick++ % 200), 20_000 + (tick % 100));
        return s.reads.portfolioView(prices);
      });
      return {
        value: afterCommit.p99,
        unit: 'µs p99 portfolioView (first read after a commit)',
        detail: {
          positions: view.positions.length,
          executions,
          afterCommitP50: afterCommit.p50,
          repaintUnchangedHoldings: repaint,
          accountSummary: timeIt(2_000, () => s.reads.accountSummary()),
          openOrders: timeIt(2_000, () => s.reads.openOrders()),
          fillsToday400: timeIt(1_000, () => s.reads.fillsToday()),
          fillsForSymbol30d: timeIt(2_000, () => s.reads.fillsForSymbol(symbolOf(7), T0 - 30 * DAY, T0 + DAY)),
          equityHistory250: timeIt(1_000, () => s.reads.equityHistory(250)),
          orderByClientIdMiss: timeIt(2_000, () => s.reads.orderByClientId('nope-nope-nope')),
          goalP99Us: 1000,
        },
      };
    });
  },
};

export const benches: Bench[] = [writeBench, readBench];
