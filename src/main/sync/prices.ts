/**
 * The last price per symbol, for valuing positions: KIS's valuation price (prpr) from the last balance
 * read, replaced by realtime trade ticks as they arrive. Quotes live in memory, never in the mirror.
 * KRX and 통합 (UN) prints count; NXT prints only when the trader values NXT symbols at NXT prices
 * (settings.nxtView), matching the balance view sync asks KIS for.
 */
import type { Tick } from '../kis/realtime/types';

export class PriceBook {
  private readonly prices = new Map<string, number>();
  /** Which feed priced each symbol last: 'tick' (KRX/UN), 'nxt', or absent (balance). */
  private readonly source = new Map<string, 'tick' | 'nxt'>();

  constructor(private readonly nxtView: () => boolean) {}

  /** Balance prices fill in symbols no tick has priced yet (a tick is newer than any balance read). */
  fromBalance(prices: ReadonlyMap<string, number>): void {
    for (const [symbol, price] of prices) if (!this.source.has(symbol)) this.prices.set(symbol, price);
  }

  onTick(t: Tick): void {
    if (t.price <= 0) return;
    if (t.venue === 'NXT') {
      if (!this.nxtView()) return;
      this.prices.set(t.symbol, t.price);
      this.source.set(t.symbol, 'nxt');
      return;
    }
    // In the NXT view a KRX/통합 print only prices symbols NXT has not priced.
    if (this.nxtView() && this.source.get(t.symbol) === 'nxt') return;
    this.prices.set(t.symbol, t.price);
    this.source.set(t.symbol, 'tick');
  }

  get(symbol: string): number | undefined {
    return this.prices.get(symbol);
  }

  view(): ReadonlyMap<string, number> {
    return this.prices;
  }
}
