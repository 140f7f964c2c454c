/** Reconnect delays: exponential from `initialMs` to `maxMs`, with jitter so many clients do not retry in step. */

export interface BackoffOptions {
  initialMs: number; // 1 000
  maxMs: number; // 60 000
  /** Fraction of the delay that is randomised downwards: delay ∈ [d·(1−jitter), d]. 0 = none. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 60_000, jitter: 0.2 };

/** Delay before reconnect attempt `attempt` (0-based). `random` ∈ [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exp = options.initialMs * 2 ** Math.min(Math.max(0, attempt), 30);
  const ceiling = Math.min(options.maxMs, exp);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(ceiling * (1 - jitter * random()));
}
