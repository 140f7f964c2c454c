/**
 * SQLite connections and their pragmas. Two kinds exist and the type system tells them apart
 * (design.md invariant 2; the Signal-Desktop idea of ReadableDB/WritableDB brands):
 *
 * - `WritableDb`: exactly one per database file, opened only by `writer.ts` (an architecture test checks
 *   that nothing else calls `openWritableDb`). Every mutation in the app goes through it.
 * - `ReadableDb`: opened with `readonly: true`, so SQLite itself refuses writes; its type exposes only
 *   `prepare`, so code holding one cannot even spell `exec` or `transaction`.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

declare const writableBrand: unique symbol;
declare const readableBrand: unique symbol;

export type WritableDb = Database.Database & { readonly [writableBrand]: true };
export type ReadableDb = Pick<Database.Database, 'prepare'> & { readonly [readableBrand]: true };
export type Statement = Database.Statement;

/** Our files carry this in the header's application_id ('AEGS'), so a foreign SQLite file is never migrated. */
export const AEGIS_APPLICATION_ID = 0x41454753;
export const BUSY_TIMEOUT_MS = 5000;

export function openWritableDb(file: string): WritableDb {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL: the reader never blocks the writer and a crash mid-transaction leaves the last commit intact.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // NORMAL in WAL mode: a commit survives an app crash (it is in the WAL, i.e. the OS page cache), and may
  // only be lost on power loss/OS crash. That is fine for everything reconciliation can re-read from KIS.
  // The one thing KIS cannot give back — "we were about to send this order" — is written with FULL.
  db.pragma('synchronous = NORMAL');
  // Checkpoints are the only fsyncs NORMAL does, and an automatic one lands on whichever commit crosses the
  // threshold — a fill, in session. So the automatic threshold is only a safety net (~40 MB of WAL): a worker
  // thread checkpoints after writes (checkpointer.ts) and the sync scheduler when idle (writer.checkpoint()).
  db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  // 32 MB page cache (default 2 MB): a year of orders and executions stays hot.
  db.pragma('cache_size = -32768');
  return db as WritableDb;
}

export const AUTO_CHECKPOINT_PAGES = 10_000;

export function openReadableDb(file: string): ReadableDb {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // SQLite drops a connection's page cache whenever another connection commits; a bigger cache does not
  // survive that, but keeps the read-heavy stretches between commits (repaints) off the OS.
  db.pragma('cache_size = -16384');
  return db as unknown as ReadableDb;
}

/** The underlying handle, for closing. Kept separate so `ReadableDb`'s type stays prepare-only. */
export function closeDb(db: WritableDb | ReadableDb): void {
  (db as unknown as Database.Database).close();
}

export function readPragma(db: WritableDb | ReadableDb, name: 'user_version' | 'application_id'): number {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, number>;
  return Number(row[name] ?? 0);
}

/**
 * Runs `fn` in one IMMEDIATE transaction with synchronous=FULL, then restores NORMAL.
 *
 * Why a pragma switch on the one writer instead of a second "durable" connection: a second writable
 * connection would break invariant 2 and contend for SQLite's single write lock (SQLITE_BUSY). Switching
 * is free (no I/O) and safe because better-sqlite3 is synchronous: nothing else can run on this connection
 * between the switch, the commit and the switch back. In WAL mode FULL fsyncs the WAL at this commit,
 * which also makes every earlier NORMAL commit durable (the WAL is sequential).
 */
export function durableTransaction<T>(db: WritableDb, fn: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(fn).immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}

export function transaction<T>(db: WritableDb, fn: () => T): T {
  return db.transaction(fn).immediate();
}

// ───────────────────────────── inspecting a file before touching it ─────────────────────────────

export type FileInspection =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'notDatabase' }
  | { kind: 'database'; userVersion: number; applicationId: number; hasSchema: boolean };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * What is in `file`, found without writing anything. A newer app version's database must be left exactly
 * as it is (issue 5), and even a read-only SQLite connection creates -wal/-shm sidecar files for a WAL
 * database. So: when no -wal sidecar exists the main file holds every committed page and its 100-byte
 * header is authoritative (user_version at offset 60, application_id at 68, big-endian); only when a -wal
 * exists (it may hold newer pages) do we ask SQLite through a `readonly: true` connection, which then
 * creates nothing new.
 */
export function inspectDatabaseFile(file: string): FileInspection {
  if (!existsSync(file)) return { kind: 'absent' };
  const size = statSync(file).size;
  if (size === 0) return { kind: 'empty' };
  if (size < 100) return { kind: 'notDatabase' };
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'notDatabase' };
  const walExists = existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;
  if (!walExists) {
    // Offset 40 is the schema cookie: 0 until the first CREATE.
    return { kind: 'database', userVersion: header.readInt32BE(60), applicationId: header.readInt32BE(68), hasSchema: header.readInt32BE(40) !== 0 };
  }
  const ro = openReadableDb(file);
  try {
    const tables = ro.prepare("SELECT COUNT(*) AS n FROM sqlite_master").get() as { n: number };
    return {
      kind: 'database',
      userVersion: readPragma(ro, 'user_version'),
      applicationId: readPragma(ro, 'application_id'),
      hasSchema: tables.n > 0,
    };
  } finally {
    closeDb(ro);
  }
}
