/**
 * The trader's screen in real Chromium against a real core on the demo simulator, tried as a new user would:
 * start in demo, search 삼성전자, buy 10 by keyboard alone, see the fill (OS notification + in-app log), the
 * position and the chart marker; a confirmation by keyboard; no double send; a resting NXT order placed,
 * modified and cancelled; cancel-all by double press; the kill switch. Screenshots go to out/screenshots (docs/screenshots with `npm run screenshots`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchTerminal, type Terminal } from './harness';
import { burstKeys, demoSim, ensureNxtMainSession, shot, shotOf, simOrders } from './trader-helpers';

const SAMSUNG = '005930';

describe('trader flows on the demo simulator (E2E)', () => {
  let t: Terminal;
  beforeAll(async () => {
    t = await launchTerminal();
    await t.page.getByTestId('watchlist').waitFor({ timeout: 20_000 });
    ensureNxtMainSession(t.core);
  });
  afterAll(async () => {
    await t?.close();
  });
  // A failing step leaves a picture of the screen behind (not in docs/: out/ is build output, ignored by git).
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && t) await t.page.screenshot({ path: `out/e2e-failure-${ctx.task.name.slice(0, 40).replace(/[^\w가-힣]+/g, '-')}.png` }).catch(() => {});
  });

  const positionQty = async (symbol: string) => Number(((await t.page.getByTestId(`position-qty-${symbol}`).textContent({ timeout: 1000 }).catch(() => '0')) ?? '0').replace(/,/g, ''));

  it('starts in demo with the account, watchlist, quote and 호가 filled from the simulator', async () => {
    const { page } = t;
    await expect.poll(() => page.getByTestId('env-badge').textContent()).toBe('데모');
    await expect.poll(() => page.getByTestId('conn-state').textContent(), { timeout: 20_000 }).toBe('연결: 연결됨');
    await expect.poll(() => page.getByTestId('acct-total').textContent()).toMatch(/^[\d,]+원$/);
    expect(await page.getByTestId('acct-orderable').textContent()).toMatch(/^[\d,]+원$/);
    expect(await page.getByTestId('watchlist').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('quote-price').textContent()).toMatch(/^[\d,]+$/);
    await expect.poll(() => page.getByTestId('order-book').locator('.book-price button').count()).toBe(20);
    // Up is red, down is blue: every coloured price in the watchlist carries its direction's class.
    const dirs = await page.locator('[data-testid=watchlist] tbody td.up, [data-testid=watchlist] tbody td.down').count();
    expect(dirs).toBeGreaterThan(0);
    expect(t.cspViolations).toEqual([]);
  });

  it('adds and removes a watchlist symbol with ☆ (watchlist:set)', async () => {
    const { page } = t;
    const rows = () => page.getByTestId('watchlist').locator('tbody tr');
    const before = await rows().count();
    await page.keyboard.press('Control+K');
    await page.keyboard.type('NAVER');
    await expect.poll(() => page.getByTestId('symbol-results').locator('[role=option]').first().textContent()).toContain('NAVER');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('quote-name').textContent()).toBe('NAVER');
    await page.getByTestId('watch-toggle').click();
    await expect.poll(() => rows().count()).toBe(before + 1);
    expect(await rows().last().textContent()).toContain('NAVER');
    await page.getByTestId('watch-toggle').click();
    await expect.poll(() => rows().count()).toBe(before);
  });

  it('searches 삼성전자 and buys 10 by keyboard alone; the fill shows as a notification, a position and a chart marker', async () => {
    const { page, core } = t;
    const before = await positionQty(SAMSUNG);
    const ordersBefore = simOrders(core).length;
    const notesBefore = t.notifications.length;

    await page.keyboard.press('Control+K');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('data-testid'))).toBe('symbol-search');
    await page.keyboard.type('삼성');
    await expect.poll(() => page.getByTestId('symbol-results').locator('[role=option]').first().textContent()).toContain('삼성전자');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-symbol').textContent()).toBe('삼성전자');
    await expect.poll(() => page.getByTestId('order-book').locator('.book-price button').count()).toBe(20);

    await page.keyboard.press('F1');
    // F1 loaded the best ask of the KRX book into the price and put the keyboard on the quantity.
    const bestAsk = await page.getByTestId('book-ask-0').textContent();
    expect(await page.getByTestId('ticket-price').inputValue()).toBe(bestAsk);
    await page.keyboard.type('10');
    await expect.poll(() => page.getByTestId('order-preview').textContent()).toContain('결제금액');
    await expect.poll(() => page.getByTestId('preview-orderable').textContent()).toMatch(/원$/);
    await page.keyboard.press('Enter');

    await expect.poll(() => simOrders(core).length, { timeout: 10_000 }).toBe(ordersBefore + 1);
    const sent = simOrders(core).at(-1)!;
    expect(sent).toMatchObject({ symbol: SAMSUNG, side: 'buy', qty: 10 });
    // The harness's OS-notification double saw the fill, and so did the in-app log.
    await expect.poll(() => t.notifications.slice(notesBefore).some((n) => n.title.includes('삼성전자') && n.body.includes('10주')), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('notification-log').locator('li[data-kind=fill]').first().textContent()).toContain('삼성전자');
    await expect.poll(() => positionQty(SAMSUNG), { timeout: 15_000 }).toBe(before + 10);
    await expect.poll(() => page.getByTestId('fills').locator('tbody tr').first().textContent()).toContain('삼성전자');
    // The chart marks the trader's own fill on its bar.
    await expect.poll(async () => Number(await page.getByTestId('candle-chart').getAttribute('data-markers')), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=candle-chart] .fill-marker-buy').count()).toBeGreaterThan(0);
    // For the README: a trader's watchlist, the chart with its morning filled in, and the fill just seen.
    const sender = { url: `${t.baseUrl}/index.html`, isTopFrame: true };
    await core.handle('watchlist:set', { symbols: ['005930', '000660', '373220', '207940', '005380', '000270', '068270', '035420', '035720', '105560', '055550', '005490', '051910', '006400', '015760', '012330', '069500'] }, sender);
    await page.getByTestId('chart-1d').click();
    await page.getByTestId('chart-1m').click();
    await expect.poll(async () => Number(await page.getByTestId('candle-chart').getAttribute('data-bars')), { timeout: 20_000 }).toBeGreaterThan(4);
    await page.reload();
    await page.getByTestId('order-book').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+K');
    await page.keyboard.type('005930');
    await expect.poll(() => page.getByTestId('symbol-results').locator('[role=option]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await page.getByTestId('candle-chart').getAttribute('data-markers')), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('candle-chart').getAttribute('data-bars')), { timeout: 20_000 }).toBeGreaterThan(4);
    await expect.poll(() => page.getByTestId('trade-tape').locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await page.waitForTimeout(700);
    await shot(page, 'main.png');
    await shotOf(page, 'notifications.png', ['[data-panel=positions]', '[data-panel=notifications]', '[data-panel=openOrders]']);
    // The ticket with main's preview (not the local estimate): fees, taxes, cash, session.
    await page.keyboard.press('F1');
    await page.keyboard.type('5');
    await expect.poll(() => page.getByTestId('order-preview').getAttribute('data-state')).toBe('preview');
    await shotOf(page, 'order-ticket.png', ['[data-testid=order-book]', '[data-panel=order]', '[data-panel=quote] .panel-head']);
  });

  it('asks for confirmation when the rules say so, and the dialog works from the keyboard (Esc keeps, Enter sends)', async () => {
    const { page, core } = t;
    // Confirm every order from now on (aboveValue 0 = always), as the trader would in Settings.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-tab-risk').click();
    await page.getByTestId('risk-aboveValue').fill('0');
    await page.getByTestId('risk-save').click();
    await expect.poll(() => page.getByTestId('save-note').textContent()).toBe('저장했습니다.');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('settings-dialog').count()).toBe(0);

    const ordersBefore = simOrders(core).length;
    await page.keyboard.press('F2');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('매도');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('confirm-dialog').count()).toBe(0);
    expect(simOrders(core).length).toBe(ordersBefore);

    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-dialog').waitFor();
    await shot(page, 'confirm-order.png');
    await page.keyboard.press('Enter');
    await expect.poll(() => simOrders(core).length, { timeout: 10_000 }).toBe(ordersBefore + 1);
    expect(simOrders(core).at(-1)).toMatchObject({ symbol: SAMSUNG, side: 'sell', qty: 1 });

    // Back to the default rule for the rest of the run.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-tab-risk').click();
    await page.getByTestId('risk-aboveValue').fill('10,000,000');
    await page.getByTestId('risk-save').click();
    await expect.poll(() => page.getByTestId('save-note').textContent()).toBe('저장했습니다.');
    await page.keyboard.press('Escape');
  });

  it('a burst of Enter presses (or a held Enter) while a submit is in flight sends one order', async () => {
    const { page, core } = t;
    await page.keyboard.press('F1');
    await page.keyboard.type('2');
    await expect.poll(() => page.getByTestId('order-preview').textContent()).toContain('지정가');
    const before = simOrders(core).length;
    await burstKeys(page, [
      { key: 'Enter', code: 'Enter' },
      { key: 'Enter', code: 'Enter' },
      { key: 'Enter', code: 'Enter', repeat: true },
      { key: 'Enter', code: 'Enter', repeat: true },
    ]);
    await expect.poll(() => simOrders(core).length, { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => page.getByTestId('submit-order').isDisabled()).toBe(false);
    // Give a stray second submission every chance to show up.
    await page.waitForTimeout(800);
    expect(simOrders(core).length).toBe(before + 1);
  });

  it('places a resting NXT order by keyboard, modifies it inline and cancels it with the cancel-selected key', async () => {
    const { page, core } = t;
    await expect.poll(() => page.getByTestId('market-session').textContent()).toContain('NXT');
    await page.keyboard.press('F4'); // KRX → NXT
    await expect.poll(() => page.getByTestId('route-NXT').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('ticket-session').textContent()).toMatch(/^NXT /);
    await page.keyboard.press('F1');
    // Fifteen ticks under the best ask: far enough from the market to rest.
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
    const price = Number((await page.getByTestId('ticket-price').inputValue()).replace(/,/g, ''));
    await page.keyboard.type('3');
    const before = simOrders(core).length;
    await page.keyboard.press('Enter');
    await expect.poll(() => simOrders(core).length, { timeout: 10_000 }).toBe(before + 1);
    const placed = simOrders(core).at(-1)!;
    expect(placed).toMatchObject({ route: 'NXT', side: 'buy', qty: 3, price });
    const row = () => page.locator(`[data-testid=open-order-row][data-order="${placed.orderNo}"]`);
    await expect.poll(() => row().count(), { timeout: 10_000 }).toBe(1);
    expect(await row().textContent()).toContain('NXT');

    // Modify inline: one tick lower (the 100-won grid at this price). A modified order keeps its row under the new number.
    await row().getByTestId('modify-order').click();
    await page.getByTestId('modify-price').fill(String(price - 100));
    await page.keyboard.press('Enter');
    const lower = (price - 100).toLocaleString('en-US');
    await expect.poll(() => page.getByTestId('open-order-row').filter({ hasText: lower }).filter({ hasText: 'NXT' }).count(), { timeout: 10_000 }).toBe(1);
    // The row shows the modify from the moment main journals it; the exchange has it once the original is replaced.
    await expect.poll(() => simOrders(core).find((o) => o.orderNo === placed.orderNo)?.state, { timeout: 10_000 }).not.toBe('open');
    const modified = demoSim(core).ledger().orders.find((o) => o.originalOrderNo === placed.orderNo && o.kind === 'modify');
    expect(modified).toMatchObject({ price: price - 100, qty: 3, state: 'open' });
    await shot(page, 'open-orders.png');

    // Select the row once main has the exchange's answer (no pending state on it), then the cancel-selected key.
    const settled = () => page.getByTestId('open-order-row').filter({ hasText: lower }).filter({ hasNotText: '전송' }).filter({ hasNotText: '확인 중' });
    await expect.poll(() => settled().count(), { timeout: 10_000 }).toBe(1);
    await settled().click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('open-order-row').filter({ hasText: lower }).count(), { timeout: 10_000 }).toBe(0);
    expect(simOrders(core).filter((o) => o.route === 'NXT' && o.side === 'buy' && o.qty === 3 && o.state === 'open')).toEqual([]);
    await page.keyboard.press('F4'); // back to KRX
  });

  it('cancel-all needs a second press within 1.5 s', async () => {
    const { page, core } = t;
    const mine: string[] = [];
    for (const ticks of [10, 12]) {
      await page.keyboard.press('F1');
      for (let i = 0; i < ticks; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.type('1');
      await expect.poll(() => page.getByTestId('order-preview').textContent()).toContain('지정가');
      const before = simOrders(core).length;
      await page.keyboard.press('Enter');
      await expect.poll(() => simOrders(core).length, { timeout: 10_000 }).toBe(before + 1);
      mine.push(simOrders(core).at(-1)!.orderNo);
    }
    const openRow = (no: string) => page.locator(`[data-testid=open-order-row][data-order="${no}"]`);
    for (const no of mine) await expect.poll(() => openRow(no).count(), { timeout: 10_000 }).toBe(1);
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('Control+Shift+X');
    await expect.poll(() => page.getByTestId('toasts').textContent()).toContain('한 번 더');
    await page.waitForTimeout(600);
    for (const no of mine) expect(simOrders(core).find((o) => o.orderNo === no)?.state).toBe('open');
    await page.keyboard.press('Control+Shift+X');
    await expect.poll(() => page.getByTestId('open-order-row').count(), { timeout: 10_000 }).toBe(0);
    for (const no of mine) expect(simOrders(core).find((o) => o.orderNo === no)?.state).toBe('cancelled');
  });

  it('the kill switch engages from the keyboard at once, blocks new buys, and releases only after asking', async () => {
    const { page, core } = t;
    // Something resting for the kill switch to cancel (another quantity: main refuses a copy of a recent order).
    await page.keyboard.press('F1');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.type('4');
    await expect.poll(() => page.getByTestId('order-preview').textContent()).toContain('지정가');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('open-order-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => page.getByTestId('kill-status').count()).toBe(1);
    await expect.poll(() => page.getByTestId('open-order-row').count(), { timeout: 10_000 }).toBe(0);
    expect(simOrders(core).filter((o) => o.state === 'open')).toEqual([]);
    expect(await page.getByTestId('kill-switch').getAttribute('aria-pressed')).toBe('true');
    const before = simOrders(core).length;
    await page.keyboard.press('F1');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-outcome').textContent()).toMatch(/킬 스위치|kill/i);
    expect(simOrders(core).length).toBe(before);
    await shot(page, 'kill-switch.png');

    await page.getByTestId('kill-switch').click();
    await page.getByTestId('kill-release-dialog').waitFor();
    await page.getByTestId('kill-release').click();
    await expect.poll(() => page.getByTestId('kill-status').count()).toBe(0);
  });

  it('panels resize by dragging the gap between them, and the layout survives a reload (settings.layout)', async () => {
    const { page, core } = t;
    const width = async () => (await page.locator('[data-panel=watchlist]').boundingBox())!.width;
    const before = await width();
    const handle = page.getByTestId('splitter-col0-0');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBeGreaterThan(before + 60);
    const after = await width();
    const sender = { url: `${t.baseUrl}/index.html`, isTopFrame: true };
    await expect.poll(async () => {
      const r = await core.handle('settings:get', {}, sender);
      return r.ok ? Object.keys((r.value as { layout: Record<string, number> }).layout).length : 0;
    }).toBe(8);
    await page.reload();
    await page.getByTestId('watchlist').waitFor({ timeout: 20_000 });
    await expect.poll(width).toBeCloseTo(after, 0);
    // And back, so the screenshots that follow show the default proportions.
    const back = (await page.getByTestId('splitter-col0-0').boundingBox())!;
    await page.mouse.move(back.x + back.width / 2, back.y + back.height / 2);
    await page.mouse.down();
    await page.mouse.move(back.x + back.width / 2 - (after - before), back.y + back.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBeCloseTo(before, -1);
  });

  it('shows the cheat sheet on F12 and the settings screens; no CSP violation or page error on the way', async () => {
    const { page } = t;
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('F12');
    await page.getByTestId('cheat-sheet').waitFor();
    expect(await page.getByTestId('cheat-sheet').textContent()).toContain('Ctrl+K');
    await shot(page, 'cheat-sheet.png');
    await page.keyboard.press('F12');
    await expect.poll(() => page.getByTestId('cheat-sheet').count()).toBe(0);

    await expect.poll(async () => Number(await page.getByTestId('candle-chart').getAttribute('data-bars')), { timeout: 20_000 }).toBeGreaterThan(4);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-dialog').waitFor();
    await page.getByTestId('settings-tab-env').click();
    await shot(page, 'settings.png');
    await page.getByTestId('settings-tab-hotkeys').click();
    await shot(page, 'settings-hotkeys.png');
    await page.keyboard.press('Escape');
    expect(t.cspViolations).toEqual([]);
    expect(t.pageErrors).toEqual([]);
  });
});
