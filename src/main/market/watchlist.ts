/**
 * The watchlist the terminal shows: the first of the mirror's watchlists (the store supports several; the
 * contract exposes one; the first migration creates it). A new demo mirror starts with the universe's five
 * leading names so the demo screen is alive; paper/real start empty (the trader's own list).
 */
import type { ActiveSession } from '../session/service';

const DEFAULT_NAME = '관심종목';
const DEMO_SEED = 5;
/** Set once the demo list was seeded, so a list the trader emptied stays empty. */
const SEEDED_KEY = 'market.watchlistSeeded';

export function watchlistId(session: ActiveSession): number | null {
  const lists = session.store.reads.watchlists();
  let id = lists[0]?.id ?? null;
  if (id === null) {
    const created = session.store.writer.createWatchlist(DEFAULT_NAME);
    if (!created.ok) return null;
    id = created.id;
  }
  if (session.sim && session.store.reads.setting(SEEDED_KEY) !== true) {
    const current = session.store.reads.watchlists().find((l) => l.id === id);
    if (current && current.symbols.length === 0) {
      session.store.writer.setWatchlistSymbols(id, session.instruments.all().slice(0, DEMO_SEED).map((i) => i.symbol));
    }
    session.store.writer.setSetting(SEEDED_KEY, true);
  }
  return id;
}

export function watchlistSymbols(session: ActiveSession): string[] {
  const id = watchlistId(session);
  if (id === null) return [];
  return session.store.reads.watchlists().find((l) => l.id === id)?.symbols ?? [];
}

export function setWatchlist(session: ActiveSession, symbols: string[]): { ok: true; symbols: string[] } | { ok: false; message: string } {
  const id = watchlistId(session);
  if (id === null) return { ok: false, message: 'watchlist could not be created' };
  const r = session.store.writer.setWatchlistSymbols(id, symbols);
  return r.ok ? { ok: true, symbols: r.symbols } : { ok: false, message: r.message };
}
