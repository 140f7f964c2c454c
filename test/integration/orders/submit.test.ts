/**
 * orders:preview and orders:submit through core.handle against the real simulator and a real SQLite mirror:
 * the accepted path (journal before send, ledger truth), preview sends nothing, fees and taxes, the live cash
 * check against a mirror that disagrees, confirmation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPreview, SubmitResult } from '../../../src/shared/ipc/domains/orders';
import { applyPpb, percentToPpb } from '../../../src/shared/market/fees';
import { at, ledgerOrders, startRig, ticket, type Rig } from './harness';

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});
async function rig(o: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig(o);
  rigs.push(r);
  return r;
}

describe('orders:submit — the accepted path', () => {
  it('journals the intent, sends once, records the order and org numbers, and the ledger holds exactly that order', async () => {
    const r = await rig();
    const bid = r.sim.exchange.book('005930', 'KRX')!.bids[0]!.price;
    const t = ticket({ price: bid, qty: 3 });
    const res = await r.call<SubmitResult>('orders:submit', t);
    expect(res).toMatchObject({ ok: true, value: { clientOrderId: t.idempotencyKey, state: 'accepted', preview: { ordDvsn: '00', price: bid, qty: 3 } } });
    if (!res.ok) return;
    const orderNo = res.value.orderNo!;
    expect(orderNo).toMatch(/^\d{10}$/);
    const ledger = ledgerOrders(r.sim);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ orderNo, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 3, price: bid, route: 'KRX' });
    const row = r.session.store.reads.orderByClientId(t.idempotencyKey)!;
    expect(row).toMatchObject({ state: 'accepted', orderNo, orgNo: ledger[0]!.orgNo, kind: 'new', source: 'terminal', price: bid, qty: 3 });
    expect(r.sim.stats.orderRequests()).toBe(1);
    expect(r.journal().filter((j) => j.clientOrderId === t.idempotencyKey).map((j) => j.step)).toEqual(['new.intent', 'new.accepted']);
    expect(res.value.message.ko).toContain(orderNo);
  });

  it('the intent is durable before the request leaves (an order whose HTTP reply never comes is still journaled)', async () => {
    const r = await rig({ knobs: { latency: { TTTC0012U: { fixedMs: 400, jitterMs: 0 } } } });
    const t = ticket();
    const pending = r.call<SubmitResult>('orders:submit', t);
    const t0 = Date.now();
    // While the order request is on the wire, the journal already has the intent, marked sent.
    while (r.session.store.reads.orderByClientId(t.idempotencyKey) === null && Date.now() - t0 < 3000) await new Promise((s) => setTimeout(s, 5));
    expect(r.session.store.reads.orderByClientId(t.idempotencyKey)?.state).toBe('sent');
    expect((await pending).ok).toBe(true);
    expect(r.session.store.reads.orderByClientId(t.idempotencyKey)?.state).toBe('accepted');
  });
});

describe('orders:preview', () => {
  it('answers exactly what submit sends, and sends no order at all', async () => {
    const r = await rig();
    const tickets = [
      ticket({ price: 71_000, qty: 7 }),
      ticket({ type: 'market', qty: 2, price: undefined }),
      ticket({ route: 'NXT', type: 'market', qty: 2, price: undefined }),
      ticket({ side: 'sell', route: 'SOR', qty: 5, price: 72_000 }),
      ticket({ smart: 'normalBuy', price: undefined }),
    ];
    const previews: OrderPreview[] = [];
    for (const t of tickets) {
      const p = await r.call<OrderPreview>('orders:preview', t);
      expect(p.ok, JSON.stringify(p)).toBe(true);
      if (p.ok) previews.push(p.value);
    }
    expect(r.sim.stats.orderRequests()).toBe(0);
    expect(r.session.store.reads.ordersToday()).toEqual([]);
    // Submitting the first one sends what its preview said.
    const sub = await r.call<SubmitResult>('orders:submit', tickets[0]);
    expect(sub.ok && sub.value.preview).toEqual(previews[0]);
    expect(ledgerOrders(r.sim)[0]).toMatchObject({ ordDvsn: previews[0]!.ordDvsn, price: previews[0]!.price, qty: previews[0]!.qty });
  });

  it('shows fees per venue and the 2026 sell tax (0.20%); ETFs pay no tax', async () => {
    const r = await rig();
    const krx = await r.call<OrderPreview>('orders:preview', ticket({ side: 'sell', qty: 10, price: 72_000 }));
    const amount = 720_000;
    expect(krx).toMatchObject({
      ok: true,
      value: { amount, fee: applyPpb(amount, 140_527), tax: applyPpb(amount, percentToPpb('0.20')), orderableCash: null, sellableQty: 0 },
    });
    if (krx.ok) expect(krx.value.total).toBe(amount - krx.value.fee - krx.value.tax);
    const nxt = await r.call<OrderPreview>('orders:preview', ticket({ side: 'sell', route: 'NXT', qty: 10, price: 72_000 }));
    expect(nxt).toMatchObject({ ok: true, value: { fee: applyPpb(amount, 139_527), tax: applyPpb(amount, percentToPpb('0.20')) } });
    const etfPrice = r.sim.exchange.book('069500', 'KRX')!.bids[0]!.price;
    const etf = await r.call<OrderPreview>('orders:preview', ticket({ symbol: '069500', side: 'sell', qty: 10, price: etfPrice }));
    expect(etf).toMatchObject({ ok: true, value: { tax: 0, fee: applyPpb(10 * etfPrice, 140_527) } });
    const buy = await r.call<OrderPreview>('orders:preview', ticket({ qty: 10, price: 72_000 }));
    expect(buy).toMatchObject({ ok: true, value: { tax: 0, total: amount + applyPpb(amount, 140_527) } });
    // Configurable commission.
    r.state.settings.fees.krxPpb = 150_000;
    const custom = await r.call<OrderPreview>('orders:preview', ticket({ qty: 10, price: 72_000 }));
    expect(custom.ok && custom.value.fee).toBe(applyPpb(amount, 150_000));
  });
});

describe('the live cash check', () => {
  it('reads nrcvb_buy_amt live: cash changed behind the mirror’s back wins both ways', async () => {
    const r = await rig();
    const now = r.sim.clock.now();
    const snapshot = (orderableCash: number) =>
      r.session.store.writer.saveAccountSnapshot({
        time: now,
        cashD0: orderableCash,
        cashD1: orderableCash,
        cashD2: orderableCash,
        orderableCash,
        totalAssets: orderableCash,
        securitiesValue: 0,
        costTotal: 0,
        unrealizedPnl: 0,
      });
    // The mirror believes 100,000,000 원; KIS now has 500,000 원.
    expect(snapshot(100_000_000).ok).toBe(true);
    r.sim.exchange.control.setCash(r.sim.account, 500_000);
    const live = r.sim.exchange.buyingPower(r.sim.account, '005930', 0, '01').maxAmountNoCredit;
    const refused = await r.call('orders:submit', ticket({ qty: 10, price: 71_900 }));
    expect(refused).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!refused.ok) {
      expect(refused.message).toContain('719,000원'); // needed
      expect(refused.message).toContain(`${live.toLocaleString('en-US')}원`); // KIS live, not the mirror's 100,000,000
      expect(refused.message).not.toContain('100,000,000');
    }
    // The mirror believes 0 원; KIS has 100,000,000 원: the order goes.
    expect(snapshot(0).ok).toBe(true);
    r.sim.exchange.control.setCash(r.sim.account, 100_000_000);
    const liveNow = r.sim.exchange.buyingPower(r.sim.account, '005930', 0, '01').maxAmountNoCredit;
    const sent = await r.call<SubmitResult>('orders:submit', ticket({ qty: 10, price: 71_900 }));
    expect(sent).toMatchObject({ ok: true, value: { state: 'accepted', preview: { orderableCash: liveNow } } });
    expect(ledgerOrders(r.sim)).toHaveLength(1);
  });

  it('unpriced buys must fit at the upper limit (KIS reserves them there)', async () => {
    const r = await rig();
    const upper = r.sim.exchange.instrument('005930')!.upperLimit;
    const last = r.sim.exchange.quote('005930', 'KRX')!.last;
    // Enough for 10 shares at the last price, not at the upper limit.
    r.sim.exchange.control.setCash(r.sim.account, 10 * last + 50_000);
    const res = await r.call('orders:preview', ticket({ type: 'market', qty: 10, price: undefined }));
    expect(res).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!res.ok) expect(res.message).toContain(`${(10 * upper).toLocaleString('en-US')}원`);
  });
});

describe('confirmation (settings.confirm)', () => {
  it('an order at or above the confirmation value needs confirmed: true; real trading always asks', async () => {
    const r = await rig();
    const big = ticket({ qty: 140, price: 71_900 }); // 10,066,000 ≥ 10,000,000
    const p = await r.call<OrderPreview>('orders:preview', big);
    expect(p.ok && p.value.needsConfirmation).toBe(true);
    const refused = await r.call('orders:submit', big);
    expect(refused).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!refused.ok) expect(refused.message).toContain('10,066,000원');
    expect(r.sim.stats.orderRequests()).toBe(0);
    const ok = await r.call<SubmitResult>('orders:submit', { ...big, idempotencyKey: `${big.idempotencyKey}b`, confirmed: true });
    expect(ok).toMatchObject({ ok: true, value: { state: 'accepted' } });
    const small = await r.call<OrderPreview>('orders:preview', ticket({ qty: 1 }));
    expect(small.ok && small.value.needsConfirmation).toBe(false);
  });

  it('in the real environment every order asks (alwaysInReal)', async () => {
    const r = await rig({ environment: 'real', start: at('10:00:00') });
    const p = await r.call<OrderPreview>('orders:preview', ticket({ qty: 1 }));
    expect(p.ok && p.value.needsConfirmation).toBe(true);
  });
});
