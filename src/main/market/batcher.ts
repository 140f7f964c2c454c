/**
 * Coalesces stream updates into ~50 ms batches for the renderer: every trade tick is kept (the tape needs
 * them, up to the event's 2,000 cap per batch), while 호가 keeps only the latest per symbol and venue.
 */
import type { BookView, TradeTick } from '../../shared/ipc/domains/market';

const MAX_TICKS_PER_EVENT = 2000;

export class UpdateBatcher {
  private ticks: TradeTick[] = [];
  private books = new Map<string, BookView>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly emitTicks: (ticks: TradeTick[]) => void,
    private readonly emitBook: (book: BookView) => void,
    private readonly intervalMs = 50,
  ) {}

  tick(t: TradeTick): void {
    this.ticks.push(t);
    this.schedule();
  }

  book(b: BookView): void {
    this.books.set(`${b.symbol}|${b.venue}`, b);
    this.schedule();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ticks = this.ticks;
    const books = [...this.books.values()];
    this.ticks = [];
    this.books = new Map();
    for (let i = 0; i < ticks.length; i += MAX_TICKS_PER_EVENT) this.emitTicks(ticks.slice(i, i + MAX_TICKS_PER_EVENT));
    for (const b of books) this.emitBook(b);
  }

  /** Drops anything pending (the session went away). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ticks = [];
    this.books = new Map();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }
}
