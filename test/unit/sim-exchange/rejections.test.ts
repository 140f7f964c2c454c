import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, MONDAY, rig } from './helpers';

const code = (r: { ok: boolean; msgCd?: string }): string => (r.ok ? 'OK' : (r as { msgCd: string }).msgCd);

describe('order validation follows obligation 9, in order', () => {
  it('checks account, symbol, trading day, ORD_DVSN×route×session, NXT, tick, band, stop, qty, cash — each before the next', () => {
    const r = rig({ time: '100000' });
    r.ex.control.setCash(DEMO_ACCOUNT, 100_000_000);
    const q = r.ex.quote('005930', 'KRX')!;
    const inst = r.ex.instrument('005930')!;
    // Every later problem is present too, so each code proves it was checked first.
    expect(code(r.buy({ account: '99999999-01', symbol: '999999', ordDvsn: '99', price: 71_950 }))).toBe('APAC0081');
    expect(code(r.buy({ symbol: '999999', ordDvsn: '99', price: 71_950 }))).toBe('APBK0656');
    expect(code(r.buy({ ordDvsn: '99', price: 71_950 }))).toBe('SIMV0003');
    expect(code(r.buy({ route: 'NXT', ordDvsn: '01', price: 0 }))).toBe('SIMV0003'); // NXT market order
    expect(code(r.buy({ ordDvsn: '07', symbol: '033780', price: 71_950 }))).toBe('SIMV0003'); // 07 abolished in 2026-09
    expect(code(r.buy({ route: 'NXT', symbol: '028300', price: 71_950 }))).toBe('SIMV0004'); // HLB not on NXT
    expect(code(r.buy({ price: 71_950, qty: 0 }))).toBe('SIMV0001');
    expect(code(r.buy({ price: inst.upperLimit + 100, qty: 0 }))).toBe('SIMV0002');
    expect(code(r.buy({ ordDvsn: '22', price: q.last, qty: 0 }))).toBe('SIMV0007');
    expect(code(r.buy({ ordDvsn: '22', price: q.last, stopPrice: q.last + 500, qty: 0 }))).toBe('SIMV0006');
    expect(code(r.sell({ price: q.last, qty: 121 }))).toBe('SIMV0006'); // holds 120
    expect(code(r.buy({ price: q.last, qty: 10_000 }))).toBe('APBK0952');
    const rej = r.buy({ price: q.last, qty: 10_000 });
    expect(rej).toEqual({ ok: false, msgCd: 'APBK0952', msg1: '주문가능금액을 초과 했습니다' });
    expect(r.notices).toHaveLength(0);
  });

  it('refuses a non-trading day with APBK0919 before looking at the order type', () => {
    const r = rig({ ymd: '20261121', time: '100000' }); // Saturday
    expect(code(r.buy({ ordDvsn: '99', price: 1 }))).toBe('APBK0919');
    expect(r.buy({ price: 71_900 })).toEqual({ ok: false, msgCd: 'APBK0919', msg1: '장운영일자가 주문일과 상이합니다' });
  });

  it('refuses outside hours with APBK0918 (before NXT eligibility and tick checks)', () => {
    const r = rig({ time: '085500' });
    expect(r.buy({ route: 'NXT', price: 71_950 })).toEqual({ ok: false, msgCd: 'APBK0918', msg1: '장운영시간이 아닙니다.(주문불가)' });
    expect(code(r.buy({ route: 'NXT', symbol: '028300', price: 71_950 }))).toBe('APBK0918');
    r.at('152500');
    expect(code(r.buy({ route: 'NXT', price: r.ex.quote('005930', 'NXT')!.last }))).toBe('APBK0918');
    r.at('153500');
    expect(code(r.buy({ route: 'NXT', price: r.ex.quote('005930', 'NXT')!.last }))).toBe('OK');
    expect(code(r.buy({ route: 'KRX', price: r.ex.quote('005930', 'KRX')!.last }))).toBe('APBK0918');
  });

  it('refuses NXT for a halted symbol and KRX for a KRX-halted one', () => {
    const r = rig();
    r.ex.control.setHalted('005930', 'NXT', true);
    expect(code(r.buy({ route: 'NXT', price: 71_950 }))).toBe('SIMV0004');
    r.ex.control.setHalted('005930', 'KRX', true);
    expect(code(r.buy({ route: 'KRX', price: 71_950 }))).toBe('SIMV0004');
  });

  it('uses the paper codes on the paper personality', () => {
    const sat = rig({ ymd: '20261121', personality: 'paper' });
    expect(sat.buy({ price: 71_900 })).toEqual({ ok: false, msgCd: '40100000', msg1: '모의투자 영업일이 아닙니다.' });
    const early = rig({ time: '070000', personality: 'paper' });
    expect(early.buy({ price: 71_900 })).toEqual({ ok: false, msgCd: '40570000', msg1: '모의투자 장시작전 입니다.' });
    const p = rig({ personality: 'paper', knobs: { paperOrdDvsn: ['00', '01'] } });
    p.ex.control.setCash(DEMO_ACCOUNT, 100_000_000);
    const last = p.ex.quote('005930', 'KRX')!.last;
    expect(code(p.buy({ route: 'NXT', price: last }))).toBe('SIMV0004');
    expect(code(p.buy({ route: 'SOR', price: last }))).toBe('SIMV0004');
    expect(code(p.buy({ ordDvsn: '03' }))).toBe('SIMV0003');
    expect(p.buy({ price: last, qty: 10_000 })).toEqual({ ok: false, msgCd: '40310000', msg1: '모의투자 주문가능금액이 부족합니다.' });
    p.knobs.paperInsufficientCode = '40250000';
    expect(code(p.buy({ price: last, qty: 10_000 }))).toBe('40250000');
    expect(code(p.buy({ price: last, qty: 1 }))).toBe('OK');
  });

  it('accepts with a 10-digit sequential order number, org number and KST time', () => {
    const r = rig({ time: '103015' });
    const a = r.buy({ price: r.ex.quote('005930', 'KRX')!.bestBid });
    const b = r.buy({ price: r.ex.quote('005930', 'KRX')!.bestBid });
    expect(a).toMatchObject({ ok: true, orderNo: '0000000001', orgNo: '06010', time: '103015' });
    expect(b).toMatchObject({ ok: true, orderNo: '0000000002' });
    expect(r.ex.openOrders(DEMO_ACCOUNT).map((o) => o.orderNo)).toEqual(['0000000001', '0000000002']);
    expect(r.ex.tradeDate()).toBe(MONDAY);
  });
});
