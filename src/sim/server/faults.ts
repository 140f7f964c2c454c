/**
 * Fault knobs that act on a request (kis-api.md obligation 21): added latency, rate-limit storms and
 * spurious EGW00201s, and the "5xx after accept" answer for orders that were booked. Random draws come
 * from a seeded stream so a failing run can be replayed.
 */
import type { RouteScope, SimKnobs } from '../handle';
import { gatewayError, type Reply } from './envelope';

export function scoped<T>(table: Record<RouteScope, T>, trId: string, path: string): T | undefined {
  return table[trId] ?? table[path] ?? table['*'];
}

export function latencyMs(knobs: SimKnobs, trId: string, path: string, rand: () => number): number {
  const l = scoped(knobs.latency, trId, path);
  if (!l) return 0;
  return Math.max(0, l.fixedMs + (l.jitterMs > 0 ? rand() * l.jitterMs : 0));
}

/** A forced EGW00201 (storm window, storm probability or the "일부 유량이 통과되지 않을 수 있음" effect). */
export function forcedRateLimit(knobs: SimKnobs, trId: string, path: string, simNow: number, rand: () => number): boolean {
  const storm = knobs.rateLimitStorm;
  if (storm) {
    const inScope = storm.routes.length === 0 || storm.routes.some((r) => r === '*' || r === trId || r === path);
    if (inScope && (simNow < storm.untilMs || (storm.probability > 0 && rand() < storm.probability))) return true;
  }
  return knobs.spuriousRateLimitProb > 0 && rand() < knobs.spuriousRateLimitProb;
}

const UNKNOWN_OUTCOME = ['EGW00300', 'EGW00301', 'EGW00302'] as const;

/** The reply that hides an accepted order: HTTP 500 EGW0030x (rotating), or a cut socket. */
export function failedAfterAccept(mode: 'http500' | 'cut', n: number): Reply {
  if (mode === 'cut') return { status: 0, body: null, cut: true };
  return gatewayError(UNKNOWN_OUTCOME[n % UNKNOWN_OUTCOME.length]!, 500);
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
