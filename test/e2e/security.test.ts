/**
 * The E2E setup really enforces what the app relies on: the CSP header reaches the page (inline script,
 * inline style markup and network are blocked, and the harness hears about it), and calls from a page
 * that is not ours are refused by the core's sender guard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTerminal, type Terminal } from './harness';

type PageGlobals = {
  document: {
    createElement(tag: string): { textContent: string; innerHTML: string };
    body: { appendChild(el: unknown): void };
  };
  fetch(url: string): Promise<unknown>;
  __inlineRan?: boolean;
  __aegisCall(channel: string, input: unknown): Promise<unknown>;
};

describe('renderer security in the E2E harness', () => {
  let t: Terminal;
  beforeAll(async () => {
    t = await launchTerminal();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('blocks an inline script and reports the violation', async () => {
    const ran = await t.page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      const script = g.document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      g.document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 50));
      return g.__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => t.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  it('blocks network access from the renderer (connect-src none)', async () => {
    const outcome = await t.page.evaluate(async (url) => {
      try {
        await (globalThis as unknown as PageGlobals).fetch(url);
        return 'reached';
      } catch {
        return 'blocked';
      }
    }, `${t.baseUrl}/index.html`);
    expect(outcome).toBe('blocked');
    await expect.poll(() => t.cspViolations.some((v) => v.startsWith('connect-src'))).toBe(true);
  });

  it('refuses calls from a page that is not the app (sender guard runs for real)', async () => {
    const stranger = await t.page.context().newPage();
    try {
      await stranger.goto('about:blank');
      const answer = await stranger.evaluate(() => (globalThis as unknown as PageGlobals).__aegisCall('app:info', {}));
      expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    } finally {
      await stranger.close();
    }
    // The app page itself still gets answers.
    const own = await t.page.evaluate(() => (globalThis as unknown as { aegis: { invoke: Record<string, (i: unknown) => Promise<unknown>> } }).aegis.invoke['app:info']!({}));
    expect(own).toMatchObject({ ok: true, value: { environment: 'demo' } });
  });
});
