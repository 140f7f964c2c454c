/**
 * The store's read views in the shapes the IPC contract promises (src/shared/ipc/domains/account.ts).
 * Shared by the account channels and by sync, which pushes the same shapes as events, so a channel and its
 * event can never disagree.
 */
import type { AccountSummary, FillView, NotificationView, OrderView, Position } from '../../shared/ipc/domains/account';
import type { Bilingual } from '../../shared/ipc/domains/common';
import type { InstrumentDirectory } from '../session/service';
import type {
  AccountSummaryView,
  ExecutionView,
  LastPrices,
  NotificationView as StoredNotification,
  OrderView as StoredOrder,
  PortfolioView,
  SnapshotView,
  StoreReads,
} from '../store';
import { decodeBilingual, NOTIFICATION_KIND } from './notifications';

export type NameOf = (symbol: string, fallback?: string | null) => string;

/** The Korean name the trader knows a symbol by; the code itself when nothing better is known. */
export function nameResolver(instruments: InstrumentDirectory | null): NameOf {
  return (symbol, fallback) => {
    const n = instruments?.get(symbol)?.name ?? fallback ?? symbol;
    return n.length > 100 ? n.slice(0, 100) : n;
  };
}

const HANGUL = /[\uac00-\ud7a3]/;
const clip = (s: string): string => (s.length > 500 ? `${s.slice(0, 499)}…` : s);

/** Store texts are written 'English / 한국어' (or the other way round, or one language); split them for the UI. */
export function splitBilingual(text: string): Bilingual {
  const parts = text.split(' / ');
  if (parts.length >= 2) {
    const ko = parts.find((p) => HANGUL.test(p));
    const en = parts.find((p) => !HANGUL.test(p));
    if (ko !== undefined && en !== undefined) return { ko: clip(ko.trim()), en: clip(en.trim()) };
  }
  return { ko: clip(text), en: clip(text) };
}

function orderReason(o: StoredOrder): Bilingual | null {
  if (o.state === 'rejected' && o.rejectMessage) {
    const code = o.rejectCode ? ` (${o.rejectCode})` : '';
    return { ko: clip(`${o.rejectMessage}${code}`), en: clip(`Rejected by KIS${code}: ${o.rejectMessage}`) };
  }
  if ((o.state === 'unknown' || o.state === 'failed') && o.unknownReason) return splitBilingual(o.unknownReason);
  return null;
}

export function toOrderView(o: StoredOrder, nameOf: NameOf): OrderView {
  return {
    clientOrderId: o.clientOrderId,
    orderNo: o.orderNo,
    originalOrderNo: o.originalOrderNo,
    symbol: o.symbol,
    name: nameOf(o.symbol, o.symbolName),
    side: o.side,
    route: o.route,
    ordDvsn: o.ordDvsn,
    qty: o.qty,
    price: o.price,
    filledQty: o.filledQty,
    avgFillPrice: o.avgFillPrice ?? 0,
    remainingQty: o.remainingQty,
    state: o.state,
    source: o.source,
    reason: orderReason(o),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/**
 * What the order panel lists as "open": resting at KIS (accepted, partially filled), on their way
 * (intent, sent) and UNKNOWN — an unknown order may be live at KIS and must stay in sight until resolved.
 */
export function openOrderViews(reads: StoreReads, nameOf: NameOf): OrderView[] {
  const rows = [...reads.inFlightOrders(), ...reads.openOrders(), ...reads.unknownOrders()];
  rows.sort((a, b) => a.createdAt - b.createdAt);
  return rows.map((o) => toOrderView(o, nameOf));
}

export const fillIdOf = (tradeDate: string, orderNo: string, executionId: number): string => `${tradeDate}-${orderNo}-${executionId}`;

export function toFillView(e: ExecutionView, nameOf: NameOf): FillView {
  return {
    fillId: fillIdOf(e.tradeDate, e.orderNo, e.id),
    orderNo: e.orderNo,
    symbol: e.symbol,
    name: nameOf(e.symbol),
    side: e.side,
    qty: e.qty,
    price: e.price,
    venue: e.venue,
    fee: e.fee,
    tax: e.tax,
    time: e.time,
  };
}

export function toPositions(view: PortfolioView, nameOf: NameOf): Position[] {
  return view.positions.map((p) => {
    const lastPrice = p.lastPrice ?? Math.round(p.avgPrice);
    const value = p.value ?? p.cost;
    const pnl = value - p.cost;
    return {
      symbol: p.symbol,
      name: nameOf(p.symbol, p.symbolName),
      qty: p.qty,
      sellableQty: p.sellableQty,
      avgPrice: p.avgPrice,
      cost: p.cost,
      lastPrice,
      value,
      pnl,
      pnlRate: p.cost > 0 ? (pnl / p.cost) * 100 : 0,
      venues: p.venues.filter((v) => v.qty > 0).map((v) => ({ venue: v.venue, qty: v.qty })),
    };
  });
}

/**
 * The summary valued now: cash from the latest snapshot (a balance read, or a fill since), holdings at the
 * latest prices (unpriced ones at cost), today's realized P&L from the mirror's executions.
 */
export function toAccountSummary(summary: AccountSummaryView, portfolio: PortfolioView): AccountSummary {
  const s: SnapshotView | null = summary.snapshot;
  const cost = portfolio.totals.cost;
  const securitiesValue = portfolio.totals.value;
  const unrealizedPnl = securitiesValue - cost;
  const cashD2 = s?.cashD2 ?? 0;
  return {
    totalAssets: securitiesValue + cashD2,
    cashD0: s?.cashD0 ?? 0,
    cashD2,
    orderableCash: s?.orderableCash ?? Math.max(0, cashD2),
    securitiesValue,
    cost,
    unrealizedPnl,
    unrealizedPnlRate: cost > 0 ? (unrealizedPnl / cost) * 100 : 0,
    realizedPnlToday: summary.realizedToday.net,
    feesAndTaxesToday: summary.realizedToday.feesAndTaxes,
    asOf: s?.time ?? null,
  };
}

export function accountSummaryNow(reads: StoreReads, prices: LastPrices): AccountSummary {
  return toAccountSummary(reads.accountSummary(), reads.portfolioView(prices));
}

export function positionsNow(reads: StoreReads, prices: LastPrices, nameOf: NameOf): Position[] {
  return toPositions(reads.portfolioView(prices), nameOf);
}

/**
 * Positions and the summary from ONE portfolio read. `known` lets a caller that already holds the latest
 * snapshot and today's realized P&L (sync keeps both in memory) skip re-reading them — the realized sum is a
 * pass over every execution of the day.
 */
export function holdingsNow(
  reads: StoreReads,
  prices: LastPrices,
  nameOf: NameOf,
  known?: Pick<AccountSummaryView, 'tradeDate' | 'snapshot' | 'realizedToday'> | null,
): { positions: Position[]; summary: AccountSummary } {
  const portfolio = reads.portfolioView(prices);
  return { positions: toPositions(portfolio, nameOf), summary: toAccountSummary(known ?? reads.accountSummary(), portfolio) };
}

export function toNotificationView(n: StoredNotification): NotificationView {
  const orderNo = n.ref !== null && /^\d{1,20}$/.test(n.ref) ? n.ref : null;
  return { id: n.id, kind: NOTIFICATION_KIND[n.kind], title: decodeBilingual(n.title), body: decodeBilingual(n.body), orderNo, time: n.time };
}
