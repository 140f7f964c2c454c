/**
 * Follows the live session: one SyncEngine per ActiveSession, torn down before the session goes (the
 * session service calls its listeners with null first) and built for the next one. Emits `sync:changed`.
 */
import type { CoreContext } from '../core';
import type { Logger } from '../log';
import { SESSION, type ActiveSession, type SessionService } from '../session/service';
import { SyncEngine, type SyncEngineOptions, type SyncStatus } from './engine';

export type EngineTuning = Omit<SyncEngineOptions, 'session' | 'ctx' | 'settings' | 'noteSync' | 'refreshStreams' | 'onStatus'>;

export class SyncController {
  private service: SessionService | null = null;
  private live: { session: ActiveSession; engine: SyncEngine } | null = null;
  private off: (() => void) | null = null;
  private readonly log: Logger;

  constructor(
    private readonly ctx: CoreContext,
    private readonly tuning: EngineTuning = {},
  ) {
    this.log = ctx.logger.child('sync');
  }

  start(): void {
    this.service = this.ctx.services.use(SESSION) ?? null;
    if (!this.service) {
      this.log.warn('no session service: sync stays idle');
      return;
    }
    this.off = this.service.onChange((s) => this.follow(s));
    const current = this.service.current();
    if (current) this.follow(current);
  }

  async stop(): Promise<void> {
    this.off?.();
    this.off = null;
    const live = this.live;
    this.live = null;
    await live?.engine.stop();
  }

  engine(): SyncEngine | null {
    return this.live?.engine ?? null;
  }

  session(): ActiveSession | null {
    return this.live?.session ?? null;
  }

  private follow(session: ActiveSession | null): void {
    if (this.live?.session === session) return;
    const old = this.live;
    this.live = null;
    // stop() stops every write synchronously; the await only lets an in-flight REST answer land (ignored).
    if (old) void old.engine.stop();
    if (!session) {
      this.ctx.emit('sync:changed', { running: false, lastSyncAt: null, lastResult: null, message: null });
      return;
    }
    const service = this.service;
    try {
      const engine: SyncEngine = new SyncEngine({
        ...this.tuning,
        session,
        ctx: this.ctx,
        settings: () => service?.settings() ?? null,
        noteSync: (at) => service?.noteSync(at),
        refreshStreams: () => service?.refreshStreams(),
        onStatus: (status: SyncStatus) => {
          if (this.live?.engine === engine) this.ctx.emit('sync:changed', status);
        },
      });
      this.live = { session, engine };
      engine.start();
    } catch (err) {
      this.log.error('sync could not start', { error: err instanceof Error ? err.message : String(err) });
      this.ctx.emit('sync:changed', { running: false, lastSyncAt: null, lastResult: 'failed', message: '동기화를 시작하지 못했습니다 / sync could not start' });
    }
  }
}
