/**
 * The one place that may call shell.openExternal (eslint.config.js enforces it). A compromised renderer
 * cannot launch arbitrary URLs or local programs: only allow-listed https links open (policy.ts).
 */
import { shell } from 'electron';
import { isAllowedExternalUrl } from './policy';

export async function openExternal(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
