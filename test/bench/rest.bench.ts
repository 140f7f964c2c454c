/**
 * rest.overhead — how much time the KIS REST client itself adds to a call (issue 4 goal: p99 < 200 µs).
 *
 * Setup: the simulator runs in a CHILD process (frozen clock, no added latency, rate limit lifted), so the
 * server's CPU work does not share this event loop; the client here has its limiter opened wide (the pacing
 * it normally adds is policy, not overhead) and logs nothing.
 *
 * Method A (headline) — direct attribution per call. undici publishes `undici:request:create` when the
 * request is handed to the socket layer and `undici:request:trailers` when the whole response has arrived.
 * wire = trailers − create (socket, loopback, server handling); client = total − wire: limiter, token lookup,
 * query/header building, dispatch, body read, JSON parse, key lowercasing, zod validation, domain mapping and
 * every promise hop in between. p50/p99 over N calls of `inquirePrice` (and `inquireBalance` in detail).
 *
 * The same attribution applied to a bare undici GET (`bareUndiciOutsideWireUs`) shows the floor any client
 * pays on this machine (dispatch + body read + promise hops) — part of the headline number, not subtracted.
 *
 * Method B (cross-check) — paired comparison with a bare undici request for the same URL and headers (read as
 * text, nothing else), alternating which goes first; overhead_i = client_i − raw_i. Noisier (two samples of
 * wire jitter per pair) but independent of undici's event timing.
 */
import diagnostics from 'node:diagnostics_channel';
import { Pool } from 'undici';
import { createKisRest, type KisRest } from '../../src/main/kis';
import type { Bench } from './bench';
import { percentile } from './bench';
import { startSimChild, type SimInfo } from './sim-child';




/** Wire time of the most recent undici request, from its diagnostics events. */
function wireTimer(): { last(): number; stop(): void } {
  const created = new WeakMap<object, number>();
  let lastWire = Number.NaN;
  const onCreate = (m: unknown) => created.set((m as { request: object }).request, performance.now());
  const onTrailers = (m: unknown) => {
    const t0 = created.get((m as { request: object }).request);
    if (t0 !== undefined) lastWire = performance.now() - t0;
  };
  diagnostics.subscribe('undici:request:create', onCreate);
  diagnostics.subscribe('undici:request:trailers', onTrailers);
  return {
    last: () => lastWire,
    stop: () => {
      diagnostics.unsubscribe('undici:request:create', onCreate);
      diagnostics.unsubscribe('undici:request:trailers', onTrailers);
    },
  };
}

const us = (ms: number) => Math.round(ms * 1000 * 10) / 10;
const stats = (xs: number[]) => ({ p50: us(percentile(xs, 50)), p90: us(percentile(xs, 90)), p99: us(percentile(xs, 99)), n: xs.length });

async function measureDirect(call: () => Promise<unknown>, n: number, wire: ReturnType<typeof wireTimer>) {
  const client: number[] = [];
  const wires: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    const total = performance.now() - t0;
    const w = wire.last();
    wires.push(w);
    client.push(total - w);
  }
  return { client, wires };
}

async function measurePaired(kis: KisRest, sim: SimInfo, n: number, wire: ReturnType<typeof wireTimer>) {
  const token = await kis.auth.tokens.get();
  const pool = new Pool(sim.rest, { connections: 6, pipelining: 1, keepAliveTimeout: 10_000 });
  const path = '/uapi/domestic-stock/v1/quotations/inquire-price?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930';
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    authorization: `Bearer ${token}`,
    appkey: sim.appkey,
    appsecret: sim.appsecret,
    tr_id: 'FHKST01010100',
    tr_cont: '',
    custtype: 'P',
  };
  const raw = async () => {
    const r = await pool.request({ method: 'GET', path, headers });
    return r.body.text();
  };
  for (let i = 0; i < 300; i++) await raw();
  // Method A applied to the bare request: undici's own floor (dispatch + body read) outside the wire time.
  const rawDirect = await measureDirect(raw, n, wire);
  const diffs: number[] = [];
  const raws: number[] = [];
  const clients: number[] = [];
  for (let i = 0; i < n; i++) {
    let tc = 0;
    let tr = 0;
    const runClient = async () => {
      const t = performance.now();
      await kis.inquirePrice('005930');
      tc = performance.now() - t;
    };
    const runRaw = async () => {
      const t = performance.now();
      await raw();
      tr = performance.now() - t;
    };
    if (i % 2 === 0) {
      await runClient();
      await runRaw();
    } else {
      await runRaw();
      await runClient();
    }
    clients.push(tc);
    raws.push(tr);
    diffs.push(tc - tr);
  }
  await pool.close();
  return { diffs, raws, clients, rawClient: rawDirect.client };
}

export const benches: Bench[] = [
  {
    metric: 'rest.overhead',
    async run() {
      const sim = await startSimChild();
      const { info } = sim;
      const kis = createKisRest({
        env: { kind: 'demo', restBase: info.rest, wsUrl: 'ws://127.0.0.1:1', paper: false },
        credentials: { appkey: info.appkey, appsecret: info.appsecret },
        account: info.account,
        keychain: null,
        rate: { perSecond: 1e9, minSpacingMs: 0, windowMarginMs: 0, reserveForUrgent: 0 },
      });
      const wire = wireTimer();
      try {
        const N = 3000;
        for (let i = 0; i < 500; i++) await kis.inquirePrice('005930'); // warm: token, sockets, JIT
        for (let i = 0; i < 100; i++) await kis.inquireBalance({ priority: 'live' });
        const price = await measureDirect(() => kis.inquirePrice('005930'), N, wire);
        const balance = await measureDirect(() => kis.inquireBalance({ priority: 'live' }), 1000, wire);
        const paired = await measurePaired(kis, info, 2000, wire);
        const priceClient = stats(price.client);
        return {
          value: priceClient.p99,
          unit: 'us (p99 client time per call)',
          detail: {
            goal: 'p99 < 200 us',
            p50: priceClient.p50,
            p99: priceClient.p99,
            method:
              'A: per call, client = total - wire, wire = undici request:create -> request:trailers (diagnostics_channel); sim in a child process, frozen clock, no latency, limiter opened wide, silent logger. B: paired client vs bare undici GET of the same URL/headers, alternating order, overhead = client - raw.',
            inquirePrice: { clientUs: priceClient, wireUs: stats(price.wires) },
            inquireBalance: { clientUs: stats(balance.client), wireUs: stats(balance.wires), holdings: 5 },
            bareUndiciOutsideWireUs: stats(paired.rawClient),
            pairedInquirePrice: { overheadUs: stats(paired.diffs), clientTotalUs: stats(paired.clients), rawTotalUs: stats(paired.raws) },
          },
        };
      } finally {
        wire.stop();
        await kis.close();
        await sim.close();
      }
    },
  },
];
