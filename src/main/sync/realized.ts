/**
 * Today's realized P&L and fees, kept in memory: the store's figure is a pass over every execution of the
 * day, too slow to repeat for each push in a burst of fills. Read once, then moved by each fill the pipeline
 * applies; read again whenever something else touched executions (reconciliation, an absorbed notice, a
 * new trade date), so it never drifts from the store's own sum.
 */
import type { AccountSummaryView, FillResult, Side, StoreReads } from '../store';

type Realized = AccountSummaryView['realizedToday'];

export class RealizedTally {
  private day: string | null = null;
  private value: Realized | null = null;

  constructor(private readonly reads: () => StoreReads) {}

  get(today: string): Realized {
    if (this.value === null || this.day !== today) {
      this.value = { ...this.reads().accountSummary(today).realizedToday };
      this.day = today;
    }
    return this.value;
  }

  /** A fill the store applied as a new execution (not a duplicate). */
  addFill(tradeDate: string, side: Side, r: Pick<FillResult, 'realizedPnl' | 'absorbedQty'>, fee: number, tax: number): void {
    // An absorbed notice rewrites remainder rows too: only the store's own sum is exact then.
    if (this.value === null || this.day !== tradeDate || r.absorbedQty > 0) {
      this.value = null;
      return;
    }
    this.value.feesAndTaxes += fee + tax;
    // Only a sale realizes anything, net of its own fee and tax (the store's sum counts the same way).
    if (side === 'sell') {
      this.value.gross += r.realizedPnl;
      this.value.net += r.realizedPnl - fee - tax;
    }
  }

  invalidate(): void {
    this.value = null;
  }
}
