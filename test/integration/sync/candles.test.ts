/**
 * Candles from the real stream: the simulator's trades reach the terminal as H0STCNT0 ticks over the
 * WebSocket, sync folds them into 1-minute bars in the mirror, and every minute streamed from its start
 * equals the simulator's own minute bar (OHLCV).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { kstEpoch } from '../../../src/shared/market/time';
import { rig, waitFor, type Rig } from './helpers';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

describe('candles', () => {
  it('1-minute bars from ticks equal the exchange’s minute bars', async () => {
    r = await rig({ engine: { pollMs: 60_000, candleFlushMs: 30 } });
    const { sim, session } = r;
    session.realtime.setDesired({ pinnedNotices: true, holdings: [], openOrders: [], focused: '005930', watchlist: [] });
    await waitFor('the trade subscription', () => session.realtime.activeRegistrations().some((x) => x.kind === 'trade' && x.symbol === '005930'));

    // Two whole minutes (10:01 and 10:02) streamed from their first second, then into 10:03 so both close.
    for (let s = 0; s < 200; s++) {
      sim.clock.advance(1000);
      await new Promise((res) => setImmediate(res));
    }
    await waitFor('ticks of 10:03', () => r!.engine.candles.stats.ticks > 0 && sim.clock.now() >= kstEpoch('20261123', '100320'));
    await new Promise((res) => setTimeout(res, 100));
    r.engine.candles.flush();

    const exchange = sim.exchange.minuteBars('005930', 'KRX', '100259').filter((b) => b.time === '100100' || b.time === '100200');
    expect(exchange).toHaveLength(2);
    const from = kstEpoch('20261123', '100100');
    const mirror = session.store.reads.candles('005930', 'KRX', from, from + 120_000);
    expect(mirror.map((b) => [b.open, b.high, b.low, b.close, b.volume, b.turnover])).toEqual(exchange.map((b) => [b.open, b.high, b.low, b.close, b.volume, b.turnover]));
    expect(mirror.map((b) => b.minute)).toEqual([from, from + 60_000]);
    expect(mirror.every((b) => b.volume > 0)).toBe(true);
  });
});
