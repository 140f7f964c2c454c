/** Navigation, request, permission, new-window and external-link decisions. */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import {
  EXTERNAL_HOSTS,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequest,
  permissionDecision,
  windowOpenDecision,
} from '../../../src/main/electron/policy';

const app = [APP_ORIGIN];
const dev = [APP_ORIGIN, 'http://127.0.0.1:5173'];

describe('navigation', () => {
  it('allows only our own origin', () => {
    expect(isAllowedNavigation('app://aegis/index.html', app)).toBe(true);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'about:blank', 'not a url', 'data:text/html,x']) {
      expect(isAllowedNavigation(url, app), url).toBe(false);
    }
  });
  it('allows the dev server only when configured', () => {
    expect(isAllowedNavigation('http://127.0.0.1:5173/', dev)).toBe(true);
  });
});

describe('renderer network requests', () => {
  it('allows our files, DevTools and data: images only', () => {
    expect(isAllowedRequest('app://aegis/assets/index.js', app)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/x.js', app)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', app)).toBe(true);
    for (const url of ['https://openapi.koreainvestment.com:9443/', 'http://127.0.0.1:8080/', 'ws://127.0.0.1:21000/', 'file:///tmp/x', 'data:text/html,x', 'wss://ops.koreainvestment.com:21000']) {
      expect(isAllowedRequest(url, app), url).toBe(false);
    }
  });
  it('allows the dev server and its HMR socket only with a dev origin on the same port', () => {
    expect(isAllowedRequest('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:5173/', dev)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:21000/', dev)).toBe(false);
    expect(isAllowedRequest('ws://127.0.0.1:5173/', app)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'])('refuses %s', (p) => {
    expect(permissionDecision(p)).toBe(false);
  });
});

describe('external links', () => {
  it('allows https to the fixed hosts only', () => {
    expect(EXTERNAL_HOSTS).toContain('apiportal.koreainvestment.com');
    expect(isAllowedExternalUrl('https://apiportal.koreainvestment.com/intro')).toBe(true);
    for (const url of [
      'http://apiportal.koreainvestment.com/',
      'https://apiportal.koreainvestment.com.evil.example/',
      'https://evil.example/?apiportal.koreainvestment.com',
      'https://user:pw@apiportal.koreainvestment.com/',
      'https://apiportal.koreainvestment.com:8443/',
      'file:///bin/sh',
      'smb://server/share',
      'javascript:alert(1)',
      `https://apiportal.koreainvestment.com/${'a'.repeat(3000)}`,
      'not a url',
      42,
      null,
    ]) {
      expect(isAllowedExternalUrl(url), String(url).slice(0, 60)).toBe(false);
    }
  });

  it('never opens a new window; allow-listed links go to the system browser', () => {
    expect(windowOpenDecision('https://apiportal.koreainvestment.com/')).toEqual({ action: 'deny', openInBrowser: true });
    expect(windowOpenDecision('https://evil.example/')).toEqual({ action: 'deny', openInBrowser: false });
    expect(windowOpenDecision('app://aegis/index.html')).toEqual({ action: 'deny', openInBrowser: false });
  });
});
