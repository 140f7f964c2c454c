/**
 * Realtime faults against the simulator: socket drops with and without a close frame, PINGPONG, the heartbeat
 * deadline, a second session on the same appkey (OPSP8996), an unknown approval key (OPSP0011), and what the
 * logs may contain through all of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../../../src/main/kis/realtime';
import type { ApprovalKeyProvider } from '../../../../src/main/kis/realtime/types';
import type { SimHandle } from '../../../../src/sim/handle';
import { approvalKeysFor, capture, logSink, makeClient, sleep, startSim, waitFor, type Capture } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function later(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

const WATCH = ['000660', '035720', '051910'];
const FULL = { pinnedNotices: true, holdings: ['005380'], openOrders: [], focused: '005930', watchlist: WATCH };
/** notice + 005380 + 005930 trade/book + 3 watchlist trades */
const FULL_COUNT = 7;

/**
 * Proves on the server side that every registration is live again: each subscribed symbol streams a trade,
 * the focused symbol streams its book, and an order produces a notice.
 */
async function expectEverySubscriptionLive(sim: SimHandle, client: RealtimeClient, cap: Capture, tag: number): Promise<void> {
  const symbols = ['005380', '005930', ...WATCH];
  for (const s of symbols) sim.exchange.control.injectTrade(s, 'KRX', sim.exchange.quote(s, 'KRX')!.last, tag);
  await waitFor(`a tick of qty ${tag} for each symbol`, () => symbols.every((s) => cap.ticks.some((t) => t.symbol === s && t.qty === tag)));
  const booksBefore = cap.books.length;
  const low = sim.exchange.instrument('005930')!.lowerLimit;
  const placed = sim.exchange.placeOrder({ account: sim.account, symbol: '005930', side: 'buy', ordDvsn: '00', qty: tag, price: low, route: 'KRX' });
  if (!placed.ok) throw new Error(`${placed.msgCd} ${placed.msg1}`);
  await waitFor('the order notice', () => cap.notices.some((n) => n.orderNo === placed.orderNo && n.kind === 'acceptance'));
  await waitFor('a book update from the resting order', () => cap.books.length > booksBefore && cap.books.some((b) => b.symbol === '005930'));
  expect(client.activeRegistrations()).toHaveLength(FULL_COUNT);
}

describe('realtime faults against the simulator', () => {
  for (const withClose of [true, false]) {
    it(`a WebSocket drop ${withClose ? 'with' : 'without'} a close frame: reconnects, restores every registration, emits reconnected`, async () => {
      const sim = await startSim();
      const keys = approvalKeysFor(sim);
      const client = makeClient(sim, keys.provider);
      later(async () => {
        await client.stop();
        await keys.close();
        await sim.close();
      });
      const cap = capture(client);
      client.setDesired(FULL);
      client.start();
      await waitFor('all registrations', () => client.activeRegistrations().length === FULL_COUNT);
      await expectEverySubscriptionLive(sim, client, cap, 3);
      const issued = sim.stats.approvalIssuances();

      sim.knobs.set({ wsDrop: { afterFrames: 1, withClose } });
      sim.exchange.control.injectTrade('005930', 'KRX', sim.exchange.quote('005930', 'KRX')!.last, 1);
      await waitFor('reconnected', () => cap.reconnected.length === 1);
      expect(cap.states.some((s) => s.state === 'reconnecting')).toBe(true);
      expect(cap.reconnected[0]!.registrations).toBe(FULL_COUNT);
      // Re-registered in priority order: the notice first, the watchlist last.
      const restored = cap.subscriptions.filter((s) => s.status === 'active').slice(FULL_COUNT);
      expect(restored.map((s) => s.symbol)).toEqual([null, '005380', '005930', '005930', ...WATCH]);
      await expectEverySubscriptionLive(sim, client, cap, 9);
      // The approval key is reused for the reconnect (it is checked only at session start).
      expect(sim.stats.approvalIssuances()).toBe(issued);
    });
  }

  it('echoes PINGPONG: a sim that drops silent clients keeps the session', async () => {
    const sim = await startSim({ knobs: { pingIntervalMs: 100, dropIfNoPongMs: 350 } });
    const keys = approvalKeysFor(sim);
    const client = makeClient(sim, keys.provider);
    later(async () => {
      await client.stop();
      await keys.close();
      await sim.close();
    });
    const cap = capture(client);
    client.setDesired({ pinnedNotices: false, holdings: [], openOrders: [], focused: null, watchlist: ['005930'] });
    client.start();
    await waitFor('registration', () => client.activeRegistrations().length === 1);
    // Subscribing is traffic too; wait past it so only the echoes keep the session alive.
    await sleep(1500);
    expect(client.stats().pingpongs).toBeGreaterThanOrEqual(4);
    expect(cap.reconnected).toEqual([]);
    expect(cap.states.filter((s) => s.state === 'reconnecting')).toEqual([]);
    expect(client.state().state).toBe('connected');
  });

  it('declares the socket dead after the heartbeat deadline without frames, and reconnects', async () => {
    const sim = await startSim({ knobs: { suppressPingpong: true } });
    const keys = approvalKeysFor(sim);
    const client = makeClient(sim, keys.provider, { heartbeatTimeoutMs: 300 });
    later(async () => {
      await client.stop();
      await keys.close();
      await sim.close();
    });
    const cap = capture(client);
    client.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: ['005930'] });
    client.start();
    await waitFor('reconnected after heartbeat', () => cap.reconnected.length >= 1, 5000);
    expect(cap.states.some((s) => s.state === 'reconnecting' && s.cause === 'heartbeat')).toBe(true);
    expect(client.activeRegistrations()).toHaveLength(2);
  });

  it('a second session on the same appkey is blocked (OPSP8996) and does not retry; the first is unaffected', async () => {
    const sim = await startSim();
    const keys = approvalKeysFor(sim);
    const first = makeClient(sim, keys.provider);
    const second = makeClient(sim, keys.provider);
    later(async () => {
      await second.stop();
      await first.stop();
      await keys.close();
      await sim.close();
    });
    const cap1 = capture(first);
    const cap2 = capture(second);
    first.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: ['005930'] });
    first.start();
    await waitFor('first registered', () => first.activeRegistrations().length === 2);
    second.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: ['000660'] });
    second.start();
    await waitFor('second blocked', () => second.state().state === 'blocked');
    expect(second.state()).toEqual({ state: 'blocked', blocked: 'appkey-in-use' });
    const statesAtBlock = cap2.states.length;
    await sleep(300);
    expect(cap2.states.length).toBe(statesAtBlock); // no reconnect attempts
    expect(second.activeRegistrations()).toEqual([]);
    sim.exchange.control.injectTrade('005930', 'KRX', sim.exchange.quote('005930', 'KRX')!.last, 11);
    await waitFor('first still streams', () => cap1.ticks.some((t) => t.qty === 11));
    expect(first.state().state).toBe('connected');
  });

  it('OPSP8996 right after an unclean drop is retried (it may be our own stale session), then blocks if it persists', async () => {
    const sim = await startSim();
    const keys = approvalKeysFor(sim);
    const ours = makeClient(sim, keys.provider, { backoff: { initialMs: 500, maxMs: 700, jitter: 0 }, ghostSessionRetries: 2 });
    const squatter = makeClient(sim, keys.provider);
    const squatter2 = makeClient(sim, keys.provider);
    later(async () => {
      await squatter2.stop();
      await squatter.stop();
      await ours.stop();
      await keys.close();
      await sim.close();
    });
    const cap = capture(ours);
    const desired = { pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: ['005930'] };
    ours.setDesired(desired);
    ours.start();
    await waitFor('registered', () => ours.activeRegistrations().length === 2);

    // Cut without a close frame, then let another session take the appkey before we come back.
    sim.knobs.set({ wsDrop: { afterFrames: 1, withClose: false } });
    sim.exchange.control.injectTrade('005930', 'KRX', sim.exchange.quote('005930', 'KRX')!.last, 1);
    await waitFor('ours reconnecting', () => ours.state().state === 'reconnecting');
    squatter.setDesired(desired);
    squatter.start();
    await waitFor('squatter holds the appkey', () => squatter.activeRegistrations().length === 2, 2000);
    await waitFor('ours refused once', () => cap.states.some((s) => s.cause === 'blocked'), 3000);
    expect(ours.state().state).not.toBe('blocked');
    await squatter.stop(); // the "stale session" goes away: the retry must win
    await waitFor('ours reconnected', () => cap.reconnected.length === 1, 3000);
    expect(ours.activeRegistrations()).toHaveLength(2);

    // Same again, but the other session stays: after the retries, a clear blocked state.
    sim.knobs.set({ wsDrop: { afterFrames: 1, withClose: false } });
    sim.exchange.control.injectTrade('005930', 'KRX', sim.exchange.quote('005930', 'KRX')!.last, 1);
    await waitFor('ours reconnecting again', () => ours.state().state === 'reconnecting');
    squatter2.setDesired(desired);
    squatter2.start();
    await waitFor('ours blocked', () => ours.state().state === 'blocked', 5000);
    expect(ours.state()).toEqual({ state: 'blocked', blocked: 'appkey-in-use' });
    expect(squatter2.state().state).toBe('connected');
  });

  it('OPSP0011: fetches a new approval key and reconnects once; a second refusal blocks', async () => {
    const sim = await startSim();
    const keys = approvalKeysFor(sim);
    const invalidated: Array<string | undefined> = [];
    let bogusLeft = 1;
    // The real provider, except that it first hands out a key the server never issued.
    const provider: ApprovalKeyProvider = {
      get: async () => (bogusLeft > 0 ? '00000000-0000-4000-8000-000000000000' : keys.provider.get()),
      invalidate: async (rejected) => {
        invalidated.push(rejected);
        bogusLeft--;
      },
    };
    const client = makeClient(sim, provider);
    later(async () => {
      await client.stop();
      await keys.close();
      await sim.close();
    });
    const cap = capture(client);
    client.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: ['005930'] });
    client.start();
    await waitFor('registered with the new key', () => client.activeRegistrations().length === 2);
    expect(invalidated).toEqual(['00000000-0000-4000-8000-000000000000']);
    expect(cap.states.some((s) => s.state === 'reconnecting' && s.cause === 'approval-invalid')).toBe(true);
    await client.stop();

    bogusLeft = 5; // now the "new" key is refused as well
    const blocked = makeClient(sim, provider);
    later(() => blocked.stop());
    blocked.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: [] });
    blocked.start();
    await waitFor('blocked', () => blocked.state().state === 'blocked');
    expect(blocked.state()).toEqual({ state: 'blocked', blocked: 'approval-rejected' });
  });

  it('stop() is clean: state disconnected, no reconnect, the server sees the session go', async () => {
    const sim = await startSim();
    const keys = approvalKeysFor(sim);
    const client = makeClient(sim, keys.provider);
    later(async () => {
      await keys.close();
      await sim.close();
    });
    const cap = capture(client);
    client.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: [] });
    client.start();
    await waitFor('registered', () => client.activeRegistrations().length === 1);
    await client.stop();
    expect(client.state().state).toBe('disconnected');
    const n = cap.states.length;
    await sleep(200);
    expect(cap.states.length).toBe(n);
    // The appkey is free again: a new client may take it.
    const next = makeClient(sim, keys.provider);
    later(() => next.stop());
    next.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: [] });
    next.start();
    await waitFor('next registered', () => next.activeRegistrations().length === 1);
  });

  it('no appkey, appsecret, approval key, HTS ID or account in any log line through connect, notices, drop and 8996', async () => {
    const sim = await startSim();
    const sink = logSink();
    const keys = approvalKeysFor(sim, sink.logger);
    const client = makeClient(sim, keys.provider, { logger: sink.logger });
    const intruder = makeClient(sim, keys.provider, { logger: sink.logger });
    later(async () => {
      await intruder.stop();
      await client.stop();
      await keys.close();
      await sim.close();
    });
    const cap = capture(client);
    client.setDesired(FULL);
    client.start();
    await waitFor('all registrations', () => client.activeRegistrations().length === FULL_COUNT);
    await expectEverySubscriptionLive(sim, client, cap, 2);
    sim.knobs.set({ wsDrop: { afterFrames: 1, withClose: false } });
    sim.exchange.control.injectTrade('005930', 'KRX', sim.exchange.quote('005930', 'KRX')!.last, 1);
    await waitFor('reconnected', () => cap.reconnected.length === 1);
    intruder.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: null, watchlist: [] });
    intruder.start();
    await waitFor('intruder blocked', () => intruder.state().state === 'blocked');

    const approvalKey = await keys.provider.get();
    const text = sink.text();
    // Enough lines to mean something: connects, every (re)subscription incl. the notice one, the drop, the block.
    expect(sink.records.filter((r) => r.scope.includes('realtime')).length).toBeGreaterThan(2 * FULL_COUNT);
    for (const secret of [sim.appkey, sim.appsecret, approvalKey, sim.htsId, sim.account, sim.account.replace('-', ''), '홍길동']) {
      expect(text.includes(secret), `log contains a secret (${secret.length} chars)`).toBe(false);
    }
    // Not merely masked: the realtime client never tries to log one (the mask would show where it did).
    const realtimeText = sink.records.filter((r) => r.scope.includes('realtime')).map((r) => JSON.stringify(r)).join('\n');
    expect(realtimeText.includes('«redacted»')).toBe(false);
  });
});
