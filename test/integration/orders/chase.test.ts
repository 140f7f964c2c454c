/**
 * The unfilled-order manager against the simulator, on MARKET time: the simulator's frozen clock is moved by the
 * test, and the manager (polling the market clock) reprices one tick toward the market every repriceAfterSec, up
 * to maxReprices, then — KRX only, if allowed — goes to a market order. Every step is journaled and emitted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmitResult } from '../../../src/shared/ipc/domains/orders';
import { stepTicks } from '../../../src/shared/market/ticks';
import { key, ledgerOrders, startRig, ticket, until, type Rig } from './harness';

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});
async function rig(o: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig(o);
  rigs.push(r);
  return r;
}

const steps = (r: Rig, id: string) => r.journal().filter((j) => j.clientOrderId === id && j.step.startsWith('chase.')).map((j) => j.step);

async function chased(r: Rig, over: Parameters<typeof ticket>[0]): Promise<{ id: string; orderNo: string; price: number }> {
  const t = ticket({ chase: true, ...over });
  const res = await r.call<SubmitResult>('orders:submit', t);
  if (!res.ok || res.value.state !== 'accepted') throw new Error(JSON.stringify(res));
  return { id: t.idempotencyKey, orderNo: res.value.orderNo!, price: res.value.preview.price };
}

describe('chase (KRX, market fallback allowed)', () => {
  it('waits repriceAfterSec of market time, reprices +1 tick three times, then a market order; each step journaled', async () => {
    const r = await rig({ settings: (s) => (s.smart.marketFallback = true) });
    const bid = r.sim.exchange.book('005930', 'KRX')!.bids[0]!.price;
    const start = stepTicks(bid, -15, false);
    const c = await chased(r, { price: start, qty: 3 });
    expect(steps(r, c.id)).toEqual(['chase.armed']);

    // 29 s of market time: too early.
    r.sim.clock.advance(29_000);
    await new Promise((s) => setTimeout(s, 700));
    expect(steps(r, c.id)).toEqual(['chase.armed']);

    let price = start;
    for (let n = 1; n <= 3; n++) {
      r.sim.clock.advance(n === 1 ? 1_000 : 30_000);
      await until(`reprice ${n}`, () => steps(r, c.id).filter((s) => s === 'chase.reprice').length === n);
      price = stepTicks(price, 1, false);
      const open = r.sim.exchange.openOrders(r.sim.account);
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ kind: 'modify', price, remainingQty: 3, ordDvsn: '00' });
    }
    r.sim.clock.advance(30_000);
    await until('market fallback', () => steps(r, c.id).includes('chase.market'));
    expect(steps(r, c.id)).toEqual(['chase.armed', 'chase.reprice', 'chase.reprice', 'chase.reprice', 'chase.market']);
    const last = ledgerOrders(r.sim).at(-1)!;
    expect(last).toMatchObject({ kind: 'modify', ordDvsn: '01', qty: 3 });
    // The store journaled every step: the new order and four modify requests, all accepted by KIS.
    const rows = r.session.store.reads.ordersToday();
    expect(rows.map((o) => [o.kind, o.ordDvsn, o.price, o.state])).toEqual([
      ['new', '00', start, 'accepted'],
      ['modify', '00', stepTicks(start, 1, false), 'accepted'],
      ['modify', '00', stepTicks(start, 2, false), 'accepted'],
      ['modify', '00', stepTicks(start, 3, false), 'accepted'],
      ['modify', '01', 0, 'accepted'],
    ]);
    // And it is over: more time does nothing.
    r.sim.clock.advance(60_000);
    await new Promise((s) => setTimeout(s, 600));
    expect(r.orders.chase.active()).toBe(0);
  });
});

describe('chase ends', () => {
  it('NXT (no market fallback there): after maxReprices it stops, a sell moving down', async () => {
    const r = await rig({ settings: (s) => ((s.smart.maxReprices = 1), (s.smart.marketFallback = true)) });
    const ask = r.sim.exchange.book('005930', 'NXT')!.asks[0]!.price;
    const c = await chased(r, { route: 'NXT', side: 'sell', price: stepTicks(ask, 15, false), qty: 2 });
    r.sim.clock.advance(30_000);
    await until('reprice', () => steps(r, c.id).includes('chase.reprice'));
    expect(r.sim.exchange.openOrders(r.sim.account)[0]).toMatchObject({ price: stepTicks(ask, 14, false), route: 'NXT' });
    r.sim.clock.advance(30_000);
    await until('exhausted', () => steps(r, c.id).includes('chase.exhausted'));
    expect(r.journal().find((j) => j.step === 'chase.exhausted')!.message.ko).toContain('KRX만');
    expect(r.sim.exchange.openOrders(r.sim.account)).toHaveLength(1);
  });

  it('an order closed behind its back ends the chase; a hand cancel and the kill switch stop it', async () => {
    const r = await rig();
    const bid = r.sim.exchange.book('005930', 'KRX')!.bids[0]!.price;
    const a = await chased(r, { price: stepTicks(bid, -15, false) });
    const b = await chased(r, { price: stepTicks(bid, -16, false) });
    const cc = await chased(r, { price: stepTicks(bid, -17, false) });
    // a: cancelled from the HTS.
    const orgNo = ledgerOrders(r.sim).find((o) => o.orderNo === a.orderNo)!.orgNo;
    expect(r.sim.exchange.modifyOrder({ account: r.sim.account, originalOrderNo: a.orderNo, orgNo, kind: 'cancel', ordDvsn: '00', qty: 0, all: true, price: 0, route: 'KRX' }).ok).toBe(true);
    // b: cancelled by hand in the terminal.
    expect(await r.call('orders:cancel', { orderNo: b.orderNo, idempotencyKey: key('cx') })).toMatchObject({ ok: true });
    expect(steps(r, b.id)).toEqual(['chase.armed', 'chase.stopped']);
    r.sim.clock.advance(30_000);
    await until('a done', () => steps(r, a.id).includes('chase.done'));
    await until('c repriced', () => steps(r, cc.id).includes('chase.reprice'));
    await r.call('risk:killSwitch', { engage: true });
    expect(steps(r, cc.id)).toEqual(['chase.armed', 'chase.reprice', 'chase.stopped']);
    expect(r.orders.chase.active()).toBe(0);
    expect(r.sim.exchange.openOrders(r.sim.account)).toEqual([]);
  });
});
