/**
 * Market data for the screen: symbol search, quotes, the 10-level 호가, charts, session state and the
 * watchlist. Quotes and books stream as coalesced events; the invoke channels give the current snapshot.
 */
import { z } from 'zod';
import { epochMs, input, int, noInput, text, won } from '../schemas';
import { channel } from '../spec';
import { bilingualSchema, quoteVenueSchema, symbolSchema, venueSchema } from './common';

export const instrumentSchema = z.strictObject({
  symbol: symbolSchema,
  name: text(100),
  nameEn: text(100),
  market: z.enum(['KOSPI', 'KOSDAQ', 'KONEX']),
  etp: z.boolean(),
  nxtEligible: z.boolean(),
});
export type InstrumentView = z.infer<typeof instrumentSchema>;

export const quoteSchema = z.strictObject({
  symbol: symbolSchema,
  venue: quoteVenueSchema,
  price: won,
  change: won,
  changeRate: z.number().finite(),
  /** 1 상한 2 상승 3 보합 4 하한 5 하락 */
  sign: z.enum(['1', '2', '3', '4', '5']),
  open: won,
  high: won,
  low: won,
  volume: int(0, Number.MAX_SAFE_INTEGER),
  turnover: won,
  upperLimit: won,
  lowerLimit: won,
  prevClose: won,
  tickSize: int(1, 1_000_000),
  halted: z.boolean(),
  time: epochMs,
});
export type QuoteView = z.infer<typeof quoteSchema>;

const level = z.strictObject({ price: won, qty: int(0, Number.MAX_SAFE_INTEGER) });
export const bookSchema = z.strictObject({
  symbol: symbolSchema,
  venue: quoteVenueSchema,
  asks: z.array(level).max(10),
  bids: z.array(level).max(10),
  totalAskQty: int(0, Number.MAX_SAFE_INTEGER),
  totalBidQty: int(0, Number.MAX_SAFE_INTEGER),
  expectedPrice: won.nullable(),
  time: epochMs,
});
export type BookView = z.infer<typeof bookSchema>;

export const tradeTickSchema = z.strictObject({
  symbol: symbolSchema,
  venue: quoteVenueSchema,
  price: won,
  qty: int(0, Number.MAX_SAFE_INTEGER),
  change: won,
  changeRate: z.number().finite(),
  sign: z.enum(['1', '2', '3', '4', '5']),
  volume: int(0, Number.MAX_SAFE_INTEGER),
  side: z.enum(['buy', 'sell', 'none']),
  time: epochMs,
});
export type TradeTick = z.infer<typeof tradeTickSchema>;

export const barSchema = z.strictObject({ time: epochMs, open: won, high: won, low: won, close: won, volume: int(0, Number.MAX_SAFE_INTEGER) });
export type BarView = z.infer<typeof barSchema>;

const venueSession = z.strictObject({
  phase: text(40),
  label: bilingualSchema,
  acceptsOrders: z.boolean(),
  nextChangeAt: epochMs.nullable(),
});
export const marketSessionSchema = z.strictObject({
  tradingDay: z.boolean(),
  regime: z.enum(['legacy', '2026-09']),
  krx: venueSession,
  nxt: venueSession,
  now: epochMs,
});
export type MarketSessionView = z.infer<typeof marketSessionSchema>;

export const marketChannels = {
  /** Fuzzy search by Korean name, English name or code. */
  'symbols:search': channel({
    input: input({ query: text(50), limit: int(1, 50) }),
    output: z.array(instrumentSchema).max(50),
    example: { query: '삼성', limit: 10 },
  }),
  'market:quote': channel({ input: input({ symbol: symbolSchema, venue: quoteVenueSchema }), output: quoteSchema, example: { symbol: '005930', venue: 'KRX' } }),
  'market:book': channel({ input: input({ symbol: symbolSchema, venue: quoteVenueSchema }), output: bookSchema, example: { symbol: '005930', venue: 'KRX' } }),
  /** 1-minute bars for today (from ticks + KIS minute chart) or daily bars (cache, gaps filled from KIS). */
  'market:chart': channel({
    input: input({ symbol: symbolSchema, venue: quoteVenueSchema, interval: z.enum(['1m', '1d']), count: int(1, 1000) }),
    output: z.array(barSchema).max(1000),
    example: { symbol: '005930', venue: 'KRX', interval: '1d', count: 120 },
  }),
  'market:session': channel({ input: noInput, output: marketSessionSchema, example: {} }),
  /** The symbol the trader is looking at: gets realtime trades + 호가 priority (null = none). */
  // The example is the null form: junk tests then try a bad string, which the schema must refuse (null is legal).
  'market:focus': channel({ input: input({ symbol: symbolSchema.nullable() }), output: z.strictObject({ symbol: symbolSchema.nullable() }), example: { symbol: null } }),
  'watchlist:get': channel({ input: noInput, output: z.array(instrumentSchema).max(200), example: {} }),
  'watchlist:set': channel({ input: input({ symbols: z.array(symbolSchema).max(200) }), output: z.array(instrumentSchema).max(200), example: { symbols: ['005930', '000660'] } }),
};

export const marketEvents = {
  /** Trade ticks coalesced per ~50 ms (at most one batch per frame budget). */
  'market:ticks': z.array(tradeTickSchema).max(2000),
  /** A 호가 update (the latest per symbol and venue within a ~50 ms batch). Not 'market:book': that is the channel. */
  'market:bookChanged': bookSchema,
  'market:sessionChanged': marketSessionSchema,
};
