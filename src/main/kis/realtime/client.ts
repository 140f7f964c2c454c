/**
 * The realtime client: one WebSocket per appkey (kis-api.md §6.7), approval key from the provider, the capped
 * priority subscription set, PINGPONG, heartbeat deadline, and reconnect with backoff that re-registers every
 * subscription in priority order and then emits `reconnected` (so sync reconciles over REST — notices missed
 * while down are not replayed by KIS). Stream data is a hint; REST is the truth (design invariant 4).
 */
import { systemClock, type Clock } from '../../../shared/clock';
import { registerSecret, silentLogger, type Logger } from '../../log';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { TypedEmitter } from './emitter';
import { FrameParser, type MalformedReason, type ParsedFrame } from './frame';
import type { DesiredStreams, Registration, VenueSelection } from './plan';
import { RealtimeSession, type SessionEnd } from './session';
import { SubscriptionManager, type SubscriptionEvent } from './subscriptions';
import type { ApprovalKeyProvider, BlockedReason, Book, ExecutionNotice, RealtimeState, Tick } from './types';

export interface RealtimeClientOptions {
  /** WebSocket base, e.g. 'ws://ops.koreainvestment.com:21000' or the simulator's ws URL. */
  wsUrl: string;
  /** Appended to wsUrl. Default '/tryitout' (§1 DECISION). */
  path?: string;
  paper: boolean;
  /** HTS ID: the tr_key of the notice subscription. Never logged. */
  htsId: string;
  /** The active account ('NNNNNNNN-01' or 10 digits): notices for other linked accounts are not delivered. */
  account: string;
  approvalKeys: ApprovalKeyProvider;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  /** Registrations held at most (server allows 41; one kept in reserve). Default 40. */
  maxRegistrations?: number;
  /** Spacing between subscribe/unsubscribe requests. Default 100 ms. */
  subscribeIntervalMs?: number;
  ackTimeoutMs?: number; // 5 000
  /** Wait before the single retry of OPSP0007/0009. Default 1 000 ms. */
  retryDelayMs?: number;
  /** Dead after this long without any frame. Default 300 000 ms. */
  heartbeatTimeoutMs?: number;
  connectTimeoutMs?: number; // 10 000
  backoff?: Partial<BackoffOptions>;
  /**
   * OPSP8996 right after an unclean drop may be our own half-open ghost session still on the server: retry
   * this many times with backoff before reporting `blocked`. A first connect is never retried. Default 2.
   */
  ghostSessionRetries?: number;
}

export interface StateEvent {
  state: RealtimeState;
  blocked?: BlockedReason;
  /** Reconnect attempt number (0-based) when reconnecting. */
  attempt?: number;
  retryInMs?: number;
  /** Why the previous session ended, when it did. */
  cause?: SessionEnd['reason'];
}

export type AnomalyKind = MalformedReason | 'foreign-notice' | 'ack-timeout';

/** A registration as shown outside the client: never the notice tr_key (the HTS ID). */
export interface RegistrationView {
  trId: string;
  kind: Registration['kind'];
  symbol: string | null;
  venue: Registration['venue'];
  tier: Registration['tier'];
}

export interface PlanSummary {
  /** What the socket will hold, most important first (at most the cap). */
  held: RegistrationView[];
  /** Wanted but past the cap: never sent. */
  overCap: RegistrationView[];
  /** Inputs that are not symbol codes. */
  invalidSymbols: string[];
}

const view = (r: Registration): RegistrationView => ({ trId: r.trId, kind: r.kind, symbol: r.symbol, venue: r.venue, tier: r.tier });

export interface RealtimeStats {
  frames: number;
  ticks: number;
  books: number;
  notices: number;
  /** Notices for another account linked to the same HTS ID: counted, not delivered. */
  foreignNotices: number;
  malformedFrames: number;
  malformedRecords: number;
  malformedByReason: Record<MalformedReason, number>;
  pingpongs: number;
  reconnects: number;
  ackTimeouts: number;
  listenerErrors: number;
  activeRegistrations: number;
}

export interface RealtimeEvents extends Record<string, unknown> {
  state: StateEvent;
  tick: Tick;
  book: Book;
  notice: ExecutionNotice;
  reconnected: { attempt: number; registrations: number };
  subscription: SubscriptionEvent;
  /** Something was dropped or went wrong; `stats` has the running counts. */
  anomaly: { kind: AnomalyKind; stats: RealtimeStats };
}

const accountDigits = (account: string): string => account.replace(/\D/g, '');

export class RealtimeClient {
  private readonly o: Required<Omit<RealtimeClientOptions, 'backoff' | 'path'>> & { backoff: BackoffOptions; url: string };
  private readonly parser = new FrameParser();
  private readonly emitter: TypedEmitter<RealtimeEvents>;
  private readonly subs: SubscriptionManager;
  private readonly log: Logger;
  private accountNo: string;
  private stateValue: StateEvent = { state: 'idle' };
  private running = false;
  private loop: Promise<void> | null = null;
  private session: RealtimeSession | null = null;
  private readonly sleeps = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  private approvalRetried = false;
  private readonly counts = { ticks: 0, books: 0, notices: 0, foreignNotices: 0, pingpongs: 0, reconnects: 0, ackTimeouts: 0, listenerErrors: 0 };

  constructor(options: RealtimeClientOptions) {
    const base = options.wsUrl.replace(/\/+$/, '');
    const path = options.path ?? '/tryitout';
    this.o = {
      wsUrl: options.wsUrl,
      url: path ? `${base}${path.startsWith('/') ? '' : '/'}${path}` : base,
      paper: options.paper,
      htsId: options.htsId,
      account: options.account,
      approvalKeys: options.approvalKeys,
      clock: options.clock ?? systemClock,
      logger: options.logger ?? silentLogger,
      random: options.random ?? Math.random,
      maxRegistrations: options.maxRegistrations ?? 40,
      subscribeIntervalMs: options.subscribeIntervalMs ?? 100,
      ackTimeoutMs: options.ackTimeoutMs ?? 5000,
      retryDelayMs: options.retryDelayMs ?? 1000,
      heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 300_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      ghostSessionRetries: options.ghostSessionRetries ?? 2,
    };
    registerSecret(options.htsId);
    registerSecret(options.account);
    this.accountNo = accountDigits(options.account);
    registerSecret(this.accountNo);
    this.log = this.o.logger.child('realtime');
    this.emitter = new TypedEmitter<RealtimeEvents>((event, err) => {
      this.counts.listenerErrors++;
      this.log.error('realtime listener threw', { event: String(event), error: err instanceof Error ? err.message : String(err) });
    });
    this.subs = new SubscriptionManager({
      paper: this.o.paper,
      htsId: this.o.htsId,
      cap: this.o.maxRegistrations,
      intervalMs: this.o.subscribeIntervalMs,
      retryDelayMs: this.o.retryDelayMs,
      clock: this.o.clock,
      logger: this.log,
      sleep: (ms) => this.sleep(ms),
      onEvent: (e) => this.emitter.emit('subscription', e),
      onSubscribed: () => {
        this.approvalRetried = false;
      },
    });
  }

  on<K extends keyof RealtimeEvents>(event: K, fn: (arg: RealtimeEvents[K]) => void): () => void {
    return this.emitter.on(event, fn);
  }

  state(): StateEvent {
    return this.stateValue;
  }

  /**
   * What the app wants streamed; the difference is (un)subscribed in the background. `venues` applies to this
   * call only (default ['KRX']; NX/UN are dropped in paper mode). Returns what will be held and what is over the cap.
   */
  setDesired(desired: DesiredStreams, venues?: VenueSelection): PlanSummary {
    const plan = this.subs.setDesired(desired, venues);
    return { held: plan.registrations.map(view), overCap: plan.overCap.map(view), invalidSymbols: plan.invalidSymbols };
  }

  /** Switch the account whose notices are delivered (same HTS ID, another linked account). */
  setAccount(account: string): void {
    registerSecret(account);
    this.accountNo = accountDigits(account);
    registerSecret(this.accountNo);
  }

  /** Registrations the server holds now, most important first (the notice one shows no HTS ID). */
  activeRegistrations(): RegistrationView[] {
    return this.subs.activeRegistrations().map(view);
  }

  stats(): RealtimeStats {
    const c = this.parser.counters;
    return {
      frames: c.frames,
      ...this.counts,
      malformedFrames: c.malformedFrames,
      malformedRecords: c.malformedRecords,
      malformedByReason: { ...c.byReason },
      activeRegistrations: this.subs.activeRegistrations().length,
    };
  }

  /** Connects (and keeps reconnecting) until stop() or a blocked state. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.approvalRetried = false;
    this.loop = this.run().catch((err: unknown) => {
      this.log.error('realtime loop failed', { error: err instanceof Error ? err.message : String(err) });
      this.running = false;
      this.setState({ state: 'disconnected' });
    });
  }

  /** Clean stop: no reconnect, socket closed with 1000, timers cleared. */
  async stop(): Promise<void> {
    this.running = false;
    for (const s of this.sleeps) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleeps.clear();
    const session = this.session;
    session?.end({ reason: 'stopped' });
    await this.loop;
    if (session) await session.closed(1000);
    if (this.stateValue.state !== 'blocked') this.setState({ state: 'disconnected' });
  }

  private async run(): Promise<void> {
    let attempt = 0;
    let everConnected = false;
    let ghostRetries = 0;
    let lastEnd: SessionEnd | null = null;
    while (this.running) {
      // Later attempts announced 'reconnecting' (with the delay) in backoff() or just before `continue`.
      if (!everConnected && attempt === 0) this.setState({ state: 'connecting' });
      let key: string;
      try {
        key = await this.o.approvalKeys.get();
        registerSecret(key);
      } catch (err) {
        if ((err as { kind?: string } | null)?.kind === 'credentials') return this.block('invalid-appkey');
        this.log.warn('approval key unavailable', { error: err instanceof Error ? err.message : String(err) });
        await this.backoff(attempt++, null);
        continue;
      }
      if (!this.running) return;
      let session: RealtimeSession;
      try {
        session = await RealtimeSession.open({
          url: this.o.url,
          parser: this.parser,
          clock: this.o.clock,
          connectTimeoutMs: this.o.connectTimeoutMs,
          ackTimeoutMs: this.o.ackTimeoutMs,
          heartbeatTimeoutMs: this.o.heartbeatTimeoutMs,
          onFrame: (f) => this.onFrame(f),
          onStrayAck: (a) => this.log.debug('ack without a waiting request', { trId: a.trId, msgCd: a.msgCd }),
          onPingPong: () => this.counts.pingpongs++,
        });
      } catch (err) {
        this.log.warn('realtime connect failed', { error: err instanceof Error ? err.message : String(err) });
        await this.backoff(attempt++, null);
        continue;
      }
      if (!this.running) {
        session.end({ reason: 'stopped' });
        return;
      }
      this.session = session;
      this.log.info('realtime connected', { url: this.o.url, paper: this.o.paper });
      this.setState({ state: 'connected' });
      await this.subs.attach(session, key);
      if (session.isOpen) {
        if (everConnected) {
          this.counts.reconnects++;
          this.log.info('reconnected; subscriptions restored', { attempt, registrations: this.subs.activeRegistrations().length });
          this.emitter.emit('reconnected', { attempt, registrations: this.subs.activeRegistrations().length });
        }
        everConnected = true;
        attempt = 0;
        ghostRetries = 0;
      }
      const end = await session.ended;
      this.subs.detach();
      this.session = null;
      if (!this.running || end.reason === 'stopped') return;
      const previous: SessionEnd | null = lastEnd;
      lastEnd = end;
      if (end.reason === 'ack-timeout') {
        this.counts.ackTimeouts++;
        this.anomaly('ack-timeout');
      }
      if (end.reason === 'blocked') {
        const uncleanBefore = previous !== null && (previous.reason === 'heartbeat' || (previous.reason === 'closed' && !previous.clean));
        if (end.blocked === 'appkey-in-use' && everConnected && uncleanBefore && ghostRetries < this.o.ghostSessionRetries) {
          ghostRetries++;
          lastEnd = previous; // keep treating the next attempt as following the unclean drop
          this.log.warn('appkey in use right after a drop; retrying in case it is our own stale session', { ghostRetries });
          await this.backoff(attempt++, end);
          continue;
        }
        return this.block(end.blocked);
      }
      if (end.reason === 'approval-invalid') {
        if (this.approvalRetried) return this.block('approval-rejected');
        this.approvalRetried = true;
        this.log.warn('approval key not found by the server; fetching a new one');
        await this.o.approvalKeys.invalidate(key);
        this.setState({ state: 'reconnecting', attempt, retryInMs: 0, cause: end.reason });
        continue; // reconnect once, at once, with the new key
      }
      this.log.warn('realtime session ended', { cause: end.reason, ...(end.reason === 'closed' ? { code: end.code } : {}) });
      await this.backoff(attempt++, end);
    }
  }

  private onFrame(f: ParsedFrame): void {
    switch (f.kind) {
      case 'ticks':
        this.counts.ticks += f.records.length;
        for (const t of f.records) this.emitter.emit('tick', t);
        return;
      case 'books':
        this.counts.books += f.records.length;
        for (const b of f.records) this.emitter.emit('book', b);
        return;
      case 'notices':
        for (const n of f.records) {
          if (this.isOurAccount(n.account)) {
            this.counts.notices++;
            this.emitter.emit('notice', n);
          } else {
            this.counts.foreignNotices++;
            this.anomaly('foreign-notice');
          }
        }
        return;
      case 'malformed':
        this.log.debug('malformed realtime frame dropped', { trId: f.trId, reason: f.reason });
        this.anomaly(f.reason);
        return;
      default:
        return;
    }
  }

  /** Field 2 may carry the 10-digit account (CANO + product code) or, in some layouts, only the 8-digit CANO. */
  private isOurAccount(noticeAccount: string): boolean {
    const n = accountDigits(noticeAccount);
    const a = this.accountNo;
    if (n.length === 0 || a.length === 0) return false;
    return n === a || (n.length === 8 && a.length === 10 && a.startsWith(n));
  }

  private anomaly(kind: AnomalyKind): void {
    this.emitter.emit('anomaly', { kind, stats: this.stats() });
  }

  private block(reason: BlockedReason): void {
    this.running = false;
    const hint =
      reason === 'appkey-in-use'
        ? 'another session (another program or device) holds this appkey; close it, then start again'
        : reason === 'invalid-appkey'
          ? 'the appkey was refused; check the credentials'
          : 'the server refused a freshly issued approval key';
    this.log.error('realtime stopped', { blocked: reason, hint });
    this.setState({ state: 'blocked', blocked: reason });
  }

  private async backoff(attempt: number, cause: SessionEnd | null): Promise<void> {
    if (!this.running) return;
    const delay = backoffDelay(attempt, this.o.backoff, this.o.random);
    this.setState({ state: 'reconnecting', attempt, retryInMs: delay, ...(cause ? { cause: cause.reason } : {}) });
    await this.sleep(delay);
  }

  /** A timer stop() can cut short. */
  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleeps.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.sleeps.add(entry);
    });
  }

  private setState(s: StateEvent): void {
    this.stateValue = s;
    this.emitter.emit('state', s);
  }
}
