/**
 * The 손익 추이 rows with today valued live. The history comes from account snapshots, read once when the screen
 * loads; the summary strip above it moves with every tick and fill. Without this the chart's header would show a
 * stale total next to a live one. Today's point takes the summary's total assets (and realized P&L), keeping the
 * day's P&L measured from the same base the history used; a day with no snapshot yet gets its point appended.
 */
import type { AccountSummary } from '../../shared/ipc/domains/account';
import { kstDate } from '../../shared/market/time';
import type { EquityPoint } from '../stores/account';

export function withLiveToday(rows: readonly EquityPoint[], summary: AccountSummary | null): EquityPoint[] {
  const sorted = rows.slice().sort((a, b) => a.date.localeCompare(b.date));
  if (!summary || summary.asOf === null) return sorted;
  const today = kstDate(summary.asOf);
  const last = sorted[sorted.length - 1];
  if (last && last.date === today) {
    const base = last.totalAssets - last.pnl;
    sorted[sorted.length - 1] = { ...last, totalAssets: summary.totalAssets, pnl: summary.totalAssets - base, realizedPnl: summary.realizedPnlToday };
  } else if (!last || last.date < today) {
    sorted.push({ date: today, totalAssets: summary.totalAssets, pnl: last ? summary.totalAssets - last.totalAssets : 0, realizedPnl: summary.realizedPnlToday });
  }
  return sorted;
}
