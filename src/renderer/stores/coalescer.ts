/**
 * Per-frame coalescing of the market stream: events are buffered as they arrive and handed to the store once per
 * animation frame. Main already batches per ~50 ms; this keeps the screen at one store update (and one React
 * render) per frame whatever the event rate, and drops nothing (the tape needs every trade).
 */
import type { BookView, TradeTick } from '../../shared/ipc/domains/market';

export type FrameScheduler = (cb: () => void) => unknown;

export interface Coalescer {
  ticks(batch: readonly TradeTick[]): void;
  book(book: BookView): void;
  /** Hands everything pending to the sinks now (tests, teardown). */
  flush(): void;
  /** Frames in which something was flushed (bench detail). */
  readonly frames: number;
}

export function createCoalescer(
  sinks: { ticks(batch: TradeTick[]): void; books(books: BookView[]): void },
  schedule: FrameScheduler = (cb) => requestAnimationFrame(() => cb()),
): Coalescer {
  let ticks: TradeTick[] = [];
  let books = new Map<string, BookView>();
  let scheduled = false;
  let frames = 0;
  const flush = () => {
    scheduled = false;
    if (ticks.length === 0 && books.size === 0) return;
    frames++;
    const t = ticks;
    const b = [...books.values()];
    ticks = [];
    books = new Map();
    if (t.length > 0) sinks.ticks(t);
    if (b.length > 0) sinks.books(b);
  };
  const arm = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };
  return {
    ticks(batch) {
      for (const t of batch) ticks.push(t);
      arm();
    },
    book(b) {
      // Only the newest 호가 per symbol and venue matters within a frame.
      books.set(`${b.symbol}|${b.venue}`, b);
      arm();
    },
    flush,
    get frames() {
      return frames;
    },
  };
}
