/** The exchange's view of sessions: the shared calendars with this simulator's knobs and trading-day predicate. */
import { regimeFor, type Regime } from '../../shared/market/regime';
import { sessionAt, sessionCalendar, type SessionOptions, type SessionPhase, type SessionState } from '../../shared/market/sessions';
import { kstDate, kstMidnight } from '../../shared/market/time';
import type { OrderWindow } from '../../shared/market/ordDvsn';
import type { Ctx } from './model';
import type { Venue } from './types';

export function regimeOn(ctx: Ctx, ymd: string): Regime {
  return regimeFor(ymd, ctx.knobs().regimeOverride ?? null);
}

export function sessionOpts(ctx: Ctx, ymd: string): SessionOptions {
  const k = ctx.knobs();
  return {
    regime: regimeOn(ctx, ymd),
    isTradingDay: (d) => ctx.isTradingDay(d),
    krxPreMarket: k.krxPreMarket,
    nxtPostHaltAuction: k.nxtPostHaltAuction,
  };
}

const CONTINUOUS: ReadonlySet<SessionPhase> = new Set(['continuous', 'preMarket', 'afterMarket']);

/** Phases in which orders match on arrival and the synthetic market trades. */
export function isContinuous(phase: SessionPhase): boolean {
  return CONTINUOUS.has(phase);
}

/** Phase of a venue at the exchange's current time, cached per (venue, ms). */
const cache = new WeakMap<Ctx, { at: number; krx: SessionState | null; nxt: SessionState | null }>();

export function phaseNow(ctx: Ctx, venue: Venue): SessionState {
  let c = cache.get(ctx);
  if (!c || c.at !== ctx.now) {
    c = { at: ctx.now, krx: null, nxt: null };
    cache.set(ctx, c);
  }
  const key = venue === 'KRX' ? 'krx' : 'nxt';
  let s = c[key];
  if (!s) {
    s = sessionAt(venue, ctx.now, sessionOpts(ctx, kstDate(ctx.now)));
    c[key] = s;
  }
  return s;
}

const expiryCache = new Map<string, number>();

/** Epoch ms at which an order of `window` resting on `venue` stops being valid today (end of its last range). */
export function windowExpiry(ctx: Ctx, venue: Venue, window: OrderWindow): number {
  const ymd = kstDate(ctx.now);
  const k = ctx.knobs();
  const key = `${ymd}|${venue}|${window}|${regimeOn(ctx, ymd)}|${k.krxPreMarket}|${k.nxtPostHaltAuction}`;
  const hit = expiryCache.get(key);
  if (hit !== undefined) return hit;
  const v = computeExpiry(ctx, ymd, venue, window);
  if (expiryCache.size > 4096) expiryCache.clear();
  expiryCache.set(key, v);
  return v;
}

function computeExpiry(ctx: Ctx, ymd: string, venue: Venue, window: OrderWindow): number {
  const cal = sessionCalendar(venue, regimeOn(ctx, ymd), sessionOpts(ctx, ymd));
  const ranges = cal.orderWindows[window] ?? [];
  let end = 0;
  for (const [, b] of ranges) end = Math.max(end, b);
  return kstMidnight(ymd) + end * 1000;
}
