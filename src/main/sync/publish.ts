/**
 * Pushes "what the account looks like now" to the renderer: `orders:changed` (the open orders), then
 * `portfolio:changed` and `account:changed`. Each is a read of the mirror, so a burst of fills (hundreds a
 * second in a fast market) would repeat the same reads for nobody: the first change after a quiet spell is
 * pushed at once, in order; changes within `minIntervalMs` after it are folded into one trailing push.
 */
import type { CoreContext } from '../core';
import type { Logger } from '../log';
import type { AccountSummaryView, LastPrices, StoreReads } from '../store';
import { holdingsNow, openOrderViews, type NameOf } from '../account/views';

export interface PublisherDeps {
  emit: CoreContext['emit'];
  reads: () => StoreReads | null;
  prices: () => LastPrices;
  nameOf: NameOf;
  /** The latest snapshot and today's realized P&L when the caller keeps them (no re-read per push). */
  known?: () => Pick<AccountSummaryView, 'tradeDate' | 'snapshot' | 'realizedToday'> | null;
  logger: Logger;
  minIntervalMs?: number;
  /** Monotonic milliseconds for the rate limit (UI pacing, not market time). */
  now?: () => number;
}

type Topic = 'orders' | 'holdings';

export class Publisher {
  private readonly last: Record<Topic, number> = { orders: -Infinity, holdings: -Infinity };
  private readonly pending = new Set<Topic>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly interval: number;
  private readonly now: () => number;

  constructor(private readonly d: PublisherDeps) {
    this.interval = d.minIntervalMs ?? 50;
    this.now = d.now ?? (() => performance.now());
  }

  /** Open orders changed (and with them the sellable quantity of positions, for sells). */
  ordersChanged(): void {
    this.request('orders');
  }

  /** Holdings, cash or P&L changed. */
  holdingsChanged(): void {
    this.request('holdings');
  }

  /** Pushes everything pending now (before a session goes away, and in tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const t of ['orders', 'holdings'] as const) if (this.pending.has(t)) this.push(t);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private request(topic: Topic): void {
    if (this.closed) return;
    const now = this.now();
    if (!this.pending.has(topic) && now - this.last[topic] >= this.interval) {
      this.push(topic);
      return;
    }
    this.pending.add(topic);
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.interval);
      this.timer.unref?.();
    }
  }

  private push(topic: Topic): void {
    this.pending.delete(topic);
    this.last[topic] = this.now();
    const reads = this.d.reads();
    if (!reads || this.closed) return;
    try {
      if (topic === 'orders') {
        this.d.emit('orders:changed', openOrderViews(reads, this.d.nameOf));
      } else {
        const { positions, summary } = holdingsNow(reads, this.d.prices(), this.d.nameOf, this.d.known?.());
        this.d.emit('portfolio:changed', positions);
        this.d.emit('account:changed', summary);
      }
    } catch (err) {
      this.d.logger.error('account event could not be built', { topic, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
