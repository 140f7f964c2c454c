import { describe, expect, it } from 'vitest';
import { buildCsp, CONTENT_SECURITY_POLICY } from '../../../src/main/electron/csp';

describe('Content-Security-Policy', () => {
  it('is exactly design.md\'s policy plus base-uri, form-action and frame-ancestors lockdown', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or eval script, inline style, or any network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:|ws:/);
  });

  it('builds from directives in order', () => {
    expect(buildCsp([['default-src', ["'none'"]], ['img-src', ["'self'", 'data:']]])).toBe("default-src 'none'; img-src 'self' data:");
  });
});
