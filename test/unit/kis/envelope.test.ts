import { describe, expect, it } from 'vitest';
import { orderBody, queryString, readKis } from '../../../src/main/kis/rest/envelope';

describe('readKis (parse the body whatever the status)', () => {
  it('success lowercases every output key and keeps tr_cont', () => {
    const r = readKis(JSON.stringify({ rt_cd: '0', msg_cd: 'KIOK0500', msg1: '조회가 계속됩니다..   ', output1: [{ PDNO: '005930', Hldg_Qty: '1' }], output2: { DNCA_TOT_AMT: '5' }, CTX_AREA_NK100: 'abc   ' }), 'M');
    expect(r).toMatchObject({ kind: 'ok', msgCd: 'KIOK0500', msg1: '조회가 계속됩니다..', trCont: 'M', empty: false });
    if (r.kind !== 'ok') throw new Error('unreachable');
    expect(r.body.output1).toEqual([{ pdno: '005930', hldg_qty: '1' }]);
    expect(r.body.output2).toEqual({ dnca_tot_amt: '5' });
    expect(r.body.ctx_area_nk100).toBe('abc   '); // cursors untouched (echoed verbatim)
  });
  it('the OAuth error shape is recognised', () => {
    expect(readKis('{"error_code":"EGW00133","error_description":"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)"}', '')).toEqual({
      kind: 'oauth',
      code: 'EGW00133',
      message: '접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)',
    });
  });
  it('a rejection keeps rt_cd, msg_cd and the trimmed msg1', () => {
    expect(readKis('{"rt_cd":"7","msg_cd":"APBK0952","msg1":"주문가능금액을 초과 했습니다    "}', '')).toEqual({
      kind: 'reject',
      rtCd: '7',
      msgCd: 'APBK0952',
      msg1: '주문가능금액을 초과 했습니다',
    });
  });
  it('70070000 is an empty success', () => {
    const r = readKis('{"rt_cd":"0","msg_cd":"70070000","msg1":"모의투자 조회할 내역(자료)이 없습니다."}', 'D');
    expect(r).toMatchObject({ kind: 'ok', empty: true });
  });
  it('non-JSON and non-object bodies are transport problems', () => {
    expect(readKis('<html>502 Bad Gateway</html>', '').kind).toBe('not-json');
    expect(readKis('', '').kind).toBe('not-json');
    expect(readKis('[1,2]', '').kind).toBe('not-json');
    expect(readKis('null', '').kind).toBe('not-json');
  });
});

describe('request encoding', () => {
  it('query keys are UPPERCASE and padded cursors survive percent-encoding', () => {
    const q = queryString({ cano: '12345678', CTX_AREA_NK100: '12345678^01^20220103 ^  ' });
    expect(q).toBe('?CANO=12345678&CTX_AREA_NK100=12345678%5E01%5E20220103%20%5E%20%20');
    expect(new URLSearchParams(q).get('CTX_AREA_NK100')).toBe('12345678^01^20220103 ^  ');
  });
  it('POST bodies have UPPERCASE keys and only string values', () => {
    const body = JSON.parse(orderBody({ cano: '12345678', ORD_QTY: 10, ORD_UNPR: 0 }));
    expect(body).toEqual({ CANO: '12345678', ORD_QTY: '10', ORD_UNPR: '0' });
    expect(Object.values(body).every((v) => typeof v === 'string')).toBe(true);
  });
});
