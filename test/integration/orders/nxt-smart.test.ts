/**
 * NXT rules and smart orders end to end: NXT market → limit at the live best price (with the warning in preview
 * and result), NXT hours (refused 08:55 and 15:25, accepted 15:35 for the after-market), SOR's own matrix, and
 * the seeds' tick offsets priced from the live book.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPreview, SubmitResult } from '../../../src/shared/ipc/domains/orders';
import { stepTicks } from '../../../src/shared/market/ticks';
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

describe('NXT market orders', () => {
  it('a buy becomes a limit at the live NXT best ask, a sell at the best bid — warned in preview and result', async () => {
    const r = await rig();
    const book = r.sim.exchange.book('005930', 'NXT')!;
    const ask = book.asks[0]!.price;
    const bid = book.bids[0]!.price;
    const buy = ticket({ route: 'NXT', type: 'market', qty: 2, price: undefined });
    const p = await r.call<OrderPreview>('orders:preview', buy);
    expect(p).toMatchObject({ ok: true, value: { route: 'NXT', ordDvsn: '00', price: ask, amount: 2 * ask } });
    expect(p.ok && p.value.warnings.map((w) => w.code)).toContain('nxtMarketToLimit');
    const sent = await r.call<SubmitResult>('orders:submit', buy);
    expect(sent).toMatchObject({ ok: true, value: { state: 'accepted', preview: { ordDvsn: '00', price: ask } } });
    expect(sent.ok && sent.value.preview.warnings[0]!.message.ko).toContain('최우선 매도호가');
    expect(ledgerOrders(r.sim)[0]).toMatchObject({ route: 'NXT', ordDvsn: '00', price: ask, side: 'buy', qty: 2 });

    const bidNow = r.sim.exchange.book('005930', 'NXT')!.bids[0]!.price;
    expect(bidNow).toBe(bid); // a buy at the ask does not touch the bid side
    const sell = await r.call<SubmitResult>('orders:submit', ticket({ route: 'NXT', type: 'market', side: 'sell', qty: 1, price: undefined }));
    expect(sell).toMatchObject({ ok: true, value: { state: 'accepted', preview: { ordDvsn: '00', price: bid } } });
    expect(ledgerOrders(r.sim)[1]).toMatchObject({ route: 'NXT', ordDvsn: '00', price: bid, side: 'sell' });
  });

  it('KRX and SOR keep their 시장가 (01); SOR is refused what its own column lacks (21 mid, 22 stop)', async () => {
    const r = await rig();
    const sor = await r.call<SubmitResult>('orders:submit', ticket({ route: 'SOR', type: 'market', qty: 1, price: undefined }));
    expect(sor).toMatchObject({ ok: true, value: { state: 'accepted', preview: { ordDvsn: '01', price: 0 } } });
    expect(ledgerOrders(r.sim)[0]).toMatchObject({ route: 'SOR', ordDvsn: '01', price: 0 });
    expect(await r.call('orders:preview', ticket({ route: 'SOR', type: 'stopLimit', price: 72_000, stopPrice: 71_900 }))).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(await r.call('orders:preview', ticket({ route: 'NXT', type: 'mid', price: undefined }))).toMatchObject({ ok: true, value: { ordDvsn: '21' } });
  });
});

describe('NXT hours (2026-09 regime)', () => {
  it('refused at 08:55 and 15:25 with the time; accepted at 15:35 for the after-market', async () => {
    const r = await rig({ start: at('08:55:00') });
    const early = await r.call('orders:submit', ticket({ route: 'NXT', price: 71_900 }));
    expect(early).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!early.ok) {
      expect(early.message).toContain('08:55:00');
      expect(early.messageEn).toContain('08:55:00 KST');
    }
    // The same order to KRX at 08:55 is fine: the opening auction takes orders.
    expect(await r.call('orders:preview', ticket({ route: 'KRX', price: 71_900 }))).toMatchObject({ ok: true });
    r.sim.clock.set(at('15:25:00'));
    const closing = await r.call('orders:submit', ticket({ route: 'NXT', price: 71_900 }));
    expect(closing).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!closing.ok) expect(closing.message).toContain('15:25:00');
    expect(r.sim.stats.orderRequests()).toBe(0);
    r.sim.clock.set(at('15:35:00'));
    const after = await r.call<SubmitResult>('orders:submit', ticket({ route: 'NXT', price: 71_900 }));
    expect(after).toMatchObject({ ok: true, value: { state: 'accepted', preview: { session: { ko: expect.stringContaining('애프터마켓') } } } });
    expect(ledgerOrders(r.sim)).toMatchObject([{ route: 'NXT', price: 71_900, time: '153500' }]);
    // 'afterMarketLimit' on NXT means exactly this window.
    const am = await r.call<SubmitResult>('orders:submit', ticket({ route: 'NXT', type: 'afterMarketLimit', price: 71_800 }));
    expect(am).toMatchObject({ ok: true, value: { state: 'accepted', preview: { ordDvsn: '00' } } });
  });

  it('KRX after-market limit (41) from 16:00 in the 2026-09 regime', async () => {
    const r = await rig({ start: at('16:10:00') });
    const res = await r.call<SubmitResult>('orders:submit', ticket({ type: 'afterMarketLimit', price: 71_900 }));
    expect(res).toMatchObject({ ok: true, value: { state: 'accepted', preview: { ordDvsn: '41' } } });
    expect(ledgerOrders(r.sim)[0]).toMatchObject({ ordDvsn: '41', route: 'KRX' });
  });
});

describe('smart tick offsets (priced from the live book)', () => {
  it('normalBuy rests two ticks under the best ask; emergency sells one tick through the best bid', async () => {
    const r = await rig();
    const book = r.sim.exchange.book('005930', 'KRX')!;
    const ask = book.asks[0]!.price;
    const bid = book.bids[0]!.price;
    const nb = await r.call<SubmitResult>('orders:submit', ticket({ smart: 'normalBuy', price: undefined, qty: 1 }));
    expect(nb).toMatchObject({ ok: true, value: { state: 'accepted', preview: { price: stepTicks(ask, -2, false) } } });
    expect(nb.ok && nb.value.preview.warnings.find((w) => w.code === 'smartPrice')?.message.ko).toContain(`${ask.toLocaleString('en-US')}원 기준 -2틱`);
    expect(ledgerOrders(r.sim)[0]).toMatchObject({ price: stepTicks(ask, -2, false), ordDvsn: '00' });
    const em = await r.call<OrderPreview>('orders:preview', ticket({ side: 'sell', smart: 'emergency', price: undefined }));
    expect(em).toMatchObject({ ok: true, value: { price: stepTicks(bid, -1, false) } });
    const tp = await r.call<OrderPreview>('orders:preview', ticket({ side: 'sell', smart: 'takeProfit', price: undefined }));
    expect(tp).toMatchObject({ ok: true, value: { price: stepTicks(bid, 2, false) } });
    const ub = await r.call<OrderPreview>('orders:preview', ticket({ smart: 'urgentBuy', price: undefined }));
    expect(ub).toMatchObject({ ok: true, value: { price: ask } });
  });

  it('on NXT the NXT book prices it', async () => {
    const r = await rig();
    const ask = r.sim.exchange.book('005930', 'NXT')!.asks[0]!.price;
    const p = await r.call<OrderPreview>('orders:preview', ticket({ route: 'NXT', smart: 'urgentBuy', price: undefined }));
    expect(p).toMatchObject({ ok: true, value: { price: ask, route: 'NXT' } });
  });
});
