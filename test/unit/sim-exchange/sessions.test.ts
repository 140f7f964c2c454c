import { describe, expect, it } from 'vitest';
import { stepTicks } from '../../../src/shared/market/ticks';
import { DEMO_ACCOUNT, LEGACY_THURSDAY, MONDAY, okNo, rig } from './helpers';

const filledQty = (r: ReturnType<typeof rig>, no: string): number =>
  r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no).reduce((s, f) => s + f.qty, 0);

describe('SOR routing', () => {
  it('ties go to KRX (ORD_EXG_GB 3), a cheaper NXT gets the leg (4), and the walk crosses venues', () => {
    const r = rig({ time: '100000' });
    const tie = okNo(r.buy({ route: 'SOR', ordDvsn: '01', qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === tie)!.exchangeLeg).toBe('SOR-KRX');
    expect(r.notices.filter((n) => n.orderNo === tie).map((n) => n.exchangeCode)).toEqual(['3', '3']);

    // Knock NXT three ticks lower: its asks are now the better price.
    const krxAsk = r.ex.book('005930', 'KRX')!.asks[0]!.price;
    r.ex.control.injectTrade('005930', 'NXT', stepTicks(krxAsk, -4, false), 10);
    const nxtAsks = r.ex.book('005930', 'NXT')!.asks;
    expect(nxtAsks[0]!.price).toBeLessThan(krxAsk);
    const cheaper = nxtAsks.filter((l) => l.price < krxAsk).reduce((s, l) => s + l.qty, 0);
    const no = okNo(r.buy({ route: 'SOR', price: krxAsk, qty: cheaper + 2 }));
    const fills = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no);
    expect(fills[0]!.exchangeLeg).toBe('SOR-NXT');
    expect(fills.filter((f) => f.exchangeLeg === 'SOR-NXT').reduce((s, f) => s + f.qty, 0)).toBe(cheaper);
    expect(fills[fills.length - 1]).toMatchObject({ exchangeLeg: 'SOR-KRX', price: krxAsk, venue: 'KRX' });
    expect(r.notices.filter((n) => n.orderNo === no && n.cntgYn === '2').map((n) => n.exchangeCode)).toContain('4');
  });

  it('sends SOR to NXT when only NXT is open (08:10) and keeps KRX-only symbols out', () => {
    const r = rig({ time: '081000' });
    const no = okNo(r.buy({ route: 'SOR', ordDvsn: '01', qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === no)!.exchangeLeg).toBe('SOR-NXT');
    expect(r.buy({ route: 'SOR', symbol: '028300', ordDvsn: '01', qty: 1 })).toMatchObject({ ok: false, msgCd: 'APBK0918' });
  });
});

describe('auctions', () => {
  it('collects orders in the opening call and uncrosses them at 09:00 at one price', () => {
    const r = rig({ time: '083500' });
    const inst = r.ex.instrument('005930')!;
    const buy = okNo(r.buy({ price: inst.upperLimit, qty: 10 }));
    const mkt = okNo(r.buy({ ordDvsn: '01', qty: 3 }));
    const sell = okNo(r.sell({ price: inst.lowerLimit, qty: 4 }));
    const ioc = okNo(r.buy({ ordDvsn: '11', price: inst.upperLimit, qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT)).toHaveLength(0);
    expect(r.notices.filter((n) => n.orderNo === ioc).map((n) => n.acptYn)).toEqual(['1', '3']); // no IOC in a call
    const book = r.ex.book('005930', 'KRX')!;
    expect(book.expected).not.toBeNull();
    expect(r.ex.quote('005930', 'KRX')!.volume).toBe(0);
    r.at('090000');
    const q = r.ex.quote('005930', 'KRX')!;
    expect(q.openTime).toBe('090000');
    for (const no of [buy, mkt, sell]) {
      const fs = r.ex.fills(DEMO_ACCOUNT).filter((f) => f.orderNo === no);
      expect(fs.map((f) => f.price)).toEqual([q.open]);
    }
    expect([filledQty(r, buy), filledQty(r, mkt), filledQty(r, sell)]).toEqual([10, 3, 4]);
    expect(r.ex.book('005930', 'KRX')!.expected).toBeNull();
  });

  it('uncrosses the close at 15:30; that price is the official close and the next base price', () => {
    const r = rig({ time: '152500' });
    const inst = r.ex.instrument('005930')!;
    const sell = okNo(r.sell({ price: inst.lowerLimit, qty: 5 }));
    const cond = okNo(r.buy({ ordDvsn: '02', price: inst.lowerLimit, qty: 2 })); // 조건부: market at the close
    expect(r.ex.fills(DEMO_ACCOUNT)).toHaveLength(0);
    r.at('153000');
    const close = r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === sell)!.price;
    expect(filledQty(r, sell)).toBe(5);
    expect(r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === cond)!.price).toBe(close);
    expect(r.ex.quote('005930', 'KRX')!.last).toBe(close);
    // 장후 시간외 종가 (06) fills at that close; 05 next morning at it too.
    r.at('154500');
    const post = okNo(r.buy({ ordDvsn: '06', qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === post)!.price).toBe(close);
    r.at('083500', '20261124');
    expect(r.ex.instrument('005930')!.prevClose).toBe(close);
    expect(r.ex.instrument('005930')!.basePrice).toBe(close);
    const pre = okNo(r.buy({ ordDvsn: '05', qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === pre)!.price).toBe(close);
    const bars = r.ex.dailyBars('005930', 'KRX', MONDAY, MONDAY, 'D');
    expect(bars).toHaveLength(1);
    expect(bars[0]!.close).toBe(close);
  });

  it('NXT after-market: accepted 15:30–15:40 without matching, crossing orders uncross at 15:40', () => {
    const r = rig({ time: '153500' });
    const inst = r.ex.instrument('005930')!;
    const no = okNo(r.buy({ route: 'NXT', price: inst.upperLimit, qty: 3 }));
    expect(r.ex.fills(DEMO_ACCOUNT)).toHaveLength(0);
    r.at('154000');
    expect(filledQty(r, no)).toBe(3);
    expect(r.ex.fills(DEMO_ACCOUNT)[0]!.venue).toBe('NXT');
  });

  it('legacy 시간외 단일가 (07) matches every 10 minutes within ±10% of the close', () => {
    const r = rig({ ymd: LEGACY_THURSDAY, time: '160500' });
    const close = r.ex.quote('033780', 'KRX')!.last; // KT&G: not NXT-tradable, so 07 is allowed
    const no = okNo(r.buy({ symbol: '033780', ordDvsn: '07', price: stepTicks(close, 20, false), qty: 2 }));
    expect(filledQty(r, no)).toBe(0);
    r.at('161000', LEGACY_THURSDAY);
    const f = r.ex.fills(DEMO_ACCOUNT).filter((x) => x.orderNo === no);
    expect(f.map((x) => x.qty)).toEqual([2]);
    expect(f[0]!.price).toBeLessThanOrEqual(close * 1.1);
    expect(f[0]!.price).toBeGreaterThanOrEqual(close * 0.9);
    expect(r.buy({ symbol: '005930', ordDvsn: '07', price: 70_000, qty: 1 })).toMatchObject({ ok: false, msgCd: 'SIMV0003' });
  });
});

describe('expiry', () => {
  it('expires GTP (27) orders at 08:50 with an ACPT_YN=3 notice and releases the reservation', () => {
    const r = rig({ time: '081000' });
    const low = stepTicks(r.ex.book('005930', 'NXT')!.bids[0]!.price, -15, false);
    const no = okNo(r.buy({ route: 'NXT', ordDvsn: '27', price: low, qty: 5 }));
    expect(r.ex.account(DEMO_ACCOUNT)!.reserved).toBeGreaterThan(0);
    r.at('084959');
    expect(r.ex.openOrders(DEMO_ACCOUNT).map((o) => o.orderNo)).toEqual([no]);
    r.at('085001');
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toHaveLength(0);
    expect(r.notices.filter((n) => n.orderNo === no).map((n) => [n.acptYn, n.qty])).toEqual([
      ['1', 5],
      ['3', 5],
    ]);
    expect(r.ex.account(DEMO_ACCOUNT)!.reserved).toBe(0);
    expect(r.ex.orders(DEMO_ACCOUNT, MONDAY, MONDAY)[0]).toMatchObject({ state: 'cancelled', cancelledQty: 5 });
  });

  it('keeps NXT day orders through the after-market and ends KRX day orders after the close', () => {
    const r = rig({ time: '100000' });
    const nxtLow = stepTicks(r.ex.book('005930', 'NXT')!.bids[0]!.price, -40, false);
    const krxLow = stepTicks(r.ex.book('005930', 'KRX')!.bids[0]!.price, -40, false);
    const nxt = okNo(r.buy({ route: 'NXT', price: nxtLow, qty: 1 }));
    const krx = okNo(r.buy({ route: 'KRX', price: krxLow, qty: 1 }));
    r.at('160000');
    const open = r.ex.openOrders(DEMO_ACCOUNT).map((o) => o.orderNo);
    expect(open).toContain(nxt);
    expect(open).not.toContain(krx);
    r.at('200001');
    expect(r.ex.openOrders(DEMO_ACCOUNT)).toHaveLength(0);
    expect(r.notices.filter((n) => n.acptYn === '3')).toHaveLength(0); // day-end expiry is silent
  });
});

describe('closed days', () => {
  it('shows the last session on a weekend and trades nothing', () => {
    const r = rig({ ymd: '20261121', time: '110000' });
    const q = r.ex.quote('005930', 'KRX')!;
    expect(q.volume).toBeGreaterThan(0); // Friday's session
    const before = JSON.stringify([r.ex.quote('005930', 'KRX'), r.ex.book('005930', 'KRX')]);
    r.at('150000', '20261122');
    expect(JSON.stringify([r.ex.quote('005930', 'KRX'), r.ex.book('005930', 'KRX')])).toBe(before);
    expect(r.ex.isTradingDay('20261121')).toBe(false);
    expect(r.ex.calendar('20261120', 4).map((d) => d.open)).toEqual([true, false, false, true]);
  });

  it('rolls to the next trading day: new base, empty day, T+2 settlement of cash', () => {
    const r = rig({ ymd: '20261120', time: '100000' }); // Friday
    const before = r.ex.account(DEMO_ACCOUNT)!;
    okNo(r.buy({ ordDvsn: '01', qty: 2 }));
    const afterBuy = r.ex.account(DEMO_ACCOUNT)!;
    const cost = before.cashD2 - afterBuy.cashD2;
    expect(cost).toBeGreaterThan(0);
    expect(afterBuy.cash).toBe(before.cash);
    r.at('090000', '20261123'); // Monday: T+1
    const mon = r.ex.account(DEMO_ACCOUNT)!;
    expect(mon.cash).toBe(before.cash);
    expect(mon.cashD1).toBe(before.cash - cost);
    expect(mon.todayBuyAmount).toBe(0);
    expect(mon.positions.find((p) => p.symbol === '005930')!.prevBuyQty).toBe(2);
    r.at('090000', '20261124'); // Tuesday: T+2 settled
    expect(r.ex.account(DEMO_ACCOUNT)!.cash).toBe(before.cash - cost);
    expect(r.ex.quote('005930', 'KRX')!.prevClose).toBe(r.ex.instrument('005930')!.prevClose);
  });
});

describe('clock set backwards', () => {
  it('follows the clock for validation but never re-simulates the past', () => {
    const r = rig({ time: '100000' });
    const q = r.ex.quote('005930', 'KRX')!;
    r.at('085500');
    expect(r.buy({ route: 'NXT', price: q.last })).toMatchObject({ ok: false, msgCd: 'APBK0918' });
    expect(r.ex.quote('005930', 'KRX')).toEqual(q);
    r.at('095959');
    expect(r.ex.quote('005930', 'KRX')).toEqual(q);
    r.at('100010');
    expect(r.ex.quote('005930', 'KRX')!.time).toBeGreaterThan(q.time);
  });
});

describe('KRX after-market (2026-09)', () => {
  it('trades 41–47 continuously 16:00–20:00 with MARKET_CLS_CODE 3, not ETPs, and drops them at 20:00', () => {
    const r = rig({ time: '160500' });
    const trades: Array<{ symbol: string; marketClass: string; venue: string }> = [];
    r.ex.on('trade', (t) => trades.push(t));
    const etfBefore = r.ex.quote('069500', 'KRX')!;
    r.at('161000');
    expect(trades.some((t) => t.symbol === '005930' && t.venue === 'KRX' && t.marketClass === '3')).toBe(true);
    expect(trades.some((t) => t.symbol === '069500' && t.venue === 'KRX')).toBe(false);
    expect(r.ex.quote('069500', 'KRX')).toEqual(etfBefore);
    const ask = r.ex.book('005930', 'KRX')!.asks[0]!;
    const best = okNo(r.buy({ ordDvsn: '44', qty: 1 }));
    expect(r.ex.fills(DEMO_ACCOUNT).find((f) => f.orderNo === best)!.price).toBe(ask.price);
    expect(r.buy({ ordDvsn: '01', qty: 1 })).toMatchObject({ ok: false, msgCd: 'APBK0918' }); // no market orders
    expect(r.buy({ symbol: '069500', ordDvsn: '41', price: 36_455, qty: 1 })).toMatchObject({ ok: false, msgCd: 'SIMV0003' });
    const low = stepTicks(r.ex.book('005930', 'KRX')!.bids[0]!.price, -30, false);
    const resting = okNo(r.buy({ ordDvsn: '41', price: low, qty: 1 }));
    r.at('200001');
    expect(r.ex.openOrders(DEMO_ACCOUNT).map((o) => o.orderNo)).not.toContain(resting);
    // The official close stays the 15:30 price even though the after-market traded since.
    r.at('090000', '20261124');
    const bars = r.ex.dailyBars('005930', 'KRX', MONDAY, MONDAY, 'D');
    expect(r.ex.instrument('005930')!.prevClose).toBe(bars[0]!.close);
  });
});

describe('bars', () => {
  it('builds minute bars from the trades and aggregates daily history by week/month', () => {
    const r = rig({ time: '100000' });
    const mins = r.ex.minuteBars('005930', 'KRX', '095959');
    expect(mins.length).toBeGreaterThan(30);
    expect(mins.every((b) => b.time <= '095959' && b.date === MONDAY && b.low <= b.open && b.open <= b.high)).toBe(true);
    expect(mins[0]!.time).toBe('090000');
    const un = r.ex.minuteBars('005930', 'UN', '235959');
    expect(un[0]!.time < '090000').toBe(true); // NXT pre-market trades count in 통합
    const days = r.ex.dailyBars('005930', 'KRX', '20250101', MONDAY, 'D');
    expect(days.length).toBeGreaterThan(200);
    expect(days[days.length - 2]!.close).toBe(r.ex.instrument('005930')!.prevClose);
    const weeks = r.ex.dailyBars('005930', 'KRX', '20260101', MONDAY, 'W');
    const months = r.ex.dailyBars('005930', 'KRX', '20260101', MONDAY, 'M');
    expect(weeks.length).toBeGreaterThan(40);
    expect(months.length).toBe(11);
    const nov = months[months.length - 1]!;
    const novDays = days.filter((d) => d.date.startsWith('202611'));
    expect(nov.volume).toBe(novDays.reduce((s, d) => s + d.volume, 0));
    expect(nov.high).toBe(Math.max(...novDays.map((d) => d.high)));
    expect(nov.date).toBe(MONDAY);
  });
});

describe('regime switch 2026-09-14', () => {
  it('runs the legacy rules on Friday 09-11 and the new ones from Monday 09-14, overridable by knob', () => {
    const r = rig({ ymd: '20260911', time: '163000' });
    expect(r.ex.regime()).toBe('legacy');
    const close = r.ex.quote('033780', 'KRX')!.last;
    expect(r.buy({ symbol: '033780', ordDvsn: '07', price: close, qty: 1 }).ok).toBe(true);
    expect(r.buy({ ordDvsn: '41', price: r.ex.quote('005930', 'KRX')!.last, qty: 1 })).toMatchObject({ ok: false, msgCd: 'SIMV0003' });
    r.at('163000', '20260914');
    expect(r.ex.regime()).toBe('2026-09');
    expect(r.buy({ symbol: '033780', ordDvsn: '07', price: r.ex.quote('033780', 'KRX')!.last, qty: 1 })).toMatchObject({ ok: false, msgCd: 'SIMV0003' });
    expect(r.buy({ ordDvsn: '41', price: r.ex.book('005930', 'KRX')!.bids[0]!.price, qty: 1 }).ok).toBe(true);
    r.knobs.regimeOverride = 'legacy';
    expect(r.ex.regime()).toBe('legacy');
    expect(r.buy({ symbol: '033780', ordDvsn: '07', price: r.ex.quote('033780', 'KRX')!.last, qty: 1 }).ok).toBe(true);
  });
});
