import { describe, expect, it } from 'vitest';
import { en, ko } from '../../../src/renderer/i18n/dictionary';
import { translate } from '../../../src/renderer/i18n';
import { formatKstTime, formatPercent } from '../../../src/renderer/shell/format';

describe('i18n', () => {
  it('Korean and English have the same keys and no empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const [k, v] of [...Object.entries(ko), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });
  it('translates by locale', () => {
    expect(translate('ko', 'panel.chart')).toBe('차트');
    expect(translate('en', 'panel.chart')).toBe('Chart');
  });
});

describe('formats', () => {
  it('shows times in KST whatever the machine time zone', () => {
    expect(formatKstTime(Date.UTC(2026, 5, 30, 15, 59, 59))).toBe('00:59:59 KST');
    expect(formatKstTime(Date.UTC(2026, 5, 30, 6, 30, 0))).toBe('15:30:00 KST');
  });
  it('percent', () => {
    expect(formatPercent(0.756)).toBe('76%');
    expect(formatPercent(0)).toBe('0%');
  });
});
