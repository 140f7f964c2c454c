/** KIS REST rows in store terms (kis-api.md §4.3, §4.5, §4.6). */
import { describe, expect, it } from 'vitest';
import type { Balance, DailyOrder } from '../../../src/main/kis';
import { balanceToHoldings, balanceToSnapshot, dailyOrderToRow, kindOfRow, saneRow } from '../../../src/main/sync/rows';
import { kstEpoch } from '../../../src/shared/market/time';

const row = (patch: Partial<DailyOrder>): DailyOrder => ({
  date: '20261123',
  time: '093012',
  orderNo: '0000000007',
  originalOrderNo: '',
  orgNo: '06010',
  side: 'sell',
  symbol: '005380',
  name: '현대차 ',
  ordDvsn: '00',
  ordDvsnName: '지정가',
  qty: 5,
  price: 212_500,
  filledQty: 5,
  filledAmount: 1_062_500,
  avgFillPrice: 212_500,
  remainingQty: 0,
  rejectedQty: 0,
  cancelled: false,
  cancelConfirmedQty: 0,
  route: 'NXT',
  stopPrice: 0,
  ...patch,
});

describe('rows', () => {
  it('a daily-ccld row: time on its date, NXT fills on NXT, names trimmed, no stop price as null', () => {
    expect(dailyOrderToRow(row({}), 'KRX', 0)).toEqual({
      tradeDate: '20261123',
      orderNo: '0000000007',
      originalOrderNo: undefined,
      orgNo: '06010',
      kind: 'new',
      symbol: '005380',
      symbolName: '현대차',
      side: 'sell',
      route: 'NXT',
      ordDvsn: '00',
      qty: 5,
      price: 212_500,
      stopPrice: null,
      filledQty: 5,
      filledAmount: 1_062_500,
      remainingQty: 0,
      rejectedQty: 0,
      orderTime: kstEpoch('20261123', '093012'),
      fillVenue: 'NXT',
    });
    expect(dailyOrderToRow(row({ route: '' }), 'SOR', 0)).toMatchObject({ route: 'SOR', fillVenue: 'KRX' });
  });

  it('tells new, modify and cancel rows apart by ORGN_ODNO and what the row did', () => {
    expect(kindOfRow(row({}))).toBe('new');
    expect(kindOfRow(row({ originalOrderNo: '0000000000' }))).toBe('new');
    expect(kindOfRow(row({ originalOrderNo: '0000000006', filledQty: 0, filledAmount: 0, remainingQty: 5 }))).toBe('modify');
    expect(kindOfRow(row({ originalOrderNo: '0000000006', filledQty: 0, filledAmount: 0, cancelled: true, cancelConfirmedQty: 5 }))).toBe('cancel');
    // The same shape, but a later request names it as its original: a modify that was cancelled in turn.
    expect(kindOfRow(row({ originalOrderNo: '0000000006', filledQty: 0, filledAmount: 0, cancelled: true, cancelConfirmedQty: 5 }), true)).toBe('modify');
  });

  it('balance → holdings (KIS merges venues) and the snapshot with orderable cash', () => {
    const b: Balance = {
      pages: 1,
      holdings: [
        { symbol: '005930', name: '삼성전자', qty: 120, sellableQty: 100, avgPrice: 68_450, cost: 8_214_000, lastPrice: 71_900, value: 8_628_000, pnl: 414_000, pnlRate: 5.04, dayChangeRate: 0, dayChange: 0, todayBuyQty: 0, todaySellQty: 0, prevDayBuyQty: 0, prevDaySellQty: 0 },
      ],
      summary: { cashD0: 100, cashD1: 90, cashD2: 80, securitiesValue: 8_628_000, totalValue: 8_628_080, cost: 8_214_000, value: 8_628_000, pnl: 414_000, todayBuy: 0, todaySell: 0, todayFeesTaxes: 0, netAssets: 8_628_080, prevTotalAssets: 8_600_000, assetChange: 28_080 },
    };
    expect(balanceToHoldings(b, 5)).toEqual({ asOf: 5, holdings: [{ symbol: '005930', symbolName: '삼성전자', qty: 120, sellableQty: 100, cost: 8_214_000 }] });
    const orderable = { orderableCash: 70, maxBuyAmountNoCredit: 0, maxBuyQtyNoCredit: 0, maxBuyAmountWithCredit: 0, maxBuyQtyWithCredit: 0, calcPrice: 0 };
    expect(balanceToSnapshot(b, orderable, 9)).toMatchObject({ time: 9, cashD0: 100, cashD1: 90, cashD2: 80, orderableCash: 70, totalAssets: 8_628_080, costTotal: 8_214_000, unrealizedPnl: 414_000, source: 'balance' });
    expect(balanceToSnapshot(b, null, 9).orderableCash).toBeNull();
  });

  it('leaves out rows the store would refuse, so one odd row cannot block the whole listing', () => {
    const good = dailyOrderToRow(row({}), 'KRX', 0);
    expect(saneRow(good)).toBe(true);
    expect(saneRow({ ...good, filledQty: 4, remainingQty: 2 })).toBe(false); // 4 + 2 > 5
    expect(saneRow({ ...good, qty: 0, filledQty: 0 })).toBe(false);
    expect(saneRow({ ...good, orderNo: 'x1' })).toBe(false);
    expect(saneRow({ ...good, ordDvsn: '' })).toBe(false);
    expect(saneRow({ ...good, filledAmount: -1 })).toBe(false);
  });
});
