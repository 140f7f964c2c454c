/** Times on the screen are KST (Asia/Seoul) whatever the machine's time zone. */
import { kstParts } from '../../shared/market/time';

const two = (n: number) => String(n).padStart(2, '0');

/** "14:03:27" */
export function hms(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** "14:03" */
export function hm(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** "03/02" (month/day) for daily axes. */
export function md(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${two(p.month)}/${two(p.day)}`;
}

/** "2026-03-02 14:03:27" */
export function ymdHms(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${hms(epochMs)}`;
}
