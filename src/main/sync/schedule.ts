/**
 * When to re-read KIS (design.md invariant 4; issue 5 "scheduler"). Pure: (market time, the trading-day
 * calendar, when each kind last ran) → what is due. All times are the session's market clock, KST.
 *
 *  - "In session" = KRX or NXT has a session phase now (NXT's 08:00–20:00 covers KRX's day): fills can happen.
 *  - balance + snapshot: every minute in session, every 10 minutes outside.
 *  - open orders + today's fills: every minute in session; once more right after the session ends (the
 *    closing auction and expiries settle orders then); not otherwise outside.
 */
import { sessionAt } from '../../shared/market/sessions';
import type { TradingDayFn } from '../../shared/market/calendar';

export interface Cadence {
  balanceInSessionMs: number;
  balanceOutsideMs: number;
  ordersInSessionMs: number;
  /** After a failed attempt, try again this soon instead of waiting a whole interval. */
  retryAfterFailureMs: number;
}

export const DEFAULT_CADENCE: Cadence = {
  balanceInSessionMs: 60_000,
  balanceOutsideMs: 600_000,
  ordersInSessionMs: 60_000,
  retryAfterFailureMs: 15_000,
};

export function inSession(now: number, isTradingDay: TradingDayFn): boolean {
  return sessionAt('KRX', now, { isTradingDay }).phase !== 'closed' || sessionAt('NXT', now, { isTradingDay }).phase !== 'closed';
}

export interface LastRuns {
  /** When balance / orders work was last scheduled (market ms), or null: never. */
  balanceAt: number | null;
  ordersAt: number | null;
}

export interface Due {
  balance: boolean;
  orders: boolean;
}

const elapsed = (now: number, at: number | null): number => (at === null || at > now ? Infinity : now - at);

export function dueWork(now: number, last: LastRuns, open: boolean, wasOpen: boolean, cadence: Cadence = DEFAULT_CADENCE): Due {
  const balanceEvery = open ? cadence.balanceInSessionMs : cadence.balanceOutsideMs;
  const sessionJustEnded = wasOpen && !open;
  return {
    balance: elapsed(now, last.balanceAt) >= balanceEvery || sessionJustEnded,
    orders: (open && elapsed(now, last.ordersAt) >= cadence.ordersInSessionMs) || sessionJustEnded,
  };
}
