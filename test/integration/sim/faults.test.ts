import { afterEach, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { Kis, startTestSim, WsClient } from './kis';

let sims: SimHandle[] = [];
let sockets: WsClient[] = [];
afterEach(async () => {
  for (const c of sockets) c.close();
  sockets = [];
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});
async function connect(opts: Parameters<typeof startTestSim>[0] = {}) {
  const s = await startTestSim({ ...opts, knobs: { rateReal: 1000, ...opts.knobs } });
  sims.push(s);
  return { s, k: await Kis.connect(s) };
}

describe('5xx or a cut connection after accept', () => {
  it('http500: the reply is EGW0030x but the order is booked and its notices flow', async () => {
    const { s, k } = await connect({ knobs: { failAfterAccept: { count: 2, mode: 'http500' } } });
    const ws = await WsClient.open(s.ws);
    sockets.push(ws);
    const ack = await ws.subscribe(await k.approvalKey(), 'H0STCNI0', s.htsId);
    expect(ack.body.msg_cd).toBe('OPSP0000');
    const { bid1 } = await k.book('005930');
    const r = await k.order('buy', '005930', 4, bid1 - 700);
    expect(r.status).toBe(500);
    expect(r.body.rt_cd).toBe('1');
    expect(['EGW00300', 'EGW00301', 'EGW00302']).toContain(r.body.msg_cd);
    const booked = s.ledger().orders.find((o) => o.qty === 4 && o.price === bid1 - 700);
    expect(booked?.state).toBe('open');
    await ws.next((f) => f.startsWith('1|H0STCNI0|'));
    // Reconciliation through REST finds it too.
    const ccld = await k.dailyCcld({ CCLD_DVSN: '02' });
    expect(ccld.body.output1.map((o: { odno: string }) => o.odno)).toContain(booked!.orderNo);
    const second = await k.order('buy', '005930', 1, bid1 - 700);
    expect(second.status).toBe(500);
    expect(second.body.msg_cd).not.toBe(r.body.msg_cd); // rotates through 300/301/302
    expect(s.knobs.get().failAfterAccept).toBeNull();
    expect((await k.order('buy', '005930', 1, bid1 - 700)).body.msg_cd).toBe('APBK0013');
  });

  it('cut: the socket dies without a reply, the order exists in the ledger; rejections are answered normally', async () => {
    const { s, k } = await connect({ knobs: { failAfterAccept: { count: 1, mode: 'cut' } } });
    const rejected = await k.order('buy', '005930', 1, 70050);
    expect(rejected.body.msg_cd).toBe('SIMV0001');
    const { bid1 } = await k.book('005930');
    await expect(k.order('buy', '005930', 6, bid1 - 800)).rejects.toThrow();
    expect(s.ledger().orders.filter((o) => o.qty === 6 && o.price === bid1 - 800)).toHaveLength(1);
    expect((await k.order('buy', '005930', 1, bid1 - 800)).body.msg_cd).toBe('APBK0013');
  });
});

describe('latency', () => {
  it('adds fixed latency per TR and leaves other routes fast', async () => {
    const { s, k } = await connect({ knobs: { latency: { FHKST01010100: { fixedMs: 300, jitterMs: 0 } } } });
    let t = performance.now();
    await k.price('005930');
    expect(performance.now() - t).toBeGreaterThanOrEqual(295);
    t = performance.now();
    await k.book('005930');
    expect(performance.now() - t).toBeLessThan(250);
    s.knobs.set({ latency: { '*': { fixedMs: 0, jitterMs: 120 } } });
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      t = performance.now();
      await k.book('005930');
      times.push(performance.now() - t);
    }
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(5);
  });
});

describe('ledger invariant through the wire', () => {
  it('D+2 cash and holdings change exactly by fills, fees and taxes', async () => {
    const { s, k } = await connect();
    const before = await k.balance();
    const cashBefore = Number(before.body.output2[0].prvs_rcdl_excc_amt);
    const qty = (b: typeof before, sym: string) => Number(b.body.output1.find((r: { pdno: string }) => r.pdno === sym)?.hldg_qty ?? 0);
    const trades = [
      await k.order('buy', '005930', 12, 0, '01'),
      await k.order('sell', '000660', 5, 0, '01'),
      await k.order('buy', '069500', 30, 0, '01'),
      await k.order('sell', '005930', 4, 0, '01'),
    ];
    for (const t of trades) expect(t.body.msg_cd).toBe('APBK0013');
    s.clock.advance(2000);
    const after = await k.balance();
    const ccld = await k.dailyCcld({ CCLD_DVSN: '01' });
    let buyAmt = 0;
    let sellAmt = 0;
    const net = new Map<string, number>();
    for (const o of ccld.body.output1 as Array<Record<string, string>>) {
      const amt = Number(o.tot_ccld_amt);
      const q = Number(o.tot_ccld_qty);
      if (o.sll_buy_dvsn_cd === '02') buyAmt += amt;
      else sellAmt += amt;
      net.set(o.pdno!, (net.get(o.pdno!) ?? 0) + (o.sll_buy_dvsn_cd === '02' ? q : -q));
    }
    const costs = Number(ccld.body.output2.prsm_tlex_smtl);
    expect(costs).toBeGreaterThan(0);
    expect(Number(after.body.output2[0].thdt_tlex_amt)).toBe(costs);
    expect(Number(after.body.output2[0].thdt_buy_amt)).toBe(buyAmt);
    expect(Number(after.body.output2[0].thdt_sll_amt)).toBe(sellAmt);
    expect(Number(after.body.output2[0].prvs_rcdl_excc_amt)).toBe(cashBefore - buyAmt + sellAmt - costs);
    for (const [sym, d] of net) expect(qty(after, sym)).toBe(qty(before, sym) + d);
    // And the wire agrees with the handle's ledger.
    const ledger = s.ledger();
    expect(ledger.cashD2).toBe(Number(after.body.output2[0].prvs_rcdl_excc_amt));
    expect(ledger.fills.reduce((n, f) => n + f.fee + f.tax, 0)).toBe(costs);
  });
});

describe('control API', () => {
  it('moves the clock, sets knobs and reads the ledger over loopback HTTP', async () => {
    const { s } = await connect();
    const post = (path: string, body: unknown) =>
      fetch(`${s.rest}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await (await post('clock', { set: '2026-11-23T10:30:00+09:00' })).json()) as object).toMatchObject({ ok: true, nowKst: '2026-11-23 10:30:00' });
    expect(s.clock.now()).toBe(Date.parse('2026-11-23T10:30:00+09:00'));
    expect(((await (await post('clock', { advanceMs: 1000 })).json()) as { nowKst: string }).nowKst).toBe('2026-11-23 10:30:01');
    expect((await post('knobs', { duplicateNotices: true })).status).toBe(200);
    expect(s.knobs.get().duplicateNotices).toBe(true);
    const bad = await post('knobs', { noSuchKnob: 1 });
    expect(bad.status).toBe(400);
    expect((await post('cash', { cash: 'lots' })).status).toBe(400);
    expect((await post('cash', { cash: 5_000_000 })).status).toBe(200);
    const ledger = (await (await fetch(`${s.rest}/__sim/ledger`)).json()) as { ledger: { cash: number; account: string } };
    expect(ledger.ledger.account).toBe(s.account);
    expect(ledger.ledger.cash).toBe(5_000_000);
    const state = (await (await fetch(`${s.rest}/__sim/state`)).json()) as { regime: string; tradeDate: string };
    expect(state).toMatchObject({ regime: '2026-09', tradeDate: '20261123' });
    const before = s.exchange.quote('005930', 'KRX')!.volume;
    expect((await post('trade', { symbol: '005930', venue: 'KRX', price: 71000, qty: 500 })).status).toBe(200);
    expect(s.exchange.quote('005930', 'KRX')).toMatchObject({ last: 71000, volume: before + 500 });
  });
});
