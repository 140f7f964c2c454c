/**
 * Deterministic daily history (~260 trading days) ending at the fixture's previous close, and bar aggregation
 * for the W/M/Y periods of inquire-daily-itemchartprice.
 */
import { prevTradingDay } from '../../shared/market/calendar';
import { roundToTick } from '../../shared/market/ticks';
import type { InstrumentFixture } from '../fixtures/universe';
import { createRng, hashSeed } from './prng';
import type { DailyBar } from './types';

export const HISTORY_DAYS = 260;

/** Bars for the `HISTORY_DAYS` trading days before `firstSessionDate`, oldest first; the last close = prevClose. */
export function generateHistory(fx: InstrumentFixture, seed: number, firstSessionDate: string, isTradingDay: (ymd: string) => boolean): DailyBar[] {
  const rng = createRng(hashSeed(seed, fx.code, 'history'));
  const dates: string[] = [];
  let d = firstSessionDate;
  for (let i = 0; i < HISTORY_DAYS; i++) {
    d = prevTradingDay(d, isTradingDay);
    dates.push(d);
  }
  dates.reverse();
  const closes = new Array<number>(HISTORY_DAYS);
  closes[HISTORY_DAYS - 1] = fx.prevClose;
  for (let i = HISTORY_DAYS - 1; i > 0; i--) {
    const r = Math.max(-0.25, Math.min(0.25, fx.dailyVol * rng.normal()));
    closes[i - 1] = roundToTick(closes[i]! / Math.exp(r), fx.etp, 'nearest');
  }
  const bars: DailyBar[] = [];
  // Roughly what the simulated sessions trade, so history and today look alike on a chart.
  const typicalVolume = Math.round((fx.liquidity * 1.2e12) / fx.prevClose);
  for (let i = 0; i < HISTORY_DAYS; i++) {
    const close = closes[i]!;
    const prev = i > 0 ? closes[i - 1]! : close;
    const open = roundToTick(prev * Math.exp(0.4 * fx.dailyVol * rng.normal()), fx.etp, 'nearest');
    const hiRaw = Math.max(open, close) * (1 + Math.abs(rng.normal()) * fx.dailyVol * 0.4);
    const loRaw = Math.min(open, close) * (1 - Math.abs(rng.normal()) * fx.dailyVol * 0.4);
    const high = Math.min(roundToTick(hiRaw, fx.etp, 'up'), roundToTick(Math.floor((prev * 13) / 10), fx.etp, 'down'));
    const low = Math.max(roundToTick(loRaw, fx.etp, 'down'), roundToTick(Math.ceil((prev * 7) / 10), fx.etp, 'up'));
    const volume = Math.max(1, Math.round(typicalVolume * (0.5 + rng.next())));
    bars.push({
      date: dates[i]!,
      open,
      high: Math.max(high, open, close),
      low: Math.min(low, open, close),
      close,
      volume,
      turnover: Math.round(volume * ((open + high + low + close) / 4)),
    });
  }
  return bars;
}

/** Aggregate daily bars (oldest first) into weeks (ISO-like, Mon–Sun), months or years. */
export function aggregateBars(bars: DailyBar[], period: 'D' | 'W' | 'M' | 'Y'): DailyBar[] {
  if (period === 'D') return bars.map((b) => ({ ...b }));
  const keyOf = (ymd: string): string => {
    if (period === 'Y') return ymd.slice(0, 4);
    if (period === 'M') return ymd.slice(0, 6);
    const t = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8)));
    const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
    return String(t - dow * 86_400_000);
  };
  const out: DailyBar[] = [];
  let curKey = '';
  for (const b of bars) {
    const k = keyOf(b.date);
    const last = out[out.length - 1];
    if (last && k === curKey) {
      last.high = Math.max(last.high, b.high);
      last.low = Math.min(last.low, b.low);
      last.close = b.close;
      last.volume += b.volume;
      last.turnover += b.turnover;
      // KIS dates a period bar by its last trading day.
      last.date = b.date;
    } else {
      out.push({ ...b });
      curKey = k;
    }
  }
  return out;
}
