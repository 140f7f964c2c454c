/**
 * orders:modify / orders:cancel (order-rvsecncl with the stored org no), orders:cancelAll on both venues, and the
 * kill switch: persisted first, cancels everything, blocks buys but not sells, survives a restart of the core on
 * the same data folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmitResult } from '../../../src/shared/ipc/domains/orders';
import { closeSession } from '../../../src/main/session/build';
import { at, key, ledgerOrders, startRig, tempDir, ticket, type Rig } from './harness';

const rigs: Rig[] = [];
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function rig(o: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig(o);
  rigs.push(r);
  return r;
}

/** A resting buy well under the market on `route`. */
async function resting(r: Rig, over: Parameters<typeof ticket>[0] = {}): Promise<{ orderNo: string; clientOrderId: string }> {
  const t = ticket({ price: 66_000, ...over });
  const res = await r.call<SubmitResult>('orders:submit', t);
  if (!res.ok || res.value.state !== 'accepted') throw new Error(`resting order not accepted: ${JSON.stringify(res)}`);
  return { orderNo: res.value.orderNo!, clientOrderId: t.idempotencyKey };
}

describe('orders:modify', () => {
  it('reprices an open order with its stored org no; the ledger moves the remainder to a new order number', async () => {
    const r = await rig();
    const o = await resting(r, { qty: 5 });
    const res = await r.call<SubmitResult>('orders:modify', { orderNo: o.orderNo, price: 66_500, idempotencyKey: key('mod') });
    expect(res).toMatchObject({ ok: true, value: { state: 'accepted', preview: { price: 66_500, qty: 5 } } });
    if (!res.ok) return;
    const ledger = ledgerOrders(r.sim);
    expect(ledger.find((x) => x.orderNo === o.orderNo)).toMatchObject({ state: 'cancelled', cancelledQty: 5 });
    expect(ledger.find((x) => x.orderNo === res.value.orderNo)).toMatchObject({ kind: 'modify', originalOrderNo: o.orderNo, price: 66_500, qty: 5, state: 'open' });
    expect(r.session.store.reads.orderByClientId(res.value.clientOrderId)).toMatchObject({ kind: 'modify', originalOrderNo: o.orderNo, state: 'accepted', price: 66_500 });
  });

  it('re-validates: tick, band, session; a closed order is a CONFLICT; none of these send anything', async () => {
    const r = await rig();
    const o = await resting(r, { qty: 2 });
    const before = r.sim.stats.orderRequests();
    const off = await r.call('orders:modify', { clientOrderId: o.clientOrderId, price: 66_050, idempotencyKey: key('mod') });
    expect(off).toMatchObject({ ok: false, code: 'NOT_ALLOWED', message: expect.stringContaining('66,050원') });
    const upper = r.sim.exchange.instrument('005930')!.upperLimit;
    expect(await r.call('orders:modify', { orderNo: o.orderNo, price: upper + 100, idempotencyKey: key('mod') })).toMatchObject({
      ok: false,
      message: expect.stringContaining('상한가'),
    });
    r.sim.clock.set(at('15:35:00'));
    expect(await r.call('orders:modify', { orderNo: o.orderNo, price: 66_100, idempotencyKey: key('mod') })).toMatchObject({
      ok: false,
      message: expect.stringContaining('15:35:00'),
    });
    expect(await r.call('orders:modify', { orderNo: o.orderNo, idempotencyKey: key('mod') })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await r.call('orders:modify', { orderNo: '0000009999', price: 66_100, idempotencyKey: key('mod') })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(r.sim.stats.orderRequests()).toBe(before);
  });
});

describe('orders:cancel', () => {
  it('cancels by order number or client id, part or all; a second cancel of a closed order is refused', async () => {
    const r = await rig();
    const a = await resting(r, { qty: 10 });
    const part = await r.call<SubmitResult>('orders:cancel', { orderNo: a.orderNo, qty: 4, idempotencyKey: key('cx') });
    expect(part).toMatchObject({ ok: true, value: { state: 'accepted', preview: { qty: 4 } } });
    expect(r.sim.exchange.openOrders(r.sim.account)).toMatchObject([{ orderNo: a.orderNo, remainingQty: 6 }]);
    const b = await resting(r, { qty: 3, price: 65_000 });
    expect(await r.call('orders:cancel', { clientOrderId: b.clientOrderId, idempotencyKey: key('cx') })).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(r.sim.exchange.openOrders(r.sim.account).map((o) => o.orderNo)).toEqual([a.orderNo]);
    // The same cancel again at once is a double click: refused, not sent.
    const before = r.sim.stats.orderRequests();
    expect(await r.call('orders:cancel', { clientOrderId: b.clientOrderId, idempotencyKey: key('cx') })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(r.sim.stats.orderRequests()).toBe(before);
    // Later, the journal still does not know `b` is closed (no sync in this rig): KIS refuses and the journal says so.
    r.sim.clock.advance(5_000);
    const again = await r.call<SubmitResult>('orders:cancel', { clientOrderId: b.clientOrderId, idempotencyKey: key('cx') });
    expect(again).toMatchObject({ ok: true, value: { state: 'rejected' } });
    expect(again.ok && again.value.message.ko).toContain('SIMV0005');
  });

  it('cancels an order the journal never saw (placed in the HTS) from KIS’s own open-order list', async () => {
    const r = await rig();
    const hts = r.sim.exchange.placeOrder({ account: r.sim.account, symbol: '000660', side: 'buy', ordDvsn: '00', qty: 1, price: 180_000, route: 'KRX', channel: 'hts' });
    if (!hts.ok) throw new Error('hts order refused');
    expect(await r.call('orders:cancel', { orderNo: hts.orderNo, idempotencyKey: key('cx') })).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(r.sim.exchange.openOrders(r.sim.account)).toEqual([]);
  });
});

describe('orders:cancelAll', () => {
  it('cancels every open order on both venues (KRX, NXT, SOR, and one from the HTS) and reports counts', async () => {
    const r = await rig();
    await resting(r, { route: 'KRX' });
    await resting(r, { route: 'NXT', price: 65_000 });
    await resting(r, { route: 'SOR', price: 64_000 });
    await resting(r, { side: 'sell', price: 80_000, qty: 2 });
    r.sim.exchange.placeOrder({ account: r.sim.account, symbol: '000660', side: 'buy', ordDvsn: '00', qty: 1, price: 180_000, route: 'NXT', channel: 'hts' });
    expect(r.sim.exchange.openOrders(r.sim.account)).toHaveLength(5);
    const res = await r.call('orders:cancelAll');
    expect(res).toMatchObject({ ok: true, value: { requested: 5, cancelled: 5, failed: 0 } });
    expect(r.sim.exchange.openOrders(r.sim.account)).toEqual([]);
    expect(r.journal().filter((j) => j.step === 'cancel.accepted')).toHaveLength(5);
    expect(await r.call('orders:cancelAll')).toMatchObject({ ok: true, value: { requested: 0, cancelled: 0, failed: 0 } });
  });
});

describe('the kill switch', () => {
  it('engages at once (store first), cancels everything on both venues, blocks buys and buy modifies, lets sells through', async () => {
    const r = await rig();
    const krxBuy = await resting(r, { route: 'KRX' });
    await resting(r, { route: 'NXT', price: 65_000 });
    const sell = await resting(r, { side: 'sell', price: 80_000 });
    const changed: unknown[] = [];
    r.core.on((e, p) => e === 'risk:changed' && changed.push(p));
    // The engaged row is written before the first cancel reaches KIS: watch the store as the cancels arrive.
    let storedBeforeFirstCancel: boolean | null = null;
    const off = r.sim.exchange.on('notice', (n) => {
      if (storedBeforeFirstCancel === null && n.rctf === '2') storedBeforeFirstCancel = r.session.store.reads.killSwitch().engaged;
    });
    const res = await r.call('risk:killSwitch', { engage: true });
    off();
    expect(res).toMatchObject({ ok: true, value: { killSwitch: true, engagedAt: r.sim.clock.now(), armed: true } });
    expect(storedBeforeFirstCancel).toBe(true);
    expect(changed).toEqual([{ killSwitch: true, engagedAt: r.sim.clock.now(), armed: true }]);
    expect(r.sim.exchange.openOrders(r.sim.account)).toEqual([]);
    expect(r.session.store.reads.killSwitch()).toMatchObject({ engaged: true, changedBy: 'ipc' });
    expect(await r.call('orders:submit', ticket())).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(await r.call('orders:preview', ticket({ type: 'market', price: undefined }))).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(await r.call('orders:submit', ticket({ side: 'sell', price: 80_100 }))).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(await r.call('risk:state')).toMatchObject({ ok: true, value: { killSwitch: true } });
    // Buy modifies are risk-increasing: refused by the guard (journal-known order) and by the handler (HTS order).
    expect(await r.call('orders:modify', { orderNo: krxBuy.orderNo, price: 66_100, idempotencyKey: key('mod') })).toMatchObject({
      ok: false,
      message: expect.stringContaining('킬 스위치'),
    });
    const hts = r.sim.exchange.placeOrder({ account: r.sim.account, symbol: '000660', side: 'buy', ordDvsn: '00', qty: 1, price: 180_000, route: 'KRX', channel: 'hts' });
    if (!hts.ok) throw new Error('hts order refused');
    expect(await r.call('orders:modify', { orderNo: hts.orderNo, price: 180_100, idempotencyKey: key('mod') })).toMatchObject({
      ok: false,
      message: expect.stringContaining('킬 스위치'),
    });
    // Cancels stay allowed.
    expect(await r.call('orders:cancel', { orderNo: hts.orderNo, idempotencyKey: key('cx') })).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(sell.orderNo).toMatch(/^\d{10}$/);
  });

  it('survives a restart: a second core on the same data folder starts engaged until released', async () => {
    const dataDir = tempDir(cleanups);
    const first = await startRig({ dataDir });
    const sim = first.sim;
    cleanups.push(() => sim.close());
    expect(await first.call('risk:killSwitch', { engage: true })).toMatchObject({ ok: true, value: { killSwitch: true } });
    await first.core.stop();
    await closeSession(first.session);

    const second = await rig({ sim, dataDir });
    expect(await second.call('risk:state')).toMatchObject({ ok: true, value: { killSwitch: true, engagedAt: expect.any(Number) } });
    expect(await second.call('orders:submit', ticket())).toMatchObject({ ok: false, code: 'NOT_ALLOWED', message: expect.stringContaining('킬 스위치') });
    expect(await second.call('orders:submit', ticket({ side: 'sell', price: 80_000 }))).toMatchObject({ ok: true });
    expect(await second.call('risk:killSwitch', { engage: false })).toMatchObject({ ok: true, value: { killSwitch: false, engagedAt: null } });
    expect(await second.call('orders:submit', ticket({ price: 66_000 }))).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(second.session.store.reads.killSwitch().engaged).toBe(false);
  });
});
