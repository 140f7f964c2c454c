/**
 * The background checkpointer (src/main/store/checkpointer.ts): a worker thread copies the WAL into the database
 * file after writes, so the writer's thread never pays the checkpoint's fsync; it sleeps while nothing is written
 * and closes its connection before the writer's, so SQLite still folds the WAL away on close.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackgroundCheckpointer } from '../../../src/main/store/checkpointer';
import { ok, openTemp, placeAccepted, T0 } from './helpers';

const until = async (pred: () => boolean, ms = 5000): Promise<boolean> => {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

describe('background WAL checkpoints', () => {
  it('sleep while nothing is written, then copy the WAL into the file after writes (those made before the thread started too)', async () => {
    const s = openTemp();
    await new Promise((r) => setTimeout(r, 150));
    expect(s.checkpoints()).toEqual({ checkpoints: 0, failures: 0, running: true });

    for (let i = 0; i < 200; i++) {
      placeAccepted(s, { symbol: '005930', side: 'buy', qty: 1, price: 70_000, orderNo: String(i + 1).padStart(10, '0') });
      ok(s.writer.applyFill({ orderNo: String(i + 1).padStart(10, '0'), symbol: '005930', side: 'buy', venue: 'KRX', qty: 1, price: 70_000, time: T0 + i }));
    }
    expect(await until(() => (s.checkpoints()?.checkpoints ?? 0) > 0)).toBe(true);
    // Everything committed is already in the database file: a checkpoint now has nothing left to copy.
    expect(await until(() => {
      const r = ok(s.writer.checkpoint('passive'));
      return r.walPages === r.checkpointedPages;
    })).toBe(true);
    expect(s.checkpoints()!.failures).toBe(0);
  });

  it('closes its connection before the writer: the WAL is folded away on close, and every row is there', async () => {
    const s = openTemp();
    for (let i = 0; i < 50; i++) placeAccepted(s, { symbol: '000660', side: 'sell', qty: 1, price: 190_000, orderNo: String(i + 1).padStart(10, '0') });
    expect(await until(() => (s.checkpoints()?.checkpoints ?? 0) > 0)).toBe(true);
    s.close();
    expect(s.checkpoints()?.running).toBe(false);
    expect(existsSync(`${s.file}-wal`)).toBe(false);
    const db = new Database(s.file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT COUNT(*) AS n FROM trade_orders').get() as { n: number }).n).toBe(50);
    } finally {
      db.close();
    }
    expect(statSync(s.file).size).toBeGreaterThan(0);
  });

  it('can be turned off: then there is no worker and the writer works as before', () => {
    const s = openTemp({ backgroundCheckpoints: false });
    expect(s.checkpoints()).toBeNull();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 1, price: 70_000, orderNo: '0000000001' });
    expect(s.reads.ordersToday().length).toBe(1);
  });

  it('a worker that cannot load SQLite gives up quietly: counted as a failure, nothing thrown in main', async () => {
    const s = openTemp({ backgroundCheckpoints: false });
    const broken = startBackgroundCheckpointer(s.file, { library: '/nonexistent/better-sqlite3.js' });
    broken.wrote();
    expect(await until(() => broken.stats().failures > 0 && !broken.stats().running)).toBe(true);
    broken.stop();
    placeAccepted(s, { symbol: '005930', side: 'buy', qty: 1, price: 70_000, orderNo: '0000000001' });
    expect(s.reads.ordersToday().length).toBe(1);
  });
});
