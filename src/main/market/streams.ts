/**
 * What the realtime socket should hold (kis-api.md §6.7 priority: notices > positions and open orders >
 * the focused symbol > the watchlist), recomputed whenever one of those inputs changes. Holdings and open
 * orders are read from the mirror; the sync layer says when they changed through SessionService.refreshStreams
 * (modules cannot listen to each other's events), and the market module debounces that.
 *
 * Venues: the focused symbol streams KRX and, when NXT trades it (never on paper), NXT too — so both 호가
 * are live in the order ticket. Every other symbol streams one venue: KRX, or NXT while only NXT is trading
 * (its pre-market and after-market), so a watchlist does not freeze at 08:00 or after 15:40.
 */
import { sessionAt, type SessionOptions } from '../../shared/market/sessions';
import type { DesiredStreams, PlanSummary, VenueSelection } from '../kis/realtime';
import type { ActiveSession } from '../session/service';
import type { QuoteVenue } from './service';

export interface StreamInputs {
  focused: string | null;
  watchlist: readonly string[];
}

export function holdingsAndOpenOrders(session: ActiveSession): { holdings: string[]; openOrders: string[] } {
  const holdings = session.store.reads
    .portfolioView()
    .positions.filter((p) => p.qty > 0)
    .map((p) => p.symbol);
  const openOrders = [...new Set(session.store.reads.openOrders().map((o) => o.symbol))];
  return { holdings, openOrders };
}

/** True while NXT trades and KRX does not (NXT pre-market, after-market). */
export function nxtOnlyNow(nowMs: number, opts: SessionOptions): boolean {
  const krx = sessionAt('KRX', nowMs, opts);
  const nxt = sessionAt('NXT', nowMs, opts);
  return nxt.matching && !krx.matching && krx.phase !== 'preOpenAuction' && krx.phase !== 'closingAuction';
}

export function venueSelection(session: ActiveSession, focused: string | null, nxtOnly: boolean): VenueSelection {
  return (symbol: string): QuoteVenue[] => {
    const nxt = !session.paper && session.instruments.get(symbol)?.nxtEligible === true;
    if (!nxt) return ['KRX'];
    if (symbol === focused) return ['KRX', 'NXT'];
    return nxtOnly ? ['NXT'] : ['KRX'];
  };
}

export function applyStreams(session: ActiveSession, inputs: StreamInputs, nxtOnly: boolean): PlanSummary {
  const { holdings, openOrders } = holdingsAndOpenOrders(session);
  const desired: DesiredStreams = {
    pinnedNotices: true,
    holdings,
    openOrders,
    focused: inputs.focused,
    watchlist: [...inputs.watchlist],
  };
  return session.realtime.setDesired(desired, venueSelection(session, inputs.focused, nxtOnly));
}
