/**
 * One WebSocket session to KIS (kis-api.md §6): opens the socket, sends subscribe/unsubscribe requests one at a
 * time and matches their acks, echoes PINGPONG verbatim, watches the heartbeat deadline, and ends exactly once
 * with a reason. It does not reconnect or decide what to subscribe; the client does.
 */
import WebSocket from 'ws';
import type { Clock } from '../../../shared/clock';
import type { AckMessage } from './control';
import type { FrameParser, ParsedFrame } from './frame';
import type { BlockedReason } from './types';

export type SessionEnd =
  /** The socket closed (server close frame, or a cut connection: code 1006). */
  | { reason: 'closed'; code: number; clean: boolean }
  /** No frame at all for the heartbeat deadline. */
  | { reason: 'heartbeat' }
  /** A subscribe/unsubscribe got no ack in time: the session can no longer be trusted. */
  | { reason: 'ack-timeout' }
  /** OPSP0011: the approval key is unknown to the server. */
  | { reason: 'approval-invalid' }
  /** OPSP8996 (another session holds the appkey) or OPSP0010 (invalid appkey): retrying cannot help. */
  | { reason: 'blocked'; blocked: BlockedReason }
  /** We closed it (stop, or replaced). */
  | { reason: 'stopped' };

export class SessionEndedError extends Error {
  constructor(readonly end: SessionEnd) {
    super(`realtime session ended: ${end.reason}`);
    this.name = 'SessionEndedError';
  }
}

export interface SessionOptions {
  url: string;
  parser: FrameParser;
  clock: Clock;
  connectTimeoutMs: number;
  ackTimeoutMs: number;
  heartbeatTimeoutMs: number;
  /** Every parsed data frame (ticks, books, notices, malformed) — acks and PINGPONG are handled here. */
  onFrame(frame: ParsedFrame): void;
  /** An ack that matched no request (late, or unsolicited). */
  onStrayAck(ack: AckMessage): void;
  onPingPong(): void;
}

interface PendingAck {
  trId: string;
  trKey: string;
  resolve(ack: AckMessage): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Session-level OPSP codes: they end the session whichever request (if any) they answer. */
const SESSION_CODES: Record<string, SessionEnd> = {
  OPSP0011: { reason: 'approval-invalid' },
  OPSP8996: { reason: 'blocked', blocked: 'appkey-in-use' },
  OPSP0010: { reason: 'blocked', blocked: 'invalid-appkey' },
};

export class RealtimeSession {
  private pending: PendingAck | null = null;
  private endValue: SessionEnd | null = null;
  private resolveEnded!: (end: SessionEnd) => void;
  /** Resolves once, with why the session ended. */
  readonly ended: Promise<SessionEnd> = new Promise((r) => (this.resolveEnded = r));
  private lastFrameAt: number;
  private sawFrame = false;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  private constructor(
    private readonly ws: WebSocket,
    private readonly o: SessionOptions,
  ) {
    this.lastFrameAt = o.clock.now();
    // Checking a flag on a timer instead of re-arming a timeout per frame keeps the hot path free of timer work.
    const every = Math.max(10, Math.min(5000, Math.floor(o.heartbeatTimeoutMs / 4)));
    this.heartbeat = setInterval(() => this.checkHeartbeat(), every);
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('close', (code: number) => this.end({ reason: 'closed', code, clean: code === 1000 || code === 1001 }));
    ws.on('error', () => {
      // 'close' always follows an error; ending there keeps one code path.
    });
  }

  /** Opens the socket; rejects if it cannot (refused, handshake timeout, HTTP error on upgrade). */
  static open(o: SessionOptions): Promise<RealtimeSession> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(o.url, { perMessageDeflate: false, handshakeTimeout: o.connectTimeoutMs, maxPayload: 4 << 20 });
      const fail = (err: Error) => {
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        reject(err);
      };
      ws.once('open', () => {
        ws.removeAllListeners();
        o.parser.clearCiphers(); // key/iv belong to the previous session's subscriptions
        resolve(new RealtimeSession(ws, o));
      });
      ws.once('error', fail);
      ws.once('close', (code: number) => fail(new Error(`socket closed during connect (code ${code})`)));
    });
  }

  get isOpen(): boolean {
    return this.endValue === null;
  }

  /**
   * Sends a subscribe (`'1'`) or unsubscribe (`'2'`) request and resolves with its ack. Requests are sequential:
   * the caller awaits one before sending the next. Rejects with SessionEndedError if the session ends first.
   */
  request(trType: '1' | '2', trId: string, trKey: string, approvalKey: string): Promise<AckMessage> {
    if (this.endValue) return Promise.reject(new SessionEndedError(this.endValue));
    if (this.pending) return Promise.reject(new Error('realtime session: a request is already waiting for its ack'));
    const body = JSON.stringify({
      header: { approval_key: approvalKey, custtype: 'P', tr_type: trType, 'content-type': 'utf-8' },
      body: { input: { tr_id: trId, tr_key: trKey } },
    });
    return new Promise<AckMessage>((resolve, reject) => {
      const timer = setTimeout(() => this.end({ reason: 'ack-timeout' }), this.o.ackTimeoutMs);
      this.pending = { trId, trKey, resolve, reject, timer };
      this.ws.send(body, (err) => {
        if (err) this.end({ reason: 'closed', code: 1006, clean: false });
      });
    });
  }

  /** Ends the session (idempotent): closes the socket, fails the waiting request, stops the heartbeat. */
  end(end: SessionEnd): void {
    if (this.endValue) return;
    this.endValue = end;
    clearInterval(this.heartbeat);
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(new SessionEndedError(end));
    }
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      if (end.reason === 'stopped' || end.reason === 'blocked') this.ws.close(1000);
      else this.ws.terminate(); // a dead or untrusted session: do not wait for a close handshake
    }
    this.resolveEnded(end);
  }

  /** Resolves when the socket is fully closed (after end()), or after `ms`, whichever is first. */
  async closed(ms: number): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, ms);
      this.ws.once('close', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.sawFrame = true;
    if (this.endValue) return;
    const text = isBinary ? '' : data.toString('utf8');
    const frame = this.o.parser.parse(text);
    if (frame.kind !== 'control') {
      this.o.onFrame(frame);
      return;
    }
    const msg = frame.message;
    if (msg.type === 'pingpong') {
      // §6.6 DECISION: echo the JSON verbatim as a text frame; no protocol pings of our own.
      this.ws.send(msg.raw);
      this.o.onPingPong();
      return;
    }
    if (msg.type !== 'ack') return;
    // Store the key/iv synchronously: a notice can arrive in the same socket read as its ack, before any
    // promise continuation runs.
    if (msg.rtCd === '0' && msg.key && msg.iv) this.o.parser.setCipher(msg.trId, msg.key, msg.iv);
    const sessionEnd = SESSION_CODES[msg.msgCd];
    if (sessionEnd && msg.rtCd !== '0') {
      this.end(sessionEnd);
      return;
    }
    const p = this.pending;
    // Acks echo tr_id/tr_key; error acks for unparseable requests may not, so blanks match the waiting request.
    if (p && (msg.trId === '' || msg.trId === p.trId) && (msg.trKey === '' || msg.trKey === p.trKey)) {
      this.pending = null;
      clearTimeout(p.timer);
      p.resolve(msg);
      return;
    }
    this.o.onStrayAck(msg);
  }

  private checkHeartbeat(): void {
    const now = this.o.clock.now();
    if (this.sawFrame) {
      this.sawFrame = false;
      this.lastFrameAt = now;
      return;
    }
    if (now - this.lastFrameAt >= this.o.heartbeatTimeoutMs) this.end({ reason: 'heartbeat' });
  }
}
