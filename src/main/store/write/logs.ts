/** The sync log (what synced when, with what result) and the in-app notification history; both pruned on append. */
import { transaction } from '../open';
import type { NotificationInput, SyncLogInput } from '../types';
import { refuse, type WriteContext } from './context';
import * as v from './validate';

const NOTIFICATION_KINDS = ['fill', 'order', 'reject', 'system', 'risk', 'sync'] as const;

export function appendSyncLog(ctx: WriteContext, input: SyncLogInput): { id: number } {
  const kind = v.text('kind', input.kind, 40);
  const startedAt = v.int('startedAt', input.startedAt);
  const finishedAt = v.int('finishedAt', input.finishedAt);
  if (finishedAt < startedAt) refuse('BAD_INPUT', 'finishedAt is before startedAt');
  if (typeof input.ok !== 'boolean') refuse('BAD_INPUT', 'ok must be a boolean');
  const code = v.optText('code', input.code, 40);
  const message = v.optText('message', input.message, 1000);
  let summary: string | null = null;
  if (input.summary !== undefined) {
    try {
      summary = JSON.stringify(input.summary) ?? null;
    } catch {
      refuse('BAD_INPUT', 'summary is not JSON-serializable');
    }
  }
  return transaction(ctx.db, () => {
    const info = ctx
      .stmt('INSERT INTO sync_log (kind, started_at, finished_at, ok, code, message, summary) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(kind, startedAt, finishedAt, input.ok ? 1 : 0, code, message, summary);
    ctx
      .stmt(
        `INSERT INTO sync_status (kind, last_attempt_at, last_ok, last_success_at, last_code, last_message)
         VALUES (@kind, @at, @ok, CASE WHEN @ok = 1 THEN @at END, @code, @message)
         ON CONFLICT (kind) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, last_ok = excluded.last_ok,
           last_success_at = COALESCE(excluded.last_success_at, sync_status.last_success_at),
           last_code = excluded.last_code, last_message = excluded.last_message
         WHERE excluded.last_attempt_at >= sync_status.last_attempt_at`,
      )
      .run({ kind, at: finishedAt, ok: input.ok ? 1 : 0, code, message });
    ctx.stmt('DELETE FROM sync_log WHERE finished_at < ?').run(ctx.clock.now() - ctx.options.syncLogRetentionMs);
    return { id: Number(info.lastInsertRowid) };
  });
}

export function appendNotification(ctx: WriteContext, input: NotificationInput): { id: number } {
  const kind = v.oneOf('kind', input.kind, NOTIFICATION_KINDS);
  const title = v.text('title', input.title, 200);
  const body = v.text('body', input.body, 2000);
  const symbol = input.symbol === undefined ? null : v.symbol(input.symbol);
  const ref = v.optText('ref', input.ref, 100);
  const time = input.time === undefined ? null : v.int('time', input.time);
  return transaction(ctx.db, () => {
    const info = ctx
      .stmt('INSERT INTO notifications (time, kind, title, body, symbol, ref) VALUES (?, ?, ?, ?, ?, ?)')
      .run(time ?? ctx.clock.now(), kind, title, body, symbol, ref);
    const id = Number(info.lastInsertRowid);
    ctx.stmt('DELETE FROM notifications WHERE id <= ?').run(id - ctx.options.notificationsKept);
    return { id };
  });
}

/** Marks every notification up to `upToId` (default: all) as read. */
export function markNotificationsRead(ctx: WriteContext, upToId?: number): { count: number } {
  const limit = upToId === undefined ? Number.MAX_SAFE_INTEGER : v.int('upToId', upToId);
  return transaction(ctx.db, () => ({ count: ctx.stmt('UPDATE notifications SET read = 1 WHERE read = 0 AND id <= ?').run(limit).changes }));
}
