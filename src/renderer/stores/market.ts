/**
 * Market data on the screen: the session (KRX/NXT phases), the watchlist, the latest trade per symbol, quote
 * snapshots per venue, 호가 per venue, the trade tape of the focused symbol and which symbol is focused.
 * Ticks arrive through the per-frame coalescer (market/coalescer.ts) as one batch per animation frame, so 40
 * symbols × 50 ticks/s cost one store update per frame, not 2,000 a second.
 */
import { create } from 'zustand';
import type { BookView, InstrumentView, MarketSessionView, QuoteView, TradeTick } from '../../shared/ipc/domains/market';

export type QuoteVenue = 'KRX' | 'NXT' | 'UN';

interface MarketStore {
  session: MarketSessionView | null;
  watchlist: InstrumentView[] | null;
  /** The most recent trade of each symbol on any venue (what the watchlist shows). */
  last: Record<string, TradeTick>;
  /** Quote snapshots by `symbol|venue`, kept current by ticks. */
  quotes: Record<string, QuoteView>;
  books: Record<string, BookView>;
  /** Trades of the focused symbol, newest first. */
  tape: TradeTick[];
  focus: InstrumentView | null;
  /** Which venue the quote panel shows. */
  venue: QuoteVenue;
  /** Names for symbols the screen met outside the watchlist (positions, search). */
  names: Record<string, InstrumentView>;
}

export const useMarket = create<MarketStore>(() => ({
  session: null,
  watchlist: null,
  last: {},
  quotes: {},
  books: {},
  tape: [],
  focus: null,
  venue: 'KRX',
  names: {},
}));

export const quoteKey = (symbol: string, venue: QuoteVenue) => `${symbol}|${venue}`;

const TAPE_LENGTH = 80;

/** One frame's worth of ticks into the store in a single update. */
export function applyTicks(batch: readonly TradeTick[]): void {
  if (batch.length === 0) return;
  useMarket.setState((s) => {
    const last = { ...s.last };
    let quotes: Record<string, QuoteView> | null = null;
    const focusSymbol = s.focus?.symbol;
    const forTape: TradeTick[] = [];
    for (const t of batch) {
      const prev = last[t.symbol];
      if (!prev || t.time >= prev.time) last[t.symbol] = t;
      const k = quoteKey(t.symbol, t.venue);
      const q = (quotes ?? s.quotes)[k];
      if (q && t.time >= q.time) {
        quotes ??= { ...s.quotes };
        quotes[k] = {
          ...q,
          price: t.price,
          change: t.change,
          changeRate: t.changeRate,
          sign: t.sign,
          volume: Math.max(q.volume, t.volume),
          high: Math.max(q.high, t.price),
          low: q.low > 0 ? Math.min(q.low, t.price) : t.price,
          time: t.time,
        };
      }
      if (t.symbol === focusSymbol) forTape.push(t);
    }
    const next: Partial<MarketStore> = { last };
    if (quotes) next.quotes = quotes;
    if (forTape.length > 0) next.tape = [...forTape.reverse(), ...s.tape].slice(0, TAPE_LENGTH);
    return next;
  });
}

export function applyBooks(books: readonly BookView[]): void {
  if (books.length === 0) return;
  useMarket.setState((s) => {
    const next = { ...s.books };
    for (const b of books) {
      const k = quoteKey(b.symbol, b.venue);
      const prev = next[k];
      if (!prev || b.time >= prev.time) next[k] = b;
    }
    return { books: next };
  });
}

export function setQuote(q: QuoteView): void {
  useMarket.setState((s) => ({ quotes: { ...s.quotes, [quoteKey(q.symbol, q.venue)]: q } }));
}

export function rememberInstruments(list: readonly InstrumentView[]): void {
  if (list.length === 0) return;
  useMarket.setState((s) => {
    const names = { ...s.names };
    for (const i of list) names[i.symbol] = i;
    return { names };
  });
}

/** The quote to show for a symbol on a venue tab: that venue's, else the other one's (UN falls back to KRX). */
export function pickQuote(quotes: Record<string, QuoteView>, symbol: string, venue: QuoteVenue): QuoteView | null {
  return quotes[quoteKey(symbol, venue)] ?? quotes[quoteKey(symbol, 'KRX')] ?? quotes[quoteKey(symbol, 'NXT')] ?? null;
}
