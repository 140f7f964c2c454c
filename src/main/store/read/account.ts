/** Account reads: the latest snapshot with today's realized P&L, and the equity chart's history. */
import type { AccountSummaryView, SnapshotView } from '../views';
import type { ReadContext } from './context';

interface SnapshotRow {
  time: number;
  trade_date: string;
  cash_d0: number;
  cash_d1: number;
  cash_d2: number;
  orderable_cash: number | null;
  total_assets: number;
  securities_value: number;
  cost_total: number;
  unrealized_pnl: number;
  realized_today: number | null;
  net_assets: number | null;
  prev_total_assets: number | null;
  source: string;
}

const toSnapshot = (r: SnapshotRow): SnapshotView => ({
  time: r.time,
  tradeDate: r.trade_date,
  cashD0: r.cash_d0,
  cashD1: r.cash_d1,
  cashD2: r.cash_d2,
  orderableCash: r.orderable_cash,
  totalAssets: r.total_assets,
  securitiesValue: r.securities_value,
  costTotal: r.cost_total,
  unrealizedPnl: r.unrealized_pnl,
  realizedToday: r.realized_today,
  netAssets: r.net_assets,
  prevTotalAssets: r.prev_total_assets,
  source: r.source,
});

// The last snapshot of each of the latest N trade dates, walking the (trade_date, time) index one date at a
// time (O(N log n)) instead of grouping a year of minute snapshots.
const EQUITY_SQL = `
  WITH RECURSIVE days(d, n) AS (
    SELECT (SELECT MAX(trade_date) FROM account_snapshots), 1
    UNION ALL
    SELECT (SELECT MAX(trade_date) FROM account_snapshots WHERE trade_date < days.d), n + 1
    FROM days WHERE days.d IS NOT NULL AND n < ?
  )
  SELECT s.* FROM days
  JOIN account_snapshots s ON s.id = (SELECT id FROM account_snapshots WHERE trade_date = days.d ORDER BY time DESC, id DESC LIMIT 1)
  ORDER BY s.trade_date`;

export function accountReads(ctx: ReadContext) {
  return {
    accountSummary(tradeDate?: string): AccountSummaryView {
      const date = tradeDate ?? ctx.today();
      const latest = ctx.stmt('SELECT * FROM account_snapshots ORDER BY time DESC, id DESC LIMIT 1').get() as SnapshotRow | undefined;
      const sums = ctx
        .stmt(
          `SELECT COALESCE(SUM(CASE WHEN side = 'sell' THEN amount - cost_basis ELSE 0 END), 0) AS gross,
                  COALESCE(SUM(fee + tax), 0) AS costs,
                  COALESCE(SUM(CASE WHEN side = 'sell' THEN fee + tax ELSE 0 END), 0) AS sell_costs
           FROM trade_executions WHERE trade_date = ?`,
        )
        .get(date) as { gross: number; costs: number; sell_costs: number };
      return {
        tradeDate: date,
        snapshot: latest ? toSnapshot(latest) : null,
        // Realized is what closed today: a sale's proceeds over its cost, less that sale's fee and tax. A buy's
        // fee is a cost of the shares still held, so a plain buy realizes nothing (as KIS and the exchange
        // ledger count it); it still shows in the day's fees and taxes.
        realizedToday: { gross: sums.gross, feesAndTaxes: sums.costs, net: sums.gross - sums.sell_costs },
      };
    },
    /** One point per trade date (its last snapshot), oldest first, for the latest `days` dates with data. */
    equityHistory(days: number): SnapshotView[] {
      const n = Math.max(1, Math.min(3660, Math.floor(days)));
      return (ctx.stmt(EQUITY_SQL).all(n) as SnapshotRow[]).map(toSnapshot);
    },
    /** Every snapshot of one trade date (the intraday equity line). */
    equityIntraday(tradeDate?: string): SnapshotView[] {
      return (ctx.stmt('SELECT * FROM account_snapshots WHERE trade_date = ? ORDER BY time, id').all(tradeDate ?? ctx.today()) as SnapshotRow[]).map(
        toSnapshot,
      );
    },
  };
}
