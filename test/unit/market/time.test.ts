import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatKstIso,
  isYmd,
  kstDate,
  kstEpoch,
  kstParts,
  kstTime,
  parseHhmmss,
  parseKstIso,
  weekdayOf,
} from '../../../src/shared/market/time';

describe('KST time', () => {
  it('converts epoch ms to KST parts regardless of UTC date', () => {
    // 2026-01-01T23:30:00Z is 08:30 on Jan 2 in Seoul.
    const p = kstParts(Date.UTC(2026, 0, 1, 23, 30, 0));
    expect(p.ymd).toBe('20260102');
    expect(p.hhmmss).toBe('083000');
    expect(p.minutesOfDay).toBe(8 * 60 + 30);
    expect(p.weekday).toBe(5); // Friday
  });

  it('round-trips kstEpoch and kstDate/kstTime', () => {
    const t = kstEpoch('20260914', '155959');
    expect(kstDate(t)).toBe('20260914');
    expect(kstTime(t)).toBe('155959');
    expect(kstTime(t + 1000)).toBe('160000');
    expect(kstDate(kstEpoch('20261231', '235959') + 1000)).toBe('20270101');
  });

  it('parses ISO strings with an offset, Z, or none (taken as KST)', () => {
    const a = parseKstIso('2026-11-23T09:30:00+09:00');
    expect(a).toBe(Date.UTC(2026, 10, 23, 0, 30, 0));
    expect(parseKstIso('2026-11-23T00:30:00Z')).toBe(a);
    expect(parseKstIso('2026-11-23T09:30:00')).toBe(a);
    expect(parseKstIso('2026-11-23T09:30')).toBe(a);
    expect(parseKstIso('2026-02-30T09:30:00+09:00')).toBeNull();
    expect(parseKstIso('yesterday')).toBeNull();
    expect(formatKstIso(a!)).toBe('2026-11-23T09:30:00+09:00');
  });

  it('does calendar arithmetic on YYYYMMDD', () => {
    expect(addDays('20260227', 2)).toBe('20260301');
    expect(addDays('20280228', 1)).toBe('20280229');
    expect(daysBetween('20260101', '20270101')).toBe(365);
    expect(weekdayOf('20260914')).toBe(1);
    expect(isYmd('20260230')).toBe(false);
    expect(isYmd('20260228')).toBe(true);
    expect(parseHhmmss('09:00:30')).toBe(9 * 3600 + 30);
    expect(parseHhmmss('152000')).toBe(15 * 3600 + 20 * 60);
  });

  it('gives the same answers when the process time zone is not Seoul', () => {
    const script = `
      import { kstDate, kstTime, parseKstIso, sessionAt } from './src/shared/market/index.ts';
      const t = parseKstIso('2026-11-23T08:55:00+09:00');
      const naive = parseKstIso('2026-11-23T08:55:00');
      console.log(JSON.stringify([kstDate(t), kstTime(t), naive === t, sessionAt('NXT', t).phase, new Date(t).getHours()]));
    `;
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: process.cwd(),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      const [date, time, same, phase, localHour] = JSON.parse(r.stdout.trim()) as [string, string, boolean, string, number];
      expect([date, time, same, phase]).toEqual(['20261123', '085500', true, 'halt']);
      // The child really ran in another zone (its local hour differs from KST's 8 except in UTC+9 zones).
      if (tz === 'UTC') expect(localHour).toBe(23);
    }
  });
});
