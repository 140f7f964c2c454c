import { describe, expect, it } from 'vitest';
import { commission } from '../../../src/shared/market/fees';
import { stepTicks } from '../../../src/shared/market/ticks';
import { DEMO_ACCOUNT, okNo, rig } from './helpers';

describe('matching against the book', () => {
  it('walks ask levels with partial fills at each level price, then rests the remainder', () => {
    const r = rig({ time: '100000' });
    const book = r.ex.book('005930', 'KRX')!;
    const [a1, a2, a3] = book.asks;
    const qty = a1!.qty + a2!.qty + 5;
    const no = okNo(r.buy({ price: a3!.price, qty }));
    const fills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no);
    expect(fills.map((f) => [f.price, f.qty])).toEqual([
      [a1!.price, a1!.qty],
      [a2!.price, a2!.qty],
      [a3!.price, 5],
    ]);
    expect(fills.every((f) => f.venue === 'KRX' && f.exchangeLeg === 'KRX')).toBe(true);
    const rec = r.ex.orders(DEMO_ACCOUNT, '20261123', '20261123').find((o) => o.orderNo === no)!;
    expect(rec).toMatchObject({ state: 'filled', filledQty: qty, remainingQty: 0, filledAmount: a1!.price * a1!.qty + a2!.price * a2!.qty + a3!.price * 5 });
    // The book lost exactly what was taken.
    const after = r.ex.book('005930', 'KRX')!;
    expect(after.asks[0]).toEqual({ price: a3!.price, qty: a3!.qty - 5 });

    // A limit below the asks rests and shows in the book at its price.
    const bid = stepTicks(after.bids[0]!.price, 1, false);
    const resting = okNo(r.buy({ price: bid, qty: 7 }));
    expect(r.ex.book('005930', 'KRX')!.bids[0]).toEqual({ price: bid, qty: 7 });
    expect(r.ex.openOrders(DEMO_ACCOUNT).map((o) => o.orderNo)).toContain(resting);
  });

  it('fills a marketable order beyond the visible levels but never beyond the band', () => {
    const r = rig({ time: '100000' });
    r.ex.control.setCash(DEMO_ACCOUNT, 10_000_000_000_000);
    const inst = r.ex.instrument('000660')!;
    const visible = r.ex.book('000660', 'KRX')!.asks.reduce((s, l) => s + l.qty, 0);
    const no = okNo(r.buy({ symbol: '000660', ordDvsn: '01', qty: visible * 4 }));
    const fills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no);
    expect(fills.length).toBeGreaterThan(10);
    expect(Math.max(...fills.map((f) => f.price))).toBeLessThanOrEqual(inst.upperLimit);
    const prices = fills.map((f) => f.price);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices); // price priority: cheapest first
    expect(r.ex.quote('000660', 'KRX')!.last).toBe(prices[prices.length - 1]);
  });

  it('IOC fills what is there and cancels the rest with ACPT_YN=3; FOK is all or nothing', () => {
    const r = rig({ time: '100000' });
    const a1 = r.ex.book('005930', 'KRX')!.asks[0]!;
    const ioc = okNo(r.buy({ ordDvsn: '11', price: a1.price, qty: a1.qty + 10 }));
    const iocNotices = r.notices.filter((n) => n.orderNo === ioc);
    expect(iocNotices.map((n) => [n.cntgYn, n.acptYn, n.qty, n.cond])).toEqual([
      ['1', '1', a1.qty + 10, '1'],
      ['2', '2', a1.qty, '1'],
      ['1', '3', 10, '1'],
    ]);
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toHaveLength(0);

    const b = r.ex.book('005930', 'KRX')!.asks;
    const fokTooBig = okNo(r.buy({ ordDvsn: '12', price: b[1]!.price, qty: b[0]!.qty + b[1]!.qty + 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === fokTooBig)).toHaveLength(0);
    expect(r.notices.filter((n) => n.orderNo === fokTooBig).map((n) => [n.acptYn, n.qty, n.cond])).toEqual([
      ['1', b[0]!.qty + b[1]!.qty + 1, '2'],
      ['3', b[0]!.qty + b[1]!.qty + 1, '2'],
    ]);
    expect(r.ex.book('005930', 'KRX')!.asks.slice(0, 2)).toEqual(b.slice(0, 2)); // untouched
    const fokOk = okNo(r.buy({ ordDvsn: '12', price: b[1]!.price, qty: b[0]!.qty + 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === fokOk).reduce((s, f) => s + f.qty, 0)).toBe(b[0]!.qty + 1);
  });

  it('prices 최유리 (03) at the best opposite and 최우선 (04) at the best own side', () => {
    const r = rig({ time: '100000' });
    const b = r.ex.book('005930', 'KRX')!;
    const best = okNo(r.buy({ ordDvsn: '03', qty: b.asks[0]!.qty + 3 }));
    const fills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === best);
    expect(new Set(fills.map((f) => f.price))).toEqual(new Set([b.asks[0]!.price]));
    // The remainder rests at that price (it became the best bid).
    expect(r.ex.book('005930', 'KRX')!.bids[0]).toEqual({ price: b.asks[0]!.price, qty: 3 });
    const own = okNo(r.sell({ ordDvsn: '04', qty: 2 }));
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === own)).toHaveLength(0);
    expect(r.ex.openOrders(DEMO_ACCOUNT).find((o) => o.orderNo === own)!.price).toBe(0); // unpriced on the wire
  });

  it('fills a resting limit when the price path trades through it', () => {
    const r = rig({ time: '100000' });
    const bid = r.ex.book('005930', 'KRX')!.bids[0]!;
    // Joining the best bid: client orders have priority over the synthetic quote at the same price.
    const no = okNo(r.buy({ price: bid.price, qty: 3 }));
    expect(r.ex.fills(DEMO_ACCOUNT)).toHaveLength(0);
    r.at('101000');
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no).reduce((s, f) => s + f.qty, 0)).toBe(3);
    // A far-away bid is swept when an outside print goes through it.
    const far = stepTicks(r.ex.quote('005930', 'KRX')!.last, -20, false);
    const farNo = okNo(r.buy({ price: far, qty: 4 }));
    r.ex.control.injectTrade('005930', 'KRX', stepTicks(far, -1, false), 100);
    const farFills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === farNo);
    expect(farFills.map((f) => [f.price, f.qty])).toEqual([[far, 4]]);
  });

  it('triggers a stop-limit (22) once the last price reaches the stop', () => {
    const r = rig({ time: '100000' });
    const last = r.ex.quote('005930', 'KRX')!.last;
    const stop = stepTicks(last, 5, false);
    const limit = stepTicks(last, 8, false);
    const no = okNo(r.buy({ ordDvsn: '22', price: limit, stopPrice: stop, qty: 2 }));
    expect(r.ex.book('005930', 'KRX')!.bids.some((l) => l.price === limit)).toBe(false); // not in the book yet
    r.ex.control.injectTrade('005930', 'KRX', stop, 10);
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no).reduce((s, f) => s + f.qty, 0)).toBe(2);
  });

  it('crosses two clients (incl. an HTS order behind the terminal) in price-time priority', () => {
    const r = rig({ time: '100000' });
    const ask = r.ex.book('005930', 'KRX')!.asks[0]!.price;
    const inside = stepTicks(ask, -1, false); // inside the spread if the spread is > 1 tick, else at the best bid
    const s1 = okNo(r.sell({ price: ask, qty: 5, channel: 'hts' }));
    const s2 = okNo(r.sell({ price: ask, qty: 5 }));
    void inside;
    const buyNo = okNo(r.buy({ price: ask, qty: 7 }));
    const fillsOf = (no: string) => r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no).reduce((s, f) => s + f.qty, 0);
    expect([fillsOf(s1), fillsOf(s2), fillsOf(buyNo)]).toEqual([5, 2, 7]);
    expect(r.ex.orders(DEMO_ACCOUNT, '20261123', '20261123').find((o) => o.orderNo === s1)!.channel).toBe('hts');
  });
});

describe('buying power', () => {
  it('reserves unpriced buys at the upper limit plus commission', () => {
    const r = rig({ time: '100000' });
    const inst = r.ex.instrument('005930')!;
    const last = r.ex.quote('005930', 'KRX')!.last;
    const qty = 100;
    const atUpper = qty * inst.upperLimit;
    const reserveUpper = atUpper + commission(atUpper, 'KRX');
    // Enough for 100 at the last price, not enough at the upper limit.
    r.ex.control.setCash(DEMO_ACCOUNT, reserveUpper - 1);
    expect(r.buy({ ordDvsn: '01', qty })).toMatchObject({ ok: false, msgCd: 'APBK0952' });
    expect(r.buy({ ordDvsn: '13', qty })).toMatchObject({ ok: false, msgCd: 'APBK0952' });
    const bp = r.ex.buyingPower(DEMO_ACCOUNT, '005930', 0, '01');
    expect(bp.calcPrice).toBe(inst.upperLimit);
    expect(bp.maxQtyNoCredit).toBe(qty - 1);
    expect(bp.orderableCash).toBe(reserveUpper - 1);
    r.ex.control.setCash(DEMO_ACCOUNT, reserveUpper);
    expect(r.ex.buyingPower(DEMO_ACCOUNT, '005930', 0, '01').maxQtyNoCredit).toBe(qty);
    // A resting priced buy reserves qty × price (+ fee) until it fills or is cancelled.
    const low = stepTicks(r.ex.book('005930', 'KRX')!.bids[0]!.price, -10, false);
    okNo(r.buy({ price: low, qty: 10 }));
    const acct = r.ex.account(DEMO_ACCOUNT)!;
    expect(acct.reserved).toBe(10 * low + commission(10 * low, 'KRX'));
    expect(r.ex.buyingPower(DEMO_ACCOUNT, '005930', last, '00').orderableCash).toBe(reserveUpper - acct.reserved);
  });

  it('releases the reservation as an unpriced buy fills at real prices', () => {
    const r = rig({ time: '100000' });
    const before = r.ex.account(DEMO_ACCOUNT)!;
    const no = okNo(r.buy({ ordDvsn: '01', qty: 5 }));
    const fills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no);
    const cost = fills.reduce((s, f) => s + f.qty * f.price + f.fee, 0);
    const after = r.ex.account(DEMO_ACCOUNT)!;
    expect(after.reserved).toBe(0);
    expect(after.cashD2).toBe(before.cashD2 - cost);
    expect(after.cash).toBe(before.cash); // D+0 moves only at settlement
  });
});

describe('notices (§7.4) and refusals', () => {
  it('sends acceptance then one notice per fill, with ORD_EXG_GB and the HTS id', () => {
    const r = rig({ time: '100000' });
    const a = r.ex.book('005930', 'KRX')!.asks;
    const no = okNo(r.buy({ price: a[1]!.price, qty: a[0]!.qty + 1 }));
    const ns = r.notices.filter((n) => n.orderNo === no);
    expect(ns.map((n) => [n.cntgYn, n.acptYn, n.refused, n.exchangeCode, n.rctf])).toEqual([
      ['1', '1', false, '1', '0'],
      ['2', '2', false, '1', '0'],
      ['2', '2', false, '1', '0'],
    ]);
    expect(ns[0]).toMatchObject({ htsId: 'aegisdemo', account: DEMO_ACCOUNT, qty: a[0]!.qty + 1, price: a[1]!.price, name: '삼성전자', side: 'buy' });
    expect(ns[1]).toMatchObject({ qty: a[0]!.qty, price: a[0]!.price, orderQty: a[0]!.qty + 1, orderPrice: a[1]!.price });
  });

  it('delivers a refusal after acceptance (RFUS_YN=1) and books nothing', () => {
    const r = rig({ time: '100000' });
    r.ex.control.refuseNextOrder();
    const before = r.ex.account(DEMO_ACCOUNT)!;
    const res = r.buy({ ordDvsn: '01', qty: 3 });
    expect(res.ok).toBe(true);
    const no = okNo(res);
    expect(r.notices.filter((n) => n.orderNo === no).map((n) => [n.cntgYn, n.acptYn, n.refused])).toEqual([['1', '1', true]]);
    expect(r.ex.orders(DEMO_ACCOUNT, '20261123', '20261123').find((o) => o.orderNo === no)).toMatchObject({ state: 'rejected', rejectedQty: 3 });
    expect(r.ex.account(DEMO_ACCOUNT)).toEqual(before);
    expect(okNo(r.buy({ ordDvsn: '01', qty: 1 }))).not.toBe(no); // only the next one
    expect(r.ex.fills(DEMO_ACCOUNT)).toHaveLength(1);
  });

  it('fans notices out to every account of one HTS id', () => {
    const r = rig({ time: '100000' });
    expect(r.ex.accountsForHtsId('aegisdemo')).toEqual(['50123456-01', '50123457-01']);
    r.ex.control.addAccount({ account: '70000001-01', htsId: 'aegisdemo', holderName: '김철수', cash: 5_000_000, positions: [] });
    expect(r.ex.accountsForHtsId('aegisdemo')).toHaveLength(3);
    const res = r.ex.placeOrder({ account: '70000001-01', symbol: '035720', side: 'buy', ordDvsn: '01', qty: 1, price: 0, route: 'KRX' });
    expect(res.ok).toBe(true);
    expect(r.notices.filter((n) => n.account === '70000001-01').length).toBeGreaterThanOrEqual(2);
  });
});

describe('static VI', () => {
  it('a trade 10% away from the open starts a 2-minute call; orders rest, then one price uncrosses them', () => {
    const r = rig({ time: '100000' });
    const q = r.ex.quote('005930', 'KRX')!;
    expect(q.viActive).toBe(false);
    expect(q.viReferencePrice).toBe(q.open);
    const up = stepTicks(Math.ceil((q.open * 1.1) / 100) * 100, 1, false);
    r.ex.control.injectTrade('005930', 'KRX', up, 10);
    expect(r.ex.quote('005930', 'KRX')!.viActive).toBe(true);
    expect(r.ex.book('005930', 'KRX')!.expected).not.toBeNull();
    const inst = r.ex.instrument('005930')!;
    const no = okNo(r.buy({ price: inst.upperLimit, qty: 2 }));
    const ioc = okNo(r.buy({ ordDvsn: '11', price: inst.upperLimit, qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT)).toHaveLength(0);
    expect(r.notices.filter((n) => n.orderNo === ioc).map((n) => n.acptYn)).toEqual(['1', '3']);
    const volume = r.ex.quote('005930', 'KRX')!.volume;
    r.at('100130');
    expect(r.ex.quote('005930', 'KRX')!.volume).toBe(volume); // nothing trades in the call
    r.at('100201');
    const fills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no);
    expect(fills).toHaveLength(1);
    const after = r.ex.quote('005930', 'KRX')!;
    expect(after.viActive).toBe(false);
    expect(after.viReferencePrice).toBe(fills[0]!.price);
    // NXT was not affected by KRX's VI.
    expect(r.ex.quote('005930', 'NXT')!.viActive).toBe(false);
  });
});

describe('mid-point orders (21/23/24)', () => {
  it('price at the mid rounded toward the own side, resting inside a wide spread; IOC kills when nothing crosses', () => {
    const r = rig({ time: '100000' });
    const b = r.ex.book('005930', 'KRX')!;
    // Take the whole best ask so the spread is two ticks wide.
    okNo(r.buy({ price: b.asks[0]!.price, qty: b.asks[0]!.qty }));
    const wide = r.ex.book('005930', 'KRX')!;
    const bid = wide.bids[0]!.price;
    const ask = wide.asks[0]!.price;
    expect(ask - bid).toBe(200);
    const mid = okNo(r.buy({ ordDvsn: '21', qty: 3 }));
    expect(r.ex.book('005930', 'KRX')!.bids[0]).toEqual({ price: bid + 100, qty: 3 });
    expect(r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === mid)).toHaveLength(0);
    const ioc = okNo(r.sell({ ordDvsn: '23', qty: 1 })); // mid rounds up to the ask side: nothing to hit
    expect(r.notices.filter((n) => n.orderNo === ioc).map((n) => n.acptYn)).toEqual(['1', '3']);
    expect(r.sell({ route: 'SOR', ordDvsn: '21', qty: 1 })).toMatchObject({ ok: false, msgCd: 'SIMV0003' });
  });
});

describe('buyingPower at scale', () => {
  it('finds the exact maximum quantity quickly even for a huge cash balance', () => {
    const r = rig({ time: '100000' });
    r.ex.control.setCash(DEMO_ACCOUNT, 9_000_000_000_000);
    const bp = r.ex.buyingPower(DEMO_ACCOUNT, '034020', 0, '01');
    const fits = (q: number) => q * bp.calcPrice + Math.max(commission(q * bp.calcPrice, 'KRX'), commission(q * bp.calcPrice, 'NXT')) <= bp.orderableCash;
    expect(fits(bp.maxQtyNoCredit)).toBe(true);
    expect(fits(bp.maxQtyNoCredit + 1)).toBe(false);
    expect(bp.maxAmountNoCredit).toBe(bp.maxQtyNoCredit * bp.calcPrice);
  });
});
