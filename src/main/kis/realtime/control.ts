/** JSON control frames (first character `{`): subscribe/unsubscribe acks and PINGPONG (kis-api.md §6.2, §6.6). */

export interface AckMessage {
  type: 'ack';
  trId: string;
  trKey: string;
  rtCd: string;
  msgCd: string;
  msg1: string;
  /** Present on successful subscribes; used only by encrypted TRs. */
  key?: string;
  iv?: string;
}
export interface PingPongMessage {
  type: 'pingpong';
  /** The frame exactly as received: it is echoed verbatim. */
  raw: string;
}
export interface UnknownControl {
  type: 'unknown';
}
export type ControlMessage = AckMessage | PingPongMessage | UnknownControl;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Returns null for text that is not JSON (a malformed frame). */
export function parseControl(raw: string): ControlMessage | null {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof msg !== 'object' || msg === null) return null;
  const header = (msg as { header?: Record<string, unknown> }).header ?? {};
  const trId = str(header.tr_id);
  if (trId === 'PINGPONG') return { type: 'pingpong', raw };
  const body = (msg as { body?: Record<string, unknown> }).body;
  if (!body || typeof body !== 'object') return { type: 'unknown' };
  const output = (body.output ?? {}) as Record<string, unknown>;
  const ack: AckMessage = {
    type: 'ack',
    trId,
    trKey: str(header.tr_key),
    rtCd: str(body.rt_cd),
    msgCd: str(body.msg_cd),
    msg1: str(body.msg1).trimEnd(),
  };
  if (typeof output.key === 'string') ack.key = output.key;
  if (typeof output.iv === 'string') ack.iv = output.iv;
  return ack;
}
