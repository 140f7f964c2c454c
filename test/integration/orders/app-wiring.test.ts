/**
 * The orders module with the app's real session module (not the test stand-in): demo environment on its own
 * in-process simulator (frozen clock), settings from the session's store. Proves the wiring the app runs: SESSION
 * from the session module, arming (demo is always armed), an order accepted, the kill switch persisted, and
 * cancel-all reachable the way the tray reaches it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountModule } from '../../../src/main/account/module';
import { appModule } from '../../../src/main/app-module';
import { createCore, type Core } from '../../../src/main/core';
import { silentNotifier, type Notifier, type OsNotification } from '../../../src/main/electron-ports';
import { mainActions } from '../../../src/main/electron/main-actions';
import { silentLogger } from '../../../src/main/log';
import { ordersModule } from '../../../src/main/orders/module';
import { createSessionModule } from '../../../src/main/session/module';
import { SESSION } from '../../../src/main/session/service';
import type { Keychain } from '../../../src/main/secrets/keychain';
import type { SubmitResult } from '../../../src/shared/ipc/domains/orders';
import { at, sender, tempDir, ticket } from './harness';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Demo never reaches the keychain for credentials; anything else would fail loudly here.
const emptyKeychain: Keychain = { get: async () => null, set: async () => {}, delete: async () => false };

async function appCore(dataDir: string, withSync = false, notifier: Notifier = silentNotifier): Promise<Core> {
  const core = createCore({
    dataDir,
    clock: { now: () => Date.parse(at('10:00:00')) },
    keychain: emptyKeychain,
    notifier,
    logger: silentLogger,
    modules: [
      createSessionModule({ demoSim: { clock: { start: at('10:00:00'), speed: 0 } } }),
      appModule,
      ...(withSync ? [createAccountModule()] : []),
      ordersModule,
    ],
  });
  await core.start();
  return core;
}

describe('orders with the real session module (demo)', () => {
  it('accepts an order, persists the kill switch across a restart, answers cancel-all', async () => {
    const dataDir = tempDir(cleanups);
    const core = await appCore(dataDir);
    cleanups.push(() => core.stop());
    const session = await core.context.services.require(SESSION).ready();
    expect(session.environment).toBe('demo');
    expect(await core.handle('risk:state', {}, sender)).toMatchObject({ ok: true, value: { killSwitch: false, armed: true } });
    const bid = session.sim!.exchange.book('005930', 'KRX')!.bids[0]!.price;
    const res = await core.handle('orders:submit', ticket({ price: bid }), sender);
    expect(res).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(session.sim!.ledger().orders).toHaveLength(1);
    expect((res as { value: SubmitResult }).value.orderNo).toBe(session.sim!.ledger().orders[0]!.orderNo);

    expect(await core.handle('risk:killSwitch', { engage: true }, sender)).toMatchObject({ ok: true, value: { killSwitch: true } });
    expect(session.sim!.exchange.openOrders(session.sim!.account)).toEqual([]);
    expect(await core.handle('orders:cancelAll', {}, sender)).toMatchObject({ ok: true, value: { requested: 0 } });
    await core.stop();

    const again = await appCore(dataDir);
    cleanups.push(() => again.stop());
    await again.context.services.require(SESSION).ready();
    expect(await again.handle('risk:state', {}, sender)).toMatchObject({ ok: true, value: { killSwitch: true } });
    expect(await again.handle('orders:submit', ticket(), sender)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });
});

describe('the tray menu and global shortcuts (main acting without the window)', () => {
  it('cancel-all cancels the resting order at the exchange, the kill switch engages and persists, and each is told by OS notification', async () => {
    const dataDir = tempDir(cleanups);
    const shown: OsNotification[] = [];
    const core = await appCore(dataDir, false, { notify: (n) => shown.push(n) });
    cleanups.push(() => core.stop());
    let windowShown = 0;
    const actions = mainActions(core, () => windowShown++);
    expect(actions.available).toBe(true);
    const session = await core.context.services.require(SESSION).ready();
    const sim = session.sim!;
    const below = sim.exchange.book('005930', 'KRX')!.bids[4]!.price;
    expect(await core.handle('orders:submit', ticket({ price: below }), sender)).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(sim.exchange.openOrders(sim.account)).toHaveLength(1);

    await actions.cancelAll();
    expect(sim.exchange.openOrders(sim.account)).toEqual([]);
    expect(shown.map((n) => [n.title, n.tag])).toEqual([['전체 주문 취소 요청됨', 'cancel-all']]);
    shown[0]!.onClick?.();
    expect(windowShown).toBe(1);

    await actions.engageKillSwitch();
    expect(shown.map((n) => n.title)).toEqual(['전체 주문 취소 요청됨', '킬 스위치 작동']);
    expect(await core.handle('orders:submit', ticket(), sender)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(session.store.reads.killSwitch().engaged).toBe(true);
  });

  it('a core without an orders module offers them disabled, and a call still answers with a notification, not a throw', async () => {
    const shown: OsNotification[] = [];
    const core = createCore({ dataDir: tempDir(cleanups), clock: { now: () => 0 }, keychain: emptyKeychain, notifier: { notify: (n) => shown.push(n) }, logger: silentLogger, modules: [appModule] });
    await core.start();
    cleanups.push(() => core.stop());
    const actions = mainActions(core, () => {});
    expect(actions.available).toBe(false);
    await actions.engageKillSwitch();
    expect(shown.map((n) => n.title)).toEqual(['킬 스위치 작동 실패']);
  });
});

describe('orders with sync (the account module) running', () => {
  it('a 5xx after accept is UNKNOWN at once, sync reconciles it to accepted on its own, and orders:changed is pushed', async () => {
    const dataDir = tempDir(cleanups);
    const core = await appCore(dataDir, true);
    cleanups.push(() => core.stop());
    const events: string[] = [];
    core.on((e) => events.push(e));
    const session = await core.context.services.require(SESSION).ready();
    const sim = session.sim!;
    sim.knobs.set({ failAfterAccept: { count: 1, mode: 'http500' } });
    const t = ticket({ price: 70_000, qty: 2 });
    const res = await core.handle('orders:submit', t, sender);
    expect(res).toMatchObject({ ok: true, value: { state: 'unknown' } });
    expect(sim.stats.orderRequests()).toBe(1);
    const t0 = Date.now();
    while (session.store.reads.orderByClientId(t.idempotencyKey)?.state !== 'accepted' && Date.now() - t0 < 8000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(session.store.reads.orderByClientId(t.idempotencyKey)).toMatchObject({ state: 'accepted', orderNo: sim.ledger().orders[0]!.orderNo });
    expect(sim.ledger().orders).toHaveLength(1);
    expect(sim.stats.orderRequests()).toBe(1);
    expect(events).toContain('orders:changed');
  });
});
