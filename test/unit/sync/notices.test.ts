/** kis-api.md §7.4: each notice in the simulator's sequence table maps to one store input, by its own fields only. */
import { describe, expect, it } from 'vitest';
import type { ExecutionNotice } from '../../../src/main/kis/realtime/types';
import { accountDigits, fillVenueOf, noticeTime, noticeToAction, routeOf } from '../../../src/main/sync/notices';
import { kstEpoch } from '../../../src/shared/market/time';

const DAY = '20261123';
const NOW = kstEpoch(DAY, '100500');

function notice(patch: Partial<ExecutionNotice>): ExecutionNotice {
  return {
    trId: 'H0STCNI0',
    htsId: 'someone',
    account: '5012345601',
    orderNo: '0000012345',
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
    time: '100102',
    refused: false,
    acptYn: '1',
    branch: '06010',
    orderQty: 10,
    accountName: '홍길동',
    condPrice: 0,
    venue: 'KRX',
    name: '삼성전자',
    orderPrice: 71_900,
    ...patch,
  };
}

describe('notice → store input', () => {
  it('new order accepted (CNTG_YN 1, ACPT_YN 1, RCTF 0): an accepted new order with ODER_QTY/ODER_PRC', () => {
    const a = noticeToAction(notice({ qty: 10, price: 71_900 }), DAY, NOW);
    expect(a).toEqual({
      kind: 'order',
      notice: {
        type: 'accepted',
        kind: 'new',
        originalOrderNo: undefined,
        tradeDate: DAY,
        orderNo: '0000012345',
        symbol: '005930',
        symbolName: '삼성전자',
        side: 'buy',
        route: 'KRX',
        ordDvsn: '00',
        time: kstEpoch(DAY, '100102'),
        qty: 10,
        price: 71_900,
      },
    });
  });

  it('a fill (CNTG_YN 2): this fill’s qty/price, the venue it traded on, and the order fields for an unseen order', () => {
    const a = noticeToAction(notice({ kind: 'fill', acptYn: '2', qty: 3, price: 71_800, venue: 'SOR-NXT', orderQty: 10, orderPrice: 72_000 }), DAY, NOW);
    expect(a).toMatchObject({
      kind: 'fill',
      fill: { orderNo: '0000012345', side: 'buy', venue: 'NXT', qty: 3, price: 71_800, time: kstEpoch(DAY, '100102'), order: { qty: 10, price: 72_000, ordDvsn: '00', route: 'SOR' } },
    });
  });

  it('modify/cancel received (ACPT_YN 1) is an accepted request; confirmed (ACPT_YN 2) moves field 10’s quantity', () => {
    const received = noticeToAction(notice({ rctf: '2', orderNo: '0000012346', originalOrderNo: '0000012345', acptYn: '1', qty: 4 }), DAY, NOW);
    expect(received).toMatchObject({ kind: 'order', notice: { type: 'accepted', kind: 'cancel', originalOrderNo: '0000012345', qty: 4 } });
    const confirmed = noticeToAction(notice({ rctf: '1', orderNo: '0000012347', originalOrderNo: '0000012345', acptYn: '2', qty: 6, reportedQty: 4, price: 71_500 }), DAY, NOW);
    expect(confirmed).toMatchObject({ kind: 'order', notice: { type: 'confirmed', kind: 'modify', originalOrderNo: '0000012345', qty: 4, price: 71_500 } });
  });

  it('IOC/FOK remainder cancelled (ACPT_YN 3): field 10 is the cancelled quantity', () => {
    expect(noticeToAction(notice({ acptYn: '3', qty: 10, reportedQty: 7, ordDvsn: '11' }), DAY, NOW)).toEqual({
      kind: 'order',
      notice: { type: 'remainderCancelled', tradeDate: DAY, orderNo: '0000012345', qty: 7, time: kstEpoch(DAY, '100102') },
    });
  });

  it('a refusal (RFUS_YN 1) carries the order as booked, so an unseen order can be marked refused', () => {
    const a = noticeToAction(notice({ refused: true }), DAY, NOW);
    expect(a).toMatchObject({ kind: 'order', notice: { type: 'refused', orderNo: '0000012345' }, acceptance: { type: 'accepted', kind: 'new', qty: 10 } });
  });

  it('ignores what it cannot place, saying why', () => {
    expect(noticeToAction(notice({ orderNo: '' }), DAY, NOW)).toMatchObject({ kind: 'ignore' });
    expect(noticeToAction(notice({ side: 'unknown' }), DAY, NOW)).toMatchObject({ kind: 'ignore' });
    expect(noticeToAction(notice({ kind: 'fill', venue: null }), DAY, NOW)).toMatchObject({ kind: 'ignore', reason: 'fill without a venue' });
    expect(noticeToAction(notice({ rctf: '1', acptYn: '2', originalOrderNo: '' }), DAY, NOW)).toMatchObject({ kind: 'ignore' });
  });

  it('venue, route, time and account helpers', () => {
    expect([fillVenueOf('KRX'), fillVenueOf('SOR-KRX'), fillVenueOf('NXT'), fillVenueOf('SOR-NXT'), fillVenueOf(null)]).toEqual(['KRX', 'KRX', 'NXT', 'NXT', null]);
    expect([routeOf('KRX'), routeOf('NXT'), routeOf('SOR-KRX'), routeOf(null)]).toEqual(['KRX', 'NXT', 'SOR', 'KRX']);
    expect(noticeTime(DAY, '153000', 0)).toBe(kstEpoch(DAY, '153000'));
    expect(noticeTime(DAY, '99', 123)).toBe(123);
    expect(accountDigits('50123456-01')).toBe(accountDigits('5012345601'));
  });
});
