import { describe, expect, it } from 'vitest';
import type { Book, Quote } from '../../../src/sim/exchange/types';
import { dataFrame, expectedRecord, krxBookRecord, midBookRecord, tradeRecord, type BookInput, type TickInput } from '../../../src/sim/server/ws/records';

const quote: Quote = {
  symbol: '005930', venue: 'KRX', last: 71900, open: 72100, high: 72400, low: 71700, volume: 3052507, turnover: 219853241700,
  prevClose: 72000, change: -100, changeRate: -0.14, sign: '5', vwap: 72023.83, bestAsk: 71900, bestBid: 71800,
  openTime: '090020', highTime: '090820', lowTime: '092619', sellTradeCount: 5105, buyTradeCount: 6937,
  sellTradeVolume: 1366314, buyTradeVolume: 1159996, halted: false, time: 0,
};
const book: Book = {
  symbol: '005930', venue: 'KRX',
  asks: [{ price: 71900, qty: 65945 }, { price: 72000, qty: 10 }],
  bids: [{ price: 71800, qty: 216924 }],
  totalAskQty: 1118750, totalBidQty: 2199206, expected: null, time: 0,
};
const tick: TickInput = {
  trade: { symbol: '005930', price: 71900, qty: 1, aggressor: 'buy', time: 0, marketClass: '2' },
  quote, book, hms: '093354', date: '20230612', listedShares: 5_969_782_550, prevDayVolume: 3_000_000, dayFraction: 0.1, hourCls: '0',
};

/** Split a data frame the way kis-api.md §6.4 tells clients to: width = items / count. */
function split(frame: string): { tr: string; records: string[][] } {
  const [enc, tr, count, ...rest] = frame.split('|');
  expect(enc).toBe('0');
  const items = rest.join('|').split('^');
  const n = Number(count);
  expect(items.length % n).toBe(0);
  const w = items.length / n;
  return { tr: tr!, records: Array.from({ length: n }, (_, i) => items.slice(i * w, (i + 1) * w)) };
}

describe('realtime records', () => {
  it('H0STCNT0 has 46 fields in the legacy regime, in the documented order', () => {
    const f = tradeRecord(tick, 'legacy').split('^');
    expect(f).toHaveLength(46);
    expect(f[0]).toBe('005930'); // MKSC_SHRN_ISCD
    expect(f[1]).toBe('093354'); // STCK_CNTG_HOUR
    expect(f[2]).toBe('71900'); // STCK_PRPR
    expect(f[3]).toBe('5'); // PRDY_VRSS_SIGN
    expect(f[4]).toBe('-100');
    expect(f[5]).toBe('-0.14');
    expect(f[12]).toBe('1'); // CNTG_VOL
    expect(f[13]).toBe('3052507'); // ACML_VOL
    expect(f[21]).toBe('1'); // CCLD_DVSN buy
    expect(f[33]).toBe('20230612'); // BSOP_DATE
    expect(f[34]).toBe('20'); // NEW_MKOP_CLS_CODE
    expect(f[35]).toBe('N'); // TRHT_YN
    expect(f[36]).toBe('65945'); // ASKP_RSQN1
    expect(f[43]).toBe('0'); // HOUR_CLS_CODE
    expect(f[44]).toBe(''); // MRKT_TRTM_CLS_CODE empty, still a field
    expect(f[45]).toBe('72100'); // VI_STND_PRC
  });

  it('H0STCNT0 gains MARKET_CLS_CODE as field 47 in the 2026-09 regime', () => {
    const f = tradeRecord({ ...tick, trade: { ...tick.trade, marketClass: '3' } }, '2026-09').split('^');
    expect(f).toHaveLength(47);
    expect(f[46]).toBe('3');
  });

  it('H0STANC0 has 45 fields, the NX/UN expected-match TRs 46', () => {
    expect(expectedRecord(tick, false).split('^')).toHaveLength(45);
    expect(expectedRecord(tick, true).split('^')).toHaveLength(46);
  });

  const bin: BookInput = { book, quote, hms: '093354', hourCls: '0', prevTotals: { ask: 1118000, bid: 2200000 }, marketClass: '2' };

  it('H0STASP0 has 59 fields (60 in 2026-09) with empty levels as 0', () => {
    const f = krxBookRecord(bin, 'legacy').split('^');
    expect(f).toHaveLength(59);
    expect(f[3]).toBe('71900'); // ASKP1
    expect(f[4]).toBe('72000'); // ASKP2
    expect(f[12]).toBe('0'); // ASKP10
    expect(f[13]).toBe('71800'); // BIDP1
    expect(f[23]).toBe('65945'); // ASKP_RSQN1
    expect(f[33]).toBe('216924'); // BIDP_RSQN1
    expect(f[43]).toBe('1118750'); // TOTAL_ASKP_RSQN
    expect(f[53]).toBe('3052507'); // ACML_VOL
    expect(f[54]).toBe('750'); // TOTAL_ASKP_RSQN_ICDC
    expect(f[55]).toBe('-794');
    expect(krxBookRecord(bin, '2026-09').split('^')).toHaveLength(60);
  });

  it('H0NXASP0/H0UNASP0 carry the KRX/NXT mid fields (65), H0UNASP0 66 in 2026-09', () => {
    const mids = { krx: { price: 71850, qty: 0 }, nxt: null };
    const nx = midBookRecord(bin, mids, false, '2026-09').split('^');
    expect(nx).toHaveLength(65);
    expect(nx[59]).toBe('71850'); // KMID_PRC
    expect(nx[62]).toBe('0'); // NMID_PRC
    expect(midBookRecord(bin, mids, true, 'legacy').split('^')).toHaveLength(65);
    expect(midBookRecord(bin, mids, true, '2026-09').split('^')).toHaveLength(66);
  });

  it('packs several records into one frame that splits back by width', () => {
    const a = tradeRecord(tick, 'legacy');
    const b = tradeRecord({ ...tick, trade: { ...tick.trade, price: 72000, aggressor: 'sell' } }, 'legacy');
    const frame = dataFrame('H0STCNT0', [a, b, a]);
    expect(frame.startsWith('0|H0STCNT0|003|')).toBe(true);
    const { tr, records } = split(frame);
    expect(tr).toBe('H0STCNT0');
    expect(records.map((r) => r.length)).toEqual([46, 46, 46]);
    expect(records[1]![2]).toBe('72000');
    expect(records[1]![21]).toBe('5');
    const wide = split(dataFrame('H0STCNT0', [tradeRecord(tick, '2026-09'), tradeRecord(tick, '2026-09')]));
    expect(wide.records.map((r) => r.length)).toEqual([47, 47]);
  });
});
