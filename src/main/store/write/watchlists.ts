/** Watchlists and their ordered symbols. Positions are dense 0..n-1 after every change. */
import { transaction } from '../open';
import { refuse, type WriteContext } from './context';
import * as v from './validate';

function requireList(ctx: WriteContext, id: number): void {
  if (!ctx.stmt('SELECT 1 FROM watchlists WHERE id = ?').get(id)) refuse('NOT_FOUND', `no watchlist ${id}`);
}

function nameTaken(ctx: WriteContext, name: string, exceptId: number): boolean {
  return ctx.stmt('SELECT 1 FROM watchlists WHERE name = ? AND id != ?').get(name, exceptId) !== undefined;
}

export function createWatchlist(ctx: WriteContext, name: string): { id: number } {
  const n = v.text('name', name?.trim?.(), 50);
  return transaction(ctx.db, () => {
    if (nameTaken(ctx, n, -1)) refuse('DUPLICATE', `a watchlist named "${n}" exists`);
    const next = ctx.stmt('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM watchlists').get() as { p: number };
    const info = ctx.stmt('INSERT INTO watchlists (name, position, created_at) VALUES (?, ?, ?)').run(n, next.p, ctx.clock.now());
    return { id: Number(info.lastInsertRowid) };
  });
}

export function renameWatchlist(ctx: WriteContext, id: number, name: string): { id: number } {
  const listId = v.int('id', id, 1);
  const n = v.text('name', name?.trim?.(), 50);
  return transaction(ctx.db, () => {
    requireList(ctx, listId);
    if (nameTaken(ctx, n, listId)) refuse('DUPLICATE', `a watchlist named "${n}" exists`);
    ctx.stmt('UPDATE watchlists SET name = ? WHERE id = ?').run(n, listId);
    return { id: listId };
  });
}

export function deleteWatchlist(ctx: WriteContext, id: number): { deleted: boolean } {
  const listId = v.int('id', id, 1);
  return transaction(ctx.db, () => {
    const deleted = ctx.stmt('DELETE FROM watchlists WHERE id = ?').run(listId).changes > 0; // items cascade
    const ids = ctx.stmt('SELECT id FROM watchlists ORDER BY position, id').all() as Array<{ id: number }>;
    ids.forEach((r, i) => ctx.stmt('UPDATE watchlists SET position = ? WHERE id = ?').run(i, r.id));
    return { deleted };
  });
}

/** Sets the order of all watchlists; `ids` must be exactly the existing ones. */
export function reorderWatchlists(ctx: WriteContext, ids: number[]): { count: number } {
  if (!Array.isArray(ids)) refuse('BAD_INPUT', 'ids must be an array');
  const wanted = ids.map((id) => v.int('id', id, 1));
  return transaction(ctx.db, () => {
    const existing = (ctx.stmt('SELECT id FROM watchlists').all() as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b);
    if (new Set(wanted).size !== wanted.length || [...wanted].sort((a, b) => a - b).join() !== existing.join()) {
      refuse('BAD_INPUT', 'ids must list every watchlist exactly once');
    }
    wanted.forEach((id, i) => ctx.stmt('UPDATE watchlists SET position = ? WHERE id = ?').run(i, id));
    return { count: wanted.length };
  });
}

/** Adds a symbol at `position` (default: the end); adding one already present moves it. */
export function addToWatchlist(ctx: WriteContext, id: number, symbol: string, position?: number): { symbols: string[] } {
  const listId = v.int('id', id, 1);
  const s = v.symbol(symbol);
  const pos = position === undefined ? null : v.int('position', position);
  return transaction(ctx.db, () => {
    requireList(ctx, listId);
    const symbols = listSymbols(ctx, listId).filter((x) => x !== s);
    if (symbols.length >= 500) refuse('BAD_INPUT', 'a watchlist holds at most 500 symbols');
    symbols.splice(pos === null ? symbols.length : Math.min(pos, symbols.length), 0, s);
    writeOrder(ctx, listId, symbols);
    return { symbols };
  });
}

export function removeFromWatchlist(ctx: WriteContext, id: number, symbol: string): { symbols: string[] } {
  const listId = v.int('id', id, 1);
  const s = v.symbol(symbol);
  return transaction(ctx.db, () => {
    requireList(ctx, listId);
    const symbols = listSymbols(ctx, listId).filter((x) => x !== s);
    writeOrder(ctx, listId, symbols);
    return { symbols };
  });
}

/** Sets the exact symbols and order of a list (drag-and-drop, paste). */
export function setWatchlistSymbols(ctx: WriteContext, id: number, symbols: string[]): { symbols: string[] } {
  const listId = v.int('id', id, 1);
  if (!Array.isArray(symbols)) refuse('BAD_INPUT', 'symbols must be an array');
  const list = symbols.map((s) => v.symbol(s));
  if (new Set(list).size !== list.length) refuse('BAD_INPUT', 'a symbol appears twice');
  if (list.length > 500) refuse('BAD_INPUT', 'a watchlist holds at most 500 symbols');
  return transaction(ctx.db, () => {
    requireList(ctx, listId);
    writeOrder(ctx, listId, list);
    return { symbols: list };
  });
}

function listSymbols(ctx: WriteContext, id: number): string[] {
  return (ctx.stmt('SELECT symbol FROM watchlist_items WHERE watchlist_id = ? ORDER BY position').all(id) as Array<{ symbol: string }>).map(
    (r) => r.symbol,
  );
}

function writeOrder(ctx: WriteContext, id: number, symbols: string[]): void {
  const now = ctx.clock.now();
  const addedAt = new Map(
    (ctx.stmt('SELECT symbol, added_at FROM watchlist_items WHERE watchlist_id = ?').all(id) as Array<{ symbol: string; added_at: number }>).map(
      (r) => [r.symbol, r.added_at],
    ),
  );
  ctx.stmt('DELETE FROM watchlist_items WHERE watchlist_id = ?').run(id);
  symbols.forEach((s, i) =>
    ctx.stmt('INSERT INTO watchlist_items (watchlist_id, symbol, position, added_at) VALUES (?, ?, ?, ?)').run(id, s, i, addedAt.get(s) ?? now),
  );
}
