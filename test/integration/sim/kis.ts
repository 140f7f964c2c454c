/**
 * A minimal KIS client for simulator tests: real loopback HTTP (fetch = undici) and a real `ws` socket.
 * Deliberately thin — it sends what the official samples send and hands back status, headers and body,
 * so each test asserts the wire itself.
 */
import WebSocket from 'ws';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle, StartSimOptions } from '../../../src/sim/handle';

/** Monday 2026-11-23 10:00 KST: a trading day, continuous session, 2026-09 regime. */
export const T0 = '2026-11-23T10:00:00+09:00';
export const TRADING = 'trading';
export const QUOTES = 'quotations';

export function startTestSim(opts: StartSimOptions = {}): Promise<SimHandle> {
  return startSimulator({ clock: { start: T0, speed: 0 }, seed: 1, ...opts });
}

export interface WireReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export class Kis {
  token = '';
  constructor(
    readonly sim: SimHandle,
    readonly appkey = sim.appkey,
    readonly appsecret = sim.appsecret,
  ) {}

  static async connect(sim: SimHandle): Promise<Kis> {
    const k = new Kis(sim);
    await k.login();
    return k;
  }

  async login(): Promise<Body> {
    const r = await this.oauth('/oauth2/tokenP', { grant_type: 'client_credentials', appkey: this.appkey, appsecret: this.appsecret });
    if (r.status !== 200) throw new Error(`tokenP failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.token = r.body.access_token as string;
    return r.body;
  }

  async oauth(path: string, body: unknown): Promise<WireReply<Body>> {
    const res = await fetch(`${this.sim.rest}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=UTF-8', accept: 'text/plain', charset: 'UTF-8' },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  async approvalKey(): Promise<string> {
    const r = await this.oauth('/oauth2/Approval', { grant_type: 'client_credentials', appkey: this.appkey, secretkey: this.appsecret });
    if (r.status !== 200) throw new Error(`Approval failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.approval_key as string;
  }

  headers(trId: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      'content-type': 'application/json; charset=utf-8',
      authorization: `Bearer ${this.token}`,
      appkey: this.appkey,
      appsecret: this.appsecret,
      tr_id: trId,
      custtype: 'P',
      ...extra,
    };
  }

  async get(path: string, trId: string, query: Record<string, string>, extra: Record<string, string> = {}): Promise<WireReply<Body>> {
    const url = `${this.sim.rest}/uapi/domestic-stock/v1/${path}?${new URLSearchParams(query)}`;
    const res = await fetch(url, { headers: this.headers(trId, extra) });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  async post(path: string, trId: string, body: unknown, extra: Record<string, string> = {}): Promise<WireReply<Body>> {
    const res = await fetch(`${this.sim.rest}/uapi/domestic-stock/v1/${path}`, {
      method: 'POST',
      headers: this.headers(trId, extra),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  account(): { CANO: string; ACNT_PRDT_CD: string } {
    const [cano, prdt] = this.sim.account.split('-');
    return { CANO: cano!, ACNT_PRDT_CD: prdt! };
  }

  /** A cash order the way the official sample sends it (all strings, side in the TR). */
  order(side: 'buy' | 'sell', symbol: string, qty: number, price: number, ordDvsn = '00', venue = 'KRX', extra: Record<string, string> = {}) {
    const paper = this.sim.env === 'paper';
    const tr = `${paper ? 'V' : 'T'}TTC${side === 'buy' ? '0012U' : '0011U'}`;
    return this.post('trading/order-cash', tr, {
      ...this.account(),
      PDNO: symbol,
      ORD_DVSN: ordDvsn,
      ORD_QTY: String(qty),
      ORD_UNPR: String(price),
      EXCG_ID_DVSN_CD: venue,
      SLL_TYPE: '',
      CNDT_PRIC: '',
      ...extra,
    });
  }

  price(symbol: string, market = 'J') {
    return this.get('quotations/inquire-price', 'FHKST01010100', { FID_COND_MRKT_DIV_CODE: market, FID_INPUT_ISCD: symbol });
  }

  async book(symbol: string, market = 'J'): Promise<{ ask1: number; bid1: number; body: Body }> {
    const r = await this.get('quotations/inquire-asking-price-exp-ccn', 'FHKST01010200', { FID_COND_MRKT_DIV_CODE: market, FID_INPUT_ISCD: symbol });
    return { ask1: Number(r.body.output1.askp1), bid1: Number(r.body.output1.bidp1), body: r.body };
  }

  balance(extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const tr = this.sim.env === 'paper' ? 'VTTC8434R' : 'TTTC8434R';
    return this.get(
      'trading/inquire-balance',
      tr,
      { ...this.account(), AFHR_FLPR_YN: 'N', OFL_YN: '', INQR_DVSN: '02', UNPR_DVSN: '01', FUND_STTL_ICLD_YN: 'N', FNCG_AMT_AUTO_RDPT_YN: 'N', PRCS_DVSN: '00', CTX_AREA_FK100: '', CTX_AREA_NK100: '', ...extra },
      headers,
    );
  }

  dailyCcld(extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const tr = this.sim.env === 'paper' ? 'VTTC0081R' : 'TTTC0081R';
    return this.get(
      'trading/inquire-daily-ccld',
      tr,
      {
        ...this.account(), INQR_STRT_DT: '20261123', INQR_END_DT: '20261123', SLL_BUY_DVSN_CD: '00', INQR_DVSN: '00', PDNO: '', CCLD_DVSN: '00',
        ORD_GNO_BRNO: '', ODNO: '', INQR_DVSN_3: '00', INQR_DVSN_1: '', EXCG_ID_DVSN_CD: this.sim.env === 'paper' ? 'KRX' : 'ALL', CTX_AREA_FK100: '', CTX_AREA_NK100: '', ...extra,
      },
      headers,
    );
  }

  /** Follow tr_cont through every page, echoing cursors verbatim. */
  async allPages(first: (headers: Record<string, string>, cursor: Record<string, string>) => Promise<WireReply<Body>>, fk = 'CTX_AREA_FK100', nk = 'CTX_AREA_NK100') {
    const pages: WireReply<Body>[] = [];
    let r = await first({}, {});
    pages.push(r);
    while (['M', 'F'].includes(r.headers.get('tr_cont') ?? '') && pages.length < 20) {
      r = await first({ tr_cont: 'N' }, { [fk]: r.body[fk.toLowerCase()] as string, [nk]: r.body[nk.toLowerCase()] as string });
      pages.push(r);
    }
    return pages;
  }
}

/** A WebSocket client that records every text frame and can wait for one matching a predicate. */
export class WsClient {
  readonly frames: string[] = [];
  private waiters: Array<{ pred: (f: string) => boolean; resolve: (f: string) => void; from: number }> = [];
  closed: { code: number } | null = null;
  private closeWaiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      this.frames.push(text);
      const idx = this.frames.length - 1;
      this.waiters = this.waiters.filter((w) => {
        if (idx >= w.from && w.pred(text)) {
          w.resolve(text);
          return false;
        }
        return true;
      });
    });
    ws.on('close', (code) => {
      this.closed = { code };
      for (const w of this.closeWaiters) w();
    });
    ws.on('error', () => undefined);
  }

  static open(url: string): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${url}/tryitout`);
      const c = new WsClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('error', reject);
    });
  }

  send(obj: unknown): void {
    this.ws.send(typeof obj === 'string' ? obj : JSON.stringify(obj));
  }

  /** The first frame at index ≥ `from` (default: any frame received so far or later) matching `pred`. */
  next(pred: (f: string) => boolean, timeoutMs = 3000, from = 0): Promise<string> {
    for (let i = from; i < this.frames.length; i++) if (pred(this.frames[i]!)) return Promise.resolve(this.frames[i]!);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${this.frames.length} frames`)), timeoutMs);
      this.waiters.push({ pred, from, resolve: (f) => { clearTimeout(t); resolve(f); } });
    });
  }

  async subscribe(approvalKey: string, trId: string, trKey: string, trType = '1'): Promise<Body> {
    const from = this.frames.length;
    this.send({ header: { approval_key: approvalKey, custtype: 'P', tr_type: trType, 'content-type': 'utf-8' }, body: { input: { tr_id: trId, tr_key: trKey } } });
    return JSON.parse(await this.next((f) => f.startsWith('{') && !f.includes('"PINGPONG"'), 3000, from));
  }

  waitClose(timeoutMs = 3000): Promise<{ code: number }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.closeWaiters.push(() => { clearTimeout(t); resolve(this.closed!); });
    });
  }

  close(): void {
    this.ws.terminate();
  }
}

/** Split a `0|TR|NNN|…` data frame into records by width = items / count (kis-api.md §6.4). */
export function splitDataFrame(frame: string): { trId: string; count: number; records: string[][] } {
  const p1 = frame.indexOf('|');
  const p2 = frame.indexOf('|', p1 + 1);
  const p3 = frame.indexOf('|', p2 + 1);
  const trId = frame.slice(p1 + 1, p2);
  const count = Number(frame.slice(p2 + 1, p3));
  const items = frame.slice(p3 + 1).split('^');
  if (count < 1 || items.length % count !== 0) throw new Error(`bad frame ${trId} count ${count} items ${items.length}`);
  const w = items.length / count;
  return { trId, count, records: Array.from({ length: count }, (_, i) => items.slice(i * w, (i + 1) * w)) };
}
