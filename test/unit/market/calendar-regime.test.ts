import { describe, expect, it } from 'vitest';
import {
  addTradingDays,
  calendarDays,
  holidayOn,
  isTradingDay,
  KRX_HOLIDAYS,
  nextTradingDay,
  prevTradingDay,
  tradingDaysBetween,
} from '../../../src/shared/market/calendar';
import { regimeFor } from '../../../src/shared/market/regime';
import { weekdayOf } from '../../../src/shared/market/time';

describe('fallback KRX calendar', () => {
  it('closes on weekends and listed holidays', () => {
    expect(isTradingDay('20261121')).toBe(false); // Saturday
    expect(isTradingDay('20261122')).toBe(false); // Sunday
    expect(isTradingDay('20261123')).toBe(true);
    for (const d of ['20250129', '20250501', '20250603', '20251008', '20251231', '20260217', '20260525', '20260603', '20260925', '20261231', '20270209', '20271227'])
      expect(isTradingDay(d), d).toBe(false);
    expect(holidayOn('20260217')?.nameKo).toBe('설날');
  });

  it('lists only weekdays (weekend holidays need no entry)', () => {
    for (const h of KRX_HOLIDAYS) {
      const wd = weekdayOf(h.ymd);
      expect(wd === 0 || wd === 6, h.ymd).toBe(false);
    }
  });

  it('walks trading days across holidays', () => {
    expect(nextTradingDay('20260213')).toBe('20260219'); // Fri → over 설날 (Mon–Wed) → Thu
    expect(prevTradingDay('20260219')).toBe('20260213');
    expect(nextTradingDay('20261230')).toBe('20270104'); // 12/31 closed, 1/1 closed, weekend
    expect(addTradingDays('20261120', 2)).toBe('20261124'); // T+2 over a weekend
    expect(tradingDaysBetween('20260914', '20260920')).toEqual(['20260914', '20260915', '20260916', '20260917', '20260918']);
  });

  it('renders chk-holiday rows', () => {
    const rows = calendarDays('20260216', 3);
    expect(rows.map((r) => [r.date, r.weekday, r.open])).toEqual([
      ['20260216', 2, false],
      ['20260217', 3, false],
      ['20260218', 4, false],
    ]);
  });
});

describe('regime', () => {
  it('switches on 2026-09-14 and honours an override', () => {
    expect(regimeFor('20260911')).toBe('legacy');
    expect(regimeFor('20260913')).toBe('legacy');
    expect(regimeFor('20260914')).toBe('2026-09');
    expect(regimeFor('20270101')).toBe('2026-09');
    expect(regimeFor('20260914', 'legacy')).toBe('legacy');
    expect(regimeFor('20250101', '2026-09')).toBe('2026-09');
  });
});
