/** Waiting is a dependency: tests drive the 60-s token rule by advancing the simulator's clock instead. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Monotonic milliseconds for rate pacing (the gateway counts wall time, not market time). */
export type Monotonic = () => number;
export const performanceNow: Monotonic = () => performance.now();

/** 'YYYY-MM-DD HH:MM:SS' in KST → epoch ms; NaN if malformed. */
export function parseKstDateTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as unknown as number[];
  return Date.UTC(y!, mo! - 1, d!, h! - 9, mi!, s!);
}

const KST_OFFSET_MS = 9 * 3600_000;

/** Epoch ms → 'YYYYMMDD' in KST. */
export function kstYmd(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Epoch ms → 'HHMMSS' in KST. */
export function kstHms(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().slice(11, 19).replaceAll(':', '');
}

/** 'YYYYMMDD' shifted by whole days (calendar arithmetic in UTC is exact for dates). */
export function addDaysYmd(ymd: string, days: number): string {
  const t = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
}

/** 'YYYYMMDD' shifted by whole months, day clamped to the target month's length. */
export function addMonthsYmd(ymd: string, months: number): string {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6)) - 1 + months;
  const d = Number(ymd.slice(6, 8));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10).replaceAll('-', '');
}
