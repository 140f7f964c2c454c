/**
 * Turns schema and plain-data problems into BAD_INPUT messages that name the field, in Korean for the
 * trader and English for developers. Messages never echo the offending value (it may be huge or secret).
 */
import type { z } from 'zod';
import { fail, type Failure } from '../../shared/ipc/result';
import type { PlainDataProblem } from './plain-data';

const fieldName = (path: string): string => (path === '' ? '(입력 전체)' : path);
const fieldNameEn = (path: string): string => (path === '' ? '(the whole input)' : path);

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function describe(issue: z.core.$ZodIssue): { ko: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      return { ko: `형식이 맞지 않습니다 (${issue.expected} 필요)`, en: `has the wrong type (expected ${issue.expected})` };
    case 'too_big':
      return issue.origin === 'string'
        ? { ko: `너무 깁니다 (최대 ${String(issue.maximum)}자)`, en: `is too long (at most ${String(issue.maximum)} characters)` }
        : { ko: `너무 큽니다 (최대 ${String(issue.maximum)})`, en: `is too big (at most ${String(issue.maximum)})` };
    case 'too_small':
      return issue.origin === 'string'
        ? { ko: `너무 짧습니다 (최소 ${String(issue.minimum)}자)`, en: `is too short (at least ${String(issue.minimum)} characters)` }
        : { ko: `너무 작습니다 (최소 ${String(issue.minimum)})`, en: `is too small (at least ${String(issue.minimum)})` };
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 5).map((k) => k.slice(0, 40)).join(', ');
      return { ko: `허용되지 않은 항목이 있습니다: ${keys}`, en: `has keys that are not allowed: ${keys}` };
    }
    case 'invalid_value':
      return { ko: '허용된 값이 아닙니다', en: 'is not one of the allowed values' };
    case 'invalid_format':
      return { ko: '형식이 올바르지 않습니다', en: 'has the wrong format' };
    case 'not_multiple_of':
      return { ko: `${String(issue.divisor)}의 배수여야 합니다`, en: `must be a multiple of ${String(issue.divisor)}` };
    default:
      return { ko: '값이 올바르지 않습니다', en: 'is not valid' };
  }
}

export function badInputFromZod(channel: string, error: z.ZodError): Failure {
  const issue = error.issues[0];
  if (!issue) return fail('BAD_INPUT', `입력값이 올바르지 않습니다 (${channel}).`, `Invalid input for ${channel}.`);
  const path = pathOf(issue);
  const { ko, en } = describe(issue);
  const more = error.issues.length > 1 ? ` (외 ${error.issues.length - 1}건)` : '';
  const moreEn = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return fail(
    'BAD_INPUT',
    `입력값 오류: ${fieldName(path)} 항목이 ${ko}${more}.`,
    `Invalid input for ${channel}: ${fieldNameEn(path)} ${en}${moreEn}.`,
  );
}

const PLAIN_KO: Record<PlainDataProblem['reason'], string> = {
  'forbidden-key': '허용되지 않는 이름입니다',
  'not-plain': '일반 데이터가 아닙니다',
  'too-deep': '너무 깊게 중첩되어 있습니다',
  'too-large': '너무 큽니다',
  'not-finite': '유한한 숫자가 아닙니다',
  'bad-type': '지원하지 않는 형식입니다',
};
const PLAIN_EN: Record<PlainDataProblem['reason'], string> = {
  'forbidden-key': 'is a forbidden key name',
  'not-plain': 'is not plain data',
  'too-deep': 'is nested too deeply',
  'too-large': 'is too large',
  'not-finite': 'is not a finite number',
  'bad-type': 'has an unsupported type',
};

export function badInputFromPlainData(channel: string, problem: PlainDataProblem): Failure {
  const path = problem.path.slice(0, 200);
  return fail(
    'BAD_INPUT',
    `입력값 오류: ${fieldName(path)} 항목이 ${PLAIN_KO[problem.reason]}.`,
    `Invalid input for ${channel}: ${fieldNameEn(path)} ${PLAIN_EN[problem.reason]}.`,
  );
}

export const forbiddenSender = (): Failure =>
  fail('FORBIDDEN_SENDER', '허용되지 않은 화면에서 온 요청입니다.', 'The request did not come from the app window.');
export const unknownChannel = (): Failure => fail('UNKNOWN_CHANNEL', '알 수 없는 요청입니다.', 'Unknown channel.');
export const notImplemented = (channel: string): Failure =>
  fail('UNAVAILABLE', `아직 지원하지 않는 기능입니다 (${channel}).`, `${channel} is not available yet.`);
export const internalError = (): Failure =>
  fail('INTERNAL', '내부 오류가 발생했습니다. 로그를 확인하세요.', 'Internal error. See the log for details.');
