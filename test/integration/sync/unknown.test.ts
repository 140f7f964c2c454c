/**
 * UNKNOWN order intents (design.md invariant 5) are settled by reconciliation, never re-sent: found in
 * today's orders → accepted under KIS's number (with its fills); proven absent by a complete listing taken
 * after them → failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectMirrorEqualsLedger, marketable, placeViaJournal, rig, waitFor, type Rig } from './helpers';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

describe('UNKNOWN intents', () => {
  it('booked by KIS although the HTTP answer was a 5xx, its notices arriving first: accepted with the right number, one order', async () => {
    r = await rig();
    const { sim, session, engine } = r;
    const reads = session.store.reads;
    const requestsBefore = sim.stats.orderRequests();
    sim.knobs.set({ failAfterAccept: { count: 1, mode: 'http500' } });
    const placed = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 2, price: marketable(sim, '005930', 'buy') });
    expect(placed.outcome).toBe('unknown');
    const booked = sim.ledger().orders.filter((o) => o.symbol === '005930' && o.side === 'buy');
    expect(booked).toHaveLength(1);

    // The notices beat the (lost) answer: a notice-made twin of the order exists until reconciliation folds it
    // into the intent. Sync notices the UNKNOWN intent by itself and reconciles at once.
    const twin = reads.orderByOrderNo(booked[0]!.orderNo);
    expect(twin).toMatchObject({ source: 'external' });
    await waitFor('the intent resolved', () => reads.orderByClientId(placed.clientOrderId)?.state !== 'unknown');
    await engine.whenIdle();
    expect(reads.orderByClientId(placed.clientOrderId)).toMatchObject({ state: 'filled', orderNo: booked[0]!.orderNo, source: 'terminal', filledQty: 2 });
    expect(reads.ordersToday().filter((o) => o.orderNo === booked[0]!.orderNo)).toHaveLength(1);
    expect(reads.unknownOrders()).toHaveLength(0);
    expect(sim.stats.orderRequests() - requestsBefore).toBe(1); // never re-sent
    expect(sim.ledger().orders).toHaveLength(1);
    await engine.syncNow();
    expectMirrorEqualsLedger(r);
  });

  it('booked by KIS while the socket was down and the connection cut: found in the day listing after the reconnect', async () => {
    r = await rig({ realtime: { backoff: { initialMs: 600, maxMs: 1200, jitter: 0 } } });
    const { sim, session, engine } = r;
    const reads = session.store.reads;
    sim.knobs.set({ loseNoticesWhileDisconnected: true, wsDrop: { atMs: sim.clock.now(), withClose: true } });
    await waitFor('the drop', () => session.realtime.state().state !== 'connected');
    sim.knobs.set({ failAfterAccept: { count: 1, mode: 'cut' } });
    const placed = await placeViaJournal(session, { symbol: '000660', side: 'sell', qty: 4, price: marketable(sim, '000660', 'sell') });
    expect(placed.outcome).toBe('unknown');
    const booked = sim.ledger().orders;
    expect(booked).toHaveLength(1);
    expect(reads.orderByOrderNo(booked[0]!.orderNo)).toBeNull(); // no notice reached the mirror

    await waitFor('the reconnect reconciliation', () => reads.orderByClientId(placed.clientOrderId)?.state !== 'unknown', 6000);
    await engine.whenIdle();
    expect(reads.orderByClientId(placed.clientOrderId)).toMatchObject({ state: 'filled', orderNo: booked[0]!.orderNo, filledQty: 4 });
    expect(sim.ledger().orders).toHaveLength(1);
    expectMirrorEqualsLedger(r);
  });

  it('never seen by KIS: stays UNKNOWN while KIS may still be listing it, then FAILED once a complete later listing lacks it', async () => {
    r = await rig({ engine: { absentGraceMs: 10_000 } });
    const { sim, session, engine } = r;
    const reads = session.store.reads;
    // The order service recorded and "sent" it, then lost the answer; the request never reached KIS.
    const intent = session.store.writer.recordOrderIntent({ symbol: '005930', side: 'buy', route: 'KRX', ordDvsn: '00', qty: 5, price: 70_000 });
    if (!intent.ok) throw new Error(intent.message);
    expect(session.store.writer.markOrderSent(intent.clientOrderId).ok).toBe(true);
    expect(session.store.writer.markOrderUnknown(intent.clientOrderId, 'timeout / 시간 초과').ok).toBe(true);

    sim.clock.advance(5_000); // inside the grace: KIS may not list a just-sent order yet
    await engine.syncNow();
    expect(reads.orderByClientId(intent.clientOrderId)!.state).toBe('unknown');

    sim.clock.advance(10_000);
    await engine.syncNow();
    const settled = reads.orderByClientId(intent.clientOrderId)!;
    expect(settled.state).toBe('failed');
    expect(settled.orderNo).toBeNull();
    expect(sim.stats.orderRequests()).toBe(0); // never re-sent
    expect(sim.ledger().orders).toHaveLength(0);
    await engine.whenIdle();
    const proofs = reads.syncLog(50, 'dailyOrders').filter((l) => (l.summary as { unknownAbsent?: number }).unknownAbsent === 1);
    expect(proofs).toHaveLength(1);
  });
});
