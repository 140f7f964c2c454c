/** Shared by the read services: the read-only connection, the clock (for "today") and a statement cache. */
import type { Clock } from '../../../shared/clock';
import type { ReadableDb, Statement } from '../open';
import { kstDate } from '../time';

export interface ReadContext {
  db: ReadableDb;
  clock: Clock;
  stmt(sql: string): Statement;
  today(): string;
}

export function createReadContext(db: ReadableDb, clock: Clock): ReadContext {
  const cache = new Map<string, Statement>();
  return {
    db,
    clock,
    today: () => kstDate(clock.now()),
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
