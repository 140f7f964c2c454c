/**
 * Wire texts, verbatim from kis-api.md (§2, §3.3, §8.3–§8.5). Kept in one table so a code is never sent
 * with two different texts.
 */
export const MSG = {
  // success
  MCA00000: '정상처리 되었습니다.',
  KIOK0510: '조회가 완료되었습니다',
  KIOK0500: '조회가 계속됩니다..다음버튼을 Click 하십시오.',
  APBK0013: '주문 전송 완료 되었습니다.',
  '70070000': '모의투자 조회할 내역(자료)이 없습니다.',
  // gateway
  EGW00102: 'AppKey는 필수입니다.',
  EGW00103: '유효하지 않은 AppKey입니다.',
  EGW00104: 'AppSecret은 필수입니다.',
  EGW00105: '유효하지 않은 AppSecret입니다.',
  EGW00121: '유효하지 않은 token 입니다.',
  EGW00122: 'token을 찾을 수 없습니다.',
  EGW00123: '기간이 만료된 token 입니다.',
  EGW00131: '유효하지 않은 hashkey입니다.',
  EGW00133: '접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)',
  EGW00201: '초당 거래건수를 초과하였습니다.',
  EGW00205: 'credentials_type이 유효하지 않습니다.(Bearer)',
  EGW00206: 'API 사용 권한이 없습니다.',
  EGW00208: '고객유형(custtype)이 유효하지 않습니다.',
  EGW00210: '법인고객의 경우 모의투자를 이용할 수 없습니다.',
  EGW00213: '모의투자 tr이 아닙니다.',
  EGW00300: 'Gateway 라우팅 오류',
  EGW00301: '연결 시간 초과',
  EGW00302: '거래시간 초과',
  EGW02004: '실전투자 도메인은 모의투자 앱키로 호출하실 수 없습니다.',
  // query input
  OPSQ2000: 'INPUT INVALID_CHECK_ACNO',
  OPSQ2001: 'INPUT INVALID_CHECK_MRKT_DIV_CODE',
  OPSQ2002: 'INPUT INVALID_CHECK_FIELD_LENGTH',
  // business
  APBK0656: '해당 종목 정보가 없습니다.',
  APAC0081: '계좌번호 입력 오류입니다',
  SIMV0005: '[SIM] original order not found or not open',
} as const;

export type MsgCode = keyof typeof MSG;

/** Revoke success body (kis-api.md §2.3). */
export const REVOKE_OK = { code: 200, message: '접근토큰 폐기에 성공하였습니다' } as const;

/**
 * Right-pad a msg1 the way KIS does ("조회가 완료되었습니다          …"): to a fixed width in cp949 bytes,
 * where a Hangul syllable takes two bytes. Clients must trim; the padding is there to catch those that don't.
 */
export function padMsg(text: string, widthBytes = 80): string {
  let bytes = 0;
  for (const ch of text) bytes += ch.charCodeAt(0) > 0x7f ? 2 : 1;
  return bytes >= widthBytes ? text : text + ' '.repeat(widthBytes - bytes);
}
