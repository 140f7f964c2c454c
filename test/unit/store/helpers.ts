/** Test support for the store: real SQLite files in a fresh temp dir, a hand-driven clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../../src/main/store';

export interface ManualClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

/** 2026-03-16 (Mon) 09:30:00 KST. */
export const T0 = Date.UTC(2026, 2, 16, 0, 30, 0);
export const TODAY = '20260316';

export function manualClock(start = T0): ManualClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aegis-store-'));
  dirs.push(d);
  return d;
}

/** Opens a store in a new temp dir; closed automatically after the test. */
export function openTemp(options: StoreOptions & { clock?: ManualClock } = {}): Store & { clock: ManualClock; dir: string } {
  const dir = tempDir();
  const clock = options.clock ?? manualClock();
  const store = openStore(dir, { ...options, clock });
  stores.push(store);
  return Object.assign(store, { clock, dir });
}

/** Asserts `ok: true` and narrows, with the failure message when it is not. */
export function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** Places an order through the journal up to accepted, as the order service would. */
export function placeAccepted(
  store: Store,
  o: { symbol: string; side: 'buy' | 'sell'; qty: number; price: number; orderNo: string; route?: 'KRX' | 'NXT' | 'SOR'; ordDvsn?: string },
): string {
  const intent = ok(
    store.writer.recordOrderIntent({ symbol: o.symbol, side: o.side, qty: o.qty, price: o.price, route: o.route ?? 'KRX', ordDvsn: o.ordDvsn ?? '00', dedupeWindowMs: 0 }),
  );
  ok(store.writer.markOrderSent(intent.clientOrderId));
  ok(store.writer.markOrderAccepted(intent.clientOrderId, { orderNo: o.orderNo, orgNo: '06010', time: T0 }));
  return intent.clientOrderId;
}
