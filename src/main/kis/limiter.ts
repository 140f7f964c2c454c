/**
 * One rate limiter per appkey, shared by every REST call (kis-api.md §8.1 DECISION).
 *
 * It is a token bucket of `perSecond` tokens where each spent token comes back exactly one window
 * (1 s + margin) after it was spent — i.e. it guarantees "at most N request starts in any window", which is how
 * the gateway counts (a sliding 1-s window), while a classic refill-bucket would allow bursts of 2N across a
 * window edge. On top: a minimum spacing between starts, and a strict priority queue:
 *   order  — order-cash / order-rvsecncl: always served first;
 *   live   — the order path's live checks (orderable cash, quote) and user-visible refreshes;
 *   background — sync, candles, calendars: served only when nothing else waits, and never allowed to take the
 *              last `reserveForUrgent` tokens of a window, so an order arriving mid-sync goes out at once.
 * Time is monotonic wall time (the gateway's), never the market clock.
 */
import type { RateProfile } from './config';
import { performanceNow, type Monotonic } from './timing';

export type Priority = 'order' | 'live' | 'background';
const ORDERED: readonly Priority[] = ['order', 'live', 'background'];

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface LimiterStats {
  granted: Record<Priority, number>;
  waiting: Record<Priority, number>;
}

export class RateLimiter {
  private readonly starts: number[] = []; // request start times still inside the window, oldest first
  private lastStart = Number.NEGATIVE_INFINITY;
  private readonly queues: Record<Priority, Waiter[]> = { order: [], live: [], background: [] };
  private readonly granted: Record<Priority, number> = { order: 0, live: 0, background: 0 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private readonly windowMs: number;

  constructor(
    readonly profile: RateProfile,
    private readonly now: Monotonic = performanceNow,
  ) {
    if (!(profile.perSecond > 0)) throw new RangeError('perSecond must be > 0');
    this.windowMs = 1000 + Math.max(0, profile.windowMarginMs);
  }

  /** Resolves when the caller may start one request. Call once per HTTP request (each page counts). */
  acquire(priority: Priority): Promise<void> {
    if (this.closed) return Promise.reject(new Error('rate limiter closed'));
    // Fast path: nothing queued and a token free right now.
    if (this.isEmpty() && this.readyAt(priority, this.now()) <= this.now()) {
      this.take(priority, this.now());
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.queues[priority].push({ resolve, reject });
      this.pump();
    });
  }

  stats(): LimiterStats {
    return {
      granted: { ...this.granted },
      waiting: { order: this.queues.order.length, live: this.queues.live.length, background: this.queues.background.length },
    };
  }

  /** Rejects everyone still waiting (client shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const p of ORDERED) for (const w of this.queues[p].splice(0)) w.reject(new Error('rate limiter closed'));
  }

  private isEmpty(): boolean {
    return this.queues.order.length === 0 && this.queues.live.length === 0 && this.queues.background.length === 0;
  }

  /** Earliest time a request of this priority may start, given the starts recorded so far. */
  private readyAt(priority: Priority, now: number): number {
    this.expire(now);
    const cap = priority === 'background' ? Math.max(1, this.profile.perSecond - this.profile.reserveForUrgent) : this.profile.perSecond;
    const n = this.starts.length;
    // Need (count in window) ≤ cap − 1 before taking: the oldest n − cap + 1 starts must have left the window.
    const byWindow = n < cap ? now : this.starts[n - cap]! + this.windowMs;
    const bySpacing = this.lastStart + this.profile.minSpacingMs;
    return Math.max(now, byWindow, bySpacing);
  }

  private expire(now: number): void {
    let drop = 0;
    while (drop < this.starts.length && this.starts[drop]! + this.windowMs <= now) drop++;
    if (drop > 0) this.starts.splice(0, drop);
  }

  private take(priority: Priority, now: number): void {
    this.starts.push(now);
    this.lastStart = now;
    this.granted[priority]++;
  }

  private pump(): void {
    if (this.closed) return;
    for (;;) {
      const priority = ORDERED.find((p) => this.queues[p].length > 0);
      if (!priority) return;
      const now = this.now();
      const at = this.readyAt(priority, now);
      if (at > now) {
        this.schedule(at - now);
        return;
      }
      this.take(priority, now);
      this.queues[priority].shift()!.resolve();
    }
  }

  private schedule(delayMs: number): void {
    const at = this.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    // +1 ms: setTimeout may fire a hair early relative to performance.now().
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.pump();
    }, Math.ceil(delayMs) + 1);
  }
}
