/** Pure order rules: contract type → ORD_DVSN per route/regime, smart tick offsets, tick/band refusals. */
import { describe, expect, it } from 'vitest';
import { ORDER_TYPES } from '../../../src/shared/ipc/domains/orders';
import { ordDvsnInfo } from '../../../src/shared/market/ordDvsn';
import { isOnTick } from '../../../src/shared/market/ticks';
import { mapOrderType, PRICED_TYPES } from '../../../src/main/orders/mapping';
import { checkBand, checkTick } from '../../../src/main/orders/price-checks';
import { num } from '../../../src/main/orders/refusal';
import { smartPrice, SMART_TABLE } from '../../../src/main/orders/smart';

describe('mapOrderType (kis-api.md §5)', () => {
  it('maps every contract type on KRX in the 2026-09 regime to the documented code', () => {
    const got = Object.fromEntries(ORDER_TYPES.map((t) => [t, mapOrderType(t, 'KRX', '2026-09', 'buy')]).map(([t, m]) => [t, (m as { ordDvsn: string }).ordDvsn]));
    expect(got).toEqual({
      limit: '00',
      market: '01',
      bestOpposite: '03',
      bestOwn: '04',
      limitIOC: '11',
      limitFOK: '12',
      marketIOC: '13',
      marketFOK: '14',
      mid: '21',
      stopLimit: '22',
      preClose: '05',
      postClose: '06',
      afterMarketLimit: '41',
    });
  });

  it('priced types are exactly the codes the §5 table does not send with ORD_UNPR "0"', () => {
    for (const t of ORDER_TYPES) {
      const m = mapOrderType(t, 'KRX', '2026-09', 'buy');
      if (!m.ok) throw new Error(t);
      expect(PRICED_TYPES.has(t), t).toBe(!ordDvsnInfo(m.ordDvsn)!.unpriced);
    }
  });

  it('NXT market becomes a limit (00) at the opposite best price, with a visible warning in both languages', () => {
    for (const side of ['buy', 'sell'] as const) {
      const m = mapOrderType('market', 'NXT', '2026-09', side);
      expect(m).toMatchObject({ ok: true, ordDvsn: '00', nxtMarketToLimit: true });
      if (!m.ok) return;
      expect(m.warnings[0]!.code).toBe('nxtMarketToLimit');
      expect(m.warnings[0]!.message.ko).toContain(side === 'buy' ? '매도호가' : '매수호가');
      expect(m.warnings[0]!.message.en).toContain(side === 'buy' ? 'best ask' : 'best bid');
    }
    // KRX and SOR keep 01: both have a 시장가.
    expect(mapOrderType('market', 'KRX', '2026-09', 'buy')).toMatchObject({ ordDvsn: '01', nxtMarketToLimit: false });
    expect(mapOrderType('market', 'SOR', '2026-09', 'buy')).toMatchObject({ ordDvsn: '01', nxtMarketToLimit: false });
  });

  it('afterMarketLimit: 41 from 2026-09-14, 07 (with a warning) before, NXT after-market 00, SOR refused', () => {
    expect(mapOrderType('afterMarketLimit', 'KRX', '2026-09', 'buy')).toMatchObject({ ok: true, ordDvsn: '41' });
    const legacy = mapOrderType('afterMarketLimit', 'KRX', 'legacy', 'sell');
    expect(legacy).toMatchObject({ ok: true, ordDvsn: '07' });
    expect(legacy.ok && legacy.warnings.map((w) => w.code)).toEqual(['legacyAfterHours']);
    expect(mapOrderType('afterMarketLimit', 'NXT', '2026-09', 'buy')).toMatchObject({ ok: true, ordDvsn: '00', nxtAfterMarketOnly: true });
    const sor = mapOrderType('afterMarketLimit', 'SOR', '2026-09', 'buy');
    expect(sor.ok).toBe(false);
    expect(!sor.ok && sor.message.en).toMatch(/SOR/);
  });
});

describe('smartPrice (seeds table, ±3% cap)', () => {
  const book = { bestAsk: 72_000, bestBid: 71_900, last: 71_900, etp: false, band: { lower: 50_400, upper: 93_400 } };

  it('offsets from the best ask (buys) and the best bid (sells) on the tick grid', () => {
    const p = (kind: keyof typeof SMART_TABLE) => smartPrice({ ...book, kind })!;
    expect(p('normalBuy')).toMatchObject({ price: 71_800, reference: 'bestAsk', referencePrice: 72_000, ticks: -2, capped: false });
    expect(p('urgentBuy')).toMatchObject({ price: 72_000, reference: 'bestAsk' });
    expect(p('takeProfit')).toMatchObject({ price: 72_100, reference: 'bestBid', referencePrice: 71_900 });
    expect(p('stop')).toMatchObject({ price: 71_900, reference: 'bestBid' });
    expect(p('emergency')).toMatchObject({ price: 71_800, reference: 'bestBid' });
  });

  it('crosses a tick-size boundary correctly (50,000: 100 above, 50 below)', () => {
    const s = smartPrice({ kind: 'normalBuy', bestAsk: 50_000, bestBid: 49_950, last: 50_000, etp: false, band: { lower: 1, upper: 99_999 } })!;
    expect(s.price).toBe(49_900); // 50,000 → 49,950 → 49,900
    expect(isOnTick(s.price, false)).toBe(true);
    const up = smartPrice({ kind: 'takeProfit', bestAsk: 50_000, bestBid: 49_950, last: 49_950, etp: false, band: { lower: 1, upper: 99_999 } })!;
    expect(up.price).toBe(50_100); // 49,950 → 50,000 → 50,100
  });

  it('uses the last price when its side of the book is empty, and ETF 5-won ticks', () => {
    expect(smartPrice({ kind: 'normalBuy', bestAsk: 0, bestBid: 0, last: 36_455, etp: true, band: { lower: 25_520, upper: 47_390 } })).toMatchObject({
      price: 36_445,
      reference: 'last',
    });
    expect(smartPrice({ kind: 'stop', bestAsk: 0, bestBid: 0, last: 0, etp: false, band: { lower: 0, upper: 0 } })).toBeNull();
  });

  it('caps at ±3% of the last price (rounded inward onto the grid) and inside the band', () => {
    // An ask 5% over the last: urgentBuy would pay 10,500; the cap is floor(10,000 × 1.03) = 10,300.
    expect(smartPrice({ kind: 'urgentBuy', bestAsk: 10_500, bestBid: 9_990, last: 10_000, etp: false, band: { lower: 7_000, upper: 13_000 } })).toMatchObject({
      price: 10_300,
      capped: true,
    });
    // A bid 5% under: emergency is held at ceil(10,000 × 0.97) = 9,700.
    expect(smartPrice({ kind: 'emergency', bestAsk: 10_010, bestBid: 9_500, last: 10_000, etp: false, band: { lower: 7_000, upper: 13_000 } })).toMatchObject({
      price: 9_700,
      capped: true,
    });
    // The band wins over the offset: at the upper limit a takeProfit cannot go 2 ticks higher.
    expect(smartPrice({ kind: 'takeProfit', bestAsk: 0, bestBid: 13_000, last: 13_000, etp: false, band: { lower: 7_000, upper: 13_000 } })).toMatchObject({
      price: 13_000,
      capped: true,
    });
  });
});

describe('tick and band refusals name the numbers', () => {
  it('off-grid price: the price, the tick and the two nearest valid prices', () => {
    const f = checkTick(71_950, false)!;
    expect(f.code).toBe('NOT_ALLOWED');
    expect(f.message).toContain('71,950원');
    expect(f.message).toContain('100원');
    expect(f.message).toContain('71,900원');
    expect(f.message).toContain('72,000원');
    expect(f.messageEn).toContain('₩71,950');
    expect(checkTick(71_900, false)).toBeNull();
    expect(checkTick(36_455, true)).toBeNull(); // ETF: 5-won grid
    expect(checkTick(36_457, true)!.message).toContain('5원');
  });

  it('outside the band: the price and the limit it crossed', () => {
    const band = { lower: 50_400, upper: 93_400 };
    expect(checkBand(93_500, band)!.message).toMatch(/93,500원.*상한가 93,400원/);
    expect(checkBand(50_300, band)!.messageEn).toMatch(/₩50,300.*lower limit ₩50,400/);
    expect(checkBand(93_400, band)).toBeNull();
    expect(checkBand(50_400, band)).toBeNull();
  });

  it('formats integers with thousands separators regardless of locale', () => {
    expect(num(0)).toBe('0');
    expect(num(1_000)).toBe('1,000');
    expect(num(-1_234_567)).toBe('-1,234,567');
  });
});
