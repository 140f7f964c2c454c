/** Chart data: 1-minute bars and cached dailies, plus which expected trading days are missing. */
import type { PriceVenue } from '../types';
import type { CandleView, DailyPriceView } from '../views';
import type { ReadContext } from './context';

export function marketReads(ctx: ReadContext) {
  return {
    /** Bars with minute in [fromMs, toMs). */
    candles(symbol: string, venue: PriceVenue, fromMs: number, toMs: number): CandleView[] {
      return ctx
        .stmt(
          `SELECT minute, open, high, low, close, volume, turnover FROM market_candles
           WHERE symbol = ? AND venue = ? AND minute >= ? AND minute < ? ORDER BY minute`,
        )
        .all(symbol, venue, fromMs, toMs) as CandleView[];
    },
    /** Dailies with date in [fromYmd, toYmd] (inclusive, KST dates). */
    dailyPrices(symbol: string, fromYmd: string, toYmd: string, venue: PriceVenue = 'KRX'): DailyPriceView[] {
      return ctx
        .stmt(
          `SELECT date, open, high, low, close, volume, turnover FROM daily_prices
           WHERE symbol = ? AND venue = ? AND date BETWEEN ? AND ? ORDER BY date`,
        )
        .all(symbol, venue, fromYmd, toYmd) as DailyPriceView[];
    },
    /**
     * Which of `tradingDays` (from the shared market calendar — the store knows no holidays) have no cached
     * daily bar: the dates the sync layer should fetch from inquire-daily-itemchartprice.
     */
    dailyPriceGaps(symbol: string, tradingDays: readonly string[], venue: PriceVenue = 'KRX'): string[] {
      if (tradingDays.length === 0) return [];
      const rows = ctx
        .stmt(
          `SELECT j.value AS date FROM json_each(?) j
           WHERE NOT EXISTS (SELECT 1 FROM daily_prices d WHERE d.symbol = ? AND d.venue = ? AND d.date = j.value)
           ORDER BY j.value`,
        )
        .all(JSON.stringify(tradingDays), symbol, venue) as Array<{ date: string }>;
      return rows.map((r) => r.date);
    },
  };
}
