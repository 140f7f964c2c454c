/**
 * 1-minute OHLCV bars from realtime trade ticks (issue 5 "Candles"), per symbol and quote venue (KRX, NXT,
 * 통합). Bars are built in memory and written in batches: every `flushMs`, and at once when a minute closes
 * (the first tick of the next minute). The store upserts whole bars, so a minute written several times ends
 * as its latest, most complete state.
 *
 * The minute during which streaming started is partial (ticks before the subscription are not replayed);
 * the chart's REST backfill (inquire-time-itemchartprice) is what repairs such a minute.
 */
import { kstDate, kstEpoch } from '../../shared/market/time';
import type { Clock } from '../../shared/clock';
import type { Tick } from '../kis/realtime/types';
import type { Logger } from '../log';
import type { CandleInput, StoreWriter } from '../store';

interface Bar extends CandleInput {
  turnover: number;
  dirty: boolean;
}

const HHMMSS = /^([01]\d|2[0-3])[0-5]\d[0-5]\d$/;
const YMD = /^\d{8}$/;
/** Bars this many minutes behind their stream's newest minute are written one last time and dropped. */
const KEEP_MINUTES = 2;

export interface CandleStats {
  ticks: number;
  flushes: number;
  barsWritten: number;
  failures: number;
}

export class CandleAggregator {
  readonly stats: CandleStats = { ticks: 0, flushes: 0, barsWritten: 0, failures: 0 };
  private readonly bars = new Map<string, Bar>();
  /** Newest minute seen per symbol|venue stream. */
  private readonly newest = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly writer: () => StoreWriter | null,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly flushMs = 1000,
    /** Told after each batch written (sync schedules WAL checkpoints around writes). */
    private readonly onWrite: () => void = () => {},
  ) {}

  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.flush(), this.flushMs);
    this.timer.unref?.();
  }

  /** Writes what is pending and stops. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.bars.clear();
  }

  onTick(t: Tick): void {
    if (this.closed || t.price <= 0 || t.qty < 0 || !HHMMSS.test(t.time)) return;
    this.stats.ticks++;
    const date = YMD.test(t.bsopDate) ? t.bsopDate : kstDate(this.clock.now());
    const minute = Math.floor(kstEpoch(date, t.time) / 60_000) * 60_000;
    const stream = `${t.symbol}|${t.venue}`;
    const key = `${stream}|${minute}`;
    let bar = this.bars.get(key);
    if (!bar) {
      bar = { symbol: t.symbol, venue: t.venue, minute, open: t.price, high: t.price, low: t.price, close: t.price, volume: 0, turnover: 0, dirty: true };
      this.bars.set(key, bar);
    }
    if (t.price > bar.high) bar.high = t.price;
    if (t.price < bar.low) bar.low = t.price;
    bar.close = t.price;
    bar.volume += t.qty;
    bar.turnover += t.price * t.qty;
    bar.dirty = true;
    const newest = this.newest.get(stream);
    if (newest === undefined || minute > newest) {
      this.newest.set(stream, minute);
      // A new minute began on this stream: the previous one is complete — write it now, not at the next timer.
      if (newest !== undefined) this.flush();
    }
  }

  flush(): void {
    if (this.closed) return;
    const dirty: CandleInput[] = [];
    for (const [key, bar] of this.bars) {
      if (bar.dirty) {
        dirty.push({ symbol: bar.symbol, venue: bar.venue, minute: bar.minute, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume, turnover: bar.turnover });
        bar.dirty = false;
      }
      const newest = this.newest.get(`${bar.symbol}|${bar.venue}`) ?? bar.minute;
      if (bar.minute < newest - KEEP_MINUTES * 60_000) this.bars.delete(key);
    }
    if (dirty.length === 0) return;
    const writer = this.writer();
    if (!writer) return;
    this.stats.flushes++;
    const r = writer.upsertCandles(dirty);
    this.onWrite();
    if (r.ok) this.stats.barsWritten += dirty.length;
    else {
      this.stats.failures++;
      this.logger.warn('candles not written', { code: r.code, message: r.message, bars: dirty.length });
    }
  }
}
