/**
 * THE writer (design.md invariant 2): the only module that opens a writable connection. Sync, the fill
 * pipeline, the order journal, settings — every mutation of the mirror is one of the operations below,
 * each a single transaction, each answering a plain result object (`{ ok: true, … }` or
 * `{ ok: false, code, message }`) that the caller turns into IPC events. Nothing throws out of here.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import { migrate } from './migrate';
import { closeDb, openWritableDb, type WritableDb } from './open';
import type {
  AcceptedInput,
  AccountSnapshotInput,
  BalanceInput,
  CandleInput,
  DailyPriceInput,
  FillInput,
  JsonValue,
  KillSwitchInput,
  NotificationInput,
  OrderIntentInput,
  OrderNoticeInput,
  ReconcileOrdersInput,
  StoreFailure,
  StoreResult,
  SyncLogInput,
  UnknownResolution,
} from './types';
import { saveAccountSnapshot } from './write/account';
import { deleteSetting, setKillSwitch, setSetting } from './write/appState';
import { createWriteContext, DEFAULT_WRITER_OPTIONS, Refusal, type WriteContext, type WriterOptions } from './write/context';
import { applyFill } from './write/fills';
import { replaceHoldingsFromBalance } from './write/holdings';
import * as journal from './write/journal';
import { appendNotification, appendSyncLog, markNotificationsRead } from './write/logs';
import { upsertCandles, upsertDailyPrices } from './write/marketData';
import { applyOrderNotice } from './write/notices';
import { reconcileOrders } from './write/reconcile';
import * as lists from './write/watchlists';

function failure(err: unknown): StoreFailure {
  if (err instanceof Refusal) return err.toFailure();
  return { ok: false, code: 'STORE_ERROR', message: err instanceof Error ? err.message : String(err) };
}

/** Wraps an operation: its result gains `ok: true`; a refusal or an SQLite error becomes a StoreFailure. */
function guard<A extends unknown[], R extends object>(fn: (ctx: WriteContext, ...args: A) => R, ctx: WriteContext) {
  return (...args: A): StoreResult<R> => {
    try {
      return { ok: true, ...fn(ctx, ...args) };
    } catch (err) {
      return failure(err);
    }
  };
}

function buildWriter(ctx: WriteContext) {
  return {
    // ── order journal (issue 6) ──
    /** Commits the intent with synchronous=FULL before any HTTP request. Refuses a replayed clientOrderId or a double submit. */
    recordOrderIntent(input: OrderIntentInput): journal.IntentResult | StoreFailure {
      try {
        return journal.recordOrderIntent(ctx, input);
      } catch (err) {
        return failure(err);
      }
    },
    markOrderSent: guard((c, clientOrderId: string) => journal.markOrderSent(c, clientOrderId), ctx),
    markOrderAccepted: guard((c, clientOrderId: string, accepted: AcceptedInput) => journal.markOrderAccepted(c, clientOrderId, accepted), ctx),
    markOrderRejected: guard((c, clientOrderId: string, code: string, message: string) => journal.markOrderRejected(c, clientOrderId, code, message), ctx),
    markOrderUnknown: guard((c, clientOrderId: string, reason: string) => journal.markOrderUnknown(c, clientOrderId, reason), ctx),
    markOrderFailed: guard((c, clientOrderId: string, reason: string) => journal.markOrderFailed(c, clientOrderId, reason), ctx),
    resolveUnknown: guard((c, clientOrderId: string, resolution: UnknownResolution) => journal.resolveUnknown(c, clientOrderId, resolution), ctx),
    /** Startup: intents/sent orders of a previous run become UNKNOWN (never re-sent). */
    markInFlightUnknown: guard((c, reason: string) => journal.markInFlightUnknown(c, reason), ctx),
    /** New trade date: orders still open on earlier dates expired at KIS. */
    expireOpenOrdersBefore: guard((c, tradeDate: string) => journal.expireOpenOrdersBefore(c, tradeDate), ctx),

    // ── stream (hints) ──
    applyOrderNotice: guard((c, notice: OrderNoticeInput) => applyOrderNotice(c, notice), ctx),
    /** One fill notice: execution (if new) + order + portfolio (+ snapshot) in one transaction. */
    applyFill: guard((c, fill: FillInput) => applyFill(c, fill), ctx),

    // ── REST (truth) ──
    replaceHoldingsFromBalance: guard((c, balance: BalanceInput) => replaceHoldingsFromBalance(c, balance), ctx),
    /** inquire-daily-ccld (scope 'day') — also resolves UNKNOWN intents and adds fills no notice delivered. */
    reconcileDailyOrders: guard((c, input: Omit<ReconcileOrdersInput, 'scope'>) => reconcileOrders(c, { ...input, scope: 'day' }), ctx),
    /** inquire-psbl-rvsecncl (scope 'open'). */
    upsertOpenOrdersFromRest: guard((c, input: Omit<ReconcileOrdersInput, 'scope'>) => reconcileOrders(c, { ...input, scope: 'open' }), ctx),
    saveAccountSnapshot: guard((c, snapshot: AccountSnapshotInput) => saveAccountSnapshot(c, snapshot), ctx),

    // ── market data ──
    upsertCandles: guard((c, candles: CandleInput[]) => upsertCandles(c, candles), ctx),
    upsertDailyPrices: guard((c, bars: DailyPriceInput[]) => upsertDailyPrices(c, bars), ctx),

    // ── app state ──
    setSetting: guard((c, key: string, value: JsonValue) => setSetting(c, key, value), ctx),
    deleteSetting: guard((c, key: string) => deleteSetting(c, key), ctx),
    setKillSwitch: guard((c, input: KillSwitchInput) => setKillSwitch(c, input), ctx),
    createWatchlist: guard((c, name: string) => lists.createWatchlist(c, name), ctx),
    renameWatchlist: guard((c, id: number, name: string) => lists.renameWatchlist(c, id, name), ctx),
    deleteWatchlist: guard((c, id: number) => lists.deleteWatchlist(c, id), ctx),
    reorderWatchlists: guard((c, ids: number[]) => lists.reorderWatchlists(c, ids), ctx),
    addToWatchlist: guard((c, id: number, symbol: string, position?: number) => lists.addToWatchlist(c, id, symbol, position), ctx),
    removeFromWatchlist: guard((c, id: number, symbol: string) => lists.removeFromWatchlist(c, id, symbol), ctx),
    setWatchlistSymbols: guard((c, id: number, symbols: string[]) => lists.setWatchlistSymbols(c, id, symbols), ctx),
    appendSyncLog: guard((c, entry: SyncLogInput) => appendSyncLog(c, entry), ctx),
    appendNotification: guard((c, n: NotificationInput) => appendNotification(c, n), ctx),
    markNotificationsRead: guard((c, upToId?: number) => markNotificationsRead(c, upToId), ctx),

    // ── maintenance ──
    /**
     * Copies the WAL into the database file. The automatic checkpoint is only a ~40 MB safety net (open.ts), so
     * the sync scheduler calls this when idle (e.g. every 30 s without fills, and after the close). 'passive'
     * never waits; 'truncate' also shrinks the -wal file and may wait up to the busy timeout for readers.
     */
    checkpoint: guard((c, mode: 'passive' | 'truncate' = 'passive') => {
      const r = (c.db.pragma(`wal_checkpoint(${mode === 'truncate' ? 'TRUNCATE' : 'PASSIVE'})`) as Array<{ busy: number; log: number; checkpointed: number }>)[0]!;
      return { busy: r.busy === 1, walPages: r.log, checkpointedPages: r.checkpointed };
    }, ctx),
  };
}

export type StoreWriter = ReturnType<typeof buildWriter>;

export interface OpenWriterOptions {
  clock: Clock;
  writer?: Partial<WriterOptions>;
  newId?: () => string;
  /** Told after each successful write (store.ts passes the background checkpointer's signal). */
  onWrite?: () => void;
}

/**
 * Calls `onWrite` after every writer method that did not fail (the background checkpointer's signal). One
 * wrapper here instead of a call in each of the writer's methods.
 */
function notifyingWrites<W extends Record<string, unknown>>(writer: W, onWrite: () => void): W {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(writer)) {
    if (typeof method !== 'function') {
      wrapped[name] = method;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      const result = (method as (...a: unknown[]) => unknown)(...args);
      if (!(typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false)) onWrite();
      return result;
    };
  }
  return wrapped as W;
}

export interface WriterHandle {
  writer: StoreWriter;
  /** Schema version after migrating. */
  schemaVersion: number;
  close(): void;
}

/**
 * Opens THE writable connection on `file`, migrates it to the latest schema and builds the writer.
 * Callers must have checked the file first (store.ts: a newer or foreign database is never opened here).
 */
export function openWriter(file: string, options: OpenWriterOptions): WriterHandle {
  const db: WritableDb = openWritableDb(file);
  try {
    const { to } = migrate(db, file);
    const ctx = createWriteContext(db, options.clock, { ...DEFAULT_WRITER_OPTIONS, ...options.writer }, options.newId ?? randomUUID);
    const writer = buildWriter(ctx);
    return {
      writer: options.onWrite ? notifyingWrites(writer, options.onWrite) : writer,
      schemaVersion: to,
      close() {
        try {
          db.pragma('optimize');
        } finally {
          closeDb(db);
        }
      },
    };
  } catch (err) {
    closeDb(db);
    throw err;
  }
}
