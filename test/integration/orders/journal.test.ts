/**
 * The journal's promises over the wire: an ambiguous outcome (5xx or a cut connection after the exchange booked
 * the order) is UNKNOWN and never resent — exactly one order in the ledger — and reconciliation (src/main/sync)
 * later finds it and settles it as accepted; a double click, a replayed IPC message and a repeated hotkey are
 * refused, not sent twice; a KIS rejection is journaled with its msg_cd and msg1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/log';
import { costEstimator } from '../../../src/main/sync/costs';
import { PriceBook } from '../../../src/main/sync/prices';
import { Reconciler } from '../../../src/main/sync/reconcile';
import type { SubmitResult } from '../../../src/shared/ipc/domains/orders';
import type { Failure } from '../../../src/shared/ipc/result';
import { key, ledgerOrders, startRig, ticket, type Rig } from './harness';

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});
async function rig(o: Parameters<typeof startRig>[0] = {}): Promise<Rig> {
  const r = await startRig(o);
  rigs.push(r);
  return r;
}

function reconciler(r: Rig): Reconciler {
  return new Reconciler({
    session: r.session,
    costs: costEstimator(r.session.instruments, () => r.state.settings),
    snapshots: { get: () => null, set: () => {} },
    prices: new PriceBook(() => false),
    nxtView: () => false,
    logger: silentLogger,
    alive: () => true,
    fillCount: () => 0,
  });
}

describe('ambiguous outcomes → UNKNOWN, never resent', () => {
  for (const mode of ['http500', 'cut'] as const) {
    it(`${mode} after the exchange accepted: UNKNOWN, one order in the ledger, one request; reconciliation settles it as accepted`, async () => {
      const r = await rig({ knobs: { failAfterAccept: { count: 1, mode } } });
      const t = ticket({ price: 70_000, qty: 4 });
      const res = await r.call<SubmitResult>('orders:submit', t);
      expect(res).toMatchObject({ ok: true, value: { clientOrderId: t.idempotencyKey, state: 'unknown', orderNo: null } });
      if (res.ok) {
        expect(res.value.message.ko).toContain('자동으로 다시 보내지 않으며');
        expect(res.value.message.en).toContain('never resent');
      }
      expect(r.sim.stats.orderRequests()).toBe(1);
      const ledger = ledgerOrders(r.sim);
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ symbol: '005930', side: 'buy', qty: 4, price: 70_000, state: 'open' });
      const row = r.session.store.reads.orderByClientId(t.idempotencyKey)!;
      expect(row).toMatchObject({ state: 'unknown', orderNo: null });
      expect(row.unknownReason).toContain('unknown-outcome');
      expect(r.journal().map((j) => j.step)).toEqual(['new.intent', 'new.unknown']);
      // The UNKNOWN order counts as a possible position and is listed for reconciliation.
      expect(r.session.store.reads.unknownOrders().map((o) => o.clientOrderId)).toEqual([t.idempotencyKey]);

      // Time passes; nothing resends it.
      r.sim.clock.advance(5_000);
      await new Promise((s) => setTimeout(s, 300));
      expect(r.sim.stats.orderRequests()).toBe(1);

      const steps = await reconciler(r).orders();
      expect(steps.every((s) => s.ok)).toBe(true);
      expect(r.session.store.reads.orderByClientId(t.idempotencyKey)).toMatchObject({ state: 'accepted', orderNo: ledger[0]!.orderNo, source: 'terminal' });
      expect(r.session.store.reads.ordersToday()).toHaveLength(1);
      expect(r.sim.stats.orderRequests()).toBe(1);
    });
  }

  it('a KIS rejection is journaled as rejected with msg_cd and msg1, and the IPC result carries them', async () => {
    const r = await rig();
    // More than the account holds: KIS (the simulator) refuses; the terminal only warns (the mirror may be stale).
    const t = ticket({ side: 'sell', qty: 500, price: 72_000, confirmed: true });
    const p = await r.call<{ warnings: Array<{ code: string }> }>('orders:preview', t);
    expect(p.ok && p.value.warnings.map((w) => w.code)).toContain('sellOverMirror');
    const res = await r.call<SubmitResult>('orders:submit', t);
    expect(res).toMatchObject({ ok: true, value: { state: 'rejected', orderNo: null } });
    if (res.ok) expect(res.value.message.ko).toContain('SIMV0006');
    expect(r.session.store.reads.orderByClientId(t.idempotencyKey)).toMatchObject({ state: 'rejected', rejectCode: 'SIMV0006' });
    expect(r.journal().map((j) => j.step)).toEqual(['new.intent', 'new.rejected']);
  });

  it('a request the gateway refused before the exchange (rate limit storm on orders) is FAILED, not unknown', async () => {
    const r = await rig();
    r.sim.knobs.set({ rateLimitStorm: { untilMs: r.sim.clock.now() + 60_000, probability: 1, routes: ['TTTC0012U'] } });
    const t = ticket();
    const res = await r.call<SubmitResult>('orders:submit', t);
    expect(res).toMatchObject({ ok: true, value: { state: 'failed' } });
    expect(r.session.store.reads.orderByClientId(t.idempotencyKey)?.state).toBe('failed');
    expect(ledgerOrders(r.sim)).toHaveLength(0);
  });
});

describe('duplicates are refused, not sent twice', () => {
  it('double click: two identical submits at once → one accepted, one CONFLICT; one order in the ledger', async () => {
    const r = await rig();
    const t = ticket({ price: 71_000 });
    const [a, b] = await Promise.all([r.call<SubmitResult>('orders:submit', t), r.call<SubmitResult>('orders:submit', t)]);
    const results = [a, b];
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toMatchObject([{ code: 'CONFLICT' }]);
    expect(ledgerOrders(r.sim)).toHaveLength(1);
    expect(r.sim.stats.orderRequests()).toBe(1);
  });

  it('a replayed IPC message (same idempotencyKey, later) → CONFLICT, before any KIS call', async () => {
    const r = await rig();
    const t = ticket({ price: 71_000 });
    expect(await r.call('orders:submit', t)).toMatchObject({ ok: true, value: { state: 'accepted' } });
    r.sim.clock.advance(60_000);
    const reads = r.sim.stats.requests();
    const again = (await r.call('orders:submit', t)) as Failure;
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(again.message).toContain('두 번 보내지 않았습니다');
    expect(r.sim.stats.requests()).toBe(reads);
    expect(ledgerOrders(r.sim)).toHaveLength(1);
  });

  it('a repeated hotkey (new key, same ticket) inside the duplicate window → CONFLICT; after the window it goes', async () => {
    const r = await rig();
    const first = ticket({ price: 71_000, qty: 2 });
    expect(await r.call('orders:submit', first)).toMatchObject({ ok: true });
    const second = { ...first, idempotencyKey: key('hotkey') };
    expect(await r.call('orders:submit', second)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(r.session.store.reads.orderByClientId(second.idempotencyKey)).toBeNull();
    expect(ledgerOrders(r.sim)).toHaveLength(1);
    // A different ticket is not a duplicate.
    expect(await r.call('orders:submit', { ...first, qty: 3, idempotencyKey: key('other') })).toMatchObject({ ok: true });
    r.sim.clock.advance(5_000);
    expect(await r.call('orders:submit', { ...first, idempotencyKey: key('later') })).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(ledgerOrders(r.sim)).toHaveLength(3);
  });
});

describe('startup', () => {
  it('an intent left in flight by a previous run becomes UNKNOWN on the next start (never resent)', async () => {
    const first = await rig();
    // Simulate a crash between the intent and the response: the intent is durable, nothing else happened.
    const id = key('crash');
    expect(first.session.store.writer.recordOrderIntent({ clientOrderId: id, symbol: '005930', side: 'buy', route: 'KRX', ordDvsn: '00', qty: 1, price: 71_000 }).ok).toBe(true);
    const dataDir = first.dataDir;
    const sim = first.sim;
    rigs.splice(rigs.indexOf(first), 1);
    await first.core.stop();
    const { closeSession } = await import('../../../src/main/session/build');
    await closeSession(first.session);
    const second = await rig({ sim, dataDir });
    expect(second.session.store.reads.orderByClientId(id)?.state).toBe('unknown');
    expect(sim.stats.orderRequests()).toBe(0);
    await sim.close();
  });
});
