/**
 * order-cash and order-rvsecncl (kis-api.md §4.1, §4.2). The server checks only the wire (every field a
 * string, required keys present, digits where digits belong); every market rule — account, symbol, day,
 * ORD_DVSN × venue × session, tick, band, quantity, buying power — is the exchange's, in its order (§8.4).
 */
import type { OrderRoute } from '../../exchange/types';
import { businessReject, inputError, success } from '../envelope';
import { MSG } from '../messages';
import { digits } from '../request';
import { orderSide } from '../tr-table';
import type { Handler, HandlerReply, UapiContext } from './common';

const ROUTES: OrderRoute[] = ['KRX', 'NXT', 'SOR'];

function missing(ctx: UapiContext, names: string[]): boolean {
  return names.some((n) => !ctx.params.has(n));
}

function routeOf(ctx: UapiContext): OrderRoute | null {
  const v = ctx.params.str('EXCG_ID_DVSN_CD').trim().toUpperCase();
  if (v === '') return 'KRX'; // blank → KRX
  return (ROUTES as string[]).includes(v) ? (v as OrderRoute) : null;
}

function accepted(r: { orderNo: string; orgNo: string; time: string }): HandlerReply {
  // Order outputs are UPPERCASE on the wire (MCPDOC l.1060ff), unlike query outputs.
  return { ...success('APBK0013', MSG.APBK0013, { output: { KRX_FWDG_ORD_ORGNO: r.orgNo, ODNO: r.orderNo, ORD_TMD: r.time } }), accepted: true };
}

export const orderCash: Handler = (ctx) => {
  if (missing(ctx, ['CANO', 'ACNT_PRDT_CD', 'PDNO', 'ORD_DVSN', 'ORD_QTY', 'ORD_UNPR'])) return inputError('OPSQ2002');
  const qty = digits(ctx.params.get('ORD_QTY'));
  const price = digits(ctx.params.get('ORD_UNPR'));
  const stopText = ctx.params.str('CNDT_PRIC').trim();
  const stop = stopText === '' ? undefined : digits(stopText);
  if (qty === null || price === null || stop === null) return inputError('OPSQ2002');
  const route = routeOf(ctx);
  if (!route) return businessReject('SIMV0004', '[SIM] EXCG_ID_DVSN_CD not allowed');
  ctx.countOrder();
  const r = ctx.exchange.placeOrder({
    account: `${ctx.params.str('CANO').trim()}-${ctx.params.str('ACNT_PRDT_CD').trim()}`,
    symbol: ctx.params.str('PDNO').trim(),
    side: orderSide(ctx.trId),
    ordDvsn: ctx.params.str('ORD_DVSN').trim(),
    qty,
    price,
    route,
    ...(stop !== undefined ? { stopPrice: stop } : {}),
    channel: 'api',
  });
  return r.ok ? accepted(r) : businessReject(r.msgCd, r.msg1);
};

/** Order numbers are 10 digits; a client that dropped the leading zeros still means the same order. */
function orderNo10(text: string): string {
  const t = text.trim();
  return /^\d{1,10}$/.test(t) ? t.padStart(10, '0') : t;
}

export const orderRvsecncl: Handler = (ctx) => {
  if (missing(ctx, ['CANO', 'ACNT_PRDT_CD', 'ORGN_ODNO', 'ORD_DVSN', 'RVSE_CNCL_DVSN_CD', 'ORD_QTY', 'ORD_UNPR', 'QTY_ALL_ORD_YN'])) {
    return inputError('OPSQ2002');
  }
  const kindCode = ctx.params.str('RVSE_CNCL_DVSN_CD').trim();
  const all = ctx.params.str('QTY_ALL_ORD_YN').trim().toUpperCase();
  const qty = digits(ctx.params.get('ORD_QTY'));
  const price = digits(ctx.params.get('ORD_UNPR'));
  const stopText = ctx.params.str('CNDT_PRIC').trim();
  const stop = stopText === '' ? undefined : digits(stopText);
  if ((kindCode !== '01' && kindCode !== '02') || (all !== 'Y' && all !== 'N') || qty === null || price === null || stop === null) {
    return inputError('OPSQ2002');
  }
  const route = routeOf(ctx);
  if (!route) return businessReject('SIMV0004', '[SIM] EXCG_ID_DVSN_CD not allowed');
  const orgNo = ctx.params.str('KRX_FWDG_ORD_ORGNO').trim();
  // Blank KRX_FWDG_ORD_ORGNO is accepted (the doc example sends ""), unless knob requireOrgno.
  if (orgNo === '' && ctx.knobs.requireOrgno) return businessReject('SIMV0005', MSG.SIMV0005);
  ctx.countOrder();
  const r = ctx.exchange.modifyOrder({
    account: `${ctx.params.str('CANO').trim()}-${ctx.params.str('ACNT_PRDT_CD').trim()}`,
    originalOrderNo: orderNo10(ctx.params.str('ORGN_ODNO')),
    orgNo,
    kind: kindCode === '01' ? 'modify' : 'cancel',
    ordDvsn: ctx.params.str('ORD_DVSN').trim(),
    qty,
    all: all === 'Y',
    price,
    route,
    ...(stop !== undefined ? { stopPrice: stop } : {}),
  });
  return r.ok ? accepted(r) : businessReject(r.msgCd, r.msg1);
};
