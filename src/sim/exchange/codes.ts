/** Rejections in KIS's own terms (kis-api.md §8.4 / §8.5); the server wraps them in the rt_cd "7" envelope. */
import type { Personality, Rejection } from './types';

export const ORG_NO = '06010';

export function reject(msgCd: string, msg1: string): Rejection {
  return { ok: false, msgCd, msg1 };
}

export const REJECT = {
  badAccount: () => reject('APAC0081', '계좌번호 입력 오류입니다'),
  unknownSymbol: () => reject('APBK0656', '해당 종목 정보가 없습니다.'),
  notTradingDay: (p: Personality) =>
    p === 'paper' ? reject('40100000', '모의투자 영업일이 아닙니다.') : reject('APBK0919', '장운영일자가 주문일과 상이합니다'),
  outsideHours: (p: Personality) =>
    p === 'paper' ? reject('40570000', '모의투자 장시작전 입니다.') : reject('APBK0918', '장운영시간이 아닙니다.(주문불가)'),
  ordDvsn: () => reject('SIMV0003', '[SIM] ORD_DVSN not allowed for venue/session'),
  route: () => reject('SIMV0004', '[SIM] EXCG_ID_DVSN_CD not allowed'),
  offTick: () => reject('SIMV0001', '[SIM] ORD_UNPR not on tick grid'),
  outsideBand: () => reject('SIMV0002', '[SIM] ORD_UNPR outside daily price band'),
  noStopPrice: () => reject('SIMV0007', '[SIM] CNDT_PRIC required'),
  quantity: () => reject('SIMV0006', '[SIM] quantity exceeds sellable/open quantity'),
  notFound: () => reject('SIMV0005', '[SIM] original order not found or not open'),
  insufficient: (p: Personality, paperCode: string) =>
    p === 'paper' ? reject(paperCode, '모의투자 주문가능금액이 부족합니다.') : reject('APBK0952', '주문가능금액을 초과 했습니다'),
};
