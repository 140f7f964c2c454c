/**
 * Issue 7: "every fill raises a tray/OS notification (click focuses the order)". The pipeline's
 * notification carries the order number; clicking the OS toast tells the screen which order to focus.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { raiseNotification } from '../../../src/main/account/notifications';
import type { OsNotification } from '../../../src/main/electron-ports';
import { silentLogger } from '../../../src/main/log';
import { openStore, type Store } from '../../../src/main/store';
import { defaultSettings } from '../../../src/shared/settings/schema';

let dir = '';
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('notification click', () => {
  it('emits notifications:clicked with the logged id and the order number', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-notify-'));
    const clock = { now: () => Date.UTC(2026, 10, 23, 1, 0, 0) };
    store = openStore(join(dir, 'm.sqlite3'), { clock });
    const toasts: OsNotification[] = [];
    const events: Array<[string, unknown]> = [];
    const view = raiseNotification(
      {
        ctx: { notifier: { notify: (n) => toasts.push(n) }, emit: (e, p) => (events.push([e, p]), true), logger: silentLogger },
        store,
        settings: () => defaultSettings(),
      },
      { kind: 'fill', title: { ko: '체결 · 삼성전자 매수', en: 'Filled · Samsung buy' }, body: { ko: '10주 @ 71,900원 · KRX', en: '10 @ 71,900 KRW · KRX' }, orderNo: '0000000042', time: clock.now() },
    );
    expect(view?.orderNo).toBe('0000000042');
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.title).toBe('체결 · 삼성전자 매수');
    expect(events.map(([e]) => e)).toEqual(['notifications:new']);
    toasts[0]?.onClick?.();
    expect(events.at(-1)).toEqual(['notifications:clicked', { id: view?.id, orderNo: '0000000042' }]);
  });
});
