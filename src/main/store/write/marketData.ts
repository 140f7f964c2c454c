/**
 * Market data caches. Upserts replace the whole bar: the tick aggregator flushes the running state of a
 * minute (open, high, low, close, volume so far), so the latest flush is always the most complete one,
 * and REST chart rows (inquire-time-itemchartprice / inquire-daily-itemchartprice) are complete bars too.
 */
import { transaction } from '../open';
import type { CandleInput, DailyPriceInput } from '../types';
import { refuse, type WriteContext } from './context';
import * as v from './validate';

function checkOhlc(what: string, b: { open: number; high: number; low: number; close: number }): void {
  if (b.high < Math.max(b.open, b.close, b.low) || b.low > Math.min(b.open, b.close)) {
    refuse('BAD_INPUT', `${what}: high/low do not contain open/close`);
  }
}

export function upsertCandles(ctx: WriteContext, candles: CandleInput[]): { count: number } {
  if (!Array.isArray(candles)) refuse('BAD_INPUT', 'candles must be an array');
  const rows = candles.map((c, i) => {
    const row = {
      symbol: v.symbol(c.symbol),
      venue: v.oneOf(`candles[${i}].venue`, c.venue, v.PRICE_VENUES),
      minute: v.int(`candles[${i}].minute`, c.minute),
      open: v.int(`candles[${i}].open`, c.open),
      high: v.int(`candles[${i}].high`, c.high),
      low: v.int(`candles[${i}].low`, c.low),
      close: v.int(`candles[${i}].close`, c.close),
      volume: v.int(`candles[${i}].volume`, c.volume),
      turnover: v.int(`candles[${i}].turnover`, c.turnover ?? 0),
    };
    if (row.minute % 60_000 !== 0) refuse('BAD_INPUT', `candles[${i}].minute must be the start of a minute`);
    checkOhlc(`candles[${i}]`, row);
    return row;
  });
  return transaction(ctx.db, () => {
    const stmt = ctx.stmt(
      `INSERT INTO market_candles (symbol, venue, minute, open, high, low, close, volume, turnover)
       VALUES (@symbol, @venue, @minute, @open, @high, @low, @close, @volume, @turnover)
       ON CONFLICT (symbol, venue, minute) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
         close = excluded.close, volume = excluded.volume, turnover = excluded.turnover`,
    );
    for (const r of rows) stmt.run(r);
    return { count: rows.length };
  });
}

export function upsertDailyPrices(ctx: WriteContext, bars: DailyPriceInput[]): { count: number } {
  if (!Array.isArray(bars)) refuse('BAD_INPUT', 'bars must be an array');
  const rows = bars.map((b, i) => {
    const row = {
      symbol: v.symbol(b.symbol),
      venue: v.oneOf(`bars[${i}].venue`, b.venue, v.PRICE_VENUES),
      date: v.ymd(`bars[${i}].date`, b.date),
      open: v.int(`bars[${i}].open`, b.open),
      high: v.int(`bars[${i}].high`, b.high),
      low: v.int(`bars[${i}].low`, b.low),
      close: v.int(`bars[${i}].close`, b.close),
      volume: v.int(`bars[${i}].volume`, b.volume),
      turnover: v.int(`bars[${i}].turnover`, b.turnover ?? 0),
    };
    checkOhlc(`bars[${i}]`, row);
    return row;
  });
  return transaction(ctx.db, () => {
    const stmt = ctx.stmt(
      `INSERT INTO daily_prices (symbol, venue, date, open, high, low, close, volume, turnover)
       VALUES (@symbol, @venue, @date, @open, @high, @low, @close, @volume, @turnover)
       ON CONFLICT (symbol, venue, date) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
         close = excluded.close, volume = excluded.volume, turnover = excluded.turnover`,
    );
    for (const r of rows) stmt.run(r);
    return { count: rows.length };
  });
}
