/** H0STCNT0 / H0NXCNT0 / H0UNCNT0 record → Tick (kis-api.md §7.1). Fields are read by index from the record start. */
import type { FieldIndex } from './fields';
import type { QuoteVenue, Tick } from './types';

/** Known layout: 46 fields, plus MARKET_CLS_CODE as field 47 in the 2026-09 regime. */
const KNOWN_WIDTH = 47;

/**
 * Reads the record whose first field is field index `b` of `f` and which is `width` fields wide.
 * Returns null when a numeric field is not a number (the caller counts it as malformed).
 */
export function readTick(f: FieldIndex, b: number, width: number, venue: QuoteVenue): Tick | null {
  const price = f.int(b + 2);
  const change = f.int(b + 4);
  const changeRate = f.dec(b + 5);
  const vwap = f.dec(b + 6);
  const open = f.int(b + 7);
  const high = f.int(b + 8);
  const low = f.int(b + 9);
  const ask1 = f.int(b + 10);
  const bid1 = f.int(b + 11);
  const qty = f.int(b + 12);
  const cumVolume = f.int(b + 13);
  const cumTurnover = f.int(b + 14);
  const viStndPrc = f.int(b + 45);
  // NaN is the only value for which x !== x; one sum tests them all without 13 branches.
  const sum = price + change + changeRate + vwap + open + high + low + ask1 + bid1 + qty + cumVolume + cumTurnover + viStndPrc;
  if (sum !== sum) return null;
  return {
    venue,
    symbol: f.str(b),
    time: f.str(b + 1),
    price,
    sign: f.str(b + 3),
    change,
    changeRate,
    vwap,
    open,
    high,
    low,
    ask1,
    bid1,
    qty,
    cumVolume,
    cumTurnover,
    side: f.str(b + 21),
    bsopDate: f.str(b + 33),
    newMkopClsCode: f.str(b + 34),
    trhtYn: f.str(b + 35),
    hourClsCode: f.str(b + 43),
    viStndPrc,
    marketClsCode: width > 46 ? f.str(b + 46) : undefined,
    extra: width > KNOWN_WIDTH ? f.strs(b + KNOWN_WIDTH, b + width) : undefined,
  };
}
