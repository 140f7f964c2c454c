/** How much the three IPC guards cost: calls/s through core.handle for a valid call and for refused junk. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core';
import { silentNotifier } from '../../src/main/electron-ports';
import { APP_ORIGIN } from '../../src/main/ipc/sender';
import { silentLogger } from '../../src/main/log';
import { percentile, type Bench } from './bench';

async function measure(payload: unknown, expectOk: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-ipc-'));
  try {
    const core = createCore({
      dataDir: dir,
      clock: { now: () => Date.now() },
      keychain: { get: async () => null, set: async () => {}, delete: async () => false },
      notifier: silentNotifier,
      logger: silentLogger,
    });
    await core.start();
    const sender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };
    const calls = 20_000;
    const samples: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const s = performance.now();
      const r = await core.handle('app:info', payload, sender);
      samples.push(performance.now() - s);
      if (r.ok !== expectOk) throw new Error(`unexpected answer ${JSON.stringify(r)}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    await core.stop();
    return { value: Math.round(calls / seconds), p50Us: Math.round(percentile(samples, 50) * 1000), p99Us: Math.round(percentile(samples, 99) * 1000) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benches: Bench[] = [
  {
    metric: 'ipc.handle.valid',
    async run() {
      const { value, ...detail } = await measure({}, true);
      return { value, unit: 'calls/s', detail: { channel: 'app:info', ...detail } };
    },
  },
  {
    metric: 'ipc.handle.junk',
    async run() {
      const { value, ...detail } = await measure({ zz: 'x'.repeat(10_000), nested: { a: [1, 2, 3] } }, false);
      return { value, unit: 'refusals/s', detail: { channel: 'app:info', ...detail } };
    },
  },
];
