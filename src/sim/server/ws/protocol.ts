/**
 * The client → server half of the KIS WebSocket (kis-api.md §6.1–§6.3, §6.7): subscribe / unsubscribe
 * messages, acks with per-subscription key/iv, the OPSP error codes and the per-session and per-appkey
 * limits. Pure: the socket layer feeds text in and sends whatever comes out.
 */
import type { Personality } from '../../exchange/types';
import type { SimKnobs } from '../../handle';

export const NOTICE_TR = { real: 'H0STCNI0', paper: 'H0STCNI9' } as const;

const MARKET_TRS_REAL = ['H0STCNT0', 'H0STASP0', 'H0STANC0', 'H0NXCNT0', 'H0NXASP0', 'H0NXANC0', 'H0UNCNT0', 'H0UNASP0', 'H0UNANC0'];
const MARKET_TRS_PAPER = ['H0STCNT0', 'H0STASP0', 'H0STANC0'];

export function isNoticeTr(trId: string): boolean {
  return trId === NOTICE_TR.real || trId === NOTICE_TR.paper;
}

/** TRs a personality serves: paper has no NXT/UN realtime ("모의투자 미지원") and uses H0STCNI9 for notices. */
export function servedTr(personality: Personality, trId: string, knobs: SimKnobs): boolean {
  if (personality === 'real') return trId === NOTICE_TR.real || MARKET_TRS_REAL.includes(trId);
  if (trId === 'H0STANC0') return !knobs.paperRejectAnc;
  return trId === NOTICE_TR.paper || MARKET_TRS_PAPER.includes(trId);
}

export interface Subscription {
  trId: string;
  trKey: string;
  key: string;
  iv: string;
}

export interface ProtocolEnv {
  personality: Personality;
  knobs(): SimKnobs;
  /** appkey of a valid approval key, else undefined. */
  approvalAppkey(approvalKey: string): string | undefined;
  isSymbol(code: string): boolean;
  isHtsId(id: string): boolean;
  freshKeyIv(): { key: string; iv: string };
  /** Another open session already holds this appkey. */
  appkeyHeldElsewhere(appkey: string, session: SessionState): boolean;
}

export class SessionState {
  appkey: string | null = null;
  /** The approval key that opened the session: it stays good for this session past its 24 h (checked at start only). */
  approvalKey: string | null = null;
  readonly subs = new Map<string, Subscription>();

  static subKey(trId: string, trKey: string): string {
    return `${trId}|${trKey}`;
  }
}

export interface ProtocolResult {
  replies: string[];
  /** Close the socket after sending (OPSP8996 on the newer session). */
  close?: boolean;
  /** Subscriptions added / removed by this message (the server indexes them). */
  added?: Subscription;
  removed?: Subscription;
  /** The session bound itself to this appkey with this message. */
  bound?: string;
  /** A PINGPONG echo or similar keep-alive; nothing to answer. */
  keepAlive?: boolean;
}

interface AckOpts {
  trId: string;
  trKey: string;
  encrypt: 'Y' | 'N';
  rtCd: string;
  msgCd: string;
  msg1: string;
  output?: { iv: string; key: string };
}

export function ack(o: AckOpts): string {
  const body: Record<string, unknown> = { rt_cd: o.rtCd, msg_cd: o.msgCd, msg1: o.msg1 };
  if (o.output) body.output = o.output;
  return JSON.stringify({ header: { tr_id: o.trId, tr_key: o.trKey, encrypt: o.encrypt }, body });
}

const TEXT: Record<string, string> = {
  OPSP0000: 'SUBSCRIBE SUCCESS',
  OPSP0001: 'UNSUBSCRIBE SUCCESS',
  OPSP0002: 'ALREADY IN SUBSCRIBE',
  OPSP0003: 'UNSUBSCRIBE ERROR (not found!)',
  OPSP0008: 'MAX SUBSCRIBE OVER',
  OPSP0011: 'invalid approval(appkey) : NOT FOUND',
  OPSP8991: 'SUBSCRIBE ERROR : invalid tr_id',
  OPSP8992: 'SUBSCRIBE ERROR : invalid tr_key',
  OPSP8996: 'ALREADY IN USE appkey',
  OPSP8997: 'JSON PARSING ERROR : invalid tr_type',
  OPSP8998: 'JSON PARSING ERROR : invalid custtype',
  OPSP9990: 'JSON PARSING ERROR : tr_key not found',
  OPSP9991: 'JSON PARSING ERROR : input not found',
  OPSP9997: 'JSON PARSING ERROR : custtype not found',
  OPSP9998: 'JSON PARSING ERROR : header not found',
  OPSP9999: 'JSON PARSING ERROR : invalid json format',
};

function err(code: keyof typeof TEXT & string, trId = '', trKey = '', rtCd = '1'): ProtocolResult {
  // Keep `encrypt` per TR even on errors: the official helper stores header.encrypt per tr_id from EVERY ack,
  // so an "N" on a refused duplicate H0STCNI0 would make it stop decrypting that TR's notices.
  return { replies: [ack({ trId, trKey, encrypt: isNoticeTr(trId) ? 'Y' : 'N', rtCd, msgCd: code, msg1: TEXT[code]! })] };
}

function obj(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function handleClientText(text: string, s: SessionState, env: ProtocolEnv): ProtocolResult {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return err('OPSP9999');
  }
  const root = obj(msg);
  if (!root) return err('OPSP9999');
  const header = obj(root.header);
  if (!header) return err('OPSP9998');
  // A PINGPONG echoed back as text is a keep-alive, not a request.
  if (header.tr_id === 'PINGPONG') return { replies: [], keepAlive: true };

  const input = obj(obj(root.body)?.input);
  const trId = typeof input?.tr_id === 'string' ? input.tr_id : '';
  const trKey = typeof input?.tr_key === 'string' ? input.tr_key : '';

  const approval = typeof header.approval_key === 'string' ? header.approval_key : '';
  const appkey = approval && approval === s.approvalKey ? s.appkey : approval ? env.approvalAppkey(approval) : undefined;
  if (!appkey) return err('OPSP0011', trId, trKey);
  let bound: string | undefined;
  if (s.appkey === null) {
    // One session per appkey: the newer socket is told and closed; the older one is unaffected.
    if (env.appkeyHeldElsewhere(appkey, s)) return { ...err('OPSP8996', trId, trKey, '9'), close: true };
    s.appkey = appkey;
    s.approvalKey = approval;
    bound = appkey;
  }
  const withBound = (r: ProtocolResult): ProtocolResult => (bound ? { ...r, bound } : r);

  if (header.custtype === undefined) return withBound(err('OPSP9997', trId, trKey));
  if (header.custtype !== 'P' && header.custtype !== 'B') return withBound(err('OPSP8998', trId, trKey));
  const trType = header.tr_type;
  if (trType !== '1' && trType !== '2') return withBound(err('OPSP8997', trId, trKey));
  if (!input) return withBound(err('OPSP9991', trId, trKey));
  if (!trId || !servedTr(env.personality, trId, env.knobs())) return withBound(err('OPSP8991', trId, trKey));
  if (!trKey) return withBound(err('OPSP9990', trId, trKey));
  const keyOk = isNoticeTr(trId) ? env.isHtsId(trKey) : env.isSymbol(trKey);
  if (!keyOk) return withBound(err('OPSP8992', trId, trKey));

  const id = SessionState.subKey(trId, trKey);
  const encrypt = isNoticeTr(trId) ? 'Y' : 'N';
  if (trType === '2') {
    const existing = s.subs.get(id);
    if (!existing) return withBound(err('OPSP0003', trId, trKey));
    s.subs.delete(id);
    return withBound({
      replies: [ack({ trId, trKey, encrypt, rtCd: '0', msgCd: 'OPSP0001', msg1: TEXT.OPSP0001! })],
      removed: existing,
    });
  }
  if (s.subs.has(id)) return withBound(err('OPSP0002', trId, trKey));
  if (s.subs.size >= env.knobs().wsMaxRegistrations) return withBound(err('OPSP0008', trId, trKey, env.knobs().wsMaxSubscribeRtCd));
  const { key, iv } = env.freshKeyIv();
  const sub: Subscription = { trId, trKey, key, iv };
  s.subs.set(id, sub);
  return withBound({
    replies: [ack({ trId, trKey, encrypt, rtCd: '0', msgCd: 'OPSP0000', msg1: TEXT.OPSP0000!, output: { iv, key } })],
    added: sub,
  });
}
