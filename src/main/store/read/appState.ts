/** Settings, watchlists, sync status and log, notifications, kill switch. */
import type { JsonValue } from '../types';
import type { KillSwitchView, NotificationView, SyncLogView, SyncStatusView, WatchlistView } from '../views';
import type { ReadContext } from './context';

export function appStateReads(ctx: ReadContext) {
  return {
    setting(key: string): JsonValue | undefined {
      const r = ctx.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as JsonValue) : undefined;
    },
    settings(): Record<string, JsonValue> {
      const out: Record<string, JsonValue> = {};
      for (const r of ctx.stmt('SELECT key, value FROM settings ORDER BY key').all() as Array<{ key: string; value: string }>) {
        out[r.key] = JSON.parse(r.value) as JsonValue;
      }
      return out;
    },
    watchlists(): WatchlistView[] {
      const lists = ctx.stmt('SELECT id, name, position FROM watchlists ORDER BY position, id').all() as Array<Omit<WatchlistView, 'symbols'>>;
      const items = ctx.stmt('SELECT watchlist_id, symbol FROM watchlist_items ORDER BY watchlist_id, position').all() as Array<{
        watchlist_id: number;
        symbol: string;
      }>;
      const byList = new Map<number, string[]>();
      for (const it of items) {
        let l = byList.get(it.watchlist_id);
        if (!l) byList.set(it.watchlist_id, (l = []));
        l.push(it.symbol);
      }
      return lists.map((l) => ({ ...l, symbols: byList.get(l.id) ?? [] }));
    },
    /** Last attempt / last success per sync kind ('balance', 'dailyOrders', …). */
    syncStatus(): SyncStatusView[] {
      const rows = ctx.stmt('SELECT * FROM sync_status ORDER BY kind').all() as Array<{
        kind: string;
        last_attempt_at: number;
        last_ok: number;
        last_success_at: number | null;
        last_code: string | null;
        last_message: string | null;
      }>;
      return rows.map((r) => ({
        kind: r.kind,
        lastAttemptAt: r.last_attempt_at,
        lastOk: r.last_ok === 1,
        lastSuccessAt: r.last_success_at,
        lastCode: r.last_code,
        lastMessage: r.last_message,
      }));
    },
    syncLog(limit = 100, kind?: string): SyncLogView[] {
      const n = Math.max(1, Math.min(1000, Math.floor(limit)));
      const rows = (
        kind === undefined
          ? ctx.stmt('SELECT * FROM sync_log ORDER BY id DESC LIMIT ?').all(n)
          : ctx.stmt('SELECT * FROM sync_log WHERE kind = ? ORDER BY id DESC LIMIT ?').all(kind, n)
      ) as Array<{ id: number; kind: string; started_at: number; finished_at: number; ok: number; code: string | null; message: string | null; summary: string | null }>;
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        ok: r.ok === 1,
        code: r.code,
        message: r.message,
        summary: r.summary === null ? null : (JSON.parse(r.summary) as JsonValue),
      }));
    },
    /** Newest first. */
    notifications(limit = 50): NotificationView[] {
      const n = Math.max(1, Math.min(2000, Math.floor(limit)));
      const rows = ctx.stmt('SELECT * FROM notifications ORDER BY id DESC LIMIT ?').all(n) as Array<
        Omit<NotificationView, 'read'> & { read: number }
      >;
      return rows.map((r) => ({ ...r, read: r.read === 1 }));
    },
    unreadNotifications(): number {
      return (ctx.stmt('SELECT COUNT(*) AS n FROM notifications WHERE read = 0').get() as { n: number }).n;
    },
    killSwitch(): KillSwitchView {
      const r = ctx.stmt('SELECT engaged, reason, changed_by, changed_at FROM kill_switch WHERE id = 1').get() as {
        engaged: number;
        reason: string;
        changed_by: string;
        changed_at: number;
      };
      return { engaged: r.engaged === 1, reason: r.reason, changedBy: r.changed_by, changedAt: r.changed_at };
    },
  };
}
