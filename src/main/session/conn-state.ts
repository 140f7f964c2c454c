/**
 * conn:state for the status bar: the realtime client's state in the trader's words, the last sync time the
 * sync layer reports, and the share of the per-appkey REST budget still free. Emitted only when it changes.
 */
import type { ConnState, Connection } from '../../shared/ipc/domains/app';
import type { Environment } from '../../shared/ipc/schemas';
import type { StateEvent } from '../kis/realtime';
import type { RateLimiter } from '../kis';

export function connectionOf(e: StateEvent): { connection: Connection; message?: string } | null {
  switch (e.state) {
    case 'idle':
      return null;
    case 'connecting':
      return { connection: 'connecting' };
    case 'connected':
      return { connection: 'connected' };
    case 'reconnecting': {
      const secs = e.retryInMs === undefined ? null : Math.max(0, Math.round(e.retryInMs / 1000));
      return {
        connection: 'reconnecting',
        message: secs === null ? '실시간 재연결 중 / Reconnecting realtime' : `실시간 재연결 중 (${secs}초 후) / Reconnecting realtime in ${secs} s`,
      };
    }
    case 'disconnected':
      return { connection: 'disconnected' };
    case 'blocked':
      return { connection: 'disconnected', message: blockedMessage(e.blocked) };
  }
}

function blockedMessage(reason: StateEvent['blocked']): string {
  switch (reason) {
    case 'appkey-in-use':
      return '다른 프로그램(또는 기기)이 이 앱키로 실시간 연결 중입니다. 그쪽을 닫고 다시 연결하세요. / Another program or device holds this appkey’s realtime session; close it and reconnect.';
    case 'invalid-appkey':
      return '앱키가 거부되었습니다. 설정에서 자격 증명을 확인하세요. / The appkey was refused; check the credentials in Settings.';
    default:
      return '실시간 접속키가 거부되었습니다. 잠시 후 다시 시도하세요. / The realtime approval key was refused; try again shortly.';
  }
}

/** Tracks the pieces of conn:state and emits a new one only when something visible changed. */
export class ConnStateTracker {
  private connection: Connection = 'disconnected';
  private message: string | undefined;
  private lastSyncAt: number | null = null;
  private rateHeadroom: number | null = null;
  private lastEmitted = '';

  constructor(
    private environment: Environment,
    private readonly emit: (state: ConnState) => void,
  ) {}

  set(patch: { environment?: Environment; connection?: Connection; message?: string | null; lastSyncAt?: number | null; rateHeadroom?: number | null }): void {
    if (patch.environment !== undefined) this.environment = patch.environment;
    if (patch.connection !== undefined) this.connection = patch.connection;
    if (patch.message !== undefined) this.message = patch.message ?? undefined;
    if (patch.lastSyncAt !== undefined) this.lastSyncAt = patch.lastSyncAt;
    if (patch.rateHeadroom !== undefined) this.rateHeadroom = patch.rateHeadroom;
    const state = this.current();
    const key = JSON.stringify(state);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.emit(state);
  }

  current(): ConnState {
    const s: ConnState = { environment: this.environment, connection: this.connection, lastSyncAt: this.lastSyncAt, rateHeadroom: this.rateHeadroom };
    if (this.message !== undefined) s.message = this.message.slice(0, 500);
    return s;
  }
}

/**
 * Headroom from the limiter's grant counter, sampled once a second: 1 − (requests started in the last second
 * ÷ the per-second budget), 0 while anything waits for a slot. Rounded to a tenth so it does not flicker.
 */
export function headroomSampler(limiter: RateLimiter): () => number {
  let last = total(limiter);
  return () => {
    const now = total(limiter);
    const used = now - last;
    last = now;
    const s = limiter.stats();
    if (s.waiting.order + s.waiting.live + s.waiting.background > 0) return 0;
    const free = 1 - used / Math.max(1, limiter.profile.perSecond);
    return Math.round(Math.min(1, Math.max(0, free)) * 10) / 10;
  };
}

function total(limiter: RateLimiter): number {
  const g = limiter.stats().granted;
  return g.order + g.live + g.background;
}
