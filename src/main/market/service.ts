/**
 * MARKET: what other modules may ask the market-data layer (the account panel values positions at the last
 * streamed prices; the order preview shows the current quote). Provided by the market module.
 */
import type { BookView, QuoteView } from '../../shared/ipc/domains/market';
import type { Result } from '../../shared/ipc/result';
import { serviceKey } from '../services';

export type QuoteVenue = 'KRX' | 'NXT' | 'UN';

export interface MarketService {
  /** Last trade price known for a symbol (streamed or snapshot; KRX first, then UN, then NXT), or undefined. */
  lastPrice(symbol: string): number | undefined;
  /** Every symbol's last price, e.g. for store.reads.portfolioView(lastPrices). */
  lastPrices(): ReadonlyMap<string, number>;
  /** The cached quote, refreshed from KIS when nothing streams it. Never throws. */
  quote(symbol: string, venue: QuoteVenue): Promise<Result<QuoteView>>;
  book(symbol: string, venue: QuoteVenue): Promise<Result<BookView>>;
  /** Recompute the realtime subscriptions now (same as SessionService.refreshStreams, undebounced). */
  refreshStreams(): void;
}

export const MARKET = serviceKey<MarketService>('market');
