/** Guard 1: only our app's top frame may call main. */
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../src/main/ipc/router';
import { APP_ORIGIN, checkExtraRendererOrigin, isTrustedSender, originOf } from '../../../src/main/ipc/sender';
import { ok } from '../../../src/shared/ipc/result';
import { silentLogger } from '../../../src/main/log';

const allowed = [APP_ORIGIN];

describe('sender guard', () => {
  it('accepts the app page in the top frame', () => {
    expect(isTrustedSender({ url: 'app://aegis/index.html', isTopFrame: true }, allowed)).toBe(true);
    expect(isTrustedSender({ url: 'app://aegis/', isTopFrame: true }, allowed)).toBe(true);
    expect(isTrustedSender({ url: 'app://aegis/index.html#/orders?x=1', isTopFrame: true }, allowed)).toBe(true);
  });

  it.each([
    ['null frame URL', { url: null, isTopFrame: true }],
    ['sub-frame of the app', { url: 'app://aegis/index.html', isTopFrame: false }],
    ['foreign https origin', { url: 'https://evil.example/index.html', isTopFrame: true }],
    ['other app:// host', { url: 'app://evil/index.html', isTopFrame: true }],
    ['look-alike host', { url: 'app://aegis.evil/index.html', isTopFrame: true }],
    ['credentials in URL', { url: 'app://user:pw@aegis/index.html', isTopFrame: true }],
    ['file://', { url: 'file:///work/main/out/renderer/index.html', isTopFrame: true }],
    ['data: URL', { url: 'data:text/html,<script>1</script>', isTopFrame: true }],
    ['about:blank', { url: 'about:blank', isTopFrame: true }],
    ['malformed URL', { url: 'app//aegis', isTopFrame: true }],
    ['empty URL', { url: '', isTopFrame: true }],
    ['absurdly long URL', { url: `app://aegis/${'a'.repeat(10_000)}`, isTopFrame: true }],
    ['truthy but not true isTopFrame', { url: 'app://aegis/index.html', isTopFrame: 1 }],
    ['missing isTopFrame', { url: 'app://aegis/index.html' }],
    ['loopback http not configured', { url: 'http://127.0.0.1:5173/index.html', isTopFrame: true }],
    ['sender not an object', 'app://aegis/index.html'],
    ['sender null', null],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, allowed)).toBe(false);
  });

  it('trusts a configured loopback origin exactly (port included), nothing near it', () => {
    const origins = [APP_ORIGIN, checkExtraRendererOrigin('http://127.0.0.1:4321')];
    expect(isTrustedSender({ url: 'http://127.0.0.1:4321/index.html', isTopFrame: true }, origins)).toBe(true);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4322/index.html', isTopFrame: true }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'https://127.0.0.1:4321/index.html', isTopFrame: true }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4321/index.html', isTopFrame: false }, origins)).toBe(false);
  });

  it.each(['https://127.0.0.1:4321', 'http://10.0.0.1:4321', 'http://example.com:80', 'http://127.0.0.1', 'not a url', 'http://127.0.0.1:4321/path'])(
    'refuses to configure %s as an extra renderer origin',
    (origin) => {
      expect(() => checkExtraRendererOrigin(origin)).toThrow(/extraRendererOrigin/);
    },
  );

  it('normalises origins, including the custom app scheme Node reports as "null"', () => {
    expect(originOf('app://aegis/x')).toBe('app://aegis');
    // Chromium lowercases the host of a standard scheme; anything else is not what it would report.
    expect(originOf('APP://aegis/x')).toBe('app://aegis');
    expect(originOf('app://AEGIS/x')).toBeNull();
    expect(originOf('http://127.0.0.1:80/x')).toBe('http://127.0.0.1');
    expect(originOf('javascript:alert(1)')).toBeNull();
  });

  it('runs first: a foreign sender gets FORBIDDEN_SENDER even for junk or unknown channels, and no handler runs', async () => {
    const handler = vi.fn(() => ok({}));
    const route = createRouter({
      handlers: new Map([['app:info', handler as never]]),
      allowed: new Map(),
      allowedOrigins: allowed,
      logger: silentLogger,
    });
    const foreign = { url: 'https://evil.example/', isTopFrame: true };
    expect(await route('app:info', {}, foreign)).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(await route('app:info', { junk: 1 }, foreign)).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(await route('no:such', {}, foreign)).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(await route('app:info', {}, { url: null, isTopFrame: false })).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(handler).not.toHaveBeenCalled();
  });
});
