import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FrameParser } from '../../../../src/main/kis/realtime/frame';

// kis-api.md §7.1 test vector, verbatim.
const SAMPLE_PAYLOAD =
  '005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1^3052507^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5^-500^092619^2^200^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100';
const SAMPLE_FRAME = `0|H0STCNT0|001|${SAMPLE_PAYLOAD}`;

// kis-api.md §6.5 test vector, verbatim.
const AES_KEY = 'abcdefghijklmnopabcdefghijklmnop';
const AES_IV = '0123456789abcdef';
const AES_FRAME =
  '1|H0STCNI0|001|L4Lx+/3abZCDdSoYew2Xlx7egofA0PrYQUqY9j16HQLY472ftBvUtjIAx+Udp2YViZvMW63AvJlYCrOhbtoC2KqYzuzltPZrbMz3mRato/Fxc1H0hH7Ngmllvp/cGUZ97ZRQz8d960R9hCVQsZwOJXk85P9tFrbj5ER6UN23y1A=';
const AES_PLAINTEXT = 'demo01^5012345601^0000012345^^02^0^00^0^005930^3^71900^093354^0^2^2^06010^10^홍길동^^1^N^^^^삼성전자^71900';

function encrypt(plain: string, key = AES_KEY, iv = AES_IV): string {
  const c = createCipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(iv, 'utf8'));
  return Buffer.concat([c.update(plain, 'utf8'), c.final()]).toString('base64');
}

/** A book record: field n (1-based) is given by `value(n)` so every index is distinguishable. */
function bookFields(width: number, value: (n: number) => string): string[] {
  return Array.from({ length: width }, (_, i) => value(i + 1));
}

describe('H0STCNT0 trade frames', () => {
  it('parses the documented sample to its documented values', () => {
    const p = new FrameParser();
    const r = p.parse(SAMPLE_FRAME);
    expect(r.kind).toBe('ticks');
    if (r.kind !== 'ticks') return;
    expect(r.records).toHaveLength(1);
    const t = r.records[0]!;
    expect(t.venue).toBe('KRX');
    expect(t.symbol).toBe('005930');
    expect(t.time).toBe('093354');
    expect(t.price).toBe(71900);
    expect(t.sign).toBe('5');
    expect(t.change).toBe(-100);
    expect(t.changeRate).toBe(-0.14);
    expect(t.vwap).toBe(72023.83);
    expect([t.open, t.high, t.low, t.ask1, t.bid1]).toEqual([72100, 72400, 71700, 71900, 71800]);
    expect(t.qty).toBe(1);
    expect(t.cumVolume).toBe(3052507);
    expect(t.cumTurnover).toBe(219853241700);
    expect(t.side).toBe('1');
    expect(t.bsopDate).toBe('20230612');
    expect(t.newMkopClsCode).toBe('20');
    expect(t.trhtYn).toBe('N');
    expect(t.hourClsCode).toBe('0');
    expect(t.viStndPrc).toBe(72100);
    expect(t.marketClsCode).toBeUndefined();
    expect(t.extra).toBeUndefined();
    expect(p.counters.malformedFrames).toBe(0);
  });

  it('reads numbers exactly as Number() would for every numeric field of the sample', () => {
    const fields = SAMPLE_PAYLOAD.split('^');
    const r = new FrameParser().parse(SAMPLE_FRAME);
    if (r.kind !== 'ticks') throw new Error(r.kind);
    const t = r.records[0]!;
    const byIndex: Array<[number, number]> = [
      [2, t.price], [4, t.change], [5, t.changeRate], [6, t.vwap], [7, t.open], [8, t.high], [9, t.low],
      [10, t.ask1], [11, t.bid1], [12, t.qty], [13, t.cumVolume], [14, t.cumTurnover], [45, t.viStndPrc],
    ];
    for (const [i, v] of byIndex) expect(v).toBe(Number(fields[i]));
  });

  it('splits a count-002 frame of identical records into two identical 46-field records', () => {
    const r = new FrameParser().parse(`0|H0STCNT0|002|${SAMPLE_PAYLOAD}^${SAMPLE_PAYLOAD}`);
    if (r.kind !== 'ticks') throw new Error(r.kind);
    expect(r.records).toHaveLength(2);
    expect(r.records[1]).toEqual(r.records[0]);
    expect(r.records[0]!.marketClsCode).toBeUndefined();
    expect(r.records[1]!.viStndPrc).toBe(72100);
  });

  it('derives width 47 and reads MARKET_CLS_CODE only when field 47 is present', () => {
    const rec = `${SAMPLE_PAYLOAD}^2`;
    const r = new FrameParser().parse(`0|H0STCNT0|002|${rec}^${rec}`);
    if (r.kind !== 'ticks') throw new Error(r.kind);
    expect(r.records).toHaveLength(2);
    for (const t of r.records) {
      expect(t.marketClsCode).toBe('2');
      expect(t.viStndPrc).toBe(72100);
      expect(t.symbol).toBe('005930');
      expect(t.extra).toBeUndefined();
    }
  });

  it('keeps fields past the known layout raw, reading the known ones from the start', () => {
    const rec = `${SAMPLE_PAYLOAD}^2^X^`;
    const r = new FrameParser().parse(`0|H0STCNT0|001|${rec}`);
    if (r.kind !== 'ticks') throw new Error(r.kind);
    expect(r.records[0]!.marketClsCode).toBe('2');
    expect(r.records[0]!.extra).toEqual(['X', '']);
    expect(r.records[0]!.price).toBe(71900);
  });

  it('tags NXT and 통합 trade TRs with their venue', () => {
    const p = new FrameParser();
    const nx = p.parse(`0|H0NXCNT0|001|${SAMPLE_PAYLOAD}`);
    const un = p.parse(`0|H0UNCNT0|001|${SAMPLE_PAYLOAD}`);
    expect(nx.kind === 'ticks' && nx.records[0]!.venue).toBe('NXT');
    expect(un.kind === 'ticks' && un.records[0]!.venue).toBe('UN');
  });
});

describe('order book frames', () => {
  it('reads the 59-field H0STASP0 layout by index', () => {
    const f = bookFields(59, (n) => (n === 1 ? '005930' : n === 2 ? '093354' : n === 3 ? '0' : n === 52 ? '2' : n === 53 ? '0.25' : n === 59 ? '1' : String(n * 100)));
    const r = new FrameParser().parse(`0|H0STASP0|001|${f.join('^')}`);
    if (r.kind !== 'books') throw new Error(r.kind);
    const b = r.records[0]!;
    expect(b.venue).toBe('KRX');
    expect(b.symbol).toBe('005930');
    expect(b.time).toBe('093354');
    expect(b.hourClsCode).toBe('0');
    expect(b.asks).toHaveLength(10);
    expect(b.bids).toHaveLength(10);
    expect(b.asks[0]).toEqual({ price: 400, qty: 2400 }); // fields 4 and 24
    expect(b.asks[9]).toEqual({ price: 1300, qty: 3300 }); // 13 and 33
    expect(b.bids[0]).toEqual({ price: 1400, qty: 3400 }); // 14 and 34
    expect(b.bids[9]).toEqual({ price: 2300, qty: 4300 }); // 23 and 43
    expect([b.totalAskQty, b.totalBidQty, b.overtimeTotalAskQty, b.overtimeTotalBidQty]).toEqual([4400, 4500, 4600, 4700]);
    expect([b.expectedPrice, b.expectedQty, b.expectedVolume, b.expectedChange]).toEqual([4800, 4900, 5000, 5100]);
    expect(b.expectedSign).toBe('2');
    expect(b.expectedChangeRate).toBe(0.25);
    expect(b.cumVolume).toBe(5400);
    expect(b.dealClsCode).toBe('1');
    expect(b.kmid).toBeUndefined();
    expect(b.extra).toBeUndefined();
  });

  it('keeps a 60th H0STASP0 field (2026-09 MARKET_CLS_CODE) raw', () => {
    const f = bookFields(60, (n) => (n === 1 ? '005930' : n === 60 ? '2' : '1'));
    const r = new FrameParser().parse(`0|H0STASP0|001|${f.join('^')}`);
    if (r.kind !== 'books') throw new Error(r.kind);
    expect(r.records[0]!.extra).toEqual(['2']);
  });

  it('reads the 65-field NX/UN layout with KRX and NXT mid prices, two records per frame', () => {
    const f = bookFields(65, (n) => (n === 1 ? '000660' : n === 62 ? 'K' : n === 65 ? 'N' : String(n)));
    const r = new FrameParser().parse(`0|H0UNASP0|002|${f.join('^')}^${f.join('^')}`);
    if (r.kind !== 'books') throw new Error(r.kind);
    expect(r.records).toHaveLength(2);
    const b = r.records[1]!;
    expect(b.venue).toBe('UN');
    expect(b.symbol).toBe('000660');
    expect(b.cumVolume).toBe(54);
    expect(b.kmid).toEqual({ price: 60, totalQty: 61, clsCode: 'K' });
    expect(b.nmid).toEqual({ price: 63, totalQty: 64, clsCode: 'N' });
  });

  it('rejects a 59-field record on a 65-field TR', () => {
    const p = new FrameParser();
    const f = bookFields(59, () => '1');
    expect(p.parse(`0|H0NXASP0|001|${f.join('^')}`)).toMatchObject({ kind: 'malformed', reason: 'width' });
  });
});

describe('encrypted execution notices', () => {
  it('decrypts the §6.5 vector to the documented 26 fields: a buy fill of 3 @ 71,900 on KRX', () => {
    const p = new FrameParser();
    expect(p.setCipher('H0STCNI0', AES_KEY, AES_IV)).toBe(true);
    const r = p.parse(AES_FRAME);
    if (r.kind !== 'notices') throw new Error(r.kind);
    expect(r.records).toHaveLength(1);
    const n = r.records[0]!;
    expect(n).toMatchObject({
      trId: 'H0STCNI0',
      htsId: 'demo01',
      account: '5012345601',
      orderNo: '0000012345',
      originalOrderNo: '',
      side: 'buy',
      rctf: '0',
      ordDvsn: '00',
      cond: '0',
      symbol: '005930',
      kind: 'fill',
      qty: 3,
      price: 71900,
      reportedQty: 3,
      reportedPrice: 71900,
      time: '093354',
      refused: false,
      acptYn: '2',
      branch: '06010',
      orderQty: 10,
      accountName: '홍길동',
      condPrice: 0,
      venue: 'KRX',
      name: '삼성전자',
      orderPrice: 71900,
    });
    expect(n.extra).toBeUndefined();
  });

  it('takes an acceptance notice (CNTG_YN=1) qty and price from fields 17 and 26, not 10/11', () => {
    const f = AES_PLAINTEXT.split('^');
    f[9] = '7'; // 10 CNTG_QTY (a legacy label says something else on acceptances)
    f[10] = '1'; // 11 CNTG_UNPR
    f[13] = '1'; // 14 CNTG_YN = acceptance
    f[14] = '1';
    f[16] = '10'; // 17 ODER_QTY
    f[25] = '72000'; // 26 ODER_PRC
    f[19] = '4'; // 20 ORD_EXG_GB = SOR routed to NXT
    f[4] = '01';
    const p = new FrameParser();
    p.setCipher('H0STCNI9', AES_KEY, AES_IV);
    const r = p.parse(`1|H0STCNI9|001|${encrypt(f.join('^'))}`);
    if (r.kind !== 'notices') throw new Error(r.kind);
    const n = r.records[0]!;
    expect(n.kind).toBe('acceptance');
    expect(n.qty).toBe(10);
    expect(n.price).toBe(72000);
    expect(n.reportedQty).toBe(7);
    expect(n.side).toBe('sell');
    expect(n.venue).toBe('SOR-NXT');
    expect(n.trId).toBe('H0STCNI9');
  });

  it('rejects and counts notice records with fewer than 26 fields (the pre-2025 23-field layout)', () => {
    const p = new FrameParser();
    p.setCipher('H0STCNI0', AES_KEY, AES_IV);
    const old = AES_PLAINTEXT.split('^').slice(0, 23).join('^');
    expect(p.parse(`1|H0STCNI0|001|${encrypt(old)}`)).toMatchObject({ kind: 'malformed', reason: 'short-notice' });
    expect(p.counters.byReason['short-notice']).toBe(1);
    expect(p.counters.malformedRecords).toBe(1);
  });

  it('ignores the ack encrypt header: a 1| frame is decrypted, and one without a key is counted', () => {
    const p = new FrameParser();
    expect(p.parse(AES_FRAME)).toMatchObject({ kind: 'malformed', reason: 'no-key' });
    p.setCipher('H0STCNI0', 'ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP', AES_IV); // wrong key
    expect(p.parse(AES_FRAME)).toMatchObject({ kind: 'malformed', reason: 'decrypt' });
    expect(p.setCipher('H0STCNI0', 'short', AES_IV)).toBe(false);
    expect(p.counters.malformedFrames).toBe(2);
  });
});

describe('control frames', () => {
  it('recognises PINGPONG and keeps the raw text for a verbatim echo', () => {
    const raw = '{"header":{"tr_id":"PINGPONG","datetime":"20261123100000"}}';
    expect(new FrameParser().parse(raw)).toEqual({ kind: 'control', message: { type: 'pingpong', raw } });
  });

  it('reads acks with key/iv and trims msg1', () => {
    const raw =
      '{"header":{"tr_id":"H0STCNT0","tr_key":"005930","encrypt":"N"},"body":{"rt_cd":"0","msg_cd":"OPSP0000","msg1":"SUBSCRIBE SUCCESS  ","output":{"iv":"0123456789abcdef","key":"abcdefghijklmnopabcdefghijklmnop"}}}';
    expect(new FrameParser().parse(raw)).toEqual({
      kind: 'control',
      message: { type: 'ack', trId: 'H0STCNT0', trKey: '005930', rtCd: '0', msgCd: 'OPSP0000', msg1: 'SUBSCRIBE SUCCESS', key: AES_KEY, iv: AES_IV },
    });
  });
});

describe('malformed frames are counted, never thrown', () => {
  const cases: Array<[string, string]> = [
    ['', 'empty'],
    ['2|H0STCNT0|001|x', 'header'],
    ['0|H0STCNT0', 'header'],
    ['0|H0STCNT0|0x1|a', 'header'],
    ['0|H0STCNT0|000|a', 'header'],
    ['0|H0STCNT0||a', 'header'],
    ['{"header":', 'json'],
    [`0|H0STCNT0|002|${SAMPLE_PAYLOAD}^extra`, 'count'],
    ['0|H0STCNT0|001|005930^093354^71900', 'width'],
    [`0|H0STCNT0|003|${SAMPLE_PAYLOAD}^${SAMPLE_PAYLOAD}`, 'count'],
  ];
  for (const [raw, reason] of cases) {
    it(`${reason}: ${JSON.stringify(raw.slice(0, 24))}`, () => {
      const p = new FrameParser();
      expect(() => p.parse(raw)).not.toThrow();
      expect(p.parse(raw)).toMatchObject({ kind: 'malformed', reason });
      expect(p.counters.malformedFrames).toBe(2);
    });
  }

  it('drops only the bad record of a multi-record frame', () => {
    const bad = SAMPLE_PAYLOAD.replace('^71900^5^', '^71,900^5^');
    const p = new FrameParser();
    const r = p.parse(`0|H0STCNT0|002|${bad}^${SAMPLE_PAYLOAD}`);
    if (r.kind !== 'ticks') throw new Error(r.kind);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.price).toBe(71900);
    expect(p.counters.byReason.field).toBe(1);
    expect(p.counters.records).toBe(1);
  });

  it('passes through well-formed frames of TRs it does not type', () => {
    expect(new FrameParser().parse('0|H0STANC0|001|a^b')).toEqual({ kind: 'other', trId: 'H0STANC0' });
  });
});
