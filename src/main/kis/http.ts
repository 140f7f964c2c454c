/**
 * Transport: one undici Pool per REST origin with keep-alive. It knows nothing about KIS envelopes; it only
 * reports, precisely, whether a failed request can have reached the server — the order path depends on it.
 */
import { Pool, type Dispatcher } from 'undici';

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path plus query string, e.g. '/uapi/…/inquire-price?FID_…'. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Time allowed for headers, and again for the body. */
  timeoutMs: number;
}

export interface HttpReply {
  status: number;
  /** Response header `tr_cont` ('' when absent). */
  trCont: string;
  text: string;
}

/**
 * A request that got no usable reply. `sent === false` only when the connection was never established, so
 * the server cannot have seen a byte; every other failure (reset, timeout, cut mid-body) counts as sent.
 */
export class TransportFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly sent: boolean,
  ) {
    super(message);
    this.name = 'TransportFailure';
  }
}

const NOT_SENT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_INVALID_ARG',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

export interface HttpOptions {
  connections?: number;
  keepAliveTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export class KisHttp {
  private readonly pool: Pool;
  private closed = false;

  constructor(
    readonly origin: string,
    options: HttpOptions = {},
  ) {
    this.pool = new Pool(origin, {
      connections: options.connections ?? 6,
      pipelining: 1, // never pipeline: a cut connection must affect one request only
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      keepAliveMaxTimeout: 60_000,
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    });
  }

  /**
   * One request through the pool's raw dispatch API: the reply is collected straight into a buffer list (no
   * stream objects), which is both the cheapest path and the one that reports precisely how far a failed
   * request got (before or after the response head).
   */
  send(req: HttpRequest): Promise<HttpReply> {
    if (this.closed) return Promise.reject(new TransportFailure('KIS client is closed', 'UND_ERR_CLOSED', false));
    return new Promise<HttpReply>((resolve, reject) => {
      let status = 0;
      let trCont = '';
      let headersSeen = false;
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart() {},
        onResponseStart(_controller, statusCode, headers) {
          headersSeen = true;
          status = statusCode;
          const t = headers['tr_cont'];
          trCont = (Array.isArray(t) ? t[0] : t) ?? '';
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve({ status, trCont, text });
        },
        onResponseError(_controller, error) {
          reject(toFailure(error, headersSeen));
        },
      };
      try {
        this.pool.dispatch(
          {
            method: req.method,
            path: req.path,
            headers: req.headers,
            body: req.body ?? null,
            headersTimeout: req.timeoutMs,
            bodyTimeout: req.timeoutMs,
          },
          handler,
        );
      } catch (e) {
        reject(toFailure(e));
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
  }
}

function toFailure(e: unknown, afterHeaders = false): TransportFailure {
  const err = e as { code?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code ?? 'UNKNOWN';
  const sent = afterHeaders || !NOT_SENT_CODES.has(code);
  return new TransportFailure(err?.message ?? String(e), code, sent);
}
