/**
 * ADDED for the order path (issue 6, src/main/orders/risk-limits.ts): what "open positions" counts for the
 * max-open-positions limit — symbols held, plus symbols being bought (new buy orders in flight, open or unknown) —
 * as one indexed query instead of materialising every open order (the live-state list matches the
 * trade_orders_live partial index).
 */
import type { ReadContext } from './context';

const POSITION_SYMBOLS_SQL = `
  SELECT symbol FROM portfolio WHERE qty > 0
  UNION
  SELECT DISTINCT symbol FROM trade_orders
  WHERE state IN ('intent', 'sent', 'accepted', 'partially_filled', 'unknown') AND side = 'buy' AND kind = 'new'`;

export function riskReads(ctx: ReadContext) {
  return {
    /** Symbols held or being bought (distinct). */
    positionSymbols(): string[] {
      return (ctx.stmt(POSITION_SYMBOLS_SQL).all() as Array<{ symbol: string }>).map((r) => r.symbol);
    },
  };
}
