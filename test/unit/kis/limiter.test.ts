import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, type Priority } from '../../../src/main/kis/limiter';

const profile = (o: Partial<{ perSecond: number; minSpacingMs: number; windowMarginMs: number; reserveForUrgent: number }> = {}) => ({
  perSecond: 15,
  minSpacingMs: 60,
  windowMarginMs: 0,
  reserveForUrgent: 3,
  ...o,
});

// Fake timers drive setTimeout and performance.now together, so pacing is checked exactly and fast.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function drain(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('RateLimiter', () => {
  it('never starts more than perSecond requests in any window (1 s + margin), with minimum spacing', async () => {
    const limiter = new RateLimiter(profile({ perSecond: 15, minSpacingMs: 60, windowMarginMs: 50 }));
    const starts: number[] = [];
    for (let i = 0; i < 40; i++) void limiter.acquire('live').then(() => starts.push(performance.now()));
    await drain(5_000);
    expect(starts).toHaveLength(40);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(60);
    for (let i = 15; i < starts.length; i++) expect(starts[i]! - starts[i - 15]!).toBeGreaterThanOrEqual(1050);
    // …and does not dawdle: 40 requests at 15 per 1.05 s need under 3 s.
    expect(starts.at(-1)! - starts[0]!).toBeLessThan(3_000);
  });

  it('paper: one request per second', async () => {
    const limiter = new RateLimiter(profile({ perSecond: 1, minSpacingMs: 0, windowMarginMs: 100, reserveForUrgent: 0 }));
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) void limiter.acquire('live').then(() => starts.push(performance.now()));
    await drain(5_000);
    expect(starts.map((t) => Math.round(t - starts[0]!))).toEqual([0, 1101, 2202, 3303]);
  });

  it('serves orders, then live checks, then background, whatever the arrival order', async () => {
    const limiter = new RateLimiter(profile({ perSecond: 1, minSpacingMs: 0, reserveForUrgent: 0 }));
    await limiter.acquire('background'); // takes the window's only token
    const served: string[] = [];
    const arrivals: Array<[Priority, string]> = [
      ['background', 'sync-1'],
      ['live', 'quote'],
      ['background', 'sync-2'],
      ['order', 'buy'],
      ['live', 'cash'],
      ['order', 'cancel'],
    ];
    for (const [p, name] of arrivals) void limiter.acquire(p).then(() => served.push(name));
    await drain(10_000);
    expect(served).toEqual(['buy', 'cancel', 'quote', 'cash', 'sync-1', 'sync-2']);
  });

  it('background work leaves the reserve free, so an order goes out at once mid-sync', async () => {
    const limiter = new RateLimiter(profile({ perSecond: 4, minSpacingMs: 0, reserveForUrgent: 2 }));
    await limiter.acquire('background');
    await limiter.acquire('background');
    let thirdAt = -1;
    void limiter.acquire('background').then(() => (thirdAt = performance.now()));
    const t0 = performance.now();
    await limiter.acquire('order');
    await limiter.acquire('live');
    expect(performance.now() - t0).toBe(0);
    expect(limiter.stats().waiting.background).toBe(1);
    await drain(2_000);
    expect(thirdAt).toBeGreaterThanOrEqual(1000);
    expect(limiter.stats().granted).toEqual({ order: 1, live: 1, background: 3 });
  });

  it('close() rejects everyone still waiting and later callers', async () => {
    const limiter = new RateLimiter(profile({ perSecond: 1, minSpacingMs: 0 }));
    await limiter.acquire('live');
    const waiting = limiter.acquire('live');
    limiter.close();
    await expect(waiting).rejects.toThrow(/closed/);
    await expect(limiter.acquire('order')).rejects.toThrow(/closed/);
  });
});
