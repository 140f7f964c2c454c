/**
 * Helpers for the trader E2E: the demo simulator behind the running core (the truth an order must reach), key
 * presses dispatched inside the page, and screenshots for the README.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Core } from '../../src/main/core';
import { SESSION } from '../../src/main/session/service';
import type { SimHandle } from '../../src/sim/handle';
import { sessionAt } from '../../src/shared/market/sessions';
import { kstDate, kstEpoch } from '../../src/shared/market/time';
import { SCREENSHOTS } from './harness';

export { SCREENSHOTS };

/** The in-process demo simulator (demo is the default environment). */
export function demoSim(core: Core): SimHandle {
  const sim = core.context.services.use(SESSION)?.current()?.sim;
  if (!sim) throw new Error('no demo simulator: is the session module running in demo?');
  return sim;
}

/** Orders the exchange received from this account (new orders only, not modify/cancel requests). */
export function simOrders(core: Core) {
  return demoSim(core)
    .ledger()
    .orders.filter((o) => (o.kind ?? 'new') === 'new');
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** A screenshot of the area covering the given elements (the union of their boxes, plus a margin). */
export async function shotOf(page: Page, name: string, selectors: string[], margin = 4): Promise<void> {
  const boxes = [];
  for (const sel of selectors) {
    const b = await page.locator(sel).first().boundingBox();
    if (b) boxes.push(b);
  }
  if (boxes.length === 0) throw new Error(`nothing to screenshot for ${selectors.join(', ')}`);
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name), clip: { x, y, width: right - x, height: bottom - y } });
}

/**
 * Dispatches keydown events from inside the page in ONE task, so the later ones arrive while the first one's
 * work (an IPC call) is still in flight — what a key bounce or an impatient double press does.
 */
export async function burstKeys(page: Page, keys: Array<{ key: string; code: string; repeat?: boolean }>): Promise<void> {
  await page.evaluate((list) => {
    const doc = (globalThis as unknown as { document: { activeElement: { dispatchEvent(e: unknown): void } | null; body: { dispatchEvent(e: unknown): void } } }).document;
    const KE = (globalThis as unknown as { KeyboardEvent: new (type: string, init: object) => unknown }).KeyboardEvent;
    for (const k of list) (doc.activeElement ?? doc.body).dispatchEvent(new KE('keydown', { key: k.key, code: k.code, repeat: k.repeat ?? false, bubbles: true, cancelable: true }));
  }, keys);
}

/** Text of every element matching a test id. */
export async function texts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).allTextContents();
}

/**
 * Makes sure the demo market is in NXT's main session (both venues matching). The demo starts at the real time
 * during KRX hours, so a run at 09:00:10 or 15:25 would otherwise land in a phase where NXT refuses. The sim
 * clock only moves forward: 10:00 today if that is still ahead, else the current time must already do.
 */
export function ensureNxtMainSession(core: Core): void {
  const sim = demoSim(core);
  const now = sim.clock.now();
  if (sessionAt('NXT', now).phase === 'continuous' && sessionAt('KRX', now).phase === 'continuous') return;
  const ten = kstEpoch(kstDate(now), '100000');
  if (ten > now) sim.clock.set(ten);
}
