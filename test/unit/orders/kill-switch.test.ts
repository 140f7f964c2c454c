/** The kill switch state over a real SQLite store: memory first, durable in the store, carried into a new session. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/log';
import { KillSwitch } from '../../../src/main/orders/kill-switch';
import type { ActiveSession } from '../../../src/main/session/service';
import { openStore, type Store } from '../../../src/main/store';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function storeAt(dir: string, clock = { now: () => 1_795_395_600_000 }): Store {
  const s = openStore(join(dir, 'aegis.sqlite3'), { clock });
  cleanups.push(() => s.close());
  return s;
}
/** The kill switch only touches `session.store`. */
const sessionWith = (store: Store) => ({ store }) as unknown as ActiveSession;

describe('KillSwitch', () => {
  it('engaged with no session holds in memory, and is written into the next session’s store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aegis-ks-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const ks = new KillSwitch(silentLogger);
    expect(ks.set(null, true, 1_000, 'engaged', 'test')).toBe(false); // nothing to persist into yet
    expect(ks.state(null)).toEqual({ engaged: true, engagedAt: 1_000 });
    const store = storeAt(dir);
    const s = sessionWith(store);
    expect(store.reads.killSwitch().engaged).toBe(false);
    expect(ks.engaged(s)).toBe(true); // memory wins while the store lags
    ks.carryInto(s);
    expect(store.reads.killSwitch()).toMatchObject({ engaged: true, changedBy: 'carry-over' });
    // A fresh process (new KillSwitch) sees it from the store alone.
    expect(new KillSwitch(silentLogger).state(s)).toEqual({ engaged: true, engagedAt: 1_795_395_600_000 });
    expect(ks.set(s, false, 2_000, 'released', 'test')).toBe(true);
    expect(ks.state(s)).toEqual({ engaged: false, engagedAt: null });
    expect(store.reads.killSwitch().engaged).toBe(false);
  });
});
