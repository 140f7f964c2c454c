/**
 * The order service: one per core. Owns the kill switch state, the unfilled-order manager, the in-flight set of
 * idempotency keys, and answers every orders/risk channel (module.ts maps IPC onto it). Other modules reach it
 * through the ORDERS service key (e.g. to hear about journal steps and refresh the open-order view).
 */
import type { Bilingual } from '../../shared/ipc/domains/common';
import type { OrderPreview, OrderTicket, SubmitResult } from '../../shared/ipc/domains/orders';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { defaultSettings, type Settings } from '../../shared/settings/schema';
import type { CoreContext } from '../core';
import type { Logger } from '../log';
import { serviceKey } from '../services';
import { SESSION, type ActiveSession, type SessionService } from '../session/service';
import { SYNC } from '../sync/service';
import { amendResult, sendAmend, validateModify } from './amend';
import { cancelAllOpen, type CancelAllReport } from './cancel-all';
import { ChaseManager } from './chase';
import { killSwitchBlocksBuy, noSession, type GuardDeps } from './guards';
import type { JournalStep } from './journal';
import { KillSwitch, type KillSwitchView } from './kill-switch';
import { previewOrder, submitOrder, type SubmitDeps } from './submit';
import { findTarget, type OrderRef } from './target';

export interface RiskState {
  killSwitch: boolean;
  engagedAt: number | null;
  armed: boolean;
}

export interface JournalEvent {
  clientOrderId: string;
  step: string;
  message: Bilingual;
  time: number;
}

export interface AmendInput extends OrderRef {
  qty?: number | undefined;
  price?: number | undefined;
  idempotencyKey: string;
}

/** How often the unfilled-order manager looks at the market clock (wall time). */
export const CHASE_POLL_MS = 250;

const REPLAY = () =>
  fail('CONFLICT', '같은 요청(idempotencyKey)이 이미 처리되었거나 처리 중입니다. 두 번 보내지 않았습니다.', 'This request (idempotencyKey) was already handled or is in progress; it was not sent twice.');

export class OrderService implements GuardDeps {
  readonly kill: KillSwitch;
  readonly chase: ChaseManager;
  private readonly log: Logger;
  private readonly inFlight = new Set<string>();
  private readonly prepared = new WeakSet<ActiveSession>();
  private readonly listeners = new Set<(e: JournalEvent) => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private offSession: (() => void) | null = null;
  private readonly submitDeps: SubmitDeps;

  constructor(private readonly ctx: CoreContext) {
    this.log = ctx.logger.child('orders');
    this.kill = new KillSwitch(this.log);
    this.chase = new ChaseManager({
      session: () => this.session(),
      settings: () => this.settings(),
      journal: this.journal,
      logger: this.log,
      killSwitchEngaged: () => this.kill.engaged(this.session()),
    });
    this.submitDeps = {
      sessionService: () => this.sessionService(),
      killSwitch: (s) => this.killSwitch(s),
      session: () => this.session(),
      settings: () => this.settings(),
      journal: this.journal,
      logger: this.log,
      chase: this.chase,
      prepare: (s) => this.prepare(s),
      inFlight: this.inFlight,
    };
  }

  sessionService(): SessionService | undefined {
    return this.ctx.services.use(SESSION);
  }
  session(): ActiveSession | null {
    return this.sessionService()?.current() ?? null;
  }
  settings(): Settings {
    return this.sessionService()?.settings() ?? defaultSettings();
  }
  killSwitch(session: ActiveSession | null): KillSwitchView {
    return this.kill.state(session);
  }

  /** Journal steps (also emitted as `orders:journal`). */
  onJournal(listener: (e: JournalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly journal: JournalStep = (clientOrderId, step, message) => {
    const event: JournalEvent = { clientOrderId, step, message, time: Math.floor((this.session()?.marketClock ?? this.ctx.clock).now()) };
    this.ctx.emit('orders:journal', event);
    // The journal changed outside the notice stream: sync pushes orders:changed / portfolio:changed (coalesced);
    // an UNKNOWN outcome asks it to reconcile soon; open orders changed, so realtime subscriptions are re-planned.
    const sync = this.ctx.services.use(SYNC);
    sync?.journalChanged();
    if (step.endsWith('.unknown')) sync?.reconcileSoon(`order outcome unknown (${clientOrderId})`);
    if (step.endsWith('.accepted')) this.sessionService()?.refreshStreams?.();
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log.error('journal listener threw', { error: err instanceof Error ? err.message : String(err) });
      }
    }
  };

  /** A previous run's intents that were in flight when it died become UNKNOWN (never resent), once per session. */
  private prepare(session: ActiveSession): void {
    if (this.prepared.has(session)) return;
    this.prepared.add(session);
    const r = session.store.writer.markInFlightUnknown('in flight when the previous run ended');
    if (r.ok && r.orders.length > 0) this.log.warn('in-flight orders of a previous run marked unknown', { count: r.orders.length });
  }

  preview(t: OrderTicket): Promise<Result<OrderPreview>> {
    return previewOrder(this.submitDeps, t);
  }

  submit(t: OrderTicket): Promise<Result<SubmitResult>> {
    return submitOrder(this.submitDeps, t);
  }

  modify(input: AmendInput): Promise<Result<SubmitResult>> {
    return this.amend('modify', input);
  }

  cancel(input: AmendInput): Promise<Result<SubmitResult>> {
    return this.amend('cancel', input);
  }

  private async amend(kind: 'modify' | 'cancel', input: AmendInput): Promise<Result<SubmitResult>> {
    const session = this.session();
    if (!session) return noSession();
    if (kind === 'modify' && input.price === undefined) {
      return fail('BAD_INPUT', '정정할 가격을 입력하세요.', 'A modify needs the new price.');
    }
    const key = input.idempotencyKey;
    if (this.inFlight.has(key) || session.store.reads.orderByClientId(key)) return REPLAY();
    this.inFlight.add(key);
    try {
      this.prepare(session);
      const target = await findTarget(session, input);
      if ('ok' in target) return target;
      const settings = this.settings();
      if (kind === 'modify') {
        if (target.side === 'buy') {
          const blocked = killSwitchBlocksBuy(this, session);
          if (blocked) return blocked;
        }
        const qty = input.qty === undefined ? target.remainingQty : Math.min(input.qty, target.remainingQty);
        const invalid = await validateModify(session, settings, target, input.price!, qty);
        if (invalid) return invalid;
      }
      this.chase.forget(target.orderNo, kind);
      const req = { kind, clientOrderId: key, qty: input.qty, price: input.price };
      const outcome = await sendAmend({ session, journal: this.journal, logger: this.log }, target, req);
      return amendResult(session, settings, target, req, outcome);
    } finally {
      this.inFlight.delete(key);
    }
  }

  async cancelAll(why: string): Promise<Result<CancelAllReport>> {
    const session = this.session();
    if (!session) return noSession();
    this.prepare(session);
    const report = await cancelAllOpen({ session, journal: this.journal, logger: this.log }, why);
    this.journal('cancel-all', 'cancelAll.done', report.message);
    return ok(report);
  }

  riskState(): RiskState {
    const ks = this.kill.state(this.session());
    return { killSwitch: ks.engaged, engagedAt: ks.engagedAt, armed: this.sessionService()?.armed() ?? false };
  }

  /**
   * Engage: memory + store FIRST (risk-increasing orders are refused from this instant), stop every chase, tell
   * the renderer, then cancel every open order on both venues. Release: store + memory, tell the renderer.
   */
  async setKillSwitch(engage: boolean, by: string): Promise<RiskState> {
    const session = this.session();
    const now = Math.floor((session?.marketClock ?? this.ctx.clock).now());
    this.kill.set(session, engage, now, engage ? 'kill switch engaged' : 'kill switch released', by);
    if (engage) this.chase.clear({ ko: '킬 스위치가 켜져 추적을 멈춥니다.', en: 'Kill switch engaged: chasing stopped.' });
    this.ctx.emit('risk:changed', this.riskState());
    this.journal('kill-switch', engage ? 'killSwitch.engaged' : 'killSwitch.released', {
      ko: engage ? '킬 스위치 켜짐: 위험을 늘리는 주문을 막고 모든 미체결 주문을 취소합니다.' : '킬 스위치 해제: 매수 주문을 다시 받습니다.',
      en: engage ? 'Kill switch engaged: risk-increasing orders blocked, cancelling every open order.' : 'Kill switch released: buy orders are accepted again.',
    });
    if (engage && session) {
      this.prepare(session);
      const report = await cancelAllOpen({ session, journal: this.journal, logger: this.log }, 'kill switch');
      this.journal('kill-switch', 'killSwitch.cancelled', report.message);
    }
    return this.riskState();
  }

  start(): void {
    const ss = this.sessionService();
    const onSession = (s: ActiveSession | null) => {
      this.chase.clear({ ko: '환경이 바뀌어 추적을 멈춥니다.', en: 'The environment changed: chasing stopped.' });
      if (!s) return;
      this.kill.carryInto(s);
      this.prepare(s);
    };
    if (ss) {
      this.offSession = ss.onChange(onSession);
      const current = ss.current();
      if (current) {
        this.kill.carryInto(current);
        this.prepare(current);
      }
    }
    this.timer = setInterval(() => {
      void this.chase.tick().catch((err: unknown) => this.log.error('chase round failed', { error: err instanceof Error ? err.message : String(err) }));
    }, CHASE_POLL_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.offSession?.();
    this.offSession = null;
    this.chase.clear({ ko: '앱이 종료되어 추적을 멈춥니다.', en: 'The app is stopping: chasing stopped.' });
  }
}

export const ORDERS = serviceKey<OrderService>('orders');
