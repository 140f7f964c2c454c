/**
 * Orders through their whole life — partial fill, modify (정정), cancel (취소), IOC remainder — as notices
 * report them and as reconciliation reads them back: the mirror equals the ledger both with the stream and
 * from REST alone (a fresh mirror rebuilt by one reconciliation).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoSession, closeSession } from '../../../src/main/session/build';
import { SyncEngine } from '../../../src/main/sync/engine';
import { defaultSettings } from '../../../src/shared/settings/schema';
import { expectMirrorEqualsLedger, marketable, placeViaJournal, rig, waitFor, type Rig } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function restOnlyTwin(r: Rig): Promise<Pick<Rig, 'sim' | 'session'>> {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-sync-twin-'));
  // Same appkey: share the first session's token (KIS issues one a minute).
  const session = await buildDemoSession({ dataDir: dir, sim: r.sim, connect: false, environment: 'paper', rest: { auth: r.session.rest.auth } });
  const engine = new SyncEngine({ session, ctx: r.core.context, settings: () => defaultSettings(), pollMs: 60_000 });
  cleanups.push(async () => {
    await engine.stop();
    await closeSession(session);
    rmSync(dir, { recursive: true, force: true });
  });
  engine.start();
  await engine.whenIdle();
  return { sim: r.sim, session };
}

describe('order lifecycle', () => {
  it('partial fill → modify → cancel, and an IOC remainder: notices and reconciliation agree with the ledger', async () => {
    const r = await rig();
    cleanups.push(() => r.close());
    const { sim, session, engine } = r;
    const reads = session.store.reads;

    // A resting buy below the market, partly filled by an outside trade at its price.
    const bid = marketable(sim, '005930', 'sell') - 3000;
    const resting = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 10, price: bid });
    await waitFor('accepted', () => reads.orderByClientId(resting.clientOrderId)?.state === 'accepted');
    sim.clock.advance(1000);
    sim.exchange.control.injectTrade('005930', 'KRX', bid, 4);
    await waitFor('the partial fill', () => reads.orderByClientId(resting.clientOrderId)!.filledQty > 0);
    const partial = sim.ledger().orders.find((o) => o.orderNo === resting.orderNo)!;
    expect(reads.orderByClientId(resting.clientOrderId)).toMatchObject({ state: 'partially_filled', filledQty: partial.filledQty });

    // 정정: the open remainder moves to a new order number at a new (still resting) price. (The clock stays put:
    // the outside print moved the simulated market to our price, and time would let it trade there.)
    const orgNo = reads.orderByClientId(resting.clientOrderId)!.orgNo!;
    const modified = await session.rest.orderModifyCancel({ kind: 'modify', originalOrderNo: resting.orderNo!, orgNo, ordDvsn: '00', all: true, price: bid - 3000 });
    await waitFor('the modify confirmed', () => reads.orderByOrderNo(modified.orderNo)?.state === 'accepted' && reads.orderByClientId(resting.clientOrderId)!.remainingQty === 0);

    // 취소 of the modified order.
    const cancel = await session.rest.orderModifyCancel({ kind: 'cancel', originalOrderNo: modified.orderNo, orgNo: modified.orgNo, ordDvsn: '00', all: true });
    await waitFor('the cancel confirmed', () => reads.orderByOrderNo(modified.orderNo)?.state === 'cancelled');
    expect(reads.orderByOrderNo(cancel.orderNo)).toMatchObject({ kind: 'cancel', state: 'cancelled' });

    // IOC (11) larger than the best level can give: the exchange cancels the rest (ACPT_YN 3).
    sim.clock.advance(1000);
    const ask = sim.exchange.book('000660', 'KRX')!.asks[0]!;
    const ioc = await placeViaJournal(session, { symbol: '000660', side: 'buy', qty: ask.qty + 50, price: ask.price, ordDvsn: '11' });
    await waitFor('the IOC settled', () => ['filled', 'cancelled'].includes(reads.orderByClientId(ioc.clientOrderId)!.state));
    const iocLedger = sim.ledger().orders.find((o) => o.orderNo === ioc.orderNo)!;
    expect(reads.orderByClientId(ioc.clientOrderId)).toMatchObject({ filledQty: iocLedger.filledQty, cancelledQty: iocLedger.cancelledQty, remainingQty: 0 });
    expect(reads.openOrders()).toEqual([]);

    await engine.syncNow();
    expectMirrorEqualsLedger(r);

    // The same day rebuilt from REST alone: a second terminal on the same account whose mirror never saw a
    // notice (its socket never connects) — one startup reconciliation gives the same mirror.
    const other = await restOnlyTwin(r);
    expect(other.session.store.reads.fillsToday().every((f) => f.source === 'reconcile')).toBe(true);
    expectMirrorEqualsLedger(other);
    expect(other.session.store.reads.orderByOrderNo(cancel.orderNo)).toMatchObject({ kind: 'cancel', state: 'cancelled' });
    expect(other.session.store.reads.orderByOrderNo(modified.orderNo)).toMatchObject({ kind: 'modify', state: 'cancelled' });
  });
});
