/** Pure parts of the session: where the demo clock starts, conn:state in the trader's words, settings salvage, masking. */
import { describe, expect, it } from 'vitest';
import { maskAccount } from '../../../src/main/session/build';
import { ConnStateTracker, connectionOf, headroomSampler } from '../../../src/main/session/conn-state';
import { demoStartTime } from '../../../src/main/session/demo-clock';
import { salvageSettings } from '../../../src/main/session/profile';
import { RateLimiter } from '../../../src/main/kis';
import type { ConnState } from '../../../src/shared/ipc/domains/app';
import { defaultSettings } from '../../../src/shared/settings/schema';

const kst = (iso: string) => Date.parse(`${iso}+09:00`);

describe('demoStartTime', () => {
  it('inside KRX continuous hours on a trading day: the real time', () => {
    expect(demoStartTime(kst('2026-11-23T10:17:05'))).toBe(kst('2026-11-23T10:17:05'));
  });
  it('before the open or after the close on a trading day: that day at 09:30', () => {
    expect(demoStartTime(kst('2026-11-23T03:00:00'))).toBe(kst('2026-11-23T09:30:00'));
    expect(demoStartTime(kst('2026-11-23T08:59:59'))).toBe(kst('2026-11-23T09:30:00'));
    expect(demoStartTime(kst('2026-11-23T15:10:00'))).toBe(kst('2026-11-23T09:30:00'));
    expect(demoStartTime(kst('2026-11-23T23:59:00'))).toBe(kst('2026-11-23T09:30:00'));
  });
  it('weekends and holidays: the most recent trading day at 09:30', () => {
    expect(demoStartTime(kst('2026-11-28T14:00:00'))).toBe(kst('2026-11-27T09:30:00')); // Saturday → Friday
    expect(demoStartTime(kst('2026-11-30T02:00:00'))).toBe(kst('2026-11-30T09:30:00')); // Monday 2 a.m. → Monday
    expect(demoStartTime(kst('2026-11-29T10:00:00'), () => false)).toBeLessThan(kst('2026-11-29T00:00:00'));
  });
  it('does not depend on the machine time zone (epoch in, epoch out)', () => {
    const at = Date.UTC(2026, 10, 22, 18, 0, 0); // 2026-11-23 03:00 KST
    expect(demoStartTime(at)).toBe(kst('2026-11-23T09:30:00'));
  });
});

describe('conn:state', () => {
  it('maps realtime states; blocked is disconnected with the reason in both languages', () => {
    expect(connectionOf({ state: 'idle' })).toBeNull();
    expect(connectionOf({ state: 'connected' })).toEqual({ connection: 'connected' });
    expect(connectionOf({ state: 'reconnecting', attempt: 2, retryInMs: 4200 })).toMatchObject({ connection: 'reconnecting', message: expect.stringMatching(/4초.*4 s/) });
    const blocked = connectionOf({ state: 'blocked', blocked: 'appkey-in-use' })!;
    expect(blocked.connection).toBe('disconnected');
    expect(blocked.message).toMatch(/다른 프로그램/);
    expect(blocked.message).toMatch(/Another program/);
  });

  it('emits only changes', () => {
    const seen: ConnState[] = [];
    const t = new ConnStateTracker('demo', (s) => seen.push(s));
    t.set({ connection: 'connecting' });
    t.set({ connection: 'connecting' });
    t.set({ connection: 'connected', lastSyncAt: 5 });
    t.set({ rateHeadroom: 1 });
    t.set({ rateHeadroom: 1 });
    t.set({ environment: 'paper', connection: 'disconnected', message: 'x' });
    t.set({ message: null });
    expect(seen).toEqual([
      { environment: 'demo', connection: 'connecting', lastSyncAt: null, rateHeadroom: null },
      { environment: 'demo', connection: 'connected', lastSyncAt: 5, rateHeadroom: null },
      { environment: 'demo', connection: 'connected', lastSyncAt: 5, rateHeadroom: 1 },
      { environment: 'paper', connection: 'disconnected', lastSyncAt: 5, rateHeadroom: 1, message: 'x' },
      { environment: 'paper', connection: 'disconnected', lastSyncAt: 5, rateHeadroom: 1 },
    ]);
  });

  it('headroom: share of the per-second budget unused since the last sample', async () => {
    const limiter = new RateLimiter({ perSecond: 10, minSpacingMs: 0, windowMarginMs: 0, reserveForUrgent: 0 });
    const sample = headroomSampler(limiter);
    expect(sample()).toBe(1);
    for (let i = 0; i < 4; i++) await limiter.acquire('live');
    expect(sample()).toBe(0.6);
    expect(sample()).toBe(1);
    limiter.close();
  });
});

describe('settings salvage and masking', () => {
  it('keeps every valid part of a stored document and defaults the rest', () => {
    const d = defaultSettings();
    expect(salvageSettings(null)).toEqual(d);
    expect(salvageSettings({ ...d, language: 'en' })).toEqual({ ...d, language: 'en' });
    const damaged = { language: 'en', risk: { maxOrderQty: -5 }, qtyPresets: [5, 50, 500], unknownKey: 1 };
    const s = salvageSettings(damaged);
    expect(s.language).toBe('en');
    expect(s.qtyPresets).toEqual([5, 50, 500]);
    expect(s.risk).toEqual(d.risk);
  });

  it('masks the account as 5012****-01', () => {
    expect(maskAccount({ cano: '50123456', productCode: '01' })).toBe('5012****-01');
  });
});
