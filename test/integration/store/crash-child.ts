/**
 * Child process for crash.test.ts: commits through the writer in a tight loop and prints each committed id
 * on stdout only after its transaction returned. The parent SIGKILLs it at a random moment.
 *
 * argv: <database file> <first id>
 * Each id n is one applyFill of an external order (order + execution + portfolio + venue lot: four tables in
 * one transaction); every 7th id also commits a 120-bar candle batch, every 11th an order intent (FULL sync).
 */
import { openStore } from '../../../src/main/store';

const [file, firstArg] = process.argv.slice(2);
const T0 = Date.UTC(2026, 2, 16, 0, 30, 0);
const store = openStore(file!, { clock: { now: () => T0 } });
const out = (line: string): void => {
  process.stdout.write(`${line}\n`); // pipes are synchronous on Linux: printed means handed to the parent
};
out('READY');
for (let n = Number(firstArg); ; n++) {
  const r = store.writer.applyFill({
    orderNo: String(n).padStart(10, '0'),
    symbol: '005930',
    side: 'buy',
    venue: n % 2 === 0 ? 'KRX' : 'NXT',
    qty: 1,
    price: 70000 + (n % 50) * 100,
    time: T0,
    order: { qty: 1, price: 70000, ordDvsn: '00', route: 'SOR' },
  });
  if (!r.ok) throw new Error(r.message);
  out(`F ${n}`);
  if (n % 7 === 0) {
    const base = n * 60_000 * 200;
    const bars = Array.from({ length: 120 }, (_v, i) => ({ symbol: '005930', venue: 'KRX' as const, minute: base + i * 60_000, open: 1, high: 2, low: 1, close: 2, volume: n }));
    if (!store.writer.upsertCandles(bars).ok) throw new Error('candles');
    out(`C ${n}`);
  }
  if (n % 11 === 0) {
    const i = store.writer.recordOrderIntent({ symbol: '000660', side: 'buy', route: 'KRX', ordDvsn: '00', qty: 1, price: 200000, clientOrderId: `crash-intent-${n}`, dedupeWindowMs: 0 });
    if (!i.ok) throw new Error(i.message);
    out(`I ${n}`);
  }
}
