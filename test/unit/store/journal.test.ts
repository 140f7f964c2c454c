import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store';
import { join } from 'node:path';
import { migrate } from '../../../src/main/store/migrate';
import { closeDb, durableTransaction, openWritableDb } from '../../../src/main/store/open';
import { createWriteContext, DEFAULT_WRITER_OPTIONS } from '../../../src/main/store/write/context';
import * as journal from '../../../src/main/store/write/journal';
import { manualClock, ok, openTemp, T0, tempDir, TODAY } from './helpers';

const buy = { symbol: '005930', side: 'buy' as const, route: 'KRX' as const, ordDvsn: '00', qty: 10, price: 70000 };

describe('order journal', () => {
  it('records an intent durably with trade date, and walks intent → sent → accepted', () => {
    const s = openTemp();
    const intent = ok(s.writer.recordOrderIntent({ ...buy, symbolName: '삼성전자' }));
    expect(intent.order).toMatchObject({ state: 'intent', tradeDate: TODAY, source: 'terminal', remainingQty: 10 });
    expect(s.reads.inFlightOrders().map((o) => o.clientOrderId)).toEqual([intent.clientOrderId]);
    ok(s.writer.markOrderSent(intent.clientOrderId));
    const accepted = ok(s.writer.markOrderAccepted(intent.clientOrderId, { orderNo: '0000012345', orgNo: '06010', time: T0 + 50 }));
    expect(accepted.order).toMatchObject({ state: 'accepted', orderNo: '0000012345' });
    const view = s.reads.orderByClientId(intent.clientOrderId)!;
    expect(view).toMatchObject({ state: 'accepted', orgNo: '06010', acceptedAt: T0 + 50, symbolName: '삼성전자', remainingQty: 10 });
    expect(s.reads.openOrders().map((o) => o.orderNo)).toEqual(['0000012345']);
    expect(s.reads.orderByOrderNo('0000012345')?.clientOrderId).toBe(intent.clientOrderId);
  });

  it('writes the intent with synchronous=FULL and goes back to NORMAL for everything else', () => {
    // Spy on the writer's statements: read the connection's synchronous level right when the order row is written.
    const file = join(tempDir(), 'a.sqlite3');
    const db = openWritableDb(file);
    migrate(db, file);
    const seen: Array<[string, number]> = [];
    const real = createWriteContext(db, manualClock(), DEFAULT_WRITER_OPTIONS, () => 'c0ffee00-aaaa-4bbb-8ccc-000000000001');
    const ctx = {
      ...real,
      stmt(sql: string) {
        const st = real.stmt(sql);
        const m = /^\s*(INSERT INTO trade_orders|UPDATE trade_orders SET state = 'sent')/.exec(sql);
        if (!m) return st;
        return new Proxy(st, {
          get(target, prop) {
            if (prop !== 'run') return Reflect.get(target, prop, target);
            return (...args: unknown[]) => {
              seen.push([m[1]!, db.pragma('synchronous', { simple: true }) as number]);
              return (target.run as (...a: unknown[]) => unknown)(...args);
            };
          },
        });
      },
    };
    const r = journal.recordOrderIntent(ctx, buy);
    expect(r.ok).toBe(true);
    journal.markOrderSent(ctx, 'c0ffee00-aaaa-4bbb-8ccc-000000000001');
    expect(seen).toEqual([
      ['INSERT INTO trade_orders', 2], // FULL
      ["UPDATE trade_orders SET state = 'sent'", 1], // NORMAL
    ]);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    // Even when the transaction throws, the connection returns to NORMAL.
    expect(() => durableTransaction(db, () => { throw new Error('boom'); })).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    closeDb(db);
  });

  it('refuses a double submit inside the window, allows it after, and always refuses a replayed client id', () => {
    const s = openTemp();
    const first = ok(s.writer.recordOrderIntent(buy));
    s.clock.advance(1_000);
    const again = s.writer.recordOrderIntent(buy);
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE', existingClientOrderId: first.clientOrderId });
    expect(s.writer.recordOrderIntent({ ...buy, price: 70100 }).ok).toBe(true); // a different order is fine
    s.clock.advance(2_500);
    expect(s.writer.recordOrderIntent(buy).ok).toBe(true); // 3.5 s later: a deliberate second order

    const id = '6f1c2a9e-1111-4222-8333-444455556666';
    ok(s.writer.recordOrderIntent({ ...buy, symbol: '000660', clientOrderId: id }));
    s.clock.advance(60_000);
    expect(s.writer.recordOrderIntent({ ...buy, symbol: '000660', clientOrderId: id })).toMatchObject({ ok: false, code: 'DUPLICATE' });
    expect(s.reads.ordersToday().length).toBe(4);
  });

  it('uses a caller dedupe key and window when given', () => {
    const s = openTemp();
    ok(s.writer.recordOrderIntent({ ...buy, dedupeKey: 'hotkey:F1', dedupeWindowMs: 10_000 }));
    s.clock.advance(9_000);
    expect(s.writer.recordOrderIntent({ ...buy, qty: 11, dedupeKey: 'hotkey:F1', dedupeWindowMs: 10_000 }).ok).toBe(false);
    s.clock.advance(2_000);
    expect(s.writer.recordOrderIntent({ ...buy, qty: 11, dedupeKey: 'hotkey:F1', dedupeWindowMs: 10_000 }).ok).toBe(true);
  });

  it('refuses illegal transitions with a clear code and leaves the order as it was', () => {
    const s = openTemp();
    const { clientOrderId } = ok(s.writer.recordOrderIntent(buy));
    expect(s.writer.markOrderAccepted(clientOrderId, { orderNo: '1', orgNo: '06010', time: T0 })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
    ok(s.writer.markOrderSent(clientOrderId));
    expect(s.writer.markOrderSent(clientOrderId)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    ok(s.writer.markOrderRejected(clientOrderId, 'APBK0952', '주문가능금액을 초과 했습니다'));
    const rejected = s.reads.orderByClientId(clientOrderId)!;
    expect(rejected).toMatchObject({ state: 'rejected', rejectCode: 'APBK0952', rejectedQty: 10, remainingQty: 0 });
    for (const attempt of [
      s.writer.markOrderAccepted(clientOrderId, { orderNo: '2', orgNo: '06010', time: T0 }),
      s.writer.markOrderUnknown(clientOrderId, 'timeout'),
      s.writer.resolveUnknown(clientOrderId, { found: false, reason: 'x' }),
      s.writer.markOrderFailed(clientOrderId, 'x'),
    ]) {
      expect(attempt).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    }
    expect(s.reads.orderByClientId(clientOrderId)).toEqual(rejected);
    expect(s.writer.markOrderSent('no-such-order-id')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a timeout leaves the order UNKNOWN; resolving it found attaches the order number, absent fails it', () => {
    const s = openTemp();
    const a = ok(s.writer.recordOrderIntent(buy)).clientOrderId;
    const b = ok(s.writer.recordOrderIntent({ ...buy, qty: 5 })).clientOrderId;
    for (const id of [a, b]) {
      ok(s.writer.markOrderSent(id));
      ok(s.writer.markOrderUnknown(id, 'HTTP timeout after 5 s'));
    }
    expect(s.reads.unknownOrders().map((o) => [o.clientOrderId, o.unknownReason])).toEqual([
      [a, 'HTTP timeout after 5 s'],
      [b, 'HTTP timeout after 5 s'],
    ]);
    ok(s.writer.resolveUnknown(a, { found: true, orderNo: '0000000777', orgNo: '06010', time: T0 + 10 }));
    ok(s.writer.resolveUnknown(b, { found: false, reason: 'not in daily orders' }));
    expect(s.reads.orderByClientId(a)).toMatchObject({ state: 'accepted', orderNo: '0000000777', unknownReason: null });
    expect(s.reads.orderByClientId(b)).toMatchObject({ state: 'failed', unknownReason: 'not in daily orders' });
    expect(s.reads.unknownOrders()).toEqual([]);
    expect(s.writer.resolveUnknown(a, { found: false, reason: 'x' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('a notice that beats the HTTP response is merged into our intent on acceptance, fills included', () => {
    const s = openTemp();
    const { clientOrderId } = ok(s.writer.recordOrderIntent(buy));
    ok(s.writer.markOrderSent(clientOrderId));
    // Acceptance and a fill notice arrive before the response: the mirror does not know the number yet.
    ok(s.writer.applyOrderNotice({ type: 'accepted', kind: 'new', orderNo: '0000000042', symbol: '005930', side: 'buy', route: 'KRX', ordDvsn: '00', qty: 10, price: 70000, time: T0 }));
    ok(s.writer.applyFill({ orderNo: '0000000042', symbol: '005930', side: 'buy', venue: 'KRX', qty: 3, price: 70000, time: T0 + 1000 }));
    expect(s.reads.ordersToday().map((o) => o.source)).toEqual(['terminal', 'external']);
    const r = ok(s.writer.markOrderAccepted(clientOrderId, { orderNo: '0000000042', orgNo: '06010', time: T0 + 5 }));
    expect(r.order).toMatchObject({ state: 'partially_filled', filledQty: 3, remainingQty: 7, source: 'terminal' });
    expect(s.reads.ordersToday().map((o) => o.clientOrderId)).toEqual([clientOrderId]);
    expect(s.reads.fillsForOrder(clientOrderId).map((f) => f.qty)).toEqual([3]);
    // The response replayed (retrying IPC layer) changes nothing.
    expect(ok(s.writer.markOrderAccepted(clientOrderId, { orderNo: '0000000042', orgNo: '06010', time: T0 + 5 })).order.filledQty).toBe(3);
  });

  it('two terminal orders can never claim one KIS order number', () => {
    const s = openTemp();
    const first = ok(s.writer.recordOrderIntent(buy)).clientOrderId;
    const second = ok(s.writer.recordOrderIntent({ ...buy, qty: 1 })).clientOrderId;
    ok(s.writer.markOrderSent(first));
    ok(s.writer.markOrderSent(second));
    ok(s.writer.markOrderAccepted(first, { orderNo: '0000000001', orgNo: '06010', time: T0 }));
    expect(s.writer.markOrderAccepted(second, { orderNo: '0000000001', orgNo: '06010', time: T0 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(s.reads.orderByClientId(second)?.state).toBe('sent');
  });

  it('at startup, intents and sent orders of the previous run become UNKNOWN; yesterday’s open orders expire', () => {
    const s = openTemp();
    const intentOnly = ok(s.writer.recordOrderIntent(buy)).clientOrderId;
    const sent = ok(s.writer.recordOrderIntent({ ...buy, qty: 2 })).clientOrderId;
    ok(s.writer.markOrderSent(sent));
    const open = ok(s.writer.recordOrderIntent({ ...buy, qty: 3 })).clientOrderId;
    ok(s.writer.markOrderSent(open));
    ok(s.writer.markOrderAccepted(open, { orderNo: '0000000005', orgNo: '06010', time: T0 }));
    const r = ok(s.writer.markInFlightUnknown('app restarted while sending / 전송 중 재시작'));
    expect(r.orders.map((o) => [o.clientOrderId, o.state]).sort()).toEqual([
      [intentOnly, 'unknown'],
      [sent, 'unknown'],
    ].sort());
    const expired = ok(s.writer.expireOpenOrdersBefore('20260317'));
    expect(expired.orders).toEqual([expect.objectContaining({ clientOrderId: open, state: 'cancelled', remainingQty: 0 })]);
    expect(s.reads.openOrders()).toEqual([]);
  });

  it('validates input: bad symbol, side, route, ORD_DVSN, qty, missing original for a cancel', () => {
    const s = openTemp();
    for (const bad of [
      { ...buy, symbol: '삼성' },
      { ...buy, side: 'short' },
      { ...buy, route: 'NYSE' },
      { ...buy, ordDvsn: '1' },
      { ...buy, qty: 0 },
      { ...buy, qty: 1.5 },
      { ...buy, price: -1 },
      { ...buy, kind: 'cancel' },
      { ...buy, clientOrderId: 'x' },
    ]) {
      expect(s.writer.recordOrderIntent(bad as never)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    }
    expect(s.reads.ordersToday()).toEqual([]);
  });

  it('survives a reopen: the journal is on disk', () => {
    const clock = manualClock();
    const s = openTemp({ clock });
    const id = ok(s.writer.recordOrderIntent(buy)).clientOrderId;
    s.close();
    const again = openStore(s.file, { clock });
    try {
      expect(again.reads.orderByClientId(id)?.state).toBe('intent');
    } finally {
      again.close();
    }
  });
});
