/**
 * Wire formats of KST time (KIS stamps everything in Asia/Seoul). The arithmetic is src/shared/market/time;
 * this only adds the two layouts the wire needs on top of it.
 */
import { kstDate, kstEpoch, kstParts, kstTime, parseKstIso as sharedParseKstIso } from '../../shared/market/time';

export { addDays } from '../../shared/market/time';

/** YYYYMMDD in KST. */
export const kstYmd = kstDate;
/** HHMMSS in KST. */
export const kstHms = kstTime;
/** Epoch ms of a KST date at HHMMSS. */
export const kstToEpoch = (ymd: string, hms = '000000'): number => kstEpoch(ymd, hms);

/** YYYYMMDDHHMMSS in KST (PINGPONG datetime). */
export function kstStamp(ms: number): string {
  const p = kstParts(ms);
  return p.ymd + p.hhmmss;
}

/** "YYYY-MM-DD HH:MM:SS" in KST (access_token_token_expired). */
export function kstDateTime(ms: number): string {
  const p = kstParts(ms);
  const h = p.hhmmss;
  return `${p.ymd.slice(0, 4)}-${p.ymd.slice(4, 6)}-${p.ymd.slice(6, 8)} ${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`;
}

/** ISO time → epoch ms; no offset means KST. Throws on garbage (callers are the control API and the CLI). */
export function parseKstIso(text: string): number {
  const ms = sharedParseKstIso(text);
  if (ms === null) throw new Error(`Not an ISO time: ${text}`);
  return ms;
}
