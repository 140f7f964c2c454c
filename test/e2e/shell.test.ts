/**
 * The shell in real Chromium against a real core: Korean by default, the status bar fed by conn:state,
 * the language toggle both ways, no CSP violation, and the README screenshot.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModule } from '../../src/main/app-module';
import { launchTerminal, SCREENSHOTS, type Terminal } from './harness';

const PANEL_TITLES_KO = ['관심종목', '현재가/호가', '차트', '주문', '잔고', '미체결', '체결', '손익 추이', '알림'];

describe('terminal shell with the registered modules (E2E)', () => {
  let t: Terminal;
  beforeAll(async () => {
    t = await launchTerminal();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens in Korean with the environment, a connection state and every panel place', async () => {
    const { page } = t;
    await expect.poll(() => page.getByTestId('env-badge').textContent()).toBe('데모');
    await expect.poll(() => page.getByTestId('conn-state').textContent()).toMatch(/^연결: (연결 중|연결됨|재연결 중|연결 끊김)$/);
    expect(await page.getByTestId('last-sync').textContent()).toMatch(/^마지막 동기화: (없음|\d\d:\d\d:\d\d KST)$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('.panel-title').allTextContents()).toEqual(PANEL_TITLES_KO);
    expect(await page.getByText('버전 0.1.0').count()).toBe(1);
  });

  it('switches to English and back to Korean', async () => {
    const { page } = t;
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByTestId('env-badge').textContent()).toBe('Demo');
    expect(await page.getByTestId('conn-state').textContent()).toMatch(/^Connection: (Connecting|Connected|Reconnecting|Disconnected)$/);
    expect(await page.locator('.panel-title').first().textContent()).toBe('Watchlist');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByTestId('env-badge').textContent()).toBe('데모');
    expect(await page.locator('.panel-title').first().textContent()).toBe('관심종목');
  });

  it('renders under the CSP without a violation or page error, and saves the README screenshot', async () => {
    const { page } = t;
    const dir = SCREENSHOTS;
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'shell.png') });
    expect(t.cspViolations).toEqual([]);
    expect(t.pageErrors).toEqual([]);
  });
});

// Only the app module here, so nothing but the test moves the connection state.
describe('status bar follows conn:state (E2E)', () => {
  let t: Terminal;
  beforeAll(async () => {
    t = await launchTerminal({ core: { modules: [appModule] } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts honest: disconnected, never synced, and panels whose module is missing say they are not available', async () => {
    const { page } = t;
    await expect.poll(() => page.getByTestId('conn-state').textContent()).toBe('연결: 연결 끊김');
    expect(await page.getByTestId('last-sync').textContent()).toBe('마지막 동기화: 없음');
    await expect.poll(() => page.locator('.empty-title').first().textContent()).toBe('표시할 수 없습니다');
    expect(await page.getByTestId('account-note').textContent()).not.toBe('');
  });

  it('shows events from the core as they happen, with the sync time in KST', async () => {
    const { page, core } = t;
    // 2026-03-02 05:30:15 UTC = 14:30:15 KST, whatever the machine's time zone.
    core.emit('conn:state', { environment: 'demo', connection: 'connected', lastSyncAt: Date.UTC(2026, 2, 2, 5, 30, 15), rateHeadroom: 0.75 });
    await expect.poll(() => page.getByTestId('conn-state').textContent()).toBe('연결: 연결됨');
    expect(await page.getByTestId('last-sync').textContent()).toBe('마지막 동기화: 14:30:15 KST');
    expect(await page.getByTestId('rate-headroom').textContent()).toBe('요청 여유: 75%');
    // Connected, but the panels' modules are not running here: they keep saying so instead of "loading".
    expect(await page.locator('.empty-title').first().textContent()).toBe('표시할 수 없습니다');
    core.emit('conn:state', { environment: 'demo', connection: 'disconnected', lastSyncAt: null, rateHeadroom: null });
    await expect.poll(() => page.getByTestId('conn-state').textContent()).toBe('연결: 연결 끊김');
  });
});

describe('environment badge (E2E)', () => {
  it('makes real unmistakable: red badge and a red window frame', async () => {
    const t = await launchTerminal({ core: { environment: 'real', modules: [appModule] } });
    try {
      await expect.poll(() => t.page.getByTestId('env-badge').textContent()).toBe('실전');
      const badgeColor = await t.page
        .getByTestId('env-badge')
        .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
      expect(badgeColor).toBe('rgb(229, 32, 46)');
      expect(await t.page.locator('.app').getAttribute('class')).toContain('env-frame-real');
    } finally {
      await t.close();
    }
  });
});
