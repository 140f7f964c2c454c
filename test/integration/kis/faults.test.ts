/**
 * The order path under faults (design.md invariant 5): never a second order, UNKNOWN when the reply is lost,
 * reads that ride out a rate-limit storm, and a limiter that keeps a burst under the gateway's limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KisRateLimitedError, KisUnknownOutcomeError, orderDefinitelyNotAccepted, settle, type KisRest } from '../../../src/main/kis';
import type { SimHandle } from '../../../src/sim/handle';
import { clientFor, rejectionOf, startSim } from './helpers';

let sim: SimHandle | undefined;
let kis: KisRest | undefined;
afterEach(async () => {
  await kis?.close();
  await sim?.close();
  kis = undefined;
  sim = undefined;
});

describe('5xx / cut after an accepted order', () => {
  for (const mode of ['http500', 'cut'] as const) {
    it(`${mode}: UNKNOWN outcome, exactly one order at the exchange, nothing re-sent`, async () => {
      sim = await startSim();
      kis = await clientFor(sim);
      await kis.inquirePrice('005930'); // token and connection warm
      sim.knobs.set({ failAfterAccept: { count: 1, mode } });
      const e = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 4, price: 60_000 }));
      expect(e).toBeInstanceOf(KisUnknownOutcomeError);
      expect(orderDefinitelyNotAccepted(e as KisUnknownOutcomeError)).toBe(false);
      if (mode === 'http500') expect((e as KisUnknownOutcomeError).msgCd).toMatch(/^EGW0030[0-2]$/);
      expect(sim.stats.orderRequests()).toBe(1);
      expect(sim.stats.requests('TTTC0012U')).toBe(1);
      const orders = sim.ledger().orders;
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ symbol: '005930', qty: 4, price: 60_000, side: 'buy' });
      // Reconciliation can find it: the order is in today's orders.
      const today = await kis.dailyOrders({ from: '20261123', to: '20261123' });
      expect(today.orders.map((o) => o.orderNo)).toEqual([orders[0]!.orderNo]);
    });
  }

  it('a cancel whose reply is cut is UNKNOWN too, and not re-sent', async () => {
    sim = await startSim();
    kis = await clientFor(sim);
    const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 });
    sim.knobs.set({ failAfterAccept: { count: 1, mode: 'cut' } });
    const e = await rejectionOf(kis.orderModifyCancel({ kind: 'cancel', originalOrderNo: ack.orderNo, orgNo: ack.orgNo, ordDvsn: '00', all: true }));
    expect(e).toBeInstanceOf(KisUnknownOutcomeError);
    expect(sim.stats.requests('TTTC0013U')).toBe(1);
  });

  it('an order that times out is UNKNOWN, and sent once', async () => {
    sim = await startSim();
    kis = await clientFor(sim, { timeouts: { orderMs: 300 } });
    await kis.inquirePrice('005930');
    sim.knobs.set({ latency: { TTTC0012U: { fixedMs: 1_500, jitterMs: 0 } } });
    const e = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 }));
    expect(e).toBeInstanceOf(KisUnknownOutcomeError);
    await new Promise((r) => setTimeout(r, 1_600)); // let the slow server finish
    expect(sim.stats.requests('TTTC0012U')).toBe(1);
    expect(sim.ledger().orders.length).toBeLessThanOrEqual(1);
  });
});

describe('rate limits', () => {
  it('a storm on every route: reads all succeed after backing off, orders are refused once each and never retried', async () => {
    // A running clock (speed 1) so the storm window is real time: 250 ms is shorter than three back-offs
    // (≥ 100 ms each), so a read that meets the storm must get through on a retry.
    sim = await startSim({ clock: { start: '2026-11-23T10:00:00+09:00', speed: 1 } });
    kis = await clientFor(sim);
    await kis.inquirePrice('005930');
    const priceCalls = sim.stats.requests('FHKST01010100');
    sim.knobs.set({ rateLimitStorm: { untilMs: sim.clock.now() + 250, probability: 0, routes: ['*'] } });
    const orderTry = await settle(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 }));
    const reads = await Promise.all([
      settle(kis.inquirePrice('005930')),
      settle(kis.inquirePrice('000660')),
      settle(kis.askingPrice('005930')),
      settle(kis.inquireBalance()),
      settle(kis.inquirePsblOrder({ symbol: '005930' })),
      settle(kis.openOrders()),
      settle(kis.dailyOrders({ from: '20261123', to: '20261123' })),
    ]);
    expect(reads.filter((r) => !r.ok)).toEqual([]);
    expect(orderTry.ok).toBe(false);
    if (!orderTry.ok) {
      expect(orderTry.error).toBeInstanceOf(KisRateLimitedError);
      expect(orderDefinitelyNotAccepted(orderTry.error)).toBe(true);
    }
    expect(sim.stats.requests('TTTC0012U')).toBe(1); // refused once, not retried
    expect(sim.stats.orderRequests()).toBe(0);
    expect(sim.ledger().orders).toHaveLength(0);
    // The first reads met the storm and were retried.
    expect(sim.stats.rateLimited()).toBeGreaterThanOrEqual(3);
    expect(sim.stats.requests('FHKST01010100') - priceCalls).toBeGreaterThan(2);
  });

  it('a burst of 40 reads stays under the gateway limit (no EGW00201 at all)', async () => {
    sim = await startSim();
    kis = await clientFor(sim);
    await kis.inquirePrice('005930');
    const symbols = ['005930', '000660', '005380', '035420', '035720'];
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => settle(kis!.inquirePrice(symbols[i % symbols.length]!))));
    const elapsed = performance.now() - t0;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sim.stats.rateLimited()).toBe(0);
    expect(elapsed).toBeGreaterThan(2_000); // 15/s: the limiter really paced them
    expect(elapsed).toBeLessThan(10_000); // generous: CI machines are loaded; the lower bound is the point
  });

  it('an order waiting behind background sync goes out first', async () => {
    sim = await startSim({ personality: 'paper' });
    kis = await clientFor(sim);
    await kis.inquirePrice('005930');
    const done: string[] = [];
    const bg = [kis.inquirePrice('005930', { priority: 'background' }), kis.inquirePrice('000660', { priority: 'background' })].map((p, i) =>
      p.then(() => done.push(`bg${i}`)),
    );
    const order = kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 }).then(() => done.push('order'));
    await Promise.all([...bg, order]);
    expect(done[0]).toBe('order');
    expect(sim.stats.rateLimited()).toBe(0);
  });
});
