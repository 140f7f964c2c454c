/**
 * The renderer's Content-Security-Policy (design.md "Electron security baseline"). Sent as a response header
 * by the app:// protocol handler and by the E2E harness's server, so both run the renderer under the same
 * policy: only our own scripts, styles and fonts; images from us or data: URLs; no network at all.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'none'"]],
  // Not in design.md's list, but implied by it: no <base> hijack, no form posts, no framing of the app.
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

export function buildCsp(directives = CSP_DIRECTIVES): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = buildCsp();
