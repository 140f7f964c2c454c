/**
 * Every refusal of the re-validation, through core.handle against the real simulator: each one in Korean and
 * English with the number that failed, nothing journaled, no order on the wire — and, where an order breaks
 * several rules at once, the earliest step of the stated order is the one reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../../../src/shared/ipc/result';
import type { SubmitResult } from '../../../src/shared/ipc/domains/orders';
import { at, startRig, ticket, type Rig } from './harness';

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});
async function rig(o: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig(o);
  rigs.push(r);
  return r;
}

/** Submits; expects a refusal whose Korean and English texts both contain each of `contains`. */
async function refused(r: Rig, t: object, code: Failure['code'], ko: Array<string | RegExp>, en: Array<string | RegExp> = []): Promise<Failure> {
  const before = r.sim.stats.orderRequests();
  const res = await r.call('orders:submit', t);
  expect(res.ok, JSON.stringify(res)).toBe(false);
  const f = res as Failure;
  expect(f.code).toBe(code);
  for (const c of ko) expect(f.message).toMatch(c);
  for (const c of en) expect(f.messageEn).toMatch(c);
  expect(f.messageEn?.length ?? 0).toBeGreaterThan(10);
  expect(r.sim.stats.orderRequests()).toBe(before);
  expect(r.session.store.reads.orderByClientId((t as { idempotencyKey: string }).idempotencyKey)).toBeNull();
  return f;
}

describe('each step refuses with its number', () => {
  it('2 armed: real trading not armed this run — refused before any KIS call', async () => {
    const r = await rig({ armed: false });
    const calls = r.sim.stats.requests();
    await refused(r, ticket(), 'NOT_ALLOWED', [/활성화/], [/not armed/]);
    expect(r.sim.stats.requests()).toBe(calls);
    // Cancels are never gated by arming: reducing risk must always work.
    expect(await r.call('orders:cancelAll')).toMatchObject({ ok: true, value: { requested: 0 } });
  });

  it('3 kill switch: buys refused (with the time it was engaged), sells still go', async () => {
    const r = await rig();
    expect(await r.call('risk:killSwitch', { engage: true })).toMatchObject({ ok: true, value: { killSwitch: true } });
    await refused(r, ticket(), 'NOT_ALLOWED', [/킬 스위치/, '2026-11-23 10:00:00'], [/kill switch/i, '2026-11-23 10:00:00']);
    const sell = await r.call<SubmitResult>('orders:submit', ticket({ side: 'sell', qty: 1, price: 72_000 }));
    expect(sell).toMatchObject({ ok: true, value: { state: 'accepted' } });
  });

  it('4 symbol: unknown, not NXT-eligible, halted', async () => {
    const r = await rig();
    await refused(r, ticket({ symbol: '999999' }), 'NOT_FOUND', ['999999'], ['999999']);
    await refused(r, ticket({ symbol: '033780', route: 'NXT', price: 112_300 }), 'NOT_ALLOWED', [/NXT/, '033780'], ['033780']);
    r.sim.exchange.control.setHalted('005930', 'KRX', true);
    await refused(r, ticket(), 'NOT_ALLOWED', [/거래가 정지/, '상태코드 58'], [/halted/, 'status 58']);
    r.sim.exchange.control.setHalted('005930', 'NXT', true);
    await refused(r, ticket({ route: 'NXT' }), 'NOT_ALLOWED', [/NXT 거래가 정지/], [/halted on NXT/]);
  });

  it('5 session and ORD_DVSN: closed hours with the KST time, the §5 matrix, a closed day, paper KRX-only', async () => {
    const r = await rig({ start: at('07:30:00') });
    await refused(r, ticket(), 'NOT_ALLOWED', ['07:30:00', '장 종료'], ['07:30:00 KST']);
    r.sim.clock.set(at('10:00:00'));
    await refused(r, ticket({ route: 'SOR', type: 'mid', price: undefined }), 'NOT_ALLOWED', ['주문구분 21'], ['ORD_DVSN 21']);
    await refused(r, ticket({ type: 'preClose', price: undefined }), 'NOT_ALLOWED', ['10:00:00', '주문구분 05'], ['ORD_DVSN 05']);
    await refused(r, ticket({ route: 'SOR', type: 'afterMarketLimit' }), 'NOT_ALLOWED', ['SOR'], ['SOR']);
    r.sim.clock.set(at('10:00:00', '2026-11-28')); // Saturday
    await refused(r, ticket(), 'NOT_ALLOWED', [/거래일이 아닙니다/], [/closed today/]);
  });

  it('5 paper trading routes to KRX only', async () => {
    const r = await rig({ simOptions: { personality: 'paper' }, fast: true });
    expect(r.session.paper).toBe(true);
    await refused(r, ticket({ route: 'NXT' }), 'NOT_ALLOWED', ['모의투자는 KRX', 'NXT'], [/Paper trading routes to KRX only/]);
    await refused(r, ticket({ route: 'SOR' }), 'NOT_ALLOWED', ['SOR'], ['SOR']);
  });

  it('6 tick grid and the live ±30% band (price and stop price)', async () => {
    const r = await rig();
    const { upperLimit, lowerLimit } = r.sim.exchange.instrument('005930')!;
    await refused(r, ticket({ price: 71_950 }), 'NOT_ALLOWED', ['71,950원', '호가단위(100원)', '71,900원', '72,000원'], ['₩71,950']);
    await refused(r, ticket({ price: upperLimit + 100 }), 'NOT_ALLOWED', [`상한가 ${upperLimit.toLocaleString('en-US')}원`], [`₩${upperLimit.toLocaleString('en-US')}`]);
    await refused(r, ticket({ side: 'sell', price: lowerLimit - 100 }), 'NOT_ALLOWED', [`하한가 ${lowerLimit.toLocaleString('en-US')}원`]);
    await refused(r, ticket({ type: 'stopLimit', price: 72_000, stopPrice: 71_930 }), 'NOT_ALLOWED', ['감시가격', '71,930원'], ['Stop price']);
    // ETF: a flat 5-won grid.
    await refused(r, ticket({ symbol: '069500', price: 36_457 }), 'NOT_ALLOWED', ['36,457원', '호가단위(5원)']);
  });

  it('7 risk limits: max order value, max quantity, max open positions, daily loss, blacklist (buys only)', async () => {
    const r = await rig({
      settings: (s) => {
        s.risk.maxOrderValue = 1_000_000;
        s.risk.maxOrderQty = 10;
        s.risk.maxOpenPositions = 1;
        s.risk.dailyLossLimit = 60_000;
      },
    });
    await refused(r, ticket({ qty: 14, price: 71_900 }), 'NOT_ALLOWED', ['1,006,600원', '1,000,000원'], ['₩1,006,600', '₩1,000,000']);
    await refused(r, ticket({ side: 'sell', qty: 11, price: 72_000 }), 'NOT_ALLOWED', ['11주', '10주'], ['Quantity 11', 'of 10']);
    // One open buy (000660) fills the one allowed position: a new symbol is refused, the same symbol is not.
    const held = await r.call<SubmitResult>('orders:submit', ticket({ symbol: '000660', price: 190_000 }));
    expect(held).toMatchObject({ ok: true, value: { state: 'accepted' } });
    await refused(r, ticket(), 'NOT_ALLOWED', ['1개', '최대 보유 종목 수 1개'], ['limit of 1']);
    expect(await r.call('orders:preview', ticket({ symbol: '000660', price: 190_000 }))).toMatchObject({ ok: true });
    r.state.settings.risk.maxOpenPositions = 30;
    // Today's realized loss (a sell below cost, as a fill in the mirror) reaches the daily limit: buys stop.
    const now = r.sim.clock.now();
    expect(r.session.store.writer.replaceHoldingsFromBalance({ holdings: [{ symbol: '035720', qty: 10, sellableQty: 10, cost: 439_000 }], asOf: now - 1 }).ok).toBe(true);
    const fill = r.session.store.writer.applyFill({
      orderNo: '0000090001',
      symbol: '035720',
      side: 'sell',
      venue: 'KRX',
      qty: 10,
      price: 37_000,
      time: now,
      order: { qty: 10, price: 37_000, ordDvsn: '00', route: 'KRX' },
    });
    expect(fill.ok).toBe(true);
    const f = await refused(r, ticket({ symbol: '000660', price: 190_000 }), 'NOT_ALLOWED', ['실현손실 69,000원', '60,000원'], ['₩69,000']);
    expect(f.messageEn).toContain('₩60,000');
    // Sells stay allowed: they reduce risk.
    expect(await r.call('orders:preview', ticket({ side: 'sell', price: 72_000 }))).toMatchObject({ ok: true });
    r.state.settings.risk.dailyLossLimit = 5_000_000;
    // The blacklist (the seeds' unwanted 한국전력 buy) blocks buys only.
    await refused(r, ticket({ symbol: '015760', price: 23_850 }), 'NOT_ALLOWED', ['한국전력', '015760'], ['015760', /blacklist/]);
    expect(await r.call('orders:preview', ticket({ symbol: '015760', side: 'sell', price: 23_850 }))).toMatchObject({ ok: true });
  });

  it('8 live orderable cash: the amount needed and KIS’s number', async () => {
    const r = await rig();
    r.sim.exchange.control.setCash(r.sim.account, 100_000);
    const live = r.sim.exchange.buyingPower(r.sim.account, '005930', 0, '01').maxAmountNoCredit;
    await refused(r, ticket({ qty: 2, price: 71_900 }), 'NOT_ALLOWED', ['143,800원', `${live.toLocaleString('en-US')}원`], ['₩143,800']);
  });

  it('ticket consistency the schema cannot express is BAD_INPUT', async () => {
    const r = await rig();
    await refused(r, ticket({ price: undefined }), 'BAD_INPUT', [/가격/], [/price/]);
    await refused(r, ticket({ smart: 'takeProfit' }), 'BAD_INPUT', [/매도 전용/], [/selling only/]);
    await refused(r, ticket({ smart: 'normalBuy', type: 'market' }), 'BAD_INPUT', [/지정가/], [/limit/]);
    await refused(r, ticket({ type: 'stopLimit', price: 72_000 }), 'BAD_INPUT', [/감시가격/], [/stop price/]);
    expect(r.sim.stats.requests()).toBe(0);
  });
});

describe('the validation order: the earliest failing step is reported', () => {
  it('armed before kill switch before symbol; halt before session; session before tick; tick/band before risk; risk before cash', async () => {
    const r = await rig();
    // 2 vs 3
    await r.call('risk:killSwitch', { engage: true });
    r.state.armed = false;
    await refused(r, ticket({ symbol: '999999' }), 'NOT_ALLOWED', [/활성화/]);
    r.state.armed = true;
    // 3 vs 4
    await refused(r, ticket({ symbol: '999999' }), 'NOT_ALLOWED', [/킬 스위치/]);
    await r.call('risk:killSwitch', { engage: false });
    // 4b (halt) vs 5 (preClose is not accepted at 10:00)
    r.sim.exchange.control.setHalted('000660', 'KRX', true);
    await refused(r, ticket({ symbol: '000660', type: 'preClose', price: undefined }), 'NOT_ALLOWED', [/거래가 정지/]);
    // 5 vs 6: off-tick at a closed hour → the session.
    r.sim.clock.set(at('07:00:00'));
    await refused(r, ticket({ price: 71_950 }), 'NOT_ALLOWED', ['07:00:00']);
    r.sim.clock.set(at('10:00:00'));
    // 6 vs 7: off-tick and blacklisted → the tick; over the band and blacklisted → the band.
    await refused(r, ticket({ symbol: '015760', price: 23_855 }), 'NOT_ALLOWED', ['호가단위']);
    const upper = r.sim.exchange.instrument('015760')!.upperLimit;
    await refused(r, ticket({ symbol: '015760', price: upper + 50 }), 'NOT_ALLOWED', ['상한가']);
    // 7 vs 8: blacklisted with no cash → the blacklist.
    r.sim.exchange.control.setCash(r.sim.account, 0);
    await refused(r, ticket({ symbol: '015760', price: 23_850 }), 'NOT_ALLOWED', ['한국전력']);
    await refused(r, ticket({ price: 71_900 }), 'NOT_ALLOWED', ['주문가능금액']);
  });
});
