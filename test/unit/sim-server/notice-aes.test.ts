import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrderNotice } from '../../../src/sim/exchange/types';
import { aesDecryptBase64, aesEncryptBase64 } from '../../../src/sim/server/ws/aes';
import { NOTICE_FIELD_COUNT, noticeFrame, noticeRecord } from '../../../src/sim/server/ws/notice';

// kis-api.md §6.5 test vector (synthetic, with the doc example key/iv).
const KEY = 'abcdefghijklmnopabcdefghijklmnop';
const IV = '0123456789abcdef';
const FRAME =
  '1|H0STCNI0|001|L4Lx+/3abZCDdSoYew2Xlx7egofA0PrYQUqY9j16HQLY472ftBvUtjIAx+Udp2YViZvMW63AvJlYCrOhbtoC2KqYzuzltPZrbMz3mRato/Fxc1H0hH7Ngmllvp/cGUZ97ZRQz8d960R9hCVQsZwOJXk85P9tFrbj5ER6UN23y1A=';
const PLAIN = 'demo01^5012345601^0000012345^^02^0^00^0^005930^3^71900^093354^0^2^2^06010^10^홍길동^^1^N^^^^삼성전자^71900';

const fill: OrderNotice = {
  account: '50123456-01',
  htsId: 'demo01',
  orderNo: '0000012345',
  originalOrderNo: '',
  side: 'buy',
  rctf: '0',
  ordDvsn: '00',
  cond: '0',
  symbol: '005930',
  name: '삼성전자',
  qty: 3,
  price: 71900,
  time: '093354',
  refused: false,
  cntgYn: '2',
  acptYn: '2',
  orderQty: 10,
  orderPrice: 71900,
  stopPrice: 0,
  exchangeCode: '1',
};

/** Independent of the simulator's helper: the recipe of kis-api.md §6.5 written out with node:crypto. */
function independentDecrypt(b64: string, key: string, iv: string): string {
  const d = createDecipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(iv, 'utf8'));
  return Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()]).toString('utf8');
}

describe('H0STCNI0 notices', () => {
  it('decrypts the documented test vector through the simulator code path', () => {
    const payload = FRAME.split('|')[3]!;
    expect(aesDecryptBase64(payload, KEY, IV)).toBe(PLAIN);
  });

  it('builds the documented 26-field plaintext from an exchange fill notice', () => {
    const rec = noticeRecord(fill, '홍길동', '06010');
    expect(rec).toBe(PLAIN);
    expect(rec.split('^')).toHaveLength(NOTICE_FIELD_COUNT);
  });

  it('encrypts to exactly the documented frame (CBC with a fixed iv is deterministic)', () => {
    expect(noticeFrame('H0STCNI0', noticeRecord(fill, '홍길동', '06010'), KEY, IV)).toBe(FRAME);
  });

  it('round-trips through an independent decrypt with a fresh key/iv', () => {
    const key = 'Zy9xW8vU7tS6rQ5pO4nM3lK2jI1hG0fE';
    const iv = 'aB3dE5gH7jK9mN1p';
    const frame = noticeFrame('H0STCNI9', noticeRecord({ ...fill, cntgYn: '1', acptYn: '1', qty: 10 }, '홍길동', '06010'), key, iv);
    const [enc, tr, count, body] = frame.split('|');
    expect([enc, tr, count]).toEqual(['1', 'H0STCNI9', '001']);
    const fields = independentDecrypt(body!, key, iv).split('^');
    expect(fields).toHaveLength(26);
    expect(fields[13]).toBe('1'); // CNTG_YN acceptance
    expect(fields[9]).toBe('10'); // acceptance: field 10 = order qty
    expect(fields[25]).toBe('71900'); // ODER_PRC always the order price
  });

  it('puts the stop price in ORD_COND_PRC only for stop-limit orders and maps sell/cancel codes', () => {
    const stop = noticeRecord({ ...fill, ordDvsn: '22', stopPrice: 71000, side: 'sell', rctf: '2', exchangeCode: '4' }, 'X', '06010').split('^');
    expect(stop[18]).toBe('71000');
    expect(stop[4]).toBe('01');
    expect(stop[5]).toBe('2');
    expect(stop[19]).toBe('4');
    expect(noticeRecord({ ...fill, stopPrice: 71000 }, 'X', '06010').split('^')[18]).toBe('');
  });

  it('rejects a wrong key (PKCS7 check) rather than returning garbage', () => {
    const payload = FRAME.split('|')[3]!;
    expect(() => aesEncryptBase64('x', 'short', IV)).toThrow();
    expect(() => aesDecryptBase64(payload, 'bbcdefghijklmnopabcdefghijklmnop', IV)).toThrow();
  });
});
