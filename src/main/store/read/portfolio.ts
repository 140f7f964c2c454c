/**
 * The portfolio view: one row per symbol (KRX + NXT merged) with its per-venue lots, valued at the last
 * prices the caller passes (quotes live in memory, not in the mirror). Three indexed statements joined in
 * JS — fast enough for every repaint (bench `store.read`).
 */
import type { PortfolioRow } from '../rows';
import type { Venue } from '../types';
import type { PortfolioView, PositionView, VenueHoldingView } from '../views';
import type { ReadContext } from './context';

/** The columns POSITIONS_SQL selects. */
type PositionRow = Omit<PortfolioRow, 'last_fill_at'>;

const POSITIONS_SQL = `
  SELECT symbol, symbol_name, qty, cost, krx_qty, krx_cost, nxt_qty, nxt_cost, rest_sellable_qty, updated_at, reconciled_at
  FROM portfolio ORDER BY symbol`;

// Open sells lock shares: new orders, and modify requests once they have taken over the original's shares.
// The state list matches the trade_orders_live partial index (side, symbol): one range scan. Kept out of the
// positions query because a join on this grouped subquery makes SQLite build an automatic index every call.
const OPEN_SELLS_SQL = `
  SELECT symbol, SUM(MAX(0, qty - filled_qty - cancelled_qty - rejected_qty)) AS open_sell
  FROM trade_orders
  WHERE state IN ('intent', 'sent', 'accepted', 'partially_filled', 'unknown') AND side = 'sell'
    AND (kind = 'new' OR (kind = 'modify' AND confirmed_at IS NOT NULL))
  GROUP BY symbol`;

export type LastPrices = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function priceOf(prices: LastPrices | undefined, symbol: string): number | null {
  if (!prices) return null;
  const p = prices instanceof Map ? prices.get(symbol) : (prices as Record<string, number>)[symbol];
  return typeof p === 'number' && Number.isFinite(p) && p > 0 ? p : null;
}

interface Holdings {
  version: number;
  rows: PositionRow[];
  /** Per symbol, frozen: views share them between calls. */
  venues: Map<string, readonly VenueHoldingView[]>;
  sells: Map<string, number>;
}

function venueLots(r: PositionRow): readonly VenueHoldingView[] {
  const lots: VenueHoldingView[] = [];
  if (r.krx_qty > 0) lots.push(Object.freeze({ venue: 'KRX' as Venue, qty: r.krx_qty, cost: r.krx_cost, avgPrice: r.krx_cost / r.krx_qty }));
  if (r.nxt_qty > 0) lots.push(Object.freeze({ venue: 'NXT' as Venue, qty: r.nxt_qty, cost: r.nxt_cost, avgPrice: r.nxt_cost / r.nxt_qty }));
  return Object.freeze(lots);
}

export function portfolioReads(ctx: ReadContext) {
  /**
   * Holdings change only when the writer commits, quotes change many times a second. `PRAGMA data_version`
   * on this connection changes exactly when another connection (the writer) has committed, so the rows are
   * re-read only then and a repaint just revalues them.
   */
  let cached: Holdings | null = null;
  function holdings(): Holdings {
    const version = ctx.stmt('PRAGMA data_version').pluck().get() as number;
    if (cached?.version === version) return cached;
    const rows = ctx.stmt(POSITIONS_SQL).all() as PositionRow[];
    cached = { version, rows, venues: new Map(rows.map((r) => [r.symbol, venueLots(r)])), sells: openSells() };
    return cached;
  }

  function openSells(symbol?: string): Map<string, number> {
    const rows = (
      symbol === undefined ? ctx.stmt(OPEN_SELLS_SQL).all() : ctx.stmt(OPEN_SELLS_SQL.replace("AND side = 'sell'", "AND side = 'sell' AND symbol = ?")).all(symbol)
    ) as Array<{ symbol: string; open_sell: number }>;
    return new Map(rows.map((r) => [r.symbol, r.open_sell]));
  }

  function toView(r: PositionRow, openSell: number, venues: readonly VenueHoldingView[], lastPrice: number | null): PositionView {
    const value = lastPrice === null ? null : r.qty * lastPrice;
    const pnl = value === null ? null : value - r.cost;
    return {
      symbol: r.symbol,
      symbolName: r.symbol_name,
      qty: r.qty,
      sellableQty: Math.max(0, r.qty - openSell),
      openSellQty: openSell,
      cost: r.cost,
      avgPrice: r.qty > 0 ? r.cost / r.qty : 0,
      lastPrice,
      value,
      unrealizedPnl: pnl,
      pnlRate: pnl === null || r.cost === 0 ? null : (pnl / r.cost) * 100,
      venues: venues as VenueHoldingView[],
      restSellableQty: r.rest_sellable_qty,
      updatedAt: r.updated_at,
      reconciledAt: r.reconciled_at,
    };
  }

  return {
    portfolioView(lastPrices?: LastPrices): PortfolioView {
      const { rows, venues, sells } = holdings();
      const totals = { cost: 0, value: 0, unrealizedPnl: 0, unpriced: [] as string[] };
      const positions = rows.map((r) => {
        const view = toView(r, sells.get(r.symbol) ?? 0, venues.get(r.symbol) ?? [], priceOf(lastPrices, r.symbol));
        totals.cost += view.cost;
        if (view.value === null) {
          totals.value += view.cost;
          totals.unpriced.push(view.symbol);
        } else {
          totals.value += view.value;
          totals.unrealizedPnl += view.unrealizedPnl ?? 0;
        }
        return view;
      });
      return { positions, totals };
    },
    position(symbol: string, lastPrice?: number): PositionView | null {
      const r = ctx.stmt(POSITIONS_SQL.replace('ORDER BY symbol', 'WHERE symbol = ?')).get(symbol) as PositionRow | undefined;
      if (!r) return null;
      const price = lastPrice === undefined ? null : priceOf({ [symbol]: lastPrice }, symbol);
      return toView(r, openSells(symbol).get(symbol) ?? 0, venueLots(r), price);
    },
  };
}
