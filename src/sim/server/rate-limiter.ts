/**
 * Per-appkey sliding 1-s window (kis-api.md §8.1). Measured on the wall clock, not the sim clock: a rate
 * limit is about real request bursts, and a frozen virtual clock would otherwise make every request after
 * the 18th fail forever.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly windowMs = 1000) {}

  /** Records the request and returns true if it fits under `limit` in the last window; false = over limit (not recorded). */
  allow(key: string, limit: number, nowMs: number): boolean {
    let w = this.windows.get(key);
    if (!w) {
      w = [];
      this.windows.set(key, w);
    }
    const cutoff = nowMs - this.windowMs;
    let drop = 0;
    while (drop < w.length && w[drop]! <= cutoff) drop++;
    if (drop > 0) w.splice(0, drop);
    if (w.length >= limit) return false;
    w.push(nowMs);
    return true;
  }

  reset(key?: string): void {
    if (key === undefined) this.windows.clear();
    else this.windows.delete(key);
  }
}
