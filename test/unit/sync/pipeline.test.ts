/**
 * The fill pipeline on a real SQLite mirror, fed notices directly: what it writes, what it pushes and in
 * which order, and what it refuses (another account's notice, a notice it cannot place).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nameResolver } from '../../../src/main/account/views';
import type { NotificationRequest } from '../../../src/main/account/notifications';
import type { ExecutionNotice } from '../../../src/main/kis/realtime/types';
import { silentLogger } from '../../../src/main/log';
import { createInstrumentDirectory } from '../../../src/main/market/instruments';
import { openStore, type SnapshotView, type Store } from '../../../src/main/store';
import { costEstimator } from '../../../src/main/sync/costs';
import { FillPipeline } from '../../../src/main/sync/fills';
import { Publisher } from '../../../src/main/sync/publish';
import { RealizedTally } from '../../../src/main/sync/realized';
import { kstEpoch } from '../../../src/shared/market/time';
import { defaultSettings } from '../../../src/shared/settings/schema';

const NOW = kstEpoch('20261123', '100000');
const clock = { now: () => NOW };
const instruments = createInstrumentDirectory([
  { info: { symbol: '005930', name: '삼성전자', nameEn: 'Samsung Electronics', market: 'KOSPI', etp: false, nxtEligible: true }, weight: 1 },
]);

let dir = '';
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  rmSync(dir, { recursive: true, force: true });
});

function setup() {
  dir = mkdtempSync(join(tmpdir(), 'aegis-pipeline-'));
  store = openStore(join(dir, 'm.sqlite3'), { clock });
  const s = store;
  const events: string[] = [];
  const emit = ((event: string) => {
    events.push(event);
    return true;
  }) as never;
  const notes: NotificationRequest[] = [];
  const reconciles: string[] = [];
  let snapshot: SnapshotView | null = null;
  const nameOf = nameResolver(instruments);
  const publisher = new Publisher({ emit, reads: () => s.reads, prices: () => new Map(), nameOf, logger: silentLogger, minIntervalMs: 0 });
  const tally = new RealizedTally(() => s.reads);
  const pipeline = new FillPipeline({
    session: { store: s, account: { cano: '50123456', productCode: '01', masked: '5012****-01' }, marketClock: clock, instruments },
    emit,
    publisher,
    costs: costEstimator(instruments, () => defaultSettings()),
    // Like the engine: the last snapshot in memory, starting from the mirror's latest.
    snapshots: { get: () => snapshot ?? s.reads.accountSummary().snapshot, set: (v) => (snapshot = v) },
    nameOf,
    notify: (n) => {
      events.push('notify');
      notes.push(n);
    },
    requestReconcile: (reason) => reconciles.push(reason),
    logger: silentLogger,
    onFill: (f) => tally.addFill(f.tradeDate, f.side, f.result, f.fee, f.tax),
  });
  return { s, pipeline, events, notes, reconciles, tally };
}

const base: ExecutionNotice = {
  trId: 'H0STCNI0',
  htsId: 'x',
  account: '5012345601',
  orderNo: '0000000001',
  originalOrderNo: '',
  side: 'buy',
  rctf: '0',
  ordDvsn: '00',
  cond: '0',
  symbol: '005930',
  kind: 'acceptance',
  qty: 10,
  price: 71_900,
  reportedQty: 10,
  reportedPrice: 71_900,
  time: '100000',
  refused: false,
  acptYn: '1',
  branch: '06010',
  orderQty: 10,
  accountName: '',
  condPrice: 0,
  venue: 'NXT',
  name: '삼성전자',
  orderPrice: 71_900,
};
const fill = (qty: number, price: number, time = '100001'): ExecutionNotice => ({ ...base, kind: 'fill', acptYn: '2', qty, price, reportedQty: qty, reportedPrice: price, time });

describe('FillPipeline', () => {
  it('acceptance then fills: one execution each, events in order, a notification per fill, duplicates dropped', () => {
    const { s, pipeline, events, notes } = setup();
    pipeline.handle(base);
    expect(events).toEqual(['orders:changed']);
    events.length = 0;
    pipeline.handle(fill(4, 71_900));
    expect(events).toEqual(['orders:changed', 'fills:new', 'portfolio:changed', 'account:changed', 'notify']);
    pipeline.handle(fill(4, 71_900)); // the same notice again
    pipeline.handle(fill(6, 71_800, '100002'));
    expect(s.reads.fillsToday().map((f) => [f.qty, f.price, f.venue])).toEqual([
      [4, 71_900, 'NXT'],
      [6, 71_800, 'NXT'],
    ]);
    expect(s.reads.orderByOrderNo('0000000001', '20261123')).toMatchObject({ state: 'filled', filledQty: 10, source: 'external' });
    expect(s.reads.position('005930')!.venues.map((v) => [v.venue, v.qty])).toEqual([['NXT', 10]]);
    expect(notes.map((n) => n.body.ko)).toEqual(['4주 @ 71,900원 · NXT', '6주 @ 71,800원 · NXT']);
    expect(pipeline.stats).toMatchObject({ fills: 2, duplicates: 1, foreign: 0 });
  });

  it('another account’s notice under the same HTS ID never touches this mirror', () => {
    const { s, pipeline, events } = setup();
    pipeline.handle({ ...base, account: '5012345701' });
    pipeline.handle({ ...fill(10, 71_900), account: '50123457-01' });
    expect(events).toEqual([]);
    expect(s.reads.ordersToday('20261123')).toEqual([]);
    expect(pipeline.stats.foreign).toBe(2);
  });

  it('a refusal for an order the mirror never saw books it and marks it rejected once; a notice it cannot place asks for reconciliation', () => {
    const { s, pipeline, notes, reconciles } = setup();
    pipeline.handle({ ...base, refused: true });
    pipeline.handle({ ...base, refused: true });
    expect(s.reads.orderByOrderNo('0000000001', '20261123')).toMatchObject({ state: 'rejected' });
    expect(notes.map((n) => n.kind)).toEqual(['reject']);
    // A cancel confirmation for an original order the mirror does not have.
    pipeline.handle({ ...base, orderNo: '0000000003', originalOrderNo: '0000000002', rctf: '2', acptYn: '2' });
    expect(reconciles.length).toBeGreaterThan(0);
  });

  it('a sell fill writes a fill snapshot: D+2 cash moves by the net proceeds, cost by the average cost', () => {
    const { s, pipeline } = setup();
    s.writer.replaceHoldingsFromBalance({ asOf: NOW - 1, holdings: [{ symbol: '005930', qty: 10, sellableQty: 10, cost: 700_000 }] });
    const snap = { time: NOW - 1, cashD0: 1_000_000, cashD1: 1_000_000, cashD2: 1_000_000, totalAssets: 1_700_000, securitiesValue: 700_000, costTotal: 700_000, unrealizedPnl: 0 };
    s.writer.saveAccountSnapshot(snap);
    pipeline.handle({ ...base, side: 'sell', venue: 'KRX' });
    pipeline.handle({ ...fill(4, 80_000), side: 'sell', venue: 'KRX' });
    const after = s.reads.accountSummary().snapshot!;
    const e = s.reads.fillsToday()[0]!;
    expect(after.source).toBe('fill');
    expect(after.cashD2).toBe(1_000_000 + 320_000 - e.fee - e.tax);
    expect(after.costTotal).toBe(700_000 - 280_000);
    expect(e.realizedPnl).toBe(320_000 - 280_000);
  });

  it('keeps today’s realized P&L in memory, equal to the store’s own sum over the executions', () => {
    const { s, pipeline, tally } = setup();
    s.writer.replaceHoldingsFromBalance({ asOf: NOW - 1, holdings: [{ symbol: '005930', qty: 30, sellableQty: 30, cost: 2_100_000 }] });
    expect(tally.get('20261123')).toEqual({ gross: 0, feesAndTaxes: 0, net: 0 });
    pipeline.handle({ ...base, side: 'sell', qty: 20, orderQty: 20 });
    pipeline.handle({ ...fill(7, 75_000), side: 'sell' });
    pipeline.handle({ ...fill(13, 69_900, '100005'), side: 'sell' });
    pipeline.handle({ ...base, orderNo: '0000000002', qty: 5, orderQty: 5 });
    pipeline.handle({ ...fill(5, 70_000, '100009'), orderNo: '0000000002' });
    const truth = s.reads.accountSummary('20261123').realizedToday;
    expect(truth.gross).not.toBe(0);
    expect(tally.get('20261123')).toEqual(truth);
  });
});
