/**
 * Per-appkey sliding 1-s window (kis-api.md §8.1). Measured on the wall clock, not the sim clock: a rate
 * limit is about real request bursts, and a frozen virtual clock would otherwise make every request after
 * the 18th fail forever.
 */
interface Window {
  times: number[];
  head: number; // index of the oldest request still in the window
}

export class SlidingWindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly windowMs = 1000) {}

  /** Records the request and returns true if it fits under `limit` in the last window; false = over limit (not recorded). */
  allow(key: string, limit: number, nowMs: number): boolean {
    let w = this.windows.get(key);
    if (!w) {
      w = { times: [], head: 0 };
      this.windows.set(key, w);
    }
    const cutoff = nowMs - this.windowMs;
    while (w.head < w.times.length && w.times[w.head]! <= cutoff) w.head++;
    // Compact now and then instead of shifting on every call (bench loads keep thousands in the window).
    if (w.head > 1024 && w.head * 2 > w.times.length) {
      w.times = w.times.slice(w.head);
      w.head = 0;
    }
    if (w.times.length - w.head >= limit) return false;
    w.times.push(nowMs);
    return true;
  }

  reset(key?: string): void {
    if (key === undefined) this.windows.clear();
    else this.windows.delete(key);
  }
}
