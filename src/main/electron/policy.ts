/**
 * Pure security decisions for the Electron glue: navigation, network requests, permissions, new windows
 * and external links. No electron import here, so every rule is unit-tested directly; harden.ts and
 * open-external.ts apply them.
 */
import { originOf } from '../ipc/sender';

/** Navigation is allowed only within our own origins (a reload of app://aegis/…). */
export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * Requests the renderer's session may make: our own origins, DevTools and data: images. Everything else
 * (http(s) to the internet, file:, ws:) is cancelled — the renderer has no network; main talks to KIS.
 */
export function isAllowedRequest(url: string, allowedOrigins: readonly string[]): boolean {
  if (url.startsWith('devtools://')) return true;
  if (url.startsWith('data:image/')) return true;
  const devOrigins = allowedOrigins.filter((o) => o.startsWith('http://'));
  if (devOrigins.length > 0 && /^ws:\/\/(127\.0\.0\.1|localhost):\d+(\/|$)/.test(url)) {
    // Only when a loopback dev origin is configured: Vite's HMR socket during `electron-vite dev`.
    return devOrigins.some((o) => new URL(o).port === new URL(url).port);
  }
  return isAllowedNavigation(url, allowedOrigins);
}

/** Every permission (camera, notifications from the page, clipboard-read, geolocation…) is refused. */
export function permissionDecision(_permission: string): false {
  return false;
}

export const EXTERNAL_HOSTS: readonly string[] = [
  'apiportal.koreainvestment.com', // KIS Developers: app keys, API docs
  'securities.koreainvestment.com', // KIS website: account, 모의투자 sign-up
  'www.koreainvestment.com',
];

/** Only https links to a fixed list of hosts, without credentials or odd ports. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}

/** New windows are never opened by the app; an allow-listed https link opens in the system browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openInBrowser: boolean } {
  return { action: 'deny', openInBrowser: isAllowedExternalUrl(url) };
}
