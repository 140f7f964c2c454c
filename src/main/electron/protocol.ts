/**
 * Serves the built renderer from app://aegis/ (never file://), with the CSP header on every response.
 * `registerAppScheme` must run before the app is ready; `serveRenderer` after.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../ipc/sender';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentTypeFor, resolveStaticFile } from './static-files';

export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin + relative URLs; secure: treated like https. No bypassCSP, no CORS/fetch extras.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

const securityHeaders = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(file)) });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
    }
  });
}
