/**
 * The portfolio view: one row per symbol (KRX + NXT merged) with its per-venue lots, valued at the last
 * prices the caller passes (quotes live in memory, not in the mirror). Three indexed statements and a
 * join in JS — fast enough for every repaint (bench `store.read`).
 */
import type { Venue } from '../types';
import type { PortfolioView, PositionView, VenueHoldingView } from '../views';
import type { ReadContext } from './context';

interface PositionRow {
  symbol: string;
  symbol_name: string | null;
  qty: number;
  cost: number;
  rest_sellable_qty: number | null;
  updated_at: number;
  reconciled_at: number | null;
  open_sell: number;
}

// Open sells lock shares: new orders, and modify requests once they have taken over the original's shares.
// The state list matches the trade_orders_live partial index so the planner can use it.
const POSITIONS_SQL = `
  SELECT p.symbol, p.symbol_name, p.qty, p.cost, p.rest_sellable_qty, p.updated_at, p.reconciled_at,
         COALESCE(s.open_sell, 0) AS open_sell
  FROM portfolio p
  LEFT JOIN (
    SELECT symbol, SUM(MAX(0, qty - filled_qty - cancelled_qty - rejected_qty)) AS open_sell
    FROM trade_orders
    WHERE state IN ('intent', 'sent', 'accepted', 'partially_filled', 'unknown') AND side = 'sell'
      AND (kind = 'new' OR (kind = 'modify' AND confirmed_at IS NOT NULL))
    GROUP BY symbol
  ) s ON s.symbol = p.symbol
  ORDER BY p.symbol`;

export type LastPrices = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function priceOf(prices: LastPrices | undefined, symbol: string): number | null {
  if (!prices) return null;
  const p = prices instanceof Map ? prices.get(symbol) : (prices as Record<string, number>)[symbol];
  return typeof p === 'number' && Number.isFinite(p) && p > 0 ? p : null;
}

export function portfolioReads(ctx: ReadContext) {
  function venuesBySymbol(symbol?: string): Map<string, VenueHoldingView[]> {
    const rows = (
      symbol === undefined
        ? ctx.stmt('SELECT symbol, venue, qty, cost FROM portfolio_venues ORDER BY symbol, venue').all()
        : ctx.stmt('SELECT symbol, venue, qty, cost FROM portfolio_venues WHERE symbol = ? ORDER BY venue').all(symbol)
    ) as Array<{ symbol: string; venue: Venue; qty: number; cost: number }>;
    const out = new Map<string, VenueHoldingView[]>();
    for (const r of rows) {
      let list = out.get(r.symbol);
      if (!list) out.set(r.symbol, (list = []));
      list.push({ venue: r.venue, qty: r.qty, cost: r.cost, avgPrice: r.qty > 0 ? r.cost / r.qty : 0 });
    }
    return out;
  }

  function toView(r: PositionRow, venues: VenueHoldingView[], lastPrice: number | null): PositionView {
    const value = lastPrice === null ? null : r.qty * lastPrice;
    const pnl = value === null ? null : value - r.cost;
    return {
      symbol: r.symbol,
      symbolName: r.symbol_name,
      qty: r.qty,
      sellableQty: Math.max(0, r.qty - r.open_sell),
      openSellQty: r.open_sell,
      cost: r.cost,
      avgPrice: r.qty > 0 ? r.cost / r.qty : 0,
      lastPrice,
      value,
      unrealizedPnl: pnl,
      pnlRate: pnl === null || r.cost === 0 ? null : (pnl / r.cost) * 100,
      venues,
      restSellableQty: r.rest_sellable_qty,
      updatedAt: r.updated_at,
      reconciledAt: r.reconciled_at,
    };
  }

  return {
    portfolioView(lastPrices?: LastPrices): PortfolioView {
      const rows = ctx.stmt(POSITIONS_SQL).all() as PositionRow[];
      const venues = venuesBySymbol();
      const totals = { cost: 0, value: 0, unrealizedPnl: 0, unpriced: [] as string[] };
      const positions = rows.map((r) => {
        const view = toView(r, venues.get(r.symbol) ?? [], priceOf(lastPrices, r.symbol));
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
      const r = ctx.stmt(POSITIONS_SQL.replace('ORDER BY p.symbol', 'WHERE p.symbol = ?')).get(symbol) as PositionRow | undefined;
      if (!r) return null;
      return toView(r, venuesBySymbol(symbol).get(symbol) ?? [], lastPrice === undefined ? null : priceOf({ [symbol]: lastPrice }, symbol));
    },
  };
}
