/**
 * The REST side on loopback: /oauth2/* (tokens, approval keys), /uapi/hashkey, the /uapi gateway, and the
 * test-only control API under /__sim/. Plain node:http, bound to 127.0.0.1, port 0 by default.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApprovalService } from './approval';
import type { ControlApi } from './control';
import { checkCredentials, type CredentialBook } from './credentials';
import { gatewayError, type Reply } from './envelope';
import { delay, latencyMs } from './faults';
import type { KnobStore } from './knobs';
import { parseJsonObject } from './request';
import { SeededStream } from './rng';
import type { TokenService } from './tokens';
import { hashOf, type UapiGateway } from './uapi';

const MAX_BODY = 1 << 20;

export interface RestServerDeps {
  seed: number;
  knobs: KnobStore;
  book: CredentialBook;
  tokens: TokenService;
  approvals: ApprovalService;
  gateway: UapiGateway;
  control: ControlApi;
  rand(): number;
  /** Zipped stock master file for a /common/master/… path, or null. */
  masterZip(path: string): Buffer | null;
  log(line: string): void;
}

export interface SimRestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

export async function startRestServer(deps: RestServerDeps, port: number): Promise<SimRestServer> {
  const gtUid = new SeededStream(deps.seed, 'gt_uid');

  function send(res: ServerResponse, reply: Reply, trId: string): void {
    if (reply.cut) {
      // The fault "connection dropped after the order was booked": no status line, no body.
      res.socket?.destroy();
      return;
    }
    const body = JSON.stringify(reply.body);
    // Standard headers Capitalised, KIS's own lowercase: the official helper (APIResp._setHeader) turns every
    // all-lowercase header name into a namedtuple field, and 'content-type' is not a Python identifier.
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      gt_uid: gtUid.hex(32),
    };
    if (trId) headers.tr_id = trId;
    for (const [k, v] of Object.entries(reply.headers ?? {})) headers[k] = v;
    res.writeHead(reply.status, headers).end(body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const trId = typeof req.headers.tr_id === 'string' ? req.headers.tr_id : '';
    const body = await readBody(req);
    if (body === null) {
      res.writeHead(413).end();
      return;
    }

    if (path.startsWith('/__sim/')) {
      if (!isLoopback(req.socket.remoteAddress)) {
        res.writeHead(403).end();
        return;
      }
      const r = await deps.control.handle(method, path, url.searchParams, body);
      res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(r.body));
      return;
    }

    if (method === 'GET' && path.startsWith('/common/master/')) {
      const zip = deps.masterZip(path);
      if (zip) res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': zip.length }).end(zip);
      else res.writeHead(404).end();
      return;
    }

    await delay(latencyMs(deps.knobs.get(), trId, path, deps.rand));
    let reply: Reply;
    if (method === 'POST' && path === '/oauth2/tokenP') reply = deps.tokens.issue(parseJsonObject(body));
    else if (method === 'POST' && path === '/oauth2/revokeP') reply = deps.tokens.revoke(parseJsonObject(body));
    else if (method === 'POST' && path === '/oauth2/Approval') reply = deps.approvals.issue(parseJsonObject(body));
    else if (method === 'POST' && path === '/uapi/hashkey') reply = hashkey(req, body);
    else if (path.startsWith('/uapi/')) {
      reply = deps.gateway.handle({ method, path, search: url.search, headers: req.headers, body });
    } else reply = { status: 404, body: { error_code: 'NOT_FOUND', error_description: `${method} ${path}` } };
    const msg = (reply.body as { msg_cd?: string; error_code?: string } | null) ?? {};
    deps.log(`${method} ${path}${trId ? ` ${trId}` : ''} → ${reply.cut ? 'cut' : reply.status} ${msg.msg_cd ?? msg.error_code ?? ''}`);
    send(res, reply, trId);
  }

  function hashkey(req: IncomingMessage, body: string): Reply {
    const h = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : undefined);
    const cred = checkCredentials(deps.book, h('appkey'), h('appsecret'));
    if (!cred.ok) return gatewayError(cred.code, deps.knobs.get().egwHttpStatus);
    return { status: 200, body: { BODY: parseJsonObject(body), HASH: hashOf(body) } };
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      deps.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end('{"rt_cd":"1","msg_cd":"SIM00500","msg1":"simulator error"}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
