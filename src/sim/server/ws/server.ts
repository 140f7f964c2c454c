/**
 * The KIS WebSocket on loopback (kis-api.md §6, §7): upgrade on any path, one session per appkey, acks and
 * OPSP codes (protocol.ts), market-data frames packed several records per frame, encrypted execution
 * notices, PINGPONG, and the socket faults (drops, lost/duplicated notices, silent-client eviction).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { OrderNotice, Personality, SimExchange } from '../../exchange/types';
import type { KnobStore } from '../knobs';
import { kstStamp } from '../kst';
import { SeededStream } from '../rng';
import type { StatsCounter } from '../stats';
import { MarketFeed, type FeedRecord } from './market-feed';
import { noticeFrame, noticeRecord } from './notice';
import { handleClientText, isNoticeTr, NOTICE_TR, SessionState, type ProtocolEnv } from './protocol';
import { dataFrame } from './records';

/** Records per data frame: enough to show packing, small enough to keep a frame well under a few KB. */
const MAX_RECORDS_PER_FRAME = 20;

class Conn {
  readonly state = new SessionState();
  /** Records waiting for this event-loop turn's flush, per TR|symbol. */
  readonly pending = new Map<string, { trId: string; records: string[] }>();
  awaitingPongSince: number | null = null;
  constructor(readonly ws: WebSocket) {}
}

export interface WsServerDeps {
  personality: Personality;
  seed: number;
  exchange: SimExchange;
  knobs: KnobStore;
  approvalAppkey(key: string): string | undefined;
  simNow(): number;
  wallNow(): number;
  stats: StatsCounter;
  log(line: string): void;
}

export interface SimWsServer {
  url: string;
  port: number;
  /** Periodic duties (PINGPONG, scheduled drops, pong watchdog); the simulator calls it on its timer. */
  housekeeping(): void;
  /** Drop every socket: with a close frame, or by destroying the TCP connection. */
  dropAll(withClose: boolean): void;
  close(): Promise<void>;
}

export async function startWsServer(deps: WsServerDeps, port: number): Promise<SimWsServer> {
  const http: Server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only');
  });
  const wss = new WebSocketServer({ server: http, maxPayload: 64 * 1024 });
  const conns = new Set<Conn>();
  const byAppkey = new Map<string, Conn>();
  const subscribers = new Map<string, Set<Conn>>();
  const keyStream = new SeededStream(deps.seed, 'ws-key-iv');
  const noticeTr = NOTICE_TR[deps.personality];
  const heldNotices = new Map<string, string[]>();
  let framesSinceArmed = 0;
  let lastPingWall = deps.wallNow();
  const pendingConns = new Set<Conn>();
  let flushScheduled = false;

  const env: ProtocolEnv = {
    personality: deps.personality,
    knobs: deps.knobs.get,
    approvalAppkey: deps.approvalAppkey,
    isSymbol: (code) => deps.exchange.instrument(code) !== undefined,
    isHtsId: (id) => deps.exchange.accountsForHtsId(id).length > 0,
    freshKeyIv: () => ({ key: keyStream.alnum(32), iv: keyStream.alnum(16) }),
    appkeyHeldElsewhere: (appkey, s) => {
      const holder = byAppkey.get(appkey);
      return holder !== undefined && holder.state !== s && holder.ws.readyState === WebSocket.OPEN;
    },
  };

  const feed = new MarketFeed(deps.exchange, (trId, symbol) => (subscribers.get(`${trId}|${symbol}`)?.size ?? 0) > 0);
  deps.knobs.onChange((_k, changed) => {
    if (changed.includes('wsDrop')) framesSinceArmed = 0;
  });

  function enqueue(recs: FeedRecord[]): void {
    for (const r of recs) {
      const subs = subscribers.get(`${r.trId}|${r.symbol}`);
      if (!subs) continue;
      for (const c of subs) {
        const key = `${r.trId}|${r.symbol}`;
        let group = c.pending.get(key);
        if (!group) {
          group = { trId: r.trId, records: [] };
          c.pending.set(key, group);
        }
        group.records.push(r.record);
        pendingConns.add(c);
      }
    }
    if (!flushScheduled && pendingConns.size > 0) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }

  /** Everything the exchange produced in one event-loop turn goes out together: ticks coalesce into multi-record frames. */
  function flush(): void {
    flushScheduled = false;
    const batch = [...pendingConns];
    pendingConns.clear();
    for (const c of batch) {
      const groups = [...c.pending.values()];
      c.pending.clear();
      for (const g of groups) {
        for (let i = 0; i < g.records.length; i += MAX_RECORDS_PER_FRAME) {
          if (c.ws.readyState !== WebSocket.OPEN) break;
          c.ws.send(dataFrame(g.trId, g.records.slice(i, i + MAX_RECORDS_PER_FRAME)));
          countDataFrame();
        }
      }
    }
  }

  function countDataFrame(): void {
    const drop = deps.knobs.get().wsDrop;
    if (!drop || drop.afterFrames === undefined) return;
    framesSinceArmed++;
    if (framesSinceArmed >= drop.afterFrames) {
      deps.knobs.set({ wsDrop: null });
      dropAll(drop.withClose);
    }
  }

  function sendNotice(n: OrderNotice): void {
    const knobs = deps.knobs.get();
    // A socket that is closing counts as gone: its notices are lost like any other disconnected one's.
    const listening = [...(subscribers.get(`${noticeTr}|${n.htsId}`) ?? [])].filter((c) => c.ws.readyState === WebSocket.OPEN);
    if (listening.length === 0 && knobs.loseNoticesWhileDisconnected) return; // lost: only REST shows it
    const record = noticeRecord(n, deps.exchange.account(n.account)?.holderName ?? '', orgNoOf(n));
    if (listening.length === 0) {
      const q = heldNotices.get(n.htsId) ?? [];
      q.push(record);
      heldNotices.set(n.htsId, q);
      return;
    }
    for (const c of listening) deliverNotice(c, n.htsId, record, knobs.duplicateNotices);
  }

  function deliverNotice(c: Conn, htsId: string, record: string, twice: boolean): void {
    const sub = c.state.subs.get(SessionState.subKey(noticeTr, htsId));
    if (!sub || c.ws.readyState !== WebSocket.OPEN) return;
    const frame = noticeFrame(noticeTr, record, sub.key, sub.iv);
    c.ws.send(frame);
    if (twice) c.ws.send(frame);
  }

  /**
   * BRNC_NO (field 16) is the order's KRX_FWDG_ORD_ORGNO, which OrderNotice does not carry. It is the
   * account's ordering branch, so it is learned once per account from the order book and reused.
   */
  const orgNoByAccount = new Map<string, string>();
  function orgNoOf(n: OrderNotice): string {
    const cached = orgNoByAccount.get(n.account);
    if (cached !== undefined) return cached;
    const date = deps.exchange.tradeDate();
    const org = deps.exchange.orders(n.account, date, date).find((o) => o.orderNo === n.orderNo)?.orgNo ?? '';
    if (org) orgNoByAccount.set(n.account, org);
    return org;
  }

  /**
   * Market-data listeners are attached only while some socket subscribes to market data: the exchange skips
   * building trade/book events nobody listens to, which keeps an order-only workload cheap.
   */
  let marketSubs = 0;
  let offMarket: (() => void) | null = null;
  function marketSubscriptionDelta(delta: number): void {
    marketSubs += delta;
    if (marketSubs > 0 && !offMarket) {
      const offTrade = deps.exchange.on('trade', (t, q) => enqueue(feed.fromTrade(t, q)));
      const offBook = deps.exchange.on('book', (b) => enqueue(feed.fromBook(b)));
      offMarket = () => {
        offTrade();
        offBook();
      };
    } else if (marketSubs === 0 && offMarket) {
      offMarket();
      offMarket = null;
    }
  }
  const offNotice = deps.exchange.on('notice', (n) => sendNotice(n));

  function index(c: Conn, trId: string, trKey: string, add: boolean): void {
    const k = `${trId}|${trKey}`;
    let set = subscribers.get(k);
    const market = !isNoticeTr(trId);
    if (add) {
      if (!set) subscribers.set(k, (set = new Set()));
      if (!set.has(c) && market) marketSubscriptionDelta(1);
      set.add(c);
    } else if (set?.delete(c)) {
      if (market) marketSubscriptionDelta(-1);
      if (set.size === 0) subscribers.delete(k);
    }
  }

  function onMessage(c: Conn, data: RawData, isBinary: boolean): void {
    c.awaitingPongSince = null;
    if (isBinary) return;
    const text = data.toString();
    const r = handleClientText(text, c.state, env);
    if (r.bound) {
      byAppkey.set(r.bound, c);
      deps.stats.sessionOpened();
    }
    for (const line of r.replies) c.ws.send(line);
    if (r.added) {
      index(c, r.added.trId, r.added.trKey, true);
      if (isNoticeTr(r.added.trId)) {
        const held = heldNotices.get(r.added.trKey);
        if (held) {
          heldNotices.delete(r.added.trKey);
          for (const rec of held) deliverNotice(c, r.added.trKey, rec, false);
        }
      }
    }
    if (r.removed) index(c, r.removed.trId, r.removed.trKey, false);
    if (r.close) c.ws.close(1000, 'ALREADY IN USE appkey');
  }

  wss.on('connection', (ws) => {
    const c = new Conn(ws);
    conns.add(c);
    ws.on('message', (data, isBinary) => onMessage(c, data, isBinary));
    ws.on('pong', () => (c.awaitingPongSince = null));
    ws.on('ping', () => (c.awaitingPongSince = null));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      conns.delete(c);
      pendingConns.delete(c);
      if (c.state.appkey && byAppkey.get(c.state.appkey) === c) byAppkey.delete(c.state.appkey);
      for (const s of c.state.subs.values()) index(c, s.trId, s.trKey, false);
    });
  });

  function dropAll(withClose: boolean): void {
    deps.log(`ws: dropping ${conns.size} socket(s) ${withClose ? 'with' : 'without'} a close frame`);
    for (const c of conns) {
      if (withClose) c.ws.close(1001, 'server drop');
      else c.ws.terminate();
    }
  }

  function housekeeping(): void {
    const knobs = deps.knobs.get();
    const wall = deps.wallNow();
    if (knobs.wsDrop?.atMs !== undefined && deps.simNow() >= knobs.wsDrop.atMs) {
      const withClose = knobs.wsDrop.withClose;
      deps.knobs.set({ wsDrop: null });
      dropAll(withClose);
    }
    if (!knobs.suppressPingpong && wall - lastPingWall >= knobs.pingIntervalMs) {
      lastPingWall = wall;
      const ping = JSON.stringify({ header: { tr_id: 'PINGPONG', datetime: kstStamp(deps.simNow()) } });
      for (const c of conns) {
        if (c.ws.readyState !== WebSocket.OPEN) continue;
        c.ws.send(ping);
        if (c.awaitingPongSince === null) c.awaitingPongSince = wall;
      }
    }
    if (knobs.dropIfNoPongMs !== null) {
      for (const c of conns) {
        if (c.awaitingPongSince !== null && wall - c.awaitingPongSince >= knobs.dropIfNoPongMs) c.ws.terminate();
      }
    }
  }

  deps.stats.openSessions = () => [...byAppkey.values()].filter((c) => c.ws.readyState === WebSocket.OPEN).length;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (http.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${bound}`,
    port: bound,
    housekeeping,
    dropAll,
    async close() {
      offMarket?.();
      offNotice();
      for (const c of conns) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
