/**
 * The injected clock. Every piece of market logic takes one of these instead of calling Date.now(),
 * so the simulator's virtual time, tests that jump to 08:55 KST and the real app all share one notion of "now".
 */
export interface Clock {
  /** Milliseconds since the Unix epoch (UTC). Convert to KST with `src/shared/market/time`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
