import { describe, expect, it } from 'vitest';
import {
  classifyRejection,
  KisBadResponseError,
  KisInsufficientCashError,
  KisMarketClosedError,
  KisNetworkError,
  KisRejectedError,
  KisUnknownOutcomeError,
  orderDefinitelyNotAccepted,
  settle,
} from '../../../src/main/kis/errors';

const r = (msgCd: string, msg1 = '', rtCd = '7') => classifyRejection({ rtCd, msgCd, msg1 });

describe('rejection taxonomy (kis-api.md §8.4 DECISION)', () => {
  it('market closed: APBK0918, APBK0919 and the paper codes', () => {
    for (const code of ['APBK0918', 'APBK0919', '40100000']) expect(r(code)).toBeInstanceOf(KisMarketClosedError);
    expect(r('40570000', '모의투자 장시작전 입니다.').kind).toBe('market-closed');
  });
  it('insufficient cash: APBK0952 or a paper code whose msg1 mentions 주문가능금액', () => {
    expect(r('APBK0952', '주문가능금액을 초과 했습니다').kind).toBe('insufficient-cash');
    expect(r('40310000', '모의투자 주문가능금액이 부족합니다.')).toBeInstanceOf(KisInsufficientCashError);
    // 40570000 collides: the text decides.
    expect(r('40570000', '모의투자 주문가능금액이 부족합니다.').kind).toBe('insufficient-cash');
  });
  it('insufficient-cash and market-closed are still rejections carrying msg_cd and trimmed msg1', () => {
    const e = r('APBK0952', '주문가능금액을 초과 했습니다     ');
    expect(e).toBeInstanceOf(KisRejectedError);
    expect(e.msgCd).toBe('APBK0952');
    expect(e.msg1).toBe('주문가능금액을 초과 했습니다');
  });
  it('gateway codes map to their classes', () => {
    expect(r('EGW00123', '기간이 만료된 token 입니다.', '1').kind).toBe('token-expired');
    expect(r('EGW00201', '초당 거래건수를 초과하였습니다.', '1').kind).toBe('rate-limited');
    expect(r('EGW00103', '유효하지 않은 AppKey입니다.', '1').kind).toBe('credentials');
    expect(r('SIMV0001', '[SIM] ORD_UNPR not on tick grid').kind).toBe('rejected');
  });
  it('only provable non-acceptance lets the journal mark an order failed', () => {
    expect(orderDefinitelyNotAccepted(new KisUnknownOutcomeError('x'))).toBe(false);
    expect(orderDefinitelyNotAccepted(new KisNetworkError('x', { sent: true }))).toBe(false);
    expect(orderDefinitelyNotAccepted(new KisNetworkError('x', { sent: false }))).toBe(true);
    expect(orderDefinitelyNotAccepted(r('APBK0952'))).toBe(true);
  });
  it('settle turns a call into a value and wraps stray throws', async () => {
    expect(await settle(Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    const s = await settle(Promise.reject(new TypeError('boom')));
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error).toBeInstanceOf(KisBadResponseError);
  });
});
