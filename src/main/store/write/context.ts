/**
 * What every writer module shares: the one writable connection, the injected clock, options, and a
 * prepared-statement cache (statements are compiled once per SQL text and reused).
 */
import type { Clock } from '../../../shared/clock';
import type { Statement, WritableDb } from '../open';
import type { StoreErrorCode, StoreFailure } from '../types';

export interface WriterOptions {
  /** Double-submit window for order intents (issue 6). Default 3 s. */
  dedupeWindowMs: number;
  /** Sync log rows older than this are pruned on append. Default 14 days. */
  syncLogRetentionMs: number;
  /** Notification history kept. Default 2,000. */
  notificationsKept: number;
}

export const DEFAULT_WRITER_OPTIONS: WriterOptions = {
  dedupeWindowMs: 3_000,
  syncLogRetentionMs: 14 * 24 * 60 * 60 * 1000,
  notificationsKept: 2_000,
};

export interface WriteContext {
  db: WritableDb;
  clock: Clock;
  options: WriterOptions;
  stmt(sql: string): Statement;
  newId(): string;
}

export function createWriteContext(db: WritableDb, clock: Clock, options: WriterOptions, newId: () => string): WriteContext {
  const cache = new Map<string, Statement>();
  return {
    db,
    clock,
    options,
    newId,
    stmt(sql) {
      let s = cache.get(sql);
      if (!s) {
        s = db.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
  };
}

/**
 * Thrown inside a transaction to abort it with a clean result; `guard` in writer.ts turns it (and any
 * SQLite error) into a StoreFailure, so nothing escapes the writer as an exception.
 */
export class Refusal extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
  toFailure(): StoreFailure {
    return { ok: false, code: this.code, message: this.message };
  }
}

export const refuse = (code: StoreErrorCode, message: string): never => {
  throw new Refusal(code, message);
};
