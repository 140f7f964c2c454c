/**
 * The realtime client against the simulator over real loopback sockets: subscriptions, decrypted notices,
 * account filtering, paper mode and the registration cap. Faults (drops, heartbeat, 8996, 0011) are in
 * faults.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../../../src/main/kis/realtime';
import type { SimHandle } from '../../../../src/sim/handle';
import { approvalKeysFor, capture, makeClient, sleep, startSim, waitFor } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(options: Parameters<typeof startSim>[0] = {}, clientExtra: Parameters<typeof makeClient>[2] = {}) {
  const sim = await startSim(options);
  const keys = approvalKeysFor(sim);
  const client = makeClient(sim, keys.provider, clientExtra);
  cleanups.push(async () => {
    await client.stop();
    await keys.close();
    await sim.close();
  });
  return { sim, client, cap: capture(client) };
}

function tradeAtLast(sim: SimHandle, symbol: string, qty = 1): number {
  const q = sim.exchange.quote(symbol, 'KRX');
  if (!q) throw new Error(`no quote for ${symbol}`);
  sim.exchange.control.injectTrade(symbol, 'KRX', q.last, qty);
  return q.last;
}

const activeCount = (client: RealtimeClient) => client.activeRegistrations().length;

describe('realtime stream against the simulator', () => {
  it('streams trades and 호가, and decrypts acceptance and fill notices for an order', async () => {
    const { sim, client, cap } = await setup();
    client.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: '005930', watchlist: [] });
    client.start();
    await waitFor('3 registrations', () => activeCount(client) === 3);
    expect(client.activeRegistrations()).toEqual([
      { trId: 'H0STCNI0', kind: 'notice', symbol: null, venue: null, tier: 'notice' },
      { trId: 'H0STCNT0', kind: 'trade', symbol: '005930', venue: 'KRX', tier: 'focused' },
      { trId: 'H0STASP0', kind: 'book', symbol: '005930', venue: 'KRX', tier: 'focused' },
    ]);
    expect(client.state().state).toBe('connected');

    const price = tradeAtLast(sim, '005930', 7);
    await waitFor('a tick', () => cap.ticks.some((t) => t.qty === 7));
    const tick = cap.ticks.find((t) => t.qty === 7)!;
    expect(tick).toMatchObject({ symbol: '005930', venue: 'KRX', price });
    expect(tick.bsopDate).toBe('20261123');
    expect(tick.marketClsCode).toBe('2'); // 2026-09 regime: 47 fields, regular session

    const book = sim.exchange.book('005930', 'KRX')!;
    const ask = book.asks[0]!.price;
    const placed = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 2, price: ask, route: 'KRX' });
    if (!placed.ok) throw new Error(`order rejected: ${placed.msgCd} ${placed.msg1}`);
    await waitFor('acceptance and fill notices', () => cap.notices.some((n) => n.kind === 'fill') && cap.notices.some((n) => n.kind === 'acceptance'));
    const acceptance = cap.notices.find((n) => n.kind === 'acceptance')!;
    expect(acceptance).toMatchObject({
      trId: 'H0STCNI0',
      orderNo: placed.orderNo,
      side: 'buy',
      symbol: '005930',
      qty: 2,
      price: ask,
      orderQty: 2,
      orderPrice: ask,
      refused: false,
      venue: 'KRX',
      name: '삼성전자',
    });
    const fills = cap.notices.filter((n) => n.kind === 'fill');
    const ledgerFills = sim.ledger().fills.filter((f) => f.orderNo === placed.orderNo);
    await waitFor('every fill notice', () => cap.notices.filter((n) => n.kind === 'fill').length === ledgerFills.length);
    expect(fills.map((f) => [f.qty, f.price])).toEqual(ledgerFills.map((f) => [f.qty, f.price]));
    expect(fills.every((f) => f.orderNo === placed.orderNo && f.venue === 'KRX')).toBe(true);
    await waitFor('a book update', () => cap.books.some((b) => b.symbol === '005930'));
    const b = cap.books.find((x) => x.symbol === '005930')!;
    expect(b.asks).toHaveLength(10);
    expect(b.venue).toBe('KRX');
    expect(client.stats().malformedFrames).toBe(0);
  });

  it('does not deliver notices of another account linked to the same HTS ID, but counts them', async () => {
    const { sim, client, cap } = await setup();
    const other = sim.exchange.accountsForHtsId(sim.htsId).find((a) => a !== sim.account);
    if (!other) throw new Error('fixture needs a second account on the HTS ID');
    client.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: [] });
    client.start();
    await waitFor('notice registration', () => activeCount(client) === 1);
    const high = sim.exchange.instrument('035720')!.upperLimit;
    const theirs = sim.exchange.placeOrder({ account: other, symbol: '035720', side: 'sell', ordDvsn: '00', qty: 1, price: high, route: 'KRX' });
    if (!theirs.ok) throw new Error(`${theirs.msgCd} ${theirs.msg1}`);
    const low = sim.exchange.instrument('005930')!.lowerLimit;
    const ours = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 1, price: low, route: 'KRX' });
    if (!ours.ok) throw new Error(`${ours.msgCd} ${ours.msg1}`);
    await waitFor('our acceptance', () => cap.notices.some((n) => n.orderNo === ours.orderNo));
    await sleep(50);
    expect(cap.notices.some((n) => n.orderNo === theirs.orderNo)).toBe(false);
    expect(client.stats().foreignNotices).toBeGreaterThanOrEqual(1);
  });

  it('never sends more than 40 registrations: with the server set to refuse a 41st, no refusal ever comes', async () => {
    // The server normally allows 41; at 40 any 41st registration we sent would be answered OPSP0008.
    const { sim, client, cap } = await setup({ knobs: { wsMaxRegistrations: 40 } });
    const symbols = sim.exchange.instruments().map((i) => i.code);
    expect(symbols.length).toBeGreaterThanOrEqual(21);
    const plan = client.setDesired(
      { pinnedNotices: true, holdings: [symbols[0]!], openOrders: [], focused: symbols[1]!, watchlist: symbols.slice(2) },
      ['KRX', 'NXT'],
    );
    expect(plan.held).toHaveLength(40);
    expect(plan.overCap.length).toBeGreaterThan(0);
    client.start();
    await waitFor('40 registrations', () => activeCount(client) === 40, 10_000);
    await sleep(100);
    expect(activeCount(client)).toBe(40);
    expect(cap.subscriptions.filter((s) => s.msgCd === 'OPSP0008')).toEqual([]);
    expect(cap.subscriptions.filter((s) => s.status === 'active')).toHaveLength(40);
    // Server side: a planned symbol streams; an over-cap one was never registered, so nothing comes for it.
    const lastPlanned = plan.held[plan.held.length - 1]!;
    const firstOver = plan.overCap.find((r) => r.venue === 'KRX' && r.kind === 'trade' && r.symbol !== lastPlanned.symbol)!;
    tradeAtLast(sim, firstOver.symbol!, 3);
    tradeAtLast(sim, symbols[0]!, 4);
    await waitFor('planned tick', () => cap.ticks.some((t) => t.symbol === symbols[0] && t.qty === 4));
    expect(cap.ticks.some((t) => t.symbol === firstOver.symbol)).toBe(false);
  });

  it('when the server is full earlier (OPSP0008), lowers the cap and keeps the most important registrations', async () => {
    const { sim, client, cap } = await setup({ knobs: { wsMaxRegistrations: 6 } });
    const symbols = sim.exchange.instruments().map((i) => i.code);
    client.setDesired({ pinnedNotices: true, holdings: [symbols[0]!], openOrders: [], focused: symbols[1]!, watchlist: symbols.slice(2, 12) });
    client.start();
    await waitFor('an OPSP0008', () => cap.subscriptions.some((s) => s.msgCd === 'OPSP0008'));
    await sleep(100);
    const active = client.activeRegistrations();
    expect(active).toHaveLength(6);
    expect(active[0]).toEqual({ trId: 'H0STCNI0', kind: 'notice', symbol: null, venue: null, tier: 'notice' });
    expect(active[1]).toEqual({ trId: 'H0STCNT0', kind: 'trade', symbol: symbols[0], venue: 'KRX', tier: 'position' });
    expect(active.slice(2, 4).map((r) => r.trId)).toEqual(['H0STCNT0', 'H0STASP0']);
    // Now a higher-priority symbol arrives: the least important watchlist entry is evicted to make room.
    client.setDesired({ pinnedNotices: true, holdings: [symbols[0]!, symbols[20]!], openOrders: [], focused: symbols[1]!, watchlist: symbols.slice(2, 12) });
    await waitFor('new holding registered', () => client.activeRegistrations().some((r) => r.symbol === symbols[20]));
    expect(activeCount(client)).toBe(6);
    expect(client.activeRegistrations().some((r) => r.symbol === symbols[3])).toBe(false);
  });

  it('unsubscribes what is no longer wanted: the server stops streaming it', async () => {
    const { sim, client, cap } = await setup();
    client.setDesired({ pinnedNotices: false, holdings: [], openOrders: [], focused: null, watchlist: ['005930', '000660'] });
    client.start();
    await waitFor('2 registrations', () => activeCount(client) === 2);
    client.setDesired({ pinnedNotices: false, holdings: [], openOrders: [], focused: null, watchlist: ['005930'] });
    await waitFor('removed', () => cap.subscriptions.some((s) => s.status === 'removed' && s.symbol === '000660'));
    tradeAtLast(sim, '000660', 5);
    tradeAtLast(sim, '005930', 6);
    await waitFor('005930 tick', () => cap.ticks.some((t) => t.symbol === '005930' && t.qty === 6));
    expect(cap.ticks.some((t) => t.symbol === '000660')).toBe(false);
  });

  it('in paper mode uses H0STCNI9 and never subscribes an NX/UN TR', async () => {
    const { sim, client, cap } = await setup({ personality: 'paper' });
    client.setDesired({ pinnedNotices: true, holdings: ['005930'], openOrders: [], focused: '000660', watchlist: [] }, ['NXT', 'UN']);
    client.start();
    await waitFor('4 registrations', () => activeCount(client) === 4);
    expect(client.activeRegistrations().map((r) => r.trId)).toEqual(['H0STCNI9', 'H0STCNT0', 'H0STCNT0', 'H0STASP0']);
    expect(cap.subscriptions.every((s) => s.status === 'active')).toBe(true);
    const low = sim.exchange.instrument('005930')!.lowerLimit;
    const placed = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 1, price: low, route: 'KRX' });
    if (!placed.ok) throw new Error(`${placed.msgCd} ${placed.msg1}`);
    await waitFor('paper acceptance', () => cap.notices.some((n) => n.orderNo === placed.orderNo));
    expect(cap.notices[0]!.trId).toBe('H0STCNI9');
  });
});
