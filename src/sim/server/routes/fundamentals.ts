/**
 * Numbers the exchange does not model (PER, EPS, 52-week range, yesterday's bar) derived deterministically
 * from the instrument and the exchange's own daily bars, so quotes stay consistent with charts.
 */
import type { DailyBar, Instrument, SimExchange } from '../../exchange/types';
import type { QuoteVenue } from './market-code';
import { createHash } from 'node:crypto';
import { addDays as shiftYmd } from '../kst';

/** The last daily bar strictly before `date`, if any. */
export function previousBar(ex: SimExchange, symbol: string, venue: QuoteVenue, date: string): DailyBar | undefined {
  const bars = ex.dailyBars(symbol, venue, shiftYmd(date, -14), shiftYmd(date, -1), 'D').filter((b) => b.date < date);
  return bars.reduce<DailyBar | undefined>((best, b) => (!best || b.date > best.date ? b : best), undefined);
}

export interface Range52w {
  high: number;
  highDate: string;
  low: number;
  lowDate: string;
}

export function range52w(ex: SimExchange, symbol: string, venue: QuoteVenue, date: string, last: number): Range52w {
  const bars = ex.dailyBars(symbol, venue, shiftYmd(date, -364), date, 'D');
  let r: Range52w = { high: last, highDate: date, low: last, lowDate: date };
  for (const b of bars) {
    if (b.high > r.high) r = { ...r, high: b.high, highDate: b.date };
    if (b.low > 0 && b.low < r.low) r = { ...r, low: b.low, lowDate: b.date };
  }
  return r;
}

/** Stable per-symbol PER/PBR (from a hash of the code) and the EPS/BPS they imply at the previous close. */
export function fundamentals(inst: Instrument): { per: string; pbr: string; eps: string; bps: string } {
  if (inst.etp) return { per: '0.00', pbr: '0.00', eps: '0.00', bps: '0.00' };
  const h = createHash('sha256').update(inst.code).digest();
  const per = 5 + (h.readUInt16LE(0) % 2500) / 100; // 5.00 – 29.99
  const pbr = 0.3 + (h.readUInt16LE(2) % 300) / 100; // 0.30 – 3.29
  return {
    per: per.toFixed(2),
    pbr: pbr.toFixed(2),
    eps: (inst.prevClose / per).toFixed(2),
    bps: (inst.prevClose / pbr).toFixed(2),
  };
}
