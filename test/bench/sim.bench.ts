/**
 * Simulator throughput (issue 3 "Bench"): the simulator must never be the bottleneck of another benchmark.
 *   sim.orders — order-cash round trips/s over loopback HTTP, one request in flight, client and simulator in
 *                one process (so one core does both ends: a conservative figure). Limit buys that rest.
 *   sim.frames — realtime data frames/s one WebSocket client receives while the market runs flat out.
 */
import WebSocket from 'ws';
import { startSimulator } from '../../src/sim/index';
import type { SimHandle } from '../../src/sim/handle';
import { percentile, type Bench } from './bench';

async function token(sim: SimHandle): Promise<string> {
  const r = await fetch(`${sim.rest}/oauth2/tokenP`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', appkey: sim.appkey, appsecret: sim.appsecret }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

function benchSim(): Promise<SimHandle> {
  return startSimulator({ clock: { start: '2026-11-23T10:00:00+09:00', speed: 0 }, seed: 1, knobs: { rateReal: 1e9, suppressPingpong: true } });
}

async function ordersBench(): Promise<{ value: number; unit: string; detail: Record<string, unknown> }> {
  const sim = await benchSim();
  try {
    sim.exchange.control.setCash(sim.account, 1e13);
    const bearer = await token(sim);
    const [cano, prdt] = sim.account.split('-');
    const lower = sim.exchange.instrument('005930')!.lowerLimit;
    const headers = { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${bearer}`, appkey: sim.appkey, appsecret: sim.appsecret, tr_id: 'TTTC0012U', custtype: 'P' };
    const url = `${sim.rest}/uapi/domestic-stock/v1/trading/order-cash`;
    const send = async (i: number): Promise<number> => {
      // Resting limit buys spread over 20 price levels just above the lower limit: they never fill.
      const body = JSON.stringify({ CANO: cano, ACNT_PRDT_CD: prdt, PDNO: '005930', ORD_DVSN: '00', ORD_QTY: '1', ORD_UNPR: String(lower + 100 * (i % 20)), EXCG_ID_DVSN_CD: 'KRX' });
      const t = performance.now();
      const r = await fetch(url, { method: 'POST', headers, body });
      const j = (await r.json()) as { msg_cd: string };
      if (j.msg_cd !== 'APBK0013') throw new Error(`order refused: ${JSON.stringify(j)}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 200; i++) await send(i); // warm-up (JIT, keep-alive connection)
    const n = 3000;
    const lat: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) lat.push(await send(i));
    const seqMs = performance.now() - t0;
    // Throughput with 8 requests in flight.
    const m = 3000;
    const t1 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < m) await send(next++);
    }));
    const parMs = performance.now() - t1;
    return {
      value: Math.round((n / seqMs) * 1000),
      unit: 'orders/s',
      detail: {
        orders: n,
        inFlight: 1,
        p50Ms: Number(percentile(lat, 50).toFixed(3)),
        p90Ms: Number(percentile(lat, 90).toFixed(3)),
        p99Ms: Number(percentile(lat, 99).toFixed(3)),
        ordersPerSecInFlight8: Math.round((m / parMs) * 1000),
        restingOrdersAtEnd: sim.exchange.openOrders(sim.account).length,
        note: 'client and simulator share one process/core',
      },
    };
  } finally {
    await sim.close();
  }
}

async function framesBench(): Promise<{ value: number; unit: string; detail: Record<string, unknown> }> {
  const sim = await benchSim();
  const ws = new WebSocket(`${sim.ws}/tryitout`);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const bearer = await token(sim);
    void bearer;
    const ar = await fetch(`${sim.rest}/oauth2/Approval`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', appkey: sim.appkey, secretkey: sim.appsecret }) });
    const approval = ((await ar.json()) as { approval_key: string }).approval_key;
    let frames = 0;
    let records = 0;
    let acks = 0;
    ws.on('message', (d) => {
      const s = d.toString();
      if (s.charCodeAt(0) === 123) {
        acks++;
        return;
      }
      frames++;
      records += Number(s.slice(s.indexOf('|', 2) + 1, s.indexOf('|', 2) + 4));
    });
    // 41 registrations: trades and books of the most active symbols, the rest trades only.
    const codes = sim.exchange.instruments().map((i) => i.code);
    const subs: Array<[string, string]> = [];
    for (const c of codes) subs.push(['H0STCNT0', c]);
    for (const c of codes) if (subs.length < 41) subs.push(['H0STASP0', c]);
    for (const [tr, key] of subs) {
      ws.send(JSON.stringify({ header: { approval_key: approval, custtype: 'P', tr_type: '1', 'content-type': 'utf-8' }, body: { input: { tr_id: tr, tr_key: key } } }));
    }
    while (acks < subs.length) await new Promise((r) => setTimeout(r, 5));
    const turn = () => new Promise<void>((r) => setImmediate(r));
    // Each event-loop turn moves the market 100 ms; whatever it produced leaves as packed frames.
    const runFor = async (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        sim.clock.advance(100);
        await turn();
      }
    };
    await runFor(500); // warm-up
    frames = 0;
    records = 0;
    const simStart = sim.clock.now();
    const t0 = performance.now();
    await runFor(3000);
    await new Promise((r) => setTimeout(r, 50));
    const sec = (performance.now() - t0) / 1000;
    return {
      value: Math.round(frames / sec),
      unit: 'frames/s',
      detail: {
        recordsPerSec: Math.round(records / sec),
        recordsPerFrame: Number((records / Math.max(1, frames)).toFixed(2)),
        registrations: subs.length,
        simSecondsPerWallSecond: Number(((sim.clock.now() - simStart) / 1000 / sec).toFixed(1)),
        note: 'includes generating the market (exchange.advanceTo) on the same core',
      },
    };
  } finally {
    ws.terminate();
    await sim.close();
  }
}

export const benches: Bench[] = [
  { metric: 'sim.orders', run: ordersBench },
  { metric: 'sim.frames', run: framesBench },
];
