/**
 * WAL checkpoints on sync's terms. A checkpoint (copying the WAL into the database file) is the one fsync
 * WAL mode does, and it stalls the thread for milliseconds; the store keeps automatic checkpoints only as a
 * large safety net, so sync runs them when nothing has been written for a moment — never in the middle of a
 * burst of fills.
 */
import type { Logger } from '../log';
import type { StoreWriter } from '../store';

/** The writer's checkpoint operation (src/main/store/writer.ts). */
type Checkpointing = { checkpoint?: (mode?: 'passive' | 'truncate') => { ok: boolean } };

export class IdleCheckpointer {
  /** Checkpoints run so far. */
  count = 0;
  private lastWrite = 0;
  private dirty = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly writer: () => StoreWriter | null,
    /** True while a sync run is writing: wait for it. */
    private readonly busy: () => boolean,
    private readonly log: Logger,
    private readonly idleMs = 250,
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
    if (!this.dirty || this.busy() || performance.now() - this.lastWrite < this.idleMs) return;
    const writer = this.writer() as (StoreWriter & Checkpointing) | null;
    if (!writer) return;
    this.dirty = false;
    const r = writer.checkpoint?.('passive');
    if (r?.ok) this.count++;
    else if (r) this.log.warn('WAL checkpoint failed', { result: r as unknown as Record<string, unknown> });
  }
}
