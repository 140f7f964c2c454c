/**
 * Sync for ONE live session (one environment, one account, one SQLite mirror): the fill pipeline on the
 * realtime notices, candles on the ticks, and the reconciliation runs — at start, after every realtime
 * reconnect, on the session-aware schedule (schedule.ts), when a notice asks for it, and on demand.
 *
 * REST runs are serialized (one at a time, in a fixed order: orders, then balance) and coalesced (a request
 * made while one runs joins the next run). Timers are unref'd and all stop in stop(); after stop() nothing
 * touches the store, even if a REST answer is still on its way.
 */
import type { Clock } from '../../shared/clock';
import { kstDate } from '../../shared/market/time';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings/schema';
import type { CoreContext } from '../core';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { LastPrices, SnapshotView } from '../store';
import { raiseNotification, type NotificationRequest } from '../account/notifications';
import { nameResolver, type NameOf } from '../account/views';
import { TradingCalendar } from './calendar';
import { CandleAggregator } from './candles';
import { IdleCheckpointer } from './checkpoint';
import { costEstimator } from './costs';
import { FillPipeline, type SnapshotCache } from './fills';
import { PriceBook } from './prices';
import { Publisher } from './publish';
import { RealizedTally } from './realized';
import { Reconciler, type StepResult } from './reconcile';
import { DEFAULT_CADENCE, dueWork, inSession, type Cadence } from './schedule';

export type SyncStatus = EventPayload<'sync:changed'>;

export interface SyncEngineOptions {
  session: ActiveSession;
  ctx: Pick<CoreContext, 'emit' | 'notifier' | 'logger'>;
  settings: () => Settings | null;
  /** Tell the session when the mirror was last reconciled (conn:state lastSyncAt). */
  noteSync?: (at: number) => void;
  /** Holdings or open orders changed: the market module recomputes the realtime subscriptions. */
  refreshStreams?: () => void;
  onStatus?: (status: SyncStatus) => void;
  /** The market module's last streamed prices, preferred over the balance's valuation prices. */
  marketPrices?: () => ReadonlyMap<string, number> | undefined;
  /** How often (wall ms) the schedule is checked against the market clock. Default 1000. */
  pollMs?: number;
  cadence?: Partial<Cadence>;
  /** Wall ms a notice-triggered reconciliation waits for more such requests. Default 1500. */
  reconcileDelayMs?: number;
  candleFlushMs?: number;
  publishIntervalMs?: number;
  /** Checkpoint the WAL after this long (wall ms) without notices or sync writes… Default 1000. */
  checkpointIdleMs?: number;
  /** …and at most this often. Default 30,000. */
  checkpointEveryMs?: number;
  matchWindowMs?: number;
  absentGraceMs?: number;
}

interface Work {
  orders: boolean;
  balance: boolean;
  reasons: Set<string>;
  waiters: Array<() => void>;
}

const emptyWork = (): Work => ({ orders: false, balance: false, reasons: new Set(), waiters: [] });

export class SyncEngine {
  readonly pipeline: FillPipeline;
  readonly candles: CandleAggregator;
  readonly checkpointer: IdleCheckpointer;
  private readonly reconciler: Reconciler;
  private readonly publisher: Publisher;
  private readonly priceBook: PriceBook;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly cadence: Cadence;
  private readonly nameOf: NameOf;
  private readonly offs: Array<() => void> = [];
  private lastSnapshot: SnapshotView | null;
  private readonly realized: RealizedTally;
  private fills = 0;

  private state: SyncStatus = { running: false, lastSyncAt: null, lastResult: null, message: null };
  private pending: Work = emptyWork();
  private running: Promise<void> | null = null;
  private draining = false;
  private stopped = false;
  private started = false;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly calendar: TradingCalendar;
  private reconcileTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly last = { balanceAt: null as number | null, ordersAt: null as number | null };
  private day: string | null = null;
  private wasOpen = false;
  /** UNKNOWN intents already reconciled once (1) / once after their grace (2). */
  private readonly unknownPhase = new Map<string, number>();

  constructor(private readonly o: SyncEngineOptions) {
    const s = o.session;
    this.log = o.ctx.logger.child('sync');
    this.clock = s.marketClock;
    this.cadence = { ...DEFAULT_CADENCE, ...o.cadence };
    this.nameOf = nameResolver(s.instruments);
    this.lastSnapshot = s.store.reads.accountSummary().snapshot;
    const snapshots: SnapshotCache = { get: () => this.lastSnapshot, set: (v) => (this.lastSnapshot = v) };
    const costs = costEstimator(s.instruments, o.settings);
    this.priceBook = new PriceBook(() => o.settings()?.nxtView ?? false);
    this.realized = new RealizedTally(() => s.store.reads);
    this.publisher = new Publisher({
      emit: o.ctx.emit,
      reads: () => (this.stopped ? null : s.store.reads),
      prices: () => this.prices(),
      nameOf: this.nameOf,
      known: () => {
        const tradeDate = kstDate(this.clock.now());
        return { tradeDate, snapshot: this.lastSnapshot, realizedToday: this.realized.get(tradeDate) };
      },
      logger: this.log,
      minIntervalMs: o.publishIntervalMs,
    });
    this.pipeline = new FillPipeline({
      session: s,
      emit: o.ctx.emit,
      publisher: this.publisher,
      costs,
      snapshots,
      nameOf: this.nameOf,
      notify: (n) => this.notify(n),
      requestReconcile: (reason) => this.reconcileSoon(reason),
      logger: this.log,
      onFill: (f) => {
        this.fills++;
        this.realized.addFill(f.tradeDate, f.side, f.result, f.fee, f.tax);
        o.refreshStreams?.();
      },
    });
    this.reconciler = new Reconciler({
      session: s,
      costs,
      snapshots,
      prices: this.priceBook,
      nxtView: () => o.settings()?.nxtView ?? false,
      logger: this.log,
      alive: () => !this.stopped,
      fillCount: () => this.fills,
      matchWindowMs: o.matchWindowMs,
      absentGraceMs: o.absentGraceMs,
    });
    this.checkpointer = new IdleCheckpointer(() => (this.stopped ? null : s.store.writer), () => this.running !== null, this.log, o.checkpointIdleMs, o.checkpointEveryMs);
    this.calendar = new TradingCalendar(s, this.log);
    this.candles = new CandleAggregator(() => (this.stopped ? null : s.store.writer), this.clock, this.log, o.candleFlushMs, () => this.wrote());
  }

  /** Listens to the stream, expires yesterday's open orders, runs the startup sync and starts the schedule. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const rt = this.o.session.realtime;
    this.offs.push(
      rt.on('notice', (n) => {
        this.pipeline.handle(n);
        this.wrote();
      }),
    );
    this.offs.push(
      rt.on('tick', (t) => {
        this.candles.onTick(t);
        this.priceBook.onTick(t);
      }),
    );
    // Notices missed while the socket was down are not replayed by KIS (kis-api.md §6.7): reconcile over REST.
    this.offs.push(rt.on('reconnected', () => this.request({ orders: true, balance: true }, 'reconnected')));
    this.candles.start();
    this.rollDay(this.clock.now());
    this.wasOpen = inSession(this.clock.now(), this.calendar.tradingDay);
    this.request({ orders: true, balance: true }, 'startup');
    this.pollTimer = setInterval(() => this.tick(), this.o.pollMs ?? 1000);
    this.pollTimer.unref?.();
    this.checkpointer.start();
  }

  private wrote(): void {
    this.checkpointer.wrote();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.candles.close(); // last bars written while the store is still ours
    this.publisher.flush();
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconcileTimer) clearTimeout(this.reconcileTimer);
    this.pollTimer = this.reconcileTimer = null;
    this.checkpointer.stop();
    this.calendar.close();
    this.pipeline.close();
    this.publisher.close();
    for (const w of this.pending.waiters.splice(0)) w();
    await this.running?.catch(() => undefined);
  }

  status(): SyncStatus {
    return { ...this.state };
  }

  /** Last prices for valuing positions: the market module's streamed prices over sync's own (balance, ticks). */
  prices(): LastPrices {
    const market = this.o.marketPrices?.();
    if (!market || market.size === 0) return this.priceBook.view();
    const merged = new Map(this.priceBook.view());
    for (const [symbol, price] of market) if (price > 0) merged.set(symbol, price);
    return merged;
  }

  /** A forced full sync; resolves with the status once a run that started after this call has finished. */
  syncNow(reason = 'forced'): Promise<SyncStatus> {
    return new Promise((resolve) => this.request({ orders: true, balance: true }, reason, () => resolve(this.status())));
  }

  /** Resolves when no run is in progress or waiting (tests, and the kill path before switching sessions). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** The order journal changed outside the notice stream (the order service): push the open orders. */
  journalChanged(): void {
    if (this.stopped) return;
    this.publisher.ordersChanged();
    this.publisher.holdingsChanged();
  }

  /** Pushes pending coalesced events at once (tests). */
  flushEvents(): void {
    this.publisher.flush();
  }

  /** One look at the schedule; exported for tests that move the market clock and want the check now. */
  tick(): void {
    if (this.stopped) return;
    try {
      this.checkSchedule();
    } catch (err) {
      // A timer callback must never throw (it would take the process down); the next tick tries again.
      this.log.error('sync schedule check failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  private checkSchedule(): void {
    const now = this.clock.now();
    this.rollDay(now);
    this.calendar.load(kstDate(now));
    const open = inSession(now, this.calendar.tradingDay);
    const due = dueWork(now, this.last, open, this.wasOpen, this.cadence);
    this.wasOpen = open;
    if (due.orders || due.balance) this.request({ orders: due.orders, balance: due.balance }, 'schedule');
    this.watchUnknowns(now);
  }

  /**
   * An order whose outcome became UNKNOWN is reconciled at once (KIS may list it already — often its notices
   * came first) and once more when the grace for KIS to list it is over (a listing then proves absence),
   * without waiting for the minute schedule — and without the order service having to ask.
   */
  private watchUnknowns(now: number): void {
    const unknowns = this.o.session.store.reads.unknownOrders();
    if (unknowns.length === 0 && this.unknownPhase.size === 0) return;
    const grace = (this.o.absentGraceMs ?? 10_000) + 1000;
    const live = new Set<string>();
    for (const u of unknowns) {
      if (u.orderNo !== null) continue;
      live.add(u.clientOrderId);
      const phase = now >= u.createdAt + grace ? 2 : 1;
      if ((this.unknownPhase.get(u.clientOrderId) ?? 0) < phase) {
        this.unknownPhase.set(u.clientOrderId, phase);
        this.reconcileSoon(phase === 1 ? 'order outcome unknown' : 'unknown order: proof of absence');
      }
    }
    for (const id of this.unknownPhase.keys()) if (!live.has(id)) this.unknownPhase.delete(id);
  }

  private request(what: { orders: boolean; balance: boolean }, reason: string, onDone?: () => void): void {
    if (this.stopped) {
      onDone?.();
      return;
    }
    const now = this.clock.now();
    // Scheduled-at times move when the work is asked for, so the next check does not ask again meanwhile.
    if (what.orders) this.last.ordersAt = now;
    if (what.balance) this.last.balanceAt = now;
    this.pending.orders ||= what.orders;
    this.pending.balance ||= what.balance;
    this.pending.reasons.add(reason);
    if (onDone) this.pending.waiters.push(onDone);
    if (this.draining) return;
    this.draining = true;
    const run: Promise<void> = this.drain().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
  }

  /**
   * Reconcile soon (debounced): for notices the mirror could not place, and for the order service when an
   * order's outcome became UNKNOWN — reconciliation is what settles it.
   */
  reconcileSoon(reason: string): void {
    if (this.stopped || this.reconcileTimer) return;
    this.reconcileTimer = setTimeout(() => {
      this.reconcileTimer = null;
      this.request({ orders: true, balance: true }, reason);
    }, this.o.reconcileDelayMs ?? 1500);
    this.reconcileTimer.unref?.();
  }

  /**
   * Runs pending work until none is left. `draining` is cleared synchronously when the loop ends, so a request
   * made by anything woken at the end (a syncNow caller) starts the next drain instead of being stranded.
   */
  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (this.pending.orders || this.pending.balance)) {
        const work = this.pending;
        this.pending = emptyWork();
        try {
          await this.run(work);
        } catch (err) {
          this.log.error('sync run failed', { error: err instanceof Error ? err.message : String(err) });
        } finally {
          for (const w of work.waiters) w();
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async run(work: Work): Promise<void> {
    const startedAt = this.clock.now();
    this.setStatus({ ...this.state, running: true });
    const results: StepResult[] = [];
    if (work.orders) results.push(...(await this.reconciler.orders()));
    if (this.stopped) return;
    // The store asks for a balance read when a remainder sold more than the mirror held.
    if (work.balance || results.some((r) => r.needsBalance)) results.push(await this.reconciler.balance());
    if (this.stopped) return;
    const finishedAt = this.clock.now();
    for (const r of results) this.logStep(r, startedAt, finishedAt, work.reasons);
    this.wrote();
    const failures = results.filter((r) => !r.ok);
    // A failed kind is tried again soon rather than a whole interval later.
    for (const f of failures) {
      if (f.kind === 'balance') {
        const every = this.wasOpen ? this.cadence.balanceInSessionMs : this.cadence.balanceOutsideMs;
        this.last.balanceAt = finishedAt - every + this.cadence.retryAfterFailureMs;
      } else {
        this.last.ordersAt = finishedAt - this.cadence.ordersInSessionMs + this.cadence.retryAfterFailureMs;
      }
    }
    for (const r of results) if (r.remainders) this.pipeline.noteRemainders(r.remainders.tradeDate, r.remainders.orderNos);
    const ordersChanged = results.some((r) => r.ordersChanged);
    const holdingsChanged = results.some((r) => r.holdingsChanged);
    if (holdingsChanged) this.pipeline.forgetPositions();
    if (ordersChanged || holdingsChanged) this.realized.invalidate();
    if (ordersChanged) this.publisher.ordersChanged();
    if (holdingsChanged) this.publisher.holdingsChanged();
    if (ordersChanged || holdingsChanged) this.o.refreshStreams?.();
    const allOk = failures.length === 0;
    if (allOk) this.o.noteSync?.(finishedAt);
    this.setStatus({
      running: false,
      lastSyncAt: allOk ? finishedAt : this.state.lastSyncAt,
      lastResult: allOk ? 'ok' : failures.length === results.length ? 'failed' : 'partial',
      message: allOk ? null : failures.map((f) => `${f.kind}: ${f.code ?? ''} ${f.message ?? ''}`.trim()).join('; ').slice(0, 500),
    });
  }

  private logStep(r: StepResult, startedAt: number, finishedAt: number, reasons: Set<string>): void {
    const entry = {
      kind: r.kind,
      startedAt,
      finishedAt: Math.max(startedAt, finishedAt),
      ok: r.ok,
      ...(r.code ? { code: r.code } : {}),
      ...(r.message ? { message: r.message } : {}),
      summary: { ...(r.summary ?? {}), reasons: [...reasons] },
    };
    const w = this.o.session.store.writer.appendSyncLog(entry);
    if (!w.ok) this.log.warn('sync log not written', { code: w.code });
    if (!r.ok) this.log.warn('sync step failed', { kind: r.kind, code: r.code, message: r.message });
  }

  private setStatus(s: SyncStatus): void {
    this.state = s;
    if (!this.stopped) this.o.onStatus?.(this.status());
  }

  private notify(n: NotificationRequest): void {
    if (this.stopped) return;
    raiseNotification({ ctx: this.o.ctx, store: this.o.session.store, settings: this.o.settings }, n);
  }

  /** A new KST trade date: orders still open on earlier dates expired at KIS (day orders), then a full sync. */
  private rollDay(now: number): void {
    const today = kstDate(now);
    if (this.day === today) return;
    const first = this.day === null;
    this.day = today;
    const r = this.o.session.store.writer.expireOpenOrdersBefore(today);
    if (r.ok && r.orders.length > 0) {
      this.log.info('orders of earlier days expired', { count: r.orders.length });
      this.publisher.ordersChanged();
    }
    this.calendar.load(today);
    if (!first) this.request({ orders: true, balance: true }, 'new trade date');
  }
}
