/**
 * KIS REST answers (kis-api.md §4.3–§4.6, already typed by src/main/kis) in the store's terms. Pure.
 */
import { kstEpoch } from '../../shared/market/time';
import type { Balance, DailyOrder, OpenOrder, OrderableCash } from '../kis';
import type { AccountSnapshotInput, BalanceInput, OrderKind, RestOrderRow, Route, Venue } from '../store';

const HHMMSS = /^([01]\d|2[0-3])[0-5]\d[0-5]\d$/;
const orderTime = (date: string, time: string, fallback: number): number => (HHMMSS.test(time) ? kstEpoch(date, time) : fallback);

/** An order number of all zeros (or blank) means "no original": the row is a new order. */
const originalOf = (no: string): string | undefined => (no && !/^0+$/.test(no) ? no : undefined);

/**
 * KIS lists modify (정정) and cancel (취소) requests as their own rows with ORGN_ODNO set, and daily-ccld has no
 * field that says which. A cancel request cancels all of its quantity and fills nothing, and nothing can
 * modify or cancel it in turn; so a row that ended cancelled without fills is a cancel request unless a later
 * request names it as its original (`changedLater`: then it was a modify that was itself cancelled). What is
 * left ambiguous (a modify whose shares expired unfilled at the close) changes no quantity in the mirror.
 */
export function kindOfRow(
  o: Pick<DailyOrder, 'originalOrderNo' | 'qty' | 'filledQty' | 'remainingQty' | 'cancelled' | 'cancelConfirmedQty'>,
  changedLater = false,
): OrderKind {
  if (!originalOf(o.originalOrderNo)) return 'new';
  const allCancelled = o.cancelled && o.filledQty === 0 && o.remainingQty === 0 && o.cancelConfirmedQty >= o.qty;
  return allCancelled && !changedLater ? 'cancel' : 'modify';
}

/** Where fills of an order happened when no notice said (SOR: KRX as the best guess; the balance is exact anyway). */
const fillVenueFor = (route: Route): Venue => (route === 'NXT' ? 'NXT' : 'KRX');

type ListedOrder = Pick<
  OpenOrder,
  'orderNo' | 'orgNo' | 'originalOrderNo' | 'symbol' | 'name' | 'side' | 'route' | 'ordDvsn' | 'qty' | 'price' | 'stopPrice' | 'filledQty' | 'filledAmount' | 'remainingQty'
>;

/** What the day listing and the open-orders listing say alike about one order row. */
function listedRow(o: ListedOrder, fallbackRoute: Route) {
  const route: Route = o.route === '' ? fallbackRoute : o.route;
  return {
    orderNo: o.orderNo,
    originalOrderNo: originalOf(o.originalOrderNo),
    orgNo: o.orgNo || undefined,
    symbol: o.symbol,
    symbolName: o.name.trim() || undefined,
    side: o.side,
    route,
    ordDvsn: o.ordDvsn,
    qty: o.qty,
    price: o.price,
    stopPrice: o.stopPrice > 0 ? o.stopPrice : null,
    filledQty: o.filledQty,
    filledAmount: o.filledAmount,
    remainingQty: o.remainingQty,
    fillVenue: fillVenueFor(route),
  };
}

/** `originals`: every ORGN_ODNO of the day's listing (which orders some later request changed). */
export function dailyOrderToRow(o: DailyOrder, fallbackRoute: Route, now: number, originals: ReadonlySet<string> = new Set()): RestOrderRow {
  return {
    ...listedRow(o, fallbackRoute),
    tradeDate: o.date,
    kind: kindOfRow(o, originals.has(o.orderNo)),
    rejectedQty: o.rejectedQty,
    orderTime: orderTime(o.date, o.time, now),
  };
}

export function openOrderToRow(o: OpenOrder, tradeDate: string, fallbackRoute: Route, now: number): RestOrderRow {
  const row = listedRow(o, fallbackRoute);
  return {
    ...row,
    tradeDate,
    // An open order is never a cancel request (those are done the moment KIS books them).
    kind: row.originalOrderNo ? 'modify' : 'new',
    orderTime: orderTime(tradeDate, o.time, now),
  };
}

/** inquire-balance holdings: KIS merges KRX and NXT shares into one row per symbol (the venue split stays the mirror's). */
export function balanceToHoldings(b: Balance, asOf: number): BalanceInput {
  return {
    asOf,
    holdings: b.holdings.map((h) => ({ symbol: h.symbol, symbolName: h.name.trim() || undefined, qty: h.qty, sellableQty: h.sellableQty, cost: h.cost })),
  };
}

/** What the balance (and, when it answered, inquire-psbl-order) says about the account now. */
export function balanceToSnapshot(b: Balance, orderable: OrderableCash | null, time: number): AccountSnapshotInput {
  const s = b.summary;
  return {
    time,
    cashD0: s.cashD0,
    cashD1: s.cashD1,
    cashD2: s.cashD2,
    orderableCash: orderable ? orderable.orderableCash : null,
    totalAssets: s.totalValue,
    securitiesValue: s.securitiesValue,
    costTotal: s.cost,
    unrealizedPnl: s.pnl,
    realizedToday: null,
    netAssets: s.netAssets,
    prevTotalAssets: s.prevTotalAssets,
    source: 'balance',
  };
}

/** The valuation prices KIS used (prpr), for valuing positions until a live quote arrives. */
export function balancePrices(b: Balance): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of b.holdings) if (h.lastPrice > 0) out.set(h.symbol, h.lastPrice);
  return out;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * Rows the store would refuse (and with them the whole listing): a malformed number, a quantity that does not
 * add up. Such a row is left out and logged, so one odd row cannot stop every other order from reconciling.
 */
export function saneRow(r: RestOrderRow): boolean {
  return (
    /^\d{1,20}$/.test(r.orderNo) &&
    /^[0-9A-Z]{1,12}$/.test(r.symbol) &&
    /^\d{2}$/.test(r.ordDvsn) &&
    Number.isSafeInteger(r.qty) &&
    r.qty > 0 &&
    isCount(r.price) &&
    isCount(r.filledQty) &&
    isCount(r.filledAmount) &&
    isCount(r.remainingQty) &&
    isCount(r.rejectedQty ?? 0) &&
    r.filledQty + r.remainingQty + (r.rejectedQty ?? 0) <= r.qty
  );
}
