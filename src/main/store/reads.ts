/**
 * The read services (design.md invariant 1): typed queries over the READ-ONLY connection, each a prepared
 * statement (cached on first use), each well under a millisecond. The renderer sees the mirror only
 * through these, via IPC.
 */
import type { Clock } from '../../shared/clock';
import { closeDb, openReadableDb, type ReadableDb } from './open';
import { accountReads } from './read/account';
import { appStateReads } from './read/appState';
import { createReadContext } from './read/context';
import { marketReads } from './read/market';
import { executionReads, orderReads } from './read/orders';
import { portfolioReads } from './read/portfolio';
import { riskReads } from './read/risk';

function buildReads(db: ReadableDb, clock: Clock) {
  const ctx = createReadContext(db, clock);
  return {
    ...portfolioReads(ctx),
    ...accountReads(ctx),
    ...orderReads(ctx),
    ...executionReads(ctx),
    ...marketReads(ctx),
    ...appStateReads(ctx),
    ...riskReads(ctx),
    /** PRAGMA integrity_check: ['ok'] when the file is sound. Slow on big files — maintenance only. */
    integrityCheck(): string[] {
      return (ctx.stmt('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    },
  };
}

export type StoreReads = ReturnType<typeof buildReads>;

export function openReads(file: string, clock: Clock): { reads: StoreReads; close(): void } {
  const db = openReadableDb(file);
  return { reads: buildReads(db, clock), close: () => closeDb(db) };
}
