/**
 * What every /uapi handler receives, and the small wire helpers they share (account parsing, names of
 * order types, string formatting of numbers — every number leaves as a string).
 */
import { ordDvsnInfo } from '../../../shared/market/ordDvsn';
import type { Personality, SimExchange } from '../../exchange/types';
import type { SimKnobs } from '../../handle';
import { businessReject, inputError, type Reply } from '../envelope';
import { MSG } from '../messages';
import type { Params } from '../request';
import type { RouteSpec } from '../tr-table';

export interface UapiContext {
  exchange: SimExchange;
  personality: Personality;
  knobs: SimKnobs;
  route: RouteSpec;
  trId: string;
  /** GET query or POST body, keys matched case-insensitively. */
  params: Params;
  /** Request header tr_cont ('' or 'N'). */
  trCont: string;
  simNow: number;
  /** Count an order request that reaches the exchange (SimStats.orderRequests). */
  countOrder(): void;
}

/** A handler's reply; `accepted` marks an order the exchange booked (the failAfterAccept fault applies to those). */
export type HandlerReply = Reply & { accepted?: boolean };
export type Handler = (ctx: UapiContext) => HandlerReply;

/** 주문구분 name of an ORD_DVSN code (shared §5 table), '' for codes it does not know. */
export function ordDvsnName(code: string): string {
  return ordDvsnInfo(code)?.nameKo ?? '';
}

export const str = (n: number): string => String(Math.trunc(n));
export const fixed = (n: number, digits: number): string => {
  if (!Number.isFinite(n)) return (0).toFixed(digits);
  const s = n.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
};
export const yn = (b: boolean): 'Y' | 'N' => (b ? 'Y' : 'N');

/**
 * CANO + ACNT_PRDT_CD → 'NNNNNNNN-PP' if the exchange knows the account. Queries answer a bad account with
 * OPSQ2000 (input check), orders with APAC0081 (business rejection).
 */
export function accountOf(ctx: UapiContext, kind: 'query' | 'order'): { ok: true; account: string } | { ok: false; reply: Reply } {
  const cano = ctx.params.str('CANO').trim();
  const prdt = ctx.params.str('ACNT_PRDT_CD').trim();
  const account = `${cano}-${prdt}`;
  if (/^\d{8}$/.test(cano) && /^\d{2}$/.test(prdt) && ctx.exchange.account(account)) return { ok: true, account };
  return { ok: false, reply: kind === 'query' ? inputError('OPSQ2000') : businessReject('APAC0081', MSG.APAC0081) };
}

/** The day's date window a query may ask about, clamped to sane YYYYMMDD strings. */
export function ymdOr(text: string, fallback: string): string {
  return /^\d{8}$/.test(text.trim()) ? text.trim() : fallback;
}
