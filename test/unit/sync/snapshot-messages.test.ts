/** The 'fill' snapshot estimate and the trader's texts. */
import { describe, expect, it } from 'vitest';
import type { SnapshotView } from '../../../src/main/store';
import { fillMessage, refusalMessage, thousands } from '../../../src/main/sync/messages';
import { asSnapshotView, snapshotAfterFill } from '../../../src/main/sync/snapshot';

const prev: SnapshotView = {
  time: 1000,
  tradeDate: '20261123',
  cashD0: 100_000_000,
  cashD1: 100_000_000,
  cashD2: 100_000_000,
  orderableCash: 99_000_000,
  totalAssets: 110_000_000,
  securitiesValue: 10_000_000,
  costTotal: 9_000_000,
  unrealizedPnl: 1_000_000,
  realizedToday: null,
  netAssets: 110_000_000,
  prevTotalAssets: 109_000_000,
  source: 'balance',
};

describe('snapshotAfterFill', () => {
  it('a buy moves D+2 cash by amount + fee (T+2), cost and securities by the amount; D+0/D+1 stay', () => {
    const s = snapshotAfterFill(prev, { side: 'buy', qty: 10, price: 70_000, fee: 98, tax: 0, positionBefore: null, time: 2000 })!;
    expect(s).toMatchObject({ time: 2000, cashD0: 100_000_000, cashD1: 100_000_000, cashD2: 100_000_000 - 700_098, costTotal: 9_700_000, securitiesValue: 10_700_000, totalAssets: 10_700_000 + 100_000_000 - 700_098, source: 'fill' });
    expect(asSnapshotView(s)).toMatchObject({ tradeDate: '19700101', orderableCash: 99_000_000, source: 'fill' });
  });

  it('a sell removes cost at the average the shares carried and adds net proceeds to D+2', () => {
    const s = snapshotAfterFill(prev, { side: 'sell', qty: 3, price: 80_000, fee: 33, tax: 480, positionBefore: { qty: 9, cost: 630_001 }, time: 500 })!;
    expect(s.costTotal).toBe(9_000_000 - 210_000);
    expect(s.cashD2).toBe(100_000_000 + 240_000 - 33 - 480);
    expect(s.time).toBe(1000); // never older than the snapshot it builds on
  });

  it('nothing to build on before the first balance read', () => {
    expect(snapshotAfterFill(null, { side: 'buy', qty: 1, price: 1, fee: 0, tax: 0, positionBefore: null, time: 1 })).toBeNull();
  });
});

describe('messages', () => {
  it('formats won with thousands separators, independent of the machine locale', () => {
    expect([thousands(0), thousands(999), thousands(1000), thousands(71_900), thousands(1_234_567), thousands(-5_000)]).toEqual(['0', '999', '1,000', '71,900', '1,234,567', '-5,000']);
  });

  it('a fill: 종목명, 매수/매도, qty @ price, venue — in Korean and English', () => {
    expect(fillMessage({ name: '삼성전자', nameEn: 'Samsung Electronics', side: 'sell', qty: 1200, price: 71_900, venue: 'NXT' })).toEqual({
      title: { ko: '체결 · 삼성전자 매도', en: 'Filled · Samsung Electronics Sell' },
      body: { ko: '1,200주 @ 71,900원 · NXT', en: '1,200 sh @ ₩71,900 · NXT' },
    });
    expect(refusalMessage({ name: '카카오', nameEn: 'Kakao', side: 'buy', qty: 5, orderNo: '0000000001' }).title.ko).toBe('주문 거부 · 카카오 매수');
  });
});
