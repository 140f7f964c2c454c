/**
 * THE INCIDENT REPLAYED (issue 5): the seeds' dashboard disagreed with the HTS — NXT holdings missing, fills
 * lost while the WebSocket was down, MTS trades never synced. Here all of it happens at once against the real
 * simulator, plus a notice delivered twice; afterwards the mirror equals the simulator's ledger exactly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../../src/main/log';
import { expectMirrorEqualsLedger, marketable, placeViaJournal, rig, waitFor, type Rig } from './helpers';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

describe('the incident, replayed', () => {
  it('NXT holdings, fills during a WebSocket drop, an HTS trade and a duplicated notice: the mirror equals the ledger', async () => {
    // A slower first reconnect gives the test a window in which the socket is provably down.
    const records: LogRecord[] = [];
    r = await rig({ realtime: { backoff: { initialMs: 600, maxMs: 1200, jitter: 0 } }, logger: createLogger((x) => records.push(x), 'test', 'debug') });
    const { sim, session, engine } = r;
    const reads = session.store.reads;
    const reconnects = () => session.realtime.stats().reconnects;

    // 1. Shares bought on NXT (the holdings the old dashboard never showed).
    sim.clock.advance(1000);
    const nxtBuy = await placeViaJournal(session, { symbol: '035420', side: 'buy', qty: 4, price: marketable(sim, '035420', 'buy', 'NXT'), route: 'NXT' });
    await waitFor('the NXT fill', () => reads.orderByClientId(nxtBuy.clientOrderId)?.state === 'filled');
    expect(reads.position('035420')!.venues.map((v) => [v.venue, v.qty])).toEqual([['NXT', 4]]);

    // 2. A notice delivered twice.
    sim.clock.advance(1000);
    sim.knobs.set({ duplicateNotices: true });
    const twice = await placeViaJournal(session, { symbol: '005930', side: 'sell', qty: 7, price: marketable(sim, '005930', 'sell') });
    await waitFor('the duplicated fill', () => reads.orderByClientId(twice.clientOrderId)?.state === 'filled');
    sim.knobs.set({ duplicateNotices: false });

    // 3. The WebSocket drops without a close frame; notices sent meanwhile are lost (only REST shows them).
    sim.clock.advance(1000);
    sim.knobs.set({ loseNoticesWhileDisconnected: true, wsDrop: { atMs: sim.clock.now(), withClose: false } });
    await waitFor('the drop', () => session.realtime.state().state !== 'connected');
    const before = reconnects();
    const lostBuy = await placeViaJournal(session, { symbol: '000660', side: 'buy', qty: 3, price: marketable(sim, '000660', 'buy') });
    const lostNxt = await placeViaJournal(session, { symbol: '005380', side: 'sell', qty: 5, price: marketable(sim, '005380', 'sell', 'NXT'), route: 'NXT' });
    //    …and a trade made in the MTS behind the terminal's back, also while the socket is down.
    const hts = sim.exchange.placeOrder({ account: sim.account, symbol: '015760', side: 'sell', ordDvsn: '00', qty: 100, price: marketable(sim, '015760', 'sell'), route: 'KRX', channel: 'hts' });
    if (!hts.ok) throw new Error(hts.msg1);
    expect(reconnects()).toBe(before); // all three happened while the socket was down
    expect(reads.orderByClientId(lostBuy.clientOrderId)!.filledQty).toBe(0); // no notice reached the mirror

    // 4. The socket comes back; `reconnected` makes sync reconcile over REST.
    await waitFor('the reconnect', () => reconnects() > before);
    await waitFor('the reconnect reconciliation', () => reads.orderByOrderNo(hts.orderNo) !== null, 5000);
    await engine.whenIdle();

    // 5. One more HTS trade with the socket up: it arrives by notice like any other.
    sim.clock.advance(1000);
    const htsLive = sim.exchange.placeOrder({ account: sim.account, symbol: '000270', side: 'buy', ordDvsn: '00', qty: 6, price: marketable(sim, '000270', 'buy', 'NXT'), route: 'NXT', channel: 'hts' });
    if (!htsLive.ok) throw new Error(htsLive.msg1);
    await waitFor('the live HTS fill', () => reads.orderByOrderNo(htsLive.orderNo)?.state === 'filled');

    // The scheduled sync a minute later (the market clock moves; nothing else is asked for).
    sim.clock.advance(60_000);
    engine.tick();
    await engine.whenIdle();

    expectMirrorEqualsLedger(r);
    expect(reads.orderByClientId(lostBuy.clientOrderId)).toMatchObject({ state: 'filled', source: 'terminal' });
    expect(reads.orderByClientId(lostNxt.clientOrderId)).toMatchObject({ state: 'filled', source: 'terminal' });
    expect(reads.orderByOrderNo(hts.orderNo)).toMatchObject({ source: 'external', state: 'filled' });
    expect(reads.orderByOrderNo(htsLive.orderNo)).toMatchObject({ source: 'external', state: 'filled' });
    // Fills that only REST knew about are in the mirror as remainder rows on the right venue.
    const lostNxtFills = reads.fillsForOrder(lostNxt.clientOrderId);
    expect(lostNxtFills.map((f) => [f.venue, f.source])).toEqual([['NXT', 'reconcile']]);
    // NXT shares are part of the holdings, split by venue where the mirror knows it.
    expect(reads.position('035420')!.venues.find((v) => v.venue === 'NXT')!.qty).toBe(4);
    expect(engine.status()).toMatchObject({ running: false, lastResult: 'ok' });

    // Secrets stay out of the mirror and the logs: the account number and the HTS ID appear in neither.
    engine.candles.flush();
    const secrets = [sim.account, sim.account.replace('-', ''), sim.htsId];
    const files = [session.store.file, `${session.store.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1'));
    const logText = records.map((x) => JSON.stringify(x)).join('\n');
    expect(records.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const bytes of files) expect(bytes.includes(secret)).toBe(false);
      expect(logText.includes(secret)).toBe(false);
    }
  });

  it('on a paper account (KRX only, no open-orders TR, 1 request/s) the same repair holds', async () => {
    r = await rig({ sim: { personality: 'paper' }, environment: 'paper', realtime: { backoff: { initialMs: 600, maxMs: 1200, jitter: 0 } } });
    const { sim, session, engine } = r;
    const reads = session.store.reads;
    expect(session.paper).toBe(true);
    const live = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 2, price: marketable(sim, '005930', 'buy') });
    await waitFor('the streamed fill', () => reads.orderByClientId(live.clientOrderId)?.state === 'filled');

    sim.clock.advance(1000);
    sim.knobs.set({ loseNoticesWhileDisconnected: true, wsDrop: { atMs: sim.clock.now(), withClose: false } });
    await waitFor('the drop', () => session.realtime.state().state !== 'connected');
    const reconnects = session.realtime.stats().reconnects;
    const hts = sim.exchange.placeOrder({ account: sim.account, symbol: '000660', side: 'sell', ordDvsn: '00', qty: 5, price: marketable(sim, '000660', 'sell'), route: 'KRX', channel: 'hts' });
    if (!hts.ok) throw new Error(hts.msg1);
    await waitFor('the reconnect', () => session.realtime.stats().reconnects > reconnects);
    await waitFor('the repair', () => reads.orderByOrderNo(hts.orderNo)?.state === 'filled', 8000);
    await engine.whenIdle();
    expectMirrorEqualsLedger(r);
    expect(sim.stats.requests('TTTC0084R')).toBe(0); // paper has no inquire-psbl-rvsecncl
  }, 30_000);
});
