/**
 * order-cash and order-rvsecncl (kis-api.md §4.1, §4.2). Inputs are checked before anything is sent
 * (invalid-request), and an accepted order whose reply cannot be read is UNKNOWN, not an error that invites a
 * resend. Never retried here on ambiguity (see caller.ts).
 */
import { KisInvalidRequestError, KisUnknownOutcomeError, KisBadResponseError } from '../errors';
import { orderAckSchema } from '../schemas/orders';
import { parseKis } from '../schemas/parse';
import type { ModifyCancelRequest, OrderAck, OrderCashRequest, OrderRoute } from '../types';
import type { CallResult } from './caller';
import type { RestContext } from './context';
import { PATHS, TR, trFor } from './trs';

/** Order types sent with ORD_UNPR "0" (kis-api.md §5 "Unpriced" DECISION). */
export const UNPRICED_ORD_DVSN: ReadonlySet<string> = new Set([
  '01', '03', '04', '05', '06', '13', '14', '15', '16', '21', '23', '24', '28', '29', '44', '45', '46', '47',
]);
const KNOWN_ORD_DVSN: ReadonlySet<string> = new Set([
  '00', '01', '02', '03', '04', '05', '06', '07', '11', '12', '13', '14', '15', '16', '21', '22', '23', '24',
  '27', '28', '29', '41', '42', '43', '44', '45', '46', '47',
]);
const SYMBOL = /^[0-9A-Z]{6,7}$/;

function invalid(message: string, trId: string): never {
  throw new KisInvalidRequestError(message, { trId });
}

function checkRoute(route: OrderRoute, paper: boolean, trId: string): OrderRoute {
  if (route !== 'KRX' && route !== 'NXT' && route !== 'SOR') invalid(`unknown route ${String(route)}`, trId);
  if (paper && route !== 'KRX') invalid('paper trading routes to KRX only (모의투자는 KRX만 가능)', trId);
  return route;
}

function positiveInt(n: unknown, what: string, trId: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) invalid(`${what} must be a positive whole number`, trId);
  return n;
}

function checkOrdDvsn(ordDvsn: string, trId: string): void {
  if (!KNOWN_ORD_DVSN.has(ordDvsn)) invalid(`unknown ORD_DVSN ${JSON.stringify(ordDvsn)}`, trId);
}

function priceField(ordDvsn: string, price: number | undefined, trId: string): string {
  if (UNPRICED_ORD_DVSN.has(ordDvsn)) return '0';
  return String(positiveInt(price, 'price', trId));
}

function stopField(ordDvsn: string, stopPrice: number | undefined, trId: string): string | null {
  if (ordDvsn === '22') return String(positiveInt(stopPrice, 'stop price (CNDT_PRIC) for a stop-limit order', trId));
  return null;
}

/** An accepted order (rt_cd "0") whose body does not parse: it IS at KIS, we just cannot read its number. */
function readAck(result: CallResult, trId: string): OrderAck {
  try {
    return parseKis(orderAckSchema, result.body, trId);
  } catch (e) {
    if (e instanceof KisBadResponseError)
      throw new KisUnknownOutcomeError(`${trId}: accepted (${result.msgCd}) but the reply is unreadable: ${e.message}`, { trId, cause: e, msgCd: result.msgCd, msg1: result.msg1 });
    throw e;
  }
}

export async function orderCash(ctx: RestContext, req: OrderCashRequest): Promise<OrderAck> {
  const trId = trFor(req.side === 'buy' ? TR.buy : req.side === 'sell' ? TR.sell : invalid('side must be buy or sell', 'order-cash'), ctx.env.paper);
  if (typeof req.symbol !== 'string' || !SYMBOL.test(req.symbol)) invalid('symbol must be a 6-digit code (ETN: Q + 6)', trId);
  checkOrdDvsn(req.ordDvsn, trId);
  const qty = positiveInt(req.qty, 'quantity', trId);
  const route = checkRoute(req.route ?? 'KRX', ctx.env.paper, trId);
  const body: Record<string, string> = {
    CANO: ctx.account.cano,
    ACNT_PRDT_CD: ctx.account.productCode,
    PDNO: req.symbol,
    ORD_DVSN: req.ordDvsn,
    ORD_QTY: String(qty),
    ORD_UNPR: priceField(req.ordDvsn, req.price, trId),
    EXCG_ID_DVSN_CD: route,
  };
  if (req.side === 'sell') body.SLL_TYPE = req.sellType ?? '01';
  const stop = stopField(req.ordDvsn, req.stopPrice, trId);
  if (stop !== null) body.CNDT_PRIC = stop;
  const result = await ctx.caller.call({ method: 'POST', path: PATHS.orderCash, trId, body, priority: 'order', kind: 'order' });
  const ack = readAck(result, trId);
  ctx.logger.info('order accepted', { trId, symbol: req.symbol, ordDvsn: req.ordDvsn, qty, route, orderNo: ack.orderNo });
  return ack;
}

export async function orderModifyCancel(ctx: RestContext, req: ModifyCancelRequest): Promise<OrderAck> {
  const trId = trFor(TR.modifyCancel, ctx.env.paper);
  if (req.kind !== 'modify' && req.kind !== 'cancel') invalid('kind must be modify or cancel', trId);
  if (typeof req.originalOrderNo !== 'string' || !/^\d{1,10}$/.test(req.originalOrderNo.trim())) invalid('originalOrderNo must be the KIS order number', trId);
  // kis-api.md §4.2 DECISION: always send the real KRX_FWDG_ORD_ORGNO, never blank.
  if (typeof req.orgNo !== 'string' || req.orgNo.trim() === '') invalid('orgNo (KRX_FWDG_ORD_ORGNO) is required', trId);
  checkOrdDvsn(req.ordDvsn, trId);
  const route = checkRoute(req.route ?? 'KRX', ctx.env.paper, trId);
  const qty = req.all ? '0' : String(positiveInt(req.qty, 'quantity', trId));
  const price = req.kind === 'cancel' ? '0' : priceField(req.ordDvsn, req.price, trId);
  const body: Record<string, string> = {
    CANO: ctx.account.cano,
    ACNT_PRDT_CD: ctx.account.productCode,
    KRX_FWDG_ORD_ORGNO: req.orgNo.trim(),
    ORGN_ODNO: req.originalOrderNo.trim(),
    ORD_DVSN: req.ordDvsn,
    RVSE_CNCL_DVSN_CD: req.kind === 'modify' ? '01' : '02',
    ORD_QTY: qty,
    ORD_UNPR: price,
    QTY_ALL_ORD_YN: req.all ? 'Y' : 'N',
    EXCG_ID_DVSN_CD: route,
  };
  const stop = req.kind === 'modify' ? stopField(req.ordDvsn, req.stopPrice, trId) : null;
  if (stop !== null) body.CNDT_PRIC = stop;
  const result = await ctx.caller.call({ method: 'POST', path: PATHS.orderModifyCancel, trId, body, priority: 'order', kind: 'order' });
  const ack = readAck(result, trId);
  ctx.logger.info(`${req.kind} accepted`, { trId, originalOrderNo: req.originalOrderNo, orderNo: ack.orderNo });
  return ack;
}
