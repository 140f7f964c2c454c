/**
 * Which registrations the socket should hold, in priority order, capped (kis-api.md §6.7): the fill-notice
 * subscription pinned first, then symbols with open orders or positions, then the focused symbol's trades and
 * 호가, then the watchlist. Everything past the cap is never sent. Pure: the session applies the diff.
 */
import { BOOK_TR, NOTICE_TR, TRADE_TR, venueAllowed } from './trs';
import type { QuoteVenue } from './types';

export interface DesiredStreams {
  /** Execution/acceptance notices for the HTS ID (H0STCNI0 real / H0STCNI9 paper). */
  pinnedNotices: boolean;
  holdings: string[];
  openOrders: string[];
  focused: string | null;
  watchlist: string[];
}

/** Quote venues to stream per symbol: one list for all, or a function of the symbol. Default ['KRX']. */
export type VenueSelection = QuoteVenue[] | ((symbol: string) => QuoteVenue[]);

export type Tier = 'notice' | 'position' | 'focused' | 'watchlist';

export interface Registration {
  /** `${trId}|${trKey}` — unique per registration on the server. */
  key: string;
  trId: string;
  trKey: string;
  kind: 'trade' | 'book' | 'notice';
  tier: Tier;
  /** Position in the full priority order, 0 = most important. */
  rank: number;
  symbol: string | null;
  venue: QuoteVenue | null;
}

export interface PlanInput {
  paper: boolean;
  htsId: string;
  cap: number;
  /** Keys the server refused for good (OPSP8991/8992): they take no slot. */
  isInvalid?: (key: string) => boolean;
}

export interface Plan {
  /** At most `cap` registrations, most important first. */
  registrations: Registration[];
  /** Wanted but past the cap: never sent. */
  overCap: Registration[];
  /** Symbols dropped because they are not 6–9 character codes. */
  invalidSymbols: string[];
}

const SYMBOL = /^[0-9A-Z]{6,9}$/;

export const registrationKey = (trId: string, trKey: string): string => `${trId}|${trKey}`;

/** Builds the capped, ordered registration list for a desired state. */
export function planRegistrations(desired: DesiredStreams, venues: VenueSelection | undefined, input: PlanInput): Plan {
  const all: Registration[] = [];
  const seen = new Set<string>();
  const invalidSymbols: string[] = [];
  const add = (trId: string, trKey: string, kind: Registration['kind'], tier: Tier, symbol: string | null, venue: QuoteVenue | null) => {
    const key = registrationKey(trId, trKey);
    if (seen.has(key) || input.isInvalid?.(key)) return;
    seen.add(key);
    all.push({ key, trId, trKey, kind, tier, rank: all.length, symbol, venue });
  };
  const venuesOf = (symbol: string): QuoteVenue[] => {
    const chosen = (typeof venues === 'function' ? venues(symbol) : venues) ?? ['KRX'];
    const allowed = chosen.filter((v) => venueAllowed(v, input.paper));
    // Paper has no NX/UN streams: fall back to KRX rather than showing nothing.
    return allowed.length > 0 ? [...new Set(allowed)] : ['KRX'];
  };
  const clean = (symbols: Array<string | null | undefined>): string[] => {
    const out: string[] = [];
    for (const raw of symbols) {
      if (raw === null || raw === undefined) continue;
      const s = raw.trim().toUpperCase();
      if (SYMBOL.test(s)) out.push(s);
      else if (!invalidSymbols.includes(raw)) invalidSymbols.push(raw);
    }
    return out;
  };

  if (desired.pinnedNotices && input.htsId) {
    const trId = input.paper ? NOTICE_TR.paper : NOTICE_TR.real;
    add(trId, input.htsId, 'notice', 'notice', null, null);
  }
  for (const s of clean([...desired.openOrders, ...desired.holdings])) {
    for (const v of venuesOf(s)) add(TRADE_TR[v], s, 'trade', 'position', s, v);
  }
  for (const s of clean([desired.focused])) {
    for (const v of venuesOf(s)) add(TRADE_TR[v], s, 'trade', 'focused', s, v);
    for (const v of venuesOf(s)) add(BOOK_TR[v], s, 'book', 'focused', s, v);
  }
  for (const s of clean(desired.watchlist)) {
    for (const v of venuesOf(s)) add(TRADE_TR[v], s, 'trade', 'watchlist', s, v);
  }
  const cap = Math.max(0, Math.floor(input.cap));
  return { registrations: all.slice(0, cap), overCap: all.slice(cap), invalidSymbols };
}

export type Step = { op: 'unsubscribe'; reg: Registration } | { op: 'subscribe'; reg: Registration } | null;

/**
 * The next wire operation that moves the server's registrations towards the plan. Unsubscribes come first
 * (least important first) so a slot is always free before a subscribe: the count never exceeds the cap.
 */
export function nextStep(
  plan: readonly Registration[],
  active: ReadonlyMap<string, Registration>,
  cap: number,
  skip: (key: string) => boolean,
): Step {
  const wanted = new Set(plan.map((r) => r.key));
  let victim: Registration | null = null;
  for (const reg of active.values()) {
    if (!wanted.has(reg.key) && (victim === null || reg.rank > victim.rank)) victim = reg;
  }
  if (victim) return { op: 'unsubscribe', reg: victim };
  if (active.size >= cap) return null;
  for (const reg of plan) if (!active.has(reg.key) && !skip(reg.key)) return { op: 'subscribe', reg };
  return null;
}
