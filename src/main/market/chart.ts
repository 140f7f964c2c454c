/**
 * Chart bars. Daily: the mirror's daily_prices cache, its missing trading days filled from
 * inquire-daily-itemchartprice (and written back through the writer), plus today's bar from the live quote
 * (not stored: it is not final until the close). 1-minute: the mirror's market_candles (the sync layer builds
 * them from ticks), backfilled once per symbol and day from inquire-time-itemchartprice when the morning is
 * missing (the app started late, or the symbol was not streamed).
 */
import type { BarView, QuoteView } from '../../shared/ipc/domains/market';
import { isTradingDay as bundledIsTradingDay, prevTradingDay } from '../../shared/market/calendar';
import type { SessionOptions } from '../../shared/market/sessions';
import { formatHhmmss, kstDate, kstEpoch, kstMidnight, kstSecondsOfDay } from '../../shared/market/time';
import type { DailyBar, MinuteBar } from '../kis';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { CandleInput, DailyPriceInput } from '../store';
import type { QuoteVenue } from './service';

const MINUTE = 60_000;
const marketCode = (v: QuoteVenue) => (v === 'KRX' ? 'J' : v === 'NXT' ? 'NX' : 'UN') as 'J' | 'NX' | 'UN';
/** First minute with trades: KRX's opening auction prints at 09:00; NXT opens its pre-market at 08:00. */
const sessionStartSec = (v: QuoteVenue) => (v === 'NXT' ? 8 * 3600 : 9 * 3600);

export interface ChartRequest {
  symbol: string;
  venue: QuoteVenue;
  count: number;
}

export class ChartService {
  /** `${kind}|symbol|venue|day` already backfilled this run: KIS may simply have no bar for a day. */
  private readonly backfilled = new Set<string>();

  constructor(
    private readonly session: ActiveSession,
    private readonly options: () => SessionOptions,
    private readonly logger: Logger,
  ) {}

  async daily(req: ChartRequest, liveQuote: () => Promise<QuoteView | null>): Promise<BarView[]> {
    const { symbol, venue, count } = req;
    const isOpen = this.options().isTradingDay ?? bundledIsTradingDay;
    const today = kstDate(this.session.marketClock.now());
    const days: string[] = [];
    for (let d = isOpen(today) ? today : prevTradingDay(today, isOpen); days.length < count; d = prevTradingDay(d, isOpen)) days.unshift(d);
    const past = days.filter((d) => d < today);
    const reads = this.session.store.reads;
    const gaps = reads.dailyPriceGaps(symbol, past, venue);
    const mark = `d|${symbol}|${venue}|${today}`;
    if (gaps.length > 0 && !this.backfilled.has(mark)) {
      this.backfilled.add(mark);
      try {
        const bars = await this.session.rest.dailyChartRange(symbol, { from: gaps[0]!, to: gaps.at(-1)!, market: marketCode(venue), priority: 'live' });
        const rows: DailyPriceInput[] = bars.filter((b) => b.date < today && validBar(b)).map((b) => ({ symbol, venue, date: b.date, ...pick(b), turnover: b.turnover }));
        if (rows.length > 0) {
          const w = this.session.store.writer.upsertDailyPrices(rows);
          if (!w.ok) this.logger.warn('daily bars not cached', { symbol, code: w.code });
        }
      } catch (err) {
        this.backfilled.delete(mark); // a failure (network, rate limit) may be retried by the next request
        this.logger.warn('daily chart backfill failed', { symbol, error: err instanceof Error ? err.message : String(err) });
      }
    }
    const out: BarView[] = reads
      .dailyPrices(symbol, days[0] ?? today, today, venue)
      .filter((b) => b.date < today)
      .map((b) => ({ time: kstMidnight(b.date), ...pick(b) }));
    if (isOpen(today)) {
      const q = await liveQuote();
      if (q && q.volume > 0 && q.open > 0) {
        out.push({ time: kstMidnight(today), open: q.open, high: Math.max(q.high, q.open, q.price), low: Math.min(q.low || q.price, q.open, q.price), close: q.price, volume: q.volume });
      }
    }
    return out.slice(-count);
  }

  async minute(req: ChartRequest): Promise<BarView[]> {
    const { symbol, venue, count } = req;
    const now = this.session.marketClock.now();
    const today = kstDate(now);
    const isOpen = this.options().isTradingDay ?? bundledIsTradingDay;
    const from = kstMidnight(today);
    const reads = this.session.store.reads;
    let cached = reads.candles(symbol, venue, from, now + MINUTE);
    const start = kstEpoch(today, sessionStartSec(venue));
    const currentMinute = Math.floor(now / MINUTE) * MINUTE;
    const firstWanted = Math.max(start, currentMinute - count * MINUTE);
    const mark = `m|${symbol}|${venue}|${today}`;
    const missingMorning = cached.length === 0 || cached[0]!.minute > firstWanted + MINUTE;
    if (isOpen(today) && now > start && missingMorning && !this.backfilled.has(mark)) {
      this.backfilled.add(mark);
      try {
        const bars = await this.session.rest.minuteChart(symbol, {
          market: marketCode(venue),
          since: formatHhmmss(kstSecondsOfDay(firstWanted)),
          priority: 'live',
        });
        const have = new Set(cached.map((c) => c.minute));
        const rows = toCandles(symbol, venue, bars).filter((c) => c.minute < currentMinute && c.minute >= from && !have.has(c.minute));
        if (rows.length > 0) {
          const w = this.session.store.writer.upsertCandles(rows);
          if (!w.ok) this.logger.warn('minute bars not cached', { symbol, code: w.code });
          cached = reads.candles(symbol, venue, from, now + MINUTE);
        }
      } catch (err) {
        this.backfilled.delete(mark);
        this.logger.warn('minute chart backfill failed', { symbol, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return cached.slice(-count).map((c) => ({ time: c.minute, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume }));
  }
}

const pick = (b: { open: number; high: number; low: number; close: number; volume: number }) => ({
  open: b.open,
  high: b.high,
  low: b.low,
  close: b.close,
  volume: b.volume,
});

const validBar = (b: DailyBar | MinuteBar) => b.open > 0 && b.high >= Math.max(b.open, b.close, b.low) && b.low <= Math.min(b.open, b.close) && b.low > 0;

/** KIS minute rows → candles; turnover per bar from KIS's cumulative figure (kis-api.md §4.10). */
function toCandles(symbol: string, venue: QuoteVenue, bars: MinuteBar[]): CandleInput[] {
  const out: CandleInput[] = [];
  let prevCum: number | null = null;
  for (const b of bars) {
    const cum = b.cumulativeTurnover;
    const turnover = prevCum === null ? Math.round(b.close * b.volume) : Math.max(0, cum - prevCum);
    prevCum = cum;
    if (!validBar(b)) continue;
    let minute: number;
    try {
      minute = Math.floor(kstEpoch(b.date, b.time) / MINUTE) * MINUTE;
    } catch {
      continue;
    }
    out.push({ symbol, venue, minute, ...pick(b), turnover });
  }
  return out;
}
