/**
 * openStore: the mirror as the rest of main gets it — `{ writer, reads, close }`.
 *
 * Order of work: look at the file WITHOUT writing (a newer app version's database, a foreign SQLite file
 * or a non-database is refused and left byte-for-byte untouched), then open THE writable connection and
 * migrate, then the read-only connection for the read services.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { systemClock, type Clock } from '../../shared/clock';
import { foreignDatabaseError, notDatabaseError, StoreOpenError, tooNewError } from './errors';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { startBackgroundCheckpointer, type BackgroundCheckpointer } from './checkpointer';
import { AEGIS_APPLICATION_ID, inspectDatabaseFile } from './open';
import { openReads, type StoreReads } from './reads';
import type { WriterOptions } from './write/context';
import { openWriter, type StoreWriter } from './writer';

export const DATABASE_FILE_NAME = 'aegis.sqlite3';

export interface StoreOptions {
  clock?: Clock;
  writer?: Partial<WriterOptions>;
  /** Id generator for client order ids (default crypto.randomUUID). */
  newId?: () => string;
  /** WAL checkpoints on a worker thread after writes (checkpointer.ts). Default true. */
  backgroundCheckpoints?: boolean;
}

export interface Store {
  file: string;
  schemaVersion: number;
  writer: StoreWriter;
  reads: StoreReads;
  /** The background checkpointer's counters; null when it is off or could not start. */
  checkpoints(): { checkpoints: number; failures: number; running: boolean } | null;
  close(): void;
}

/** A directory gets `aegis.sqlite3` inside it; anything else is the database file itself. */
export function resolveDatabaseFile(location: string): string {
  if (existsSync(location) && statSync(location).isDirectory()) return join(location, DATABASE_FILE_NAME);
  return location;
}

/** Throws StoreOpenError when the file must not be opened (message in Korean and English). */
export function checkDatabaseFile(file: string): void {
  const found = inspectDatabaseFile(file);
  if (found.kind === 'notDatabase') throw notDatabaseError(file);
  if (found.kind !== 'database') return;
  if (found.applicationId !== 0 && found.applicationId !== AEGIS_APPLICATION_ID) throw foreignDatabaseError(file, found.applicationId);
  if (found.userVersion > LATEST_SCHEMA_VERSION) throw tooNewError(file, found.userVersion, LATEST_SCHEMA_VERSION);
  // Not ours and not blank: another program's database (we would be adding tables to it).
  if (found.applicationId === 0 && (found.userVersion !== 0 || found.hasSchema)) throw foreignDatabaseError(file, 0);
}

export function openStore(location: string, options: StoreOptions = {}): Store {
  const file = resolveDatabaseFile(location);
  checkDatabaseFile(file);
  mkdirSync(dirname(file), { recursive: true });
  const clock = options.clock ?? systemClock;
  let background: BackgroundCheckpointer | null = null;
  const w = openWriter(file, { clock, writer: options.writer, newId: options.newId, onWrite: () => background?.wrote() });
  let r: ReturnType<typeof openReads>;
  try {
    r = openReads(file, clock);
  } catch (err) {
    w.close();
    throw err instanceof StoreOpenError ? err : new StoreOpenError('OPEN_FAILED', `읽기 연결을 열 수 없습니다 / Could not open the read connection: ${String(err)}`, file);
  }
  if (options.backgroundCheckpoints !== false) {
    try {
      background = startBackgroundCheckpointer(file);
    } catch {
      // No worker threads here: the writer's automatic checkpoint and sync's idle checkpoints still run.
      background = null;
    }
  }
  let closed = false;
  return {
    file,
    schemaVersion: w.schemaVersion,
    writer: w.writer,
    reads: r.reads,
    checkpoints: () => background?.stats() ?? null,
    close() {
      if (closed) return;
      closed = true;
      background?.stop();
      r.close();
      w.close();
    },
  };
}

export type OpenStoreResult = { ok: true; store: Store } | { ok: false; code: StoreOpenError['code']; message: string };

/** openStore with the refusal as a value, for callers that show it (startup screen) instead of crashing. */
export function tryOpenStore(location: string, options: StoreOptions = {}): OpenStoreResult {
  try {
    return { ok: true, store: openStore(location, options) };
  } catch (err) {
    if (err instanceof StoreOpenError) return { ok: false, code: err.code, message: err.message };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'OPEN_FAILED', message: `데이터베이스를 열 수 없습니다 / Could not open the database: ${message}` };
  }
}
