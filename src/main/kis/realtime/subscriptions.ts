/**
 * Keeps the server's registrations equal to the plan (plan.ts) on the current session: one request at a time,
 * ≥ `intervalMs` apart, each awaiting its ack, with the OPSP handling of kis-api.md §6.3 for per-request codes
 * (session-level codes — 0011, 8996, 0010 — end the session inside RealtimeSession).
 */
import type { Clock } from '../../../shared/clock';
import type { Logger } from '../../log';
import type { AckMessage } from './control';
import { nextStep, planRegistrations, type DesiredStreams, type Plan, type Registration, type Step, type VenueSelection } from './plan';
import { SessionEndedError } from './session';

/** What the manager needs of a session (RealtimeSession implements it). */
export interface AckingSession {
  readonly isOpen: boolean;
  request(trType: '1' | '2', trId: string, trKey: string, approvalKey: string): Promise<AckMessage>;
}

export type SubscriptionStatus = 'active' | 'removed' | 'failed' | 'invalid';

export interface SubscriptionEvent {
  trId: string;
  /** null for the notice subscription (its key is the HTS ID, which is never exposed). */
  symbol: string | null;
  tier: Registration['tier'];
  status: SubscriptionStatus;
  msgCd?: string;
}

export interface SubscriptionManagerOptions {
  paper: boolean;
  htsId: string;
  cap: number;
  intervalMs: number;
  retryDelayMs: number;
  clock: Clock;
  logger: Logger;
  sleep(ms: number): Promise<void>;
  onEvent(e: SubscriptionEvent): void;
  /** A subscribe succeeded (0000/0002): the approval key demonstrably works. */
  onSubscribed(): void;
}

const EMPTY: DesiredStreams = { pinnedNotices: false, holdings: [], openOrders: [], focused: null, watchlist: [] };

/** A label that never contains the HTS ID (the notice tr_key). */
export const label = (reg: Registration): string => (reg.kind === 'notice' ? `${reg.trId}(notices)` : `${reg.trId}:${reg.trKey}`);

export class SubscriptionManager {
  private desired: DesiredStreams = EMPTY;
  private venues: VenueSelection | undefined;
  private plan: Plan = { registrations: [], overCap: [], invalidSymbols: [] };
  /** Lowered when the server says OPSP0008 before our own cap: its real limit is what it held then. */
  private cap: number;
  /** Registrations the server confirmed on the current session. */
  private readonly active = new Map<string, Registration>();
  /** Refused for good (OPSP8991/8992): kept out of every plan. */
  private readonly invalid = new Set<string>();
  /** Gave up on for this session (retry spent, or a protocol bug); cleared on the next session. */
  private readonly failed = new Set<string>();
  private readonly retried = new Set<string>();
  private session: AckingSession | null = null;
  private approvalKey = '';
  private running = false;
  private dirty = false;
  private lastSendAt = -Infinity;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly o: SubscriptionManagerOptions) {
    this.cap = o.cap;
  }

  /** Replaces what the app wants streamed; the difference is (un)subscribed in the background. */
  setDesired(desired: DesiredStreams, venues?: VenueSelection): Plan {
    this.desired = desired;
    this.venues = venues;
    this.replan();
    this.kick();
    return this.plan;
  }

  /** Starts driving a fresh session: nothing is registered on it yet. Resolves when caught up or ended. */
  attach(session: AckingSession, approvalKey: string): Promise<void> {
    this.session = session;
    this.approvalKey = approvalKey;
    this.active.clear();
    this.failed.clear();
    this.retried.clear();
    this.kick();
    return this.whenIdle();
  }

  detach(): void {
    this.session = null;
    this.active.clear();
  }

  activeRegistrations(): Registration[] {
    return [...this.active.values()].sort((a, b) => a.rank - b.rank);
  }

  currentPlan(): Plan {
    return this.plan;
  }

  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private replan(): void {
    this.plan = planRegistrations(this.desired, this.venues, {
      paper: this.o.paper,
      htsId: this.o.htsId,
      cap: this.cap,
      isInvalid: (k) => this.invalid.has(k),
    });
    // Keep the ranks of live registrations current, so eviction picks the least important *now*.
    for (const reg of this.plan.registrations) if (this.active.has(reg.key)) this.active.set(reg.key, reg);
  }

  private kick(): void {
    this.dirty = true;
    if (this.running || !this.session?.isOpen) return;
    this.running = true;
    void this.pump().finally(() => {
      this.running = false;
      if (this.dirty && this.session?.isOpen) this.kick();
      else for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  private async pump(): Promise<void> {
    for (;;) {
      const session = this.session;
      if (!session?.isOpen) return;
      this.dirty = false;
      const step = nextStep(this.plan.registrations, this.active, this.cap, (k) => this.failed.has(k));
      if (!step) return;
      const wait = this.lastSendAt + this.o.intervalMs - this.o.clock.now();
      if (wait > 0) await this.o.sleep(wait);
      if (this.session !== session || !session.isOpen) return;
      // Desired state may have changed while pacing: recompute rather than send a stale step.
      const fresh = nextStep(this.plan.registrations, this.active, this.cap, (k) => this.failed.has(k));
      if (!fresh || fresh.reg.key !== step.reg.key || fresh.op !== step.op) continue;
      this.lastSendAt = this.o.clock.now();
      let ack: AckMessage;
      try {
        ack = await session.request(step.op === 'subscribe' ? '1' : '2', step.reg.trId, step.reg.trKey, this.approvalKey);
      } catch (err) {
        if (err instanceof SessionEndedError) return;
        throw err;
      }
      if (this.session !== session) return;
      await this.handleAck(step as NonNullable<Step>, ack);
    }
  }

  private async handleAck(step: NonNullable<Step>, ack: AckMessage): Promise<void> {
    const { reg } = step;
    const code = ack.msgCd;
    const log = this.o.logger;
    if (step.op === 'unsubscribe') {
      if (ack.rtCd === '0' || code === 'OPSP0001' || code === 'OPSP0003') {
        this.active.delete(reg.key);
        log.debug('unsubscribed', { registration: label(reg), msgCd: code });
        this.o.onEvent({ trId: reg.trId, symbol: reg.symbol, tier: reg.tier, status: 'removed', msgCd: code });
        return;
      }
      if (!this.retried.has(`-${reg.key}`)) {
        this.retried.add(`-${reg.key}`);
        await this.o.sleep(this.o.retryDelayMs);
        return;
      }
      log.warn('unsubscribe refused twice; forgetting it', { registration: label(reg), msgCd: code });
      this.active.delete(reg.key);
      return;
    }
    if (ack.rtCd === '0' || code === 'OPSP0002') {
      // 0002 ALREADY IN SUBSCRIBE is success: the server holds it.
      this.active.set(reg.key, reg);
      log.debug('subscribed', { registration: label(reg), tier: reg.tier, msgCd: code, held: this.active.size });
      this.o.onSubscribed();
      this.o.onEvent({ trId: reg.trId, symbol: reg.symbol, tier: reg.tier, status: 'active', msgCd: code });
      return;
    }
    switch (code) {
      case 'OPSP0007':
      case 'OPSP0009':
        if (!this.retried.has(reg.key)) {
          this.retried.add(reg.key);
          log.warn('subscribe failed, retrying once', { registration: label(reg), msgCd: code });
          await this.o.sleep(this.o.retryDelayMs);
          return;
        }
        break;
      case 'OPSP0008': {
        // The server is full before our cap (a stale registration, or a smaller limit): its limit is what it
        // holds now. Lower the cap; the plan then evicts the least important and retries this one if it ranks.
        const held = this.active.size;
        if (!this.retried.has(reg.key) && held > 0) {
          this.retried.add(reg.key);
          this.cap = Math.min(this.cap, held);
          log.warn('server registration limit reached; cap lowered', { cap: this.cap, registration: label(reg) });
          this.replan();
          this.o.onEvent({ trId: reg.trId, symbol: reg.symbol, tier: reg.tier, status: 'failed', msgCd: code });
          return;
        }
        break;
      }
      case 'OPSP8991':
      case 'OPSP8992':
        this.invalid.add(reg.key);
        (code === 'OPSP8991' ? log.error : log.warn)('subscription refused as invalid', { registration: label(reg), msgCd: code });
        this.replan();
        this.o.onEvent({ trId: reg.trId, symbol: reg.symbol, tier: reg.tier, status: 'invalid', msgCd: code });
        return;
      default:
        log.error('subscribe refused', { registration: label(reg), msgCd: code, msg1: ack.msg1 });
    }
    this.failed.add(reg.key);
    this.o.onEvent({ trId: reg.trId, symbol: reg.symbol, tier: reg.tier, status: 'failed', msgCd: code });
  }
}
