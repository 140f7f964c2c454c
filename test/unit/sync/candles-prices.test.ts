/** Tick → 1-minute bars in a real SQLite mirror; last prices for valuation. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tick } from '../../../src/main/kis/realtime/types';
import { silentLogger } from '../../../src/main/log';
import { openStore, type Store } from '../../../src/main/store';
import { CandleAggregator } from '../../../src/main/sync/candles';
import { PriceBook } from '../../../src/main/sync/prices';
import { kstEpoch } from '../../../src/shared/market/time';

const DAY = '20261123';
const clock = { now: () => kstEpoch(DAY, '100000') };

const tick = (time: string, price: number, qty: number, venue: Tick['venue'] = 'KRX', symbol = '005930'): Tick =>
  ({ venue, symbol, time, price, qty, bsopDate: DAY } as unknown as Tick);

let dir = '';
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});
function open(): Store {
  dir = mkdtempSync(join(tmpdir(), 'aegis-candles-'));
  store = openStore(join(dir, 'm.sqlite3'), { clock });
  return store;
}

describe('CandleAggregator', () => {
  it('builds OHLCV per minute and venue, writes a minute when the next begins, and upserts the running minute on flush', () => {
    const s = open();
    const agg = new CandleAggregator(() => s.writer, clock, silentLogger, 60_000);
    agg.onTick(tick('100001', 71_900, 10));
    agg.onTick(tick('100015', 72_000, 5));
    agg.onTick(tick('100030', 71_800, 7));
    agg.onTick(tick('100059', 71_850, 3));
    agg.onTick(tick('100010', 71_700, 2, 'NXT'));
    const minute = kstEpoch(DAY, '100000');
    expect(s.reads.candles('005930', 'KRX', minute, minute + 60_000)).toEqual([]); // nothing written before the minute closes
    agg.onTick(tick('100100', 71_900, 1)); // the 10:00 minute is complete
    expect(s.reads.candles('005930', 'KRX', minute, minute + 60_000)).toEqual([
      { minute, open: 71_900, high: 72_000, low: 71_800, close: 71_850, volume: 25, turnover: 71_900 * 10 + 72_000 * 5 + 71_800 * 7 + 71_850 * 3 },
    ]);
    expect(s.reads.candles('005930', 'NXT', minute, minute + 60_000)).toHaveLength(1);
    agg.onTick(tick('100130', 72_100, 4));
    agg.flush();
    agg.onTick(tick('100140', 71_600, 6));
    agg.flush(); // the same minute again: the store keeps the latest, most complete state
    expect(s.reads.candles('005930', 'KRX', minute + 60_000, minute + 120_000)).toEqual([
      { minute: minute + 60_000, open: 71_900, high: 72_100, low: 71_600, close: 71_600, volume: 11, turnover: 71_900 + 72_100 * 4 + 71_600 * 6 },
    ]);
    // A late tick for a minute already written still lands in it.
    agg.onTick(tick('100058', 73_000, 1));
    agg.close();
    expect(s.reads.candles('005930', 'KRX', minute, minute + 60_000)[0]).toMatchObject({ high: 73_000, close: 73_000, volume: 26 });
    expect(agg.stats.failures).toBe(0);
  });

  it('ignores ticks without a price or a time', () => {
    const s = open();
    const agg = new CandleAggregator(() => s.writer, clock, silentLogger, 60_000);
    agg.onTick(tick('100001', 0, 10));
    agg.onTick(tick('10:00', 71_900, 10));
    agg.close();
    expect(agg.stats.ticks).toBe(0);
  });
});

describe('PriceBook', () => {
  it('ticks beat balance prices; NXT prints count only in the NXT view, and then win over KRX', () => {
    let nxtView = false;
    const p = new PriceBook(() => nxtView);
    p.fromBalance(new Map([['005930', 70_000], ['000660', 190_000]]));
    p.onTick(tick('100001', 71_000, 1, 'NXT'));
    expect(p.get('005930')).toBe(70_000);
    p.onTick(tick('100002', 71_100, 1, 'KRX'));
    p.fromBalance(new Map([['005930', 69_000]]));
    expect(p.get('005930')).toBe(71_100);
    nxtView = true;
    p.onTick(tick('100003', 71_200, 1, 'NXT'));
    p.onTick(tick('100004', 71_300, 1, 'KRX'));
    expect(p.get('005930')).toBe(71_200);
    expect(p.view().get('000660')).toBe(190_000);
  });
});
