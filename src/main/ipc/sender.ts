/**
 * Guard 1 of 3: who is calling. Only our app's own page in the top frame may call main (VS Code's
 * validatedIpcMain idea): a null frame (destroyed or navigated away), any other origin, a sub-frame or an
 * unparsable URL is refused before the payload is even looked at.
 */

/** What main knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** The sending frame's URL; null when Electron no longer knows the frame. */
  url: string | null;
  /** True only for the window's main frame. */
  isTopFrame: boolean;
}

/** The origin the packaged app is served from (src/main/electron/protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'aegis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MAX_URL_LENGTH = 8192;

/**
 * The origin of a URL in the form we compare, or null if it is not one we could ever trust. Node's URL
 * parser reports origin "null" for custom schemes, so `app:` is normalised by hand.
 */
export function originOf(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === APP_HOST ? APP_ORIGIN : null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  return null;
}

/**
 * An extra renderer origin is allowed only for the E2E harness and `electron-vite dev`: plain http on the
 * loopback interface with an explicit port. Anything else is a configuration error, caught at start.
 */
export function checkExtraRendererOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new Error(`extraRendererOrigin is not a URL: ${origin}`);
  }
  const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
  if (parsed.protocol !== 'http:' || !loopback || parsed.port === '' || parsed.origin !== origin.replace(/\/$/, '')) {
    throw new Error(`extraRendererOrigin must be http://127.0.0.1:<port> (got ${origin})`);
  }
  return parsed.origin;
}

export function isTrustedSender(sender: unknown, allowedOrigins: readonly string[]): boolean {
  if (sender === null || typeof sender !== 'object') return false;
  const { url, isTopFrame } = sender as Partial<SenderInfo>;
  if (isTopFrame !== true || typeof url !== 'string') return false;
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}
