/** What the ticket reads from the other stores: cash, fee rates and the best prices of the focused symbol. */
import { useAccount } from '../stores/account';
import { pickQuote, quoteKey, useMarket, type QuoteVenue } from '../stores/market';
import { settingsNow } from '../stores/settings';
import type { BuildContext } from './build';
import type { Route } from './math';
import { useTicket, type Side } from './store';

/** The book a route trades against: its own venue; SOR looks at the combined (UN) book when there is one. */
export function bookVenueFor(route: Route): QuoteVenue[] {
  if (route === 'SOR') return ['UN', 'KRX', 'NXT'];
  return [route];
}

/** Best ask (for a buy) or best bid (for a sell) of the symbol on the route, else the last trade, else null. */
export function bestPrice(symbol: string, route: Route, side: Side): number | null {
  const m = useMarket.getState();
  for (const venue of bookVenueFor(route)) {
    const b = m.books[quoteKey(symbol, venue)];
    const level = side === 'buy' ? b?.asks[0] : b?.bids[0];
    if (level && level.price > 0) return level.price;
  }
  const venue = route === 'SOR' ? 'UN' : route;
  const q = pickQuote(m.quotes, symbol, venue);
  if (q && q.price > 0) return q.price;
  const last = m.last[symbol];
  return last ? last.price : null;
}

export function buildContext(): BuildContext {
  const t = useTicket.getState();
  const summary = useAccount.getState().summary;
  return {
    orderableCash: summary ? summary.orderableCash : null,
    fees: settingsNow().fees,
    referencePrice: t.instrument ? bestPrice(t.instrument.symbol, t.route, t.side) : null,
  };
}

/** The daily band and ETP flag of the ticket's symbol, for tick stepping. */
export function priceRules(): { etp: boolean; band: { upper: number; lower: number } | null } {
  const t = useTicket.getState();
  if (!t.instrument) return { etp: false, band: null };
  const q = pickQuote(useMarket.getState().quotes, t.instrument.symbol, t.route === 'NXT' ? 'NXT' : 'KRX');
  return { etp: t.instrument.etp, band: q && q.upperLimit > 0 ? { upper: q.upperLimit, lower: q.lowerLimit } : null };
}
