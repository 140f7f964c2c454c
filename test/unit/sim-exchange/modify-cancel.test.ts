import { describe, expect, it } from 'vitest';
import { stepTicks } from '../../../src/shared/market/ticks';
import type { ModifyRequest } from '../../../src/sim/exchange/types';
import { DEMO_ACCOUNT, MONDAY, okNo, rig } from './helpers';

function setup() {
  const r = rig({ time: '100000' });
  const low = stepTicks(r.ex.book('005930', 'KRX')!.bids[0]!.price, -10, false);
  const no = okNo(r.buy({ price: low, qty: 10 }));
  const req = (over: Partial<ModifyRequest>): ModifyRequest => ({
    account: DEMO_ACCOUNT,
    originalOrderNo: no,
    orgNo: '06010',
    kind: 'cancel',
    ordDvsn: '00',
    qty: 0,
    all: true,
    price: 0,
    route: 'KRX',
    ...over,
  });
  return { r, low, no, req };
}

describe('modify / cancel (§4.2)', () => {
  it('cancels part, then the whole remainder, each with a new ODNO and received/confirmed notices', () => {
    const { r, no, req } = setup();
    const part = r.ex.modifyOrder(req({ all: false, qty: 4 }));
    expect(part).toMatchObject({ ok: true, orderNo: '0000000002' });
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toMatchObject([{ orderNo: no, remainingQty: 6, cancelledQty: 4 }]);
    const rest = r.ex.modifyOrder(req({ orgNo: '' })); // blank orgno accepted; qty 0 + all = the remainder
    expect(rest).toMatchObject({ ok: true, orderNo: '0000000003' });
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toHaveLength(0);
    const recs = r.ex.orders(DEMO_ACCOUNT, MONDAY, MONDAY);
    expect(recs.map((o) => [o.orderNo, o.originalOrderNo, o.kind, o.qty, o.state])).toEqual([
      [no, '', 'new', 10, 'cancelled'],
      ['0000000002', no, 'cancel', 4, 'cancelled'],
      ['0000000003', no, 'cancel', 6, 'cancelled'],
    ]);
    const cancelNotices = r.notices.filter((n) => n.originalOrderNo === no);
    expect(cancelNotices.map((n) => [n.orderNo, n.rctf, n.cntgYn, n.acptYn, n.qty])).toEqual([
      ['0000000002', '2', '1', '1', 4],
      ['0000000002', '2', '1', '2', 4],
      ['0000000003', '2', '1', '1', 6],
      ['0000000003', '2', '1', '2', 6],
    ]);
    expect(r.ex.account(DEMO_ACCOUNT)!.reserved).toBe(0);
  });

  it('modifies the price: the moved quantity becomes a new order that loses time priority and may fill', () => {
    const { r, no, req } = setup();
    const ask = r.ex.book('005930', 'KRX')!.asks[0]!;
    const res = r.ex.modifyOrder(req({ kind: 'modify', all: false, qty: 3, price: ask.price }));
    const newNo = okNo(res);
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === newNo).reduce((s, f) => s + f.qty, 0)).toBe(3);
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toMatchObject([{ orderNo: no, remainingQty: 7 }]);
    const rec = r.ex.orders(DEMO_ACCOUNT, MONDAY, MONDAY).find((o) => o.orderNo === newNo)!;
    expect(rec).toMatchObject({ kind: 'modify', originalOrderNo: no, price: ask.price, qty: 3, state: 'filled' });
    expect(r.notices.filter((n) => n.orderNo === newNo).map((n) => [n.rctf, n.cntgYn, n.acptYn])).toEqual([
      ['1', '1', '1'],
      ['1', '1', '2'],
      ['0', '2', '2'],
    ]);
  });

  it('never touches filled quantity and refuses what cannot be found (SIMV0005/0006)', () => {
    const { r, no, req } = setup();
    expect(r.ex.modifyOrder(req({ all: false, qty: 11 }))).toMatchObject({ ok: false, msgCd: 'SIMV0006' });
    expect(r.ex.modifyOrder(req({ originalOrderNo: '0000009999' }))).toMatchObject({ ok: false, msgCd: 'SIMV0005' });
    expect(r.ex.modifyOrder(req({ orgNo: '99999' }))).toMatchObject({ ok: false, msgCd: 'SIMV0005' });
    expect(r.ex.modifyOrder(req({ account: '99999999-01' }))).toMatchObject({ ok: false, msgCd: 'APAC0081' });
    expect(r.ex.modifyOrder(req({ account: '50123457-01' }))).toMatchObject({ ok: false, msgCd: 'SIMV0005' });
    r.knobs.requireOrgno = true;
    expect(r.ex.modifyOrder(req({ orgNo: '' }))).toMatchObject({ ok: false, msgCd: 'SIMV0005' });
    r.knobs.requireOrgno = false;
    // Partly fill it via an outside print, then the remainder is all that can be cancelled.
    r.ex.control.injectTrade('005930', 'KRX', stepTicks(r.ex.openOrders(DEMO_ACCOUNT)[0]!.price, 0, false), 4);
    const open = r.ex.openOrders(DEMO_ACCOUNT)[0]!;
    expect(open).toMatchObject({ orderNo: no, filledQty: 4, remainingQty: 6 });
    expect(r.ex.modifyOrder(req({ all: false, qty: 7 }))).toMatchObject({ ok: false, msgCd: 'SIMV0006' });
    expect(r.ex.modifyOrder(req({}))).toMatchObject({ ok: true });
    expect(r.ex.orders(DEMO_ACCOUNT, MONDAY, MONDAY)[0]).toMatchObject({ filledQty: 4, cancelledQty: 6, remainingQty: 0 });
    expect(r.ex.modifyOrder(req({}))).toMatchObject({ ok: false, msgCd: 'SIMV0005' }); // nothing open any more
  });

  it('validates the new price and session like a new order', () => {
    const { r, req } = setup();
    expect(r.ex.modifyOrder(req({ kind: 'modify', price: 71_950 }))).toMatchObject({ ok: false, msgCd: 'SIMV0001' });
    expect(r.ex.modifyOrder(req({ kind: 'modify', price: r.ex.instrument('005930')!.upperLimit + 100 }))).toMatchObject({ ok: false, msgCd: 'SIMV0002' });
    // Only the existing reservation (at the limit) is covered: moving to market needs the upper limit.
    r.ex.control.setCash(DEMO_ACCOUNT, r.ex.account(DEMO_ACCOUNT)!.reserved + 1_000);
    expect(r.ex.modifyOrder(req({ kind: 'modify', ordDvsn: '01', price: 0 }))).toMatchObject({ ok: false, msgCd: 'APBK0952' });
    // Lowering the price frees buying power, so it is always allowed.
    expect(r.ex.modifyOrder(req({ kind: 'modify', all: false, qty: 1, price: stepTicks(r.ex.openOrders(DEMO_ACCOUNT)[0]!.price, -1, false) }))).toMatchObject({ ok: true });
    r.at('153500');
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toHaveLength(0); // KRX day order ended at the close
  });

  it('refuses a cancel outside the venue hours with APBK0918', () => {
    const r = rig({ time: '150000' });
    const nxtLow = stepTicks(r.ex.book('005930', 'NXT')!.bids[0]!.price, -10, false);
    const no = okNo(r.buy({ route: 'NXT', price: nxtLow, qty: 1 }));
    r.at('152500'); // NXT halt
    const cancel: ModifyRequest = { account: DEMO_ACCOUNT, originalOrderNo: no, orgNo: '06010', kind: 'cancel', ordDvsn: '00', qty: 0, all: true, price: 0, route: 'NXT' };
    expect(r.ex.modifyOrder(cancel)).toMatchObject({ ok: false, msgCd: 'APBK0918' });
    r.at('153000');
    expect(r.ex.modifyOrder(cancel)).toMatchObject({ ok: true });
  });
});
