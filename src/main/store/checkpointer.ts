/**
 * WAL checkpoints off the main thread. In WAL mode with synchronous=NORMAL the checkpoint is the only fsync,
 * and on a slow disk one costs ~20 ms (measured on our CI VM's ext4: fill.latency's periodic stalls were the
 * writer's automatic checkpoint). Run on the main thread, that stall holds every fill notice queued behind it.
 *
 * So a worker thread owns a second connection that does exactly one thing: `PRAGMA wal_checkpoint(PASSIVE)`,
 * which copies committed WAL frames into the database file and never blocks the writer or readers. It does not
 * change what the database says, so invariant 2 ("one writer") holds for content. The worker sleeps until the
 * writer signals a commit (a shared counter, Atomics), waits `batchMs` to gather a burst, checkpoints, and
 * sleeps again: no wake-ups while nothing is written. Because the WAL is kept backfilled, the writer restarts
 * it from the top instead of growing it, and the writer's own automatic checkpoint (the safety net in open.ts)
 * finds almost nothing left to copy.
 *
 * The worker is plain JavaScript evaluated from a string (better-sqlite3 resolved by main and passed in), so
 * the same code runs from the TypeScript sources in tests and from the bundle inside app.asar.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Slots of the shared Int32Array.
const WRITES = 0; // bumped by main after each commit
const STOP = 1; // 1 = stop
const DONE = 2; // 1 = the worker closed its connection
const CHECKPOINTS = 3; // checkpoints run
const FAILURES = 4; // checkpoints that threw
const SLOTS = 5;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const s = new Int32Array(workerData.shared);
let db = null;
try {
  const Database = require(workerData.library);
  db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
  // Writes already covered by a checkpoint; those made before this thread started count as pending.
  let covered = 0;
  while (Atomics.load(s, ${STOP}) === 0) {
    // Sleep until the writer commits (returns at once if it already has), or stop.
    Atomics.wait(s, ${WRITES}, covered, workerData.idleWaitMs);
    if (Atomics.load(s, ${STOP}) !== 0) break;
    if (Atomics.load(s, ${WRITES}) === covered) continue;
    // Let a burst gather before copying it.
    Atomics.wait(s, ${STOP}, 0, workerData.batchMs);
    if (Atomics.load(s, ${STOP}) !== 0) break;
    const upTo = Atomics.load(s, ${WRITES});
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      Atomics.add(s, ${CHECKPOINTS}, 1);
    } catch {
      Atomics.add(s, ${FAILURES}, 1);
    }
    covered = upTo;
  }
} catch {
  Atomics.add(s, ${FAILURES}, 1);
} finally {
  try { if (db) db.close(); } catch {}
  Atomics.store(s, ${DONE}, 1);
  Atomics.notify(s, ${DONE});
}
`;

export interface BackgroundCheckpointer {
  /** Called by the writer after each commit: cheap (one atomic add; a futex wake only if the worker sleeps). */
  wrote(): void;
  /** Checkpoints run and failed so far. */
  stats(): { checkpoints: number; failures: number; running: boolean };
  /** Stops the worker and waits (synchronously, at most `waitMs`) until its connection is closed. */
  stop(waitMs?: number): void;
}

export interface CheckpointerOptions {
  /** How long to let writes gather after the first one before copying them (default 20 ms). */
  batchMs?: number;
  busyTimeoutMs?: number;
  /** better-sqlite3's entry file (default: the one main resolves). */
  library?: string;
}

const library = createRequire(import.meta.url).resolve('better-sqlite3');

export function startBackgroundCheckpointer(file: string, o: CheckpointerOptions = {}): BackgroundCheckpointer {
  const shared = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const s = new Int32Array(shared);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { library: o.library ?? library, file, shared, batchMs: o.batchMs ?? 20, busyTimeoutMs: o.busyTimeoutMs ?? 5000, idleWaitMs: 60_000 },
  });
  // The app may exit with the store open (a crash path); the worker must not keep the process alive.
  worker.unref();
  // A worker that cannot run (no native module in this context, say) costs only its speed-up: the writer's
  // safety-net checkpoint and sync's idle one still run. Never let its error reach the main process.
  worker.on('error', () => {
    Atomics.add(s, FAILURES, 1);
    Atomics.store(s, DONE, 1);
  });
  let stopped = false;
  return {
    wrote() {
      Atomics.add(s, WRITES, 1);
      Atomics.notify(s, WRITES, 1);
    },
    stats: () => ({ checkpoints: Atomics.load(s, CHECKPOINTS), failures: Atomics.load(s, FAILURES), running: !stopped && Atomics.load(s, DONE) === 0 }),
    stop(waitMs = 2000) {
      if (stopped) return;
      stopped = true;
      Atomics.store(s, STOP, 1);
      Atomics.notify(s, WRITES);
      Atomics.notify(s, STOP);
      // A checkpoint in progress finishes first (milliseconds); then the worker closes its connection, so the
      // writer's close is the last one and SQLite folds the WAL back into the file as usual.
      Atomics.wait(s, DONE, 0, waitMs);
      void worker.terminate();
    },
  };
}
