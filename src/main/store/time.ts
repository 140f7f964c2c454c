/**
 * KST helpers for the store's keys. Korea has no DST, so KST is a fixed UTC+9 offset and the machine's
 * time zone never matters (TEAM.md). The store takes instants from its injected Clock or from inputs.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** 'YYYYMMDD' of the KST calendar date containing `epochMs` (the trade date KIS numbers orders by). */
export function kstDate(epochMs: number): string {
  const d = new Date(epochMs + KST_OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}${m < 10 ? '0' : ''}${m}${day < 10 ? '0' : ''}${day}`;
}

/** 'HHMMSS' in KST (KIS's STCK_CNTG_HOUR / ORD_TMD form). */
export function kstTime(epochMs: number): string {
  const d = new Date(epochMs + KST_OFFSET_MS);
  const parts = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return parts.map((n) => (n < 10 ? `0${n}` : String(n))).join('');
}

/** Epoch ms of 00:00 KST on a 'YYYYMMDD' date. */
export function kstMidnight(dateYmd: string): number {
  const y = Number(dateYmd.slice(0, 4));
  const m = Number(dateYmd.slice(4, 6));
  const d = Number(dateYmd.slice(6, 8));
  return Date.UTC(y, m - 1, d) - KST_OFFSET_MS;
}

export const isYmd = (s: unknown): s is string => typeof s === 'string' && /^\d{8}$/.test(s);
