/**
 * Holdings arithmetic. One portfolio row per symbol (KRX and NXT merged) holding qty and total cost in
 * integer 원; the average price is always cost / qty (moving-average method, as KIS's pchs_avg_pric), so
 * it can never drift from the quantities. The KRX/NXT lot columns keep where the held shares were bought;
 * they always sum exactly to the position (a CHECK in the schema).
 */
import type { PortfolioRow } from '../rows';
import type { PositionSummary, Venue } from '../types';
import type { WriteContext } from './context';

export interface VenueLot {
  venue: Venue;
  qty: number;
  cost: number;
}
export interface Position {
  row: PortfolioRow | undefined;
  lots: VenueLot[];
}

export function loadPosition(ctx: WriteContext, symbol: string): Position {
  const row = ctx.stmt('SELECT * FROM portfolio WHERE symbol = ?').get(symbol) as PortfolioRow | undefined;
  const lots: VenueLot[] = [];
  if (row && row.krx_qty > 0) lots.push({ venue: 'KRX', qty: row.krx_qty, cost: row.krx_cost });
  if (row && row.nxt_qty > 0) lots.push({ venue: 'NXT', qty: row.nxt_qty, cost: row.nxt_cost });
  return { row, lots };
}

export function summarizePosition(symbol: string, qty: number, cost: number): PositionSummary {
  return { symbol, qty, cost, avgPrice: qty > 0 ? cost / qty : 0 };
}

/**
 * Spreads `total` 원 over lots in proportion to qty × the lot's previous average (so each venue keeps its
 * own cost level), in integers that sum exactly to `total`: every lot but the last is floored, the last
 * takes the rest, which is therefore ≥ 0.
 */
export function splitCost(total: number, lots: Array<{ qty: number; prevAvg: number }>): number[] {
  const weights = lots.map((l) => (l.qty > 0 ? l.qty * l.prevAvg : 0));
  let sum = weights.reduce((a, b) => a + b, 0);
  const basis = sum > 0 ? weights : lots.map((l) => Math.max(0, l.qty));
  sum = basis.reduce((a, b) => a + b, 0);
  if (sum === 0) return lots.map(() => 0);
  const lastPositive = basis.reduce((last, w, i) => (w > 0 ? i : last), -1);
  let given = 0;
  return basis.map((w, i) => {
    if (i === lastPositive) return total - given;
    const share = w > 0 ? Math.floor((total * w) / sum) : 0;
    given += share;
    return share;
  });
}

export interface PositionWrite {
  symbol: string;
  symbolName: string | null;
  qty: number;
  cost: number;
  lots: VenueLot[];
  lastFillAt?: number | null;
  reconciledAt?: number | null;
  restSellableQty?: number | null;
}

/** Writes (or, at qty 0, deletes) a position and its venue lots. */
export function writePosition(ctx: WriteContext, w: PositionWrite): PositionSummary {
  const now = ctx.clock.now();
  if (w.qty <= 0) {
    ctx.stmt('DELETE FROM portfolio WHERE symbol = ?').run(w.symbol);
    return summarizePosition(w.symbol, 0, 0);
  }
  const lot = (venue: Venue) => w.lots.filter((l) => l.venue === venue).reduce((a, l) => ({ qty: a.qty + l.qty, cost: a.cost + l.cost }), { qty: 0, cost: 0 });
  const krx = lot('KRX');
  const nxt = lot('NXT');
  ctx
    .stmt(
      `INSERT INTO portfolio (symbol, symbol_name, qty, cost, krx_qty, krx_cost, nxt_qty, nxt_cost, rest_sellable_qty, updated_at,
         last_fill_at, reconciled_at)
       VALUES (@symbol, @name, @qty, @cost, @krxQty, @krxCost, @nxtQty, @nxtCost, @sellable, @now, @lastFill, @reconciled)
       ON CONFLICT (symbol) DO UPDATE SET
         symbol_name = COALESCE(excluded.symbol_name, portfolio.symbol_name),
         qty = excluded.qty, cost = excluded.cost, krx_qty = excluded.krx_qty, krx_cost = excluded.krx_cost,
         nxt_qty = excluded.nxt_qty, nxt_cost = excluded.nxt_cost, updated_at = excluded.updated_at,
         rest_sellable_qty = CASE WHEN @hasSellable THEN excluded.rest_sellable_qty ELSE portfolio.rest_sellable_qty END,
         last_fill_at = COALESCE(excluded.last_fill_at, portfolio.last_fill_at),
         reconciled_at = COALESCE(excluded.reconciled_at, portfolio.reconciled_at)`,
    )
    .run({
      symbol: w.symbol,
      name: w.symbolName,
      qty: w.qty,
      cost: w.cost,
      krxQty: krx.qty,
      krxCost: krx.cost,
      nxtQty: nxt.qty,
      nxtCost: nxt.cost,
      sellable: w.restSellableQty ?? null,
      hasSellable: w.restSellableQty === undefined ? 0 : 1,
      now,
      lastFill: w.lastFillAt ?? null,
      reconciled: w.reconciledAt ?? null,
    });
  return summarizePosition(w.symbol, w.qty, w.cost);
}

/**
 * A buy of `qty` shares costing `amount` 원 on `venue`: one upsert adding to the position and to the venue's
 * lot (the hot path of the fill pipeline — no read-modify-write round trip).
 */
export function addBuy(ctx: WriteContext, symbol: string, name: string | null, venue: Venue, qty: number, amount: number, at: number): PositionSummary {
  const krx = venue === 'KRX';
  const row = ctx
    .stmt(
      `INSERT INTO portfolio (symbol, symbol_name, qty, cost, krx_qty, krx_cost, nxt_qty, nxt_cost, updated_at, last_fill_at)
       VALUES (@symbol, @name, @qty, @amount, @krxQty, @krxCost, @nxtQty, @nxtCost, @now, @at)
       ON CONFLICT (symbol) DO UPDATE SET qty = portfolio.qty + excluded.qty, cost = portfolio.cost + excluded.cost,
         krx_qty = portfolio.krx_qty + excluded.krx_qty, krx_cost = portfolio.krx_cost + excluded.krx_cost,
         nxt_qty = portfolio.nxt_qty + excluded.nxt_qty, nxt_cost = portfolio.nxt_cost + excluded.nxt_cost,
         symbol_name = COALESCE(portfolio.symbol_name, excluded.symbol_name), updated_at = excluded.updated_at,
         last_fill_at = excluded.last_fill_at
       RETURNING qty, cost`,
    )
    .get({
      symbol,
      name,
      qty,
      amount,
      krxQty: krx ? qty : 0,
      krxCost: krx ? amount : 0,
      nxtQty: krx ? 0 : qty,
      nxtCost: krx ? 0 : amount,
      now: ctx.clock.now(),
      at,
    }) as { qty: number; cost: number };
  return summarizePosition(symbol, row.qty, row.cost);
}

export interface SellOutcome {
  /** Cost the sold shares carried (at the position's average), for realized P&L. */
  costBasis: number;
  /** Shares the mirror actually held for this sell (less than asked means the mirror is behind KIS). */
  coveredQty: number;
  position: PositionSummary;
}

/** A sell of `qty` shares on `venue`: removes qty × average cost, taking the venue's own lot first. */
export function removeSell(ctx: WriteContext, symbol: string, venue: Venue, qty: number, at: number): SellOutcome {
  const { row, lots } = loadPosition(ctx, symbol);
  if (!row) return { costBasis: 0, coveredQty: 0, position: summarizePosition(symbol, 0, 0) };
  const covered = Math.min(qty, row.qty);
  const costBasis = covered === row.qty ? row.cost : Math.round((row.cost * covered) / row.qty);
  let toTake = covered;
  const ordered = [...lots].sort((a, b) => (a.venue === venue ? -1 : b.venue === venue ? 1 : 0));
  const remainingLots = ordered.map((l) => {
    const take = Math.min(toTake, l.qty);
    toTake -= take;
    return { venue: l.venue, qty: l.qty - take, prevAvg: l.qty > 0 ? l.cost / l.qty : 0 };
  });
  const newCost = row.cost - costBasis;
  const costs = splitCost(newCost, remainingLots);
  const position = writePosition(ctx, {
    symbol,
    symbolName: null,
    qty: row.qty - covered,
    cost: newCost,
    lots: remainingLots.map((l, i) => ({ venue: l.venue, qty: l.qty, cost: costs[i] ?? 0 })),
    lastFillAt: at,
  });
  return { costBasis, coveredQty: covered, position };
}

/** Adds `delta` 원 to a position's cost (a reconciliation remainder turned out to be priced differently). */
export function adjustCost(ctx: WriteContext, symbol: string, delta: number, at: number): PositionSummary | null {
  const { row, lots } = loadPosition(ctx, symbol);
  if (!row) return null;
  if (delta === 0) return summarizePosition(symbol, row.qty, row.cost);
  const newCost = Math.max(0, row.cost + delta);
  const costs = splitCost(
    newCost,
    lots.map((l) => ({ qty: l.qty, prevAvg: l.qty > 0 ? l.cost / l.qty : 0 })),
  );
  return writePosition(ctx, {
    symbol,
    symbolName: null,
    qty: row.qty,
    cost: newCost,
    lots: lots.map((l, i) => ({ ...l, cost: costs[i] ?? 0 })),
    lastFillAt: at,
  });
}
