/**
 * WAL checkpoints on sync's terms. A checkpoint (copying the WAL into the database file) is the one fsync
 * WAL mode does, and it stalls the thread for milliseconds. The store normally does them on its own worker
 * thread right after writes (src/main/store/checkpointer.ts), and then this finds nothing to copy (no fsync);
 * it stays as the fallback where that worker could not start: after `idleMs` without a write, and at most
 * once per `minIntervalMs` — never in the middle of a burst of fills, and not after every lone fill.
 */
import type { Logger } from '../log';
import type { StoreWriter } from '../store';

export class IdleCheckpointer {
  /** Checkpoints run so far. */
  count = 0;
  private lastWrite = 0;
  private lastCheckpoint = -Infinity;
  private dirty = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly writer: () => StoreWriter | null,
    /** True while a sync run is writing: wait for it. */
    private readonly busy: () => boolean,
    private readonly log: Logger,
    private readonly idleMs = 1000,
    private readonly minIntervalMs = 30_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.checkpointIfIdle(), Math.max(50, Math.floor(this.idleMs / 2)));
    this.timer.unref?.();
  }

  /** Something was just written (wall time: this is about the thread, not the market). */
  wrote(): void {
    this.lastWrite = performance.now();
    this.dirty = true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private checkpointIfIdle(): void {
    const now = performance.now();
    if (!this.dirty || this.busy() || now - this.lastWrite < this.idleMs || now - this.lastCheckpoint < this.minIntervalMs) return;
    const writer = this.writer();
    if (!writer) return;
    this.dirty = false;
    this.lastCheckpoint = now;
    const r = writer.checkpoint('passive');
    if (r.ok) this.count++;
    else this.log.warn('WAL checkpoint failed', { code: r.code, message: r.message });
  }
}
