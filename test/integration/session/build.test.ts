/**
 * buildDemoSession / closeSession: the parts a session is made of, against the real simulator over loopback
 * and a real SQLite file — the seam the sync and orders tests build on.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoSession, closeSession, maskAccount, storeFileFor } from '../../../src/main/session/build';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle } from '../../../src/sim/handle';

const FROZEN = { start: '2026-11-23T10:00:00+09:00', speed: 0 } as const;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aegis-session-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function until(what: string, pred: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('buildDemoSession', () => {
  it('against a test-owned simulator: REST answers, realtime connects with the notice pinned, store file per environment', async () => {
    const sim: SimHandle = await startSimulator({ clock: FROZEN });
    cleanups.push(() => sim.close());
    const dataDir = tempDir();
    const session = await buildDemoSession({ dataDir, sim });
    cleanups.push(() => closeSession(session));

    expect(session.environment).toBe('demo');
    expect(session.paper).toBe(false);
    expect(session.sim).toBe(sim);
    expect(session.store.file).toBe(storeFileFor(dataDir, 'demo'));
    expect(existsSync(session.store.file)).toBe(true);
    expect(session.account.masked).toBe(maskAccount({ cano: sim.account.slice(0, 8), productCode: sim.account.slice(9) }));
    expect(session.account.masked).not.toContain(sim.account.slice(4, 8));
    expect(session.marketClock.now()).toBe(sim.clock.now());

    const quote = await session.rest.inquirePrice('005930');
    expect(quote.last).toBe(sim.exchange.quote('005930', 'KRX')!.last);
    expect(session.instruments.get('005930')?.name).toBe('삼성전자');

    await until('connected', () => session.realtime.state().state === 'connected');
    await until('notice registration', () => session.realtime.activeRegistrations().some((r) => r.kind === 'notice'));
    expect(sim.stats.wsSessions()).toBe(1);

    await closeSession(session);
    await closeSession(session); // idempotent
    expect(sim.stats.wsSessions()).toBe(0);
    // The test's simulator is still running: closeSession closes only what buildDemoSession started.
    expect((await fetch(`${sim.rest}/__sim/state`)).status).toBe(200);
  });

  it('starts and closes its own simulator when given options', async () => {
    const session = await buildDemoSession({ dataDir: tempDir(), sim: { clock: FROZEN }, connect: false });
    const rest = session.sim!.rest;
    expect((await fetch(`${rest}/__sim/state`)).status).toBe(200);
    await closeSession(session);
    await expect(fetch(`${rest}/__sim/state`)).rejects.toThrow();
  });
});
