/**
 * The schedule on the market clock (the simulator's, moved only by the test): what is read from KIS when,
 * in session, after it, across a trading date, after a reconnect — and that stop() really stops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { marketable, rig, waitFor, type Rig } from './helpers';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

const TR = { daily: 'TTTC0081R', open: 'TTTC0084R', balance: 'TTTC8434R', orderable: 'TTTC8908R' } as const;
type Counts = Record<keyof typeof TR, number>;
const counts = (rig: Rig): Counts => ({
  daily: rig.sim.stats.requests(TR.daily),
  open: rig.sim.stats.requests(TR.open),
  balance: rig.sim.stats.requests(TR.balance),
  orderable: rig.sim.stats.requests(TR.orderable),
});
const delta = (a: Counts, b: Counts): Counts => ({ daily: b.daily - a.daily, open: b.open - a.open, balance: b.balance - a.balance, orderable: b.orderable - a.orderable });

async function settle(rig: Rig): Promise<void> {
  rig.engine.tick();
  await new Promise((res) => setTimeout(res, 60)); // a poll or two
  await rig.engine.whenIdle();
}

describe('sync schedule', () => {
  it('in session: everything every minute; after the close once more, then the balance every ten minutes', async () => {
    // The poll timer is slow here so that only the test's ticks look at the schedule.
    r = await rig({ engine: { pollMs: 60_000 } });
    const start = counts(r);
    expect(start.daily).toBeGreaterThan(0); // the startup sync read everything
    expect(start.balance).toBeGreaterThan(0);

    r.sim.clock.advance(59_000);
    await settle(r);
    expect(delta(start, counts(r))).toEqual({ daily: 0, open: 0, balance: 0, orderable: 0 });

    r.sim.clock.advance(1_000);
    await settle(r);
    const minute = counts(r);
    expect(delta(start, minute)).toEqual({ daily: 1, open: 1, balance: 1, orderable: 1 });

    r.sim.clock.set('2026-11-23T20:00:30+09:00'); // NXT's after-market has closed
    await settle(r);
    const closed = counts(r);
    expect(delta(minute, closed)).toEqual({ daily: 1, open: 1, balance: 1, orderable: 1 }); // the post-close pass

    r.sim.clock.advance(9 * 60_000);
    await settle(r);
    expect(delta(closed, counts(r))).toEqual({ daily: 0, open: 0, balance: 0, orderable: 0 });
    r.sim.clock.advance(60_000);
    await settle(r);
    expect(delta(closed, counts(r))).toEqual({ daily: 0, open: 0, balance: 1, orderable: 1 }); // balance only, outside the session
  });

  it('a new trade date expires yesterday’s open orders and syncs everything', async () => {
    r = await rig({ engine: { pollMs: 60_000 } });
    const { sim, session } = r;
    const resting = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 1, price: marketable(sim, '005930', 'buy') - 3000, route: 'KRX', channel: 'hts' });
    if (!resting.ok) throw new Error(resting.msg1);
    await waitFor('the open order', () => session.store.reads.openOrders().some((o) => o.orderNo === resting.orderNo));
    const before = counts(r);
    sim.clock.set('2026-11-24T08:30:00+09:00');
    await settle(r);
    const expired = session.store.reads.orderByOrderNo(resting.orderNo, '20261123')!;
    expect(expired.state).toBe('cancelled');
    expect(session.store.reads.openOrders()).toEqual([]);
    expect(delta(before, counts(r)).daily).toBeGreaterThanOrEqual(1);
    expect(r.engine.status().lastResult).toBe('ok');
  });

  it('on a real account the trading calendar comes from chk-holiday, asked at most once a day', async () => {
    r = await rig({ environment: 'real', engine: { pollMs: 60_000 } });
    const holidays = () => r!.sim.stats.requests('CTCA0903R');
    await waitFor('chk-holiday', () => holidays() > 0);
    await new Promise((res) => setTimeout(res, 100));
    const pages = holidays(); // one call may read several pages
    for (let i = 0; i < 5; i++) {
      r.sim.clock.advance(10 * 60_000);
      await settle(r);
    }
    expect(holidays()).toBe(pages);
    r.sim.clock.set('2026-11-24T09:00:00+09:00');
    await settle(r);
    await waitFor('the next day’s chk-holiday', () => holidays() === 2 * pages);
  });

  it('on paper and demo the bundled calendar is used: chk-holiday is never asked', async () => {
    r = await rig({ engine: { pollMs: 60_000 } });
    r.sim.clock.set('2026-11-24T09:00:00+09:00');
    await settle(r);
    expect(r.sim.stats.requests('CTCA0903R')).toBe(0);
  });

  it('every realtime reconnect triggers a full reconciliation', async () => {
    r = await rig({ engine: { pollMs: 60_000 } });
    const before = counts(r);
    const reconnects = r.session.realtime.stats().reconnects;
    r.sim.knobs.set({ wsDrop: { atMs: r.sim.clock.now(), withClose: true } });
    await waitFor('the reconnect', () => r!.session.realtime.stats().reconnects > reconnects);
    await waitFor('the reconciliation', () => counts(r!).balance > before.balance);
    await r.engine.whenIdle();
    expect(delta(before, counts(r))).toMatchObject({ daily: 1, balance: 1 });
    const log = r.session.store.reads.syncLog(5, 'dailyOrders')[0]!;
    expect((log.summary as { reasons: string[] }).reasons).toContain('reconnected');
  });

  it('stop() stops the timers and the stream: nothing reaches the store afterwards', async () => {
    r = await rig({ engine: { pollMs: 10 } });
    const { sim, session, engine } = r;
    await engine.stop();
    const before = counts(r);
    const ordersBefore = session.store.reads.ordersToday().length;
    const hts = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 1, price: marketable(sim, '005930', 'buy'), route: 'KRX', channel: 'hts' });
    expect(hts.ok).toBe(true);
    sim.clock.advance(120_000);
    await new Promise((res) => setTimeout(res, 150));
    expect(delta(before, counts(r))).toEqual({ daily: 0, open: 0, balance: 0, orderable: 0 });
    expect(session.store.reads.ordersToday().length).toBe(ordersBefore);
    expect(engine.pipeline.stats.notices).toBe(0);
    expect(await engine.syncNow()).toMatchObject({ running: false });
  });
});
