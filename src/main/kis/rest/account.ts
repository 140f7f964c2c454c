/** Account queries (kis-api.md §4.3–§4.6): balance, orderable cash, open orders, daily orders and fills. */
import { KisBadResponseError, KisInvalidRequestError } from '../errors';
import { balancePageSchema, dailyOrdersPageSchema, openOrdersPageSchema, orderableCashSchema } from '../schemas/account';
import { parseKis } from '../schemas/parse';
import { addDaysYmd, addMonthsYmd, kstYmd } from '../timing';
import type {
  Balance,
  BalanceView,
  DailyOrder,
  DailyOrders,
  DailyOrdersQuery,
  DailyOrdersSummary,
  OpenOrder,
  OrderableCash,
} from '../types';
import type { Priority } from '../limiter';
import type { RestContext } from './context';
import { CTX100, fetchAllPages } from './paging';
import { PATHS, TR, trFor } from './trs';

export interface ReadOptions {
  priority?: Priority;
}

const accountQuery = (ctx: RestContext) => ({ CANO: ctx.account.cano, ACNT_PRDT_CD: ctx.account.productCode });

export async function inquireBalance(ctx: RestContext, opts: ReadOptions & { view?: BalanceView } = {}): Promise<Balance> {
  const trId = trFor(TR.balance, ctx.env.paper);
  const pages = await fetchAllPages(
    ctx.caller,
    {
      method: 'GET',
      path: PATHS.balance,
      trId,
      query: {
        ...accountQuery(ctx),
        AFHR_FLPR_YN: opts.view ?? 'N',
        OFL_YN: '',
        INQR_DVSN: '02',
        UNPR_DVSN: '01',
        FUND_STTL_ICLD_YN: 'N',
        FNCG_AMT_AUTO_RDPT_YN: 'N',
        PRCS_DVSN: '00',
      },
      priority: opts.priority ?? 'background',
      kind: 'read',
    },
    CTX100,
  );
  const holdings = [];
  let summary = null;
  for (const page of pages) {
    const parsed = parseKis(balancePageSchema, page.body, trId);
    holdings.push(...parsed.output1);
    summary = parsed.output2[0] ?? summary; // the last page's totals are the account's totals
  }
  if (!summary) throw new KisBadResponseError(`${trId}: no account summary (output2)`, { trId, field: 'output2' });
  return { holdings, summary, pages: pages.length };
}

export async function inquirePsblOrder(
  ctx: RestContext,
  req: ReadOptions & { symbol?: string; price?: number } = {},
): Promise<OrderableCash> {
  const trId = trFor(TR.orderable, ctx.env.paper);
  if (req.price !== undefined && (!Number.isSafeInteger(req.price) || req.price < 0))
    throw new KisInvalidRequestError('price must be a whole number of won', { trId });
  const result = await ctx.caller.call({
    method: 'GET',
    path: PATHS.orderable,
    trId,
    query: {
      ...accountQuery(ctx),
      PDNO: req.symbol ?? '',
      ORD_UNPR: req.price ? String(req.price) : '',
      // kis-api.md §4.4: "00 지정가는 증거금율이 반영되지 않으므로 … 01 시장가로 조회".
      ORD_DVSN: '01',
      CMA_EVLU_AMT_ICLD_YN: 'N',
      OVRS_ICLD_YN: 'N',
    },
    priority: req.priority ?? 'live',
    kind: 'read',
  });
  return parseKis(orderableCashSchema, result.body, trId).output;
}

/** Open (modifiable) orders: inquire-psbl-rvsecncl on real; paper has no such TR → daily-ccld 미체결 today. */
export async function openOrders(ctx: RestContext, opts: ReadOptions = {}): Promise<OpenOrder[]> {
  if (ctx.env.paper) {
    const today = kstYmd(ctx.clock.now());
    const daily = await dailyOrders(ctx, { from: today, to: today, status: 'open', priority: opts.priority });
    return daily.orders.filter((o) => o.remainingQty > 0).map(dailyToOpen);
  }
  const trId = TR.modifiable;
  const pages = await fetchAllPages(
    ctx.caller,
    {
      method: 'GET',
      path: PATHS.modifiable,
      trId,
      query: { ...accountQuery(ctx), INQR_DVSN_1: '0', INQR_DVSN_2: '0' },
      priority: opts.priority ?? 'background',
      kind: 'read',
    },
    CTX100,
  );
  const out: OpenOrder[] = [];
  for (const page of pages) for (const o of parseKis(openOrdersPageSchema, page.body, trId).output) if (o.remainingQty > 0) out.push(o);
  return out;
}

function dailyToOpen(o: DailyOrder): OpenOrder {
  return {
    orderNo: o.orderNo,
    originalOrderNo: o.originalOrderNo,
    orgNo: o.orgNo,
    symbol: o.symbol,
    name: o.name,
    side: o.side,
    ordDvsn: o.ordDvsn,
    ordDvsnName: o.ordDvsnName,
    qty: o.qty,
    price: o.price,
    time: o.time,
    filledQty: o.filledQty,
    filledAmount: o.filledAmount,
    remainingQty: o.remainingQty,
    route: o.route,
    stopPrice: o.stopPrice,
  };
}

const YMD = /^\d{8}$/;

/**
 * Orders on [from, to] with their fill totals. Within the last 3 months this is TTTC0081R; an older part of the
 * range is read with CTSC9215R and the two are concatenated (older first for 'asc', newer first for 'desc').
 */
export async function dailyOrders(ctx: RestContext, q: DailyOrdersQuery & ReadOptions): Promise<DailyOrders> {
  const today = kstYmd(ctx.clock.now());
  if (!YMD.test(q.from) || !YMD.test(q.to) || q.from > q.to)
    throw new KisInvalidRequestError('from/to must be YYYYMMDD with from ≤ to', { trId: TR.dailyOrdersRecent });
  const boundary = addMonthsYmd(today, -3);
  const parts: Array<{ tr: string; from: string; to: string }> = [];
  if (q.from < boundary) parts.push({ tr: TR.dailyOrdersOld, from: q.from, to: q.to < boundary ? q.to : addDaysYmd(boundary, -1) });
  if (q.to >= boundary) parts.push({ tr: TR.dailyOrdersRecent, from: q.from < boundary ? boundary : q.from, to: q.to });
  if (q.order !== 'asc') parts.reverse();
  const orders: DailyOrder[] = [];
  let summary: DailyOrdersSummary | null = null;
  let pageCount = 0;
  for (const part of parts) {
    const r = await dailyOrdersOnce(ctx, q, trFor(part.tr, ctx.env.paper), part.from, part.to);
    orders.push(...r.orders);
    pageCount += r.pages;
    summary = r.summary && summary ? addSummaries(summary, r.summary) : (r.summary ?? summary);
  }
  return { orders, summary, pages: pageCount };
}

function addSummaries(a: DailyOrdersSummary, b: DailyOrdersSummary): DailyOrdersSummary {
  return {
    totalOrderQty: a.totalOrderQty + b.totalOrderQty,
    totalFilledQty: a.totalFilledQty + b.totalFilledQty,
    totalFilledAmount: a.totalFilledAmount + b.totalFilledAmount,
    estimatedFeesTaxes: a.estimatedFeesTaxes + b.estimatedFeesTaxes,
  };
}

async function dailyOrdersOnce(ctx: RestContext, q: DailyOrdersQuery & ReadOptions, trId: string, from: string, to: string): Promise<DailyOrders> {
  const side = q.side === 'sell' ? '01' : q.side === 'buy' ? '02' : '00';
  const status = q.status === 'filled' ? '01' : q.status === 'open' ? '02' : '00';
  // kis-api.md §4.6: paper is KRX only; real sends ALL unless one venue is asked for.
  const venue = ctx.env.paper ? 'KRX' : (q.venue ?? 'ALL');
  const pages = await fetchAllPages(
    ctx.caller,
    {
      method: 'GET',
      path: PATHS.dailyOrders,
      trId,
      query: {
        ...accountQuery(ctx),
        INQR_STRT_DT: from,
        INQR_END_DT: to,
        SLL_BUY_DVSN_CD: side,
        INQR_DVSN: q.order === 'asc' ? '01' : '00',
        PDNO: q.symbol ?? '',
        CCLD_DVSN: status,
        ORD_GNO_BRNO: '',
        ODNO: q.orderNo ?? '',
        INQR_DVSN_3: '00',
        INQR_DVSN_1: '',
        EXCG_ID_DVSN_CD: venue,
      },
      priority: q.priority ?? 'background',
      kind: 'read',
    },
    CTX100,
  );
  const orders: DailyOrder[] = [];
  let summary: DailyOrdersSummary | null = null;
  for (const page of pages) {
    const parsed = parseKis(dailyOrdersPageSchema, page.body, trId);
    orders.push(...parsed.output1);
    summary = parsed.output2 ?? summary;
  }
  return { orders, summary, pages: pages.length };
}

/** Orders with at least one fill on [from, to] (default: today). */
export async function fills(ctx: RestContext, q: Partial<Pick<DailyOrdersQuery, 'from' | 'to' | 'symbol' | 'side'>> & ReadOptions = {}): Promise<DailyOrder[]> {
  const today = kstYmd(ctx.clock.now());
  const r = await dailyOrders(ctx, { ...q, from: q.from ?? today, to: q.to ?? today, status: 'filled' });
  return r.orders.filter((o) => o.filledQty > 0);
}
