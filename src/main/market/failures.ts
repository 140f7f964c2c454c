/** KIS client errors as IPC failures: a stable code, Korean for the trader, English for the log and the English UI. */
import { fail, type Failure } from '../../shared/ipc/result';
import { isKisError } from '../kis';

export function kisFailure(err: unknown, what: { ko: string; en: string }): Failure {
  if (!isKisError(err)) return fail('INTERNAL', `${what.ko}을(를) 가져오지 못했습니다.`, `Could not load ${what.en}.`);
  switch (err.kind) {
    case 'rate-limited':
      return fail('RATE_LIMITED', `요청이 많아 ${what.ko} 조회가 지연되었습니다. 잠시 후 다시 시도하세요.`, `Too many requests for ${what.en}; try again shortly.`);
    case 'network':
      return fail('UNAVAILABLE', `KIS에 연결할 수 없어 ${what.ko}을(를) 가져오지 못했습니다.`, `KIS is unreachable; could not load ${what.en}.`);
    case 'credentials':
    case 'token-expired':
      return fail('UNAVAILABLE', 'KIS 인증에 실패했습니다. 설정에서 자격 증명을 확인하세요.', 'KIS authentication failed; check the credentials in Settings.');
    case 'rejected':
    case 'market-closed':
    case 'insufficient-cash': {
      const reason = `${err.msgCd} ${err.msg1}`.trim().slice(0, 200);
      return fail('REJECTED', `KIS가 ${what.ko} 조회를 거부했습니다: ${reason}`, `KIS refused the ${what.en} request: ${reason}`);
    }
    default:
      return fail('INTERNAL', `${what.ko}을(를) 가져오지 못했습니다.`, `Could not load ${what.en} (${err.kind}).`);
  }
}
