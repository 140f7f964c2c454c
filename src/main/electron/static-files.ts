/**
 * Maps a request URL to a file under the built renderer folder, refusing anything that would escape it.
 * Shared by the app:// protocol handler and the E2E harness's HTTP server so both serve the same way.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute file path for a URL path ('/', '/assets/x.js'), or null if it is malformed, contains a NUL,
 * or resolves outside `root` (e.g. '/../main/index.js', '/%2e%2e/secret'). '/' serves index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const path = decoded === '' || decoded === '/' ? '/index.html' : decoded;
  const base = resolve(root);
  const target = resolve(base, `.${path.startsWith('/') ? path : `/${path}`}`);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}
