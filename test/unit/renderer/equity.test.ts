import { describe, expect, it } from 'vitest';
import { withLiveToday } from '../../../src/renderer/charts/equity';
import { SUMMARY } from './fake-bridge';

// SUMMARY.asOf is 2026-03-02 10:00 KST.
const history = [
  { date: '20260302', totalAssets: 129_500_000, pnl: 300_000, realizedPnl: 0 },
  { date: '20260227', totalAssets: 129_200_000, pnl: -100_000, realizedPnl: 5_000 },
];

describe('손익 추이 with today valued live', () => {
  it("replaces today's snapshot with the live total, keeping the day's P&L on the same base", () => {
    const rows = withLiveToday(history, SUMMARY);
    expect(rows.map((r) => r.date)).toEqual(['20260227', '20260302']);
    // base = 129,500,000 − 300,000 = 129,200,000 (yesterday's total); live total 130,000,000.
    expect(rows[1]).toEqual({ date: '20260302', totalAssets: 130_000_000, pnl: 800_000, realizedPnl: -12_000 });
    expect(rows[0]).toEqual(history[1]);
  });

  it('appends today when no snapshot of today exists yet, P&L against the last day', () => {
    const rows = withLiveToday([history[1]!], SUMMARY);
    expect(rows.at(-1)).toEqual({ date: '20260302', totalAssets: 130_000_000, pnl: 800_000, realizedPnl: -12_000 });
  });

  it('leaves the history alone without a valued summary, and never rewrites a later day', () => {
    expect(withLiveToday(history, null).map((r) => r.totalAssets)).toEqual([129_200_000, 129_500_000]);
    expect(withLiveToday(history, { ...SUMMARY, asOf: null }).at(-1)!.totalAssets).toBe(129_500_000);
    const older = { ...SUMMARY, asOf: Date.UTC(2026, 1, 26, 1, 0, 0) }; // 2026-02-26: before the last row
    expect(withLiveToday(history, older).map((r) => r.totalAssets)).toEqual([129_200_000, 129_500_000]);
  });
});
