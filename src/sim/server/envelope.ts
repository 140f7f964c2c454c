/**
 * Reply shapes and HTTP statuses (kis-api.md §3.3, §3.5): gateway errors (EGW…) → HTTP 500 rt_cd "1"
 * (knob egwHttpStatus), business rejections → HTTP 200 rt_cd "7", query input errors (OPSQ…) → HTTP 200
 * rt_cd "1", token/approval credential errors → HTTP 403 OAuth shape.
 */
import { MSG, type MsgCode } from './messages';

export interface Reply {
  status: number;
  body: unknown;
  /** Extra response headers (tr_cont on paged queries). */
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering (fault knob failAfterAccept 'cut'). */
  cut?: boolean;
}

export function gatewayError(code: MsgCode, egwHttpStatus: 500 | 200): Reply {
  return { status: egwHttpStatus, body: { rt_cd: '1', msg_cd: code, msg1: MSG[code] } };
}

export function businessReject(msgCd: string, msg1: string): Reply {
  return { status: 200, body: { rt_cd: '7', msg_cd: msgCd, msg1 } };
}

export function inputError(code: 'OPSQ2000' | 'OPSQ2001' | 'OPSQ2002'): Reply {
  return { status: 200, body: { rt_cd: '1', msg_cd: code, msg1: MSG[code] } };
}

export function oauthError(code: 'EGW00102' | 'EGW00103' | 'EGW00104' | 'EGW00105' | 'EGW00133' | 'EGW02004'): Reply {
  return { status: 403, body: { error_code: code, error_description: MSG[code] } };
}

export function success(msgCd: string, msg1: string, payload: Record<string, unknown>, headers?: Record<string, string>): Reply {
  return { status: 200, body: { rt_cd: '0', msg_cd: msgCd, msg1, ...payload }, ...(headers ? { headers } : {}) };
}

/** Quotation success (MCA00000). */
export function quoteOk(payload: Record<string, unknown>): Reply {
  return success('MCA00000', MSG.MCA00000, payload);
}
