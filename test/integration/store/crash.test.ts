/**
 * Issue 5: a child killed with SIGKILL mid-transaction, 50 times. After every kill the file passes
 * PRAGMA integrity_check, everything the child reported as committed is there, and no transaction is
 * half-applied (the position equals the number of fills, every candle batch is whole).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store';

const ROOT = join(__dirname, '../../..');
const CHILD = join(__dirname, 'crash-child.ts');
const T0 = Date.UTC(2026, 2, 16, 0, 30, 0);
const ROUNDS = 50;

interface RoundResult {
  committed: { fills: number[]; candles: number[]; intents: number[] };
}

function runAndKill(file: string, first: number, killAfterMs: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(first)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!timer && stdout.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited by itself (${code}): ${stderr}`));
      const committed: RoundResult['committed'] = { fills: [], candles: [], intents: [] };
      // Only complete lines count: a line cut by the kill was not fully reported.
      for (const line of stdout.split('\n').slice(0, -1)) {
        const [kind, n] = line.split(' ');
        if (kind === 'F') committed.fills.push(Number(n));
        if (kind === 'C') committed.candles.push(Number(n));
        if (kind === 'I') committed.intents.push(Number(n));
      }
      resolve({ committed });
    });
  });
}

describe('crash safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`survives SIGKILL mid-transaction ${ROUNDS} times without corruption or loss`, async () => {
    const file = join(dir, 'aegis.sqlite3');
    openStore(file, { clock: { now: () => T0 } }).close(); // migrate once up front: kills then land in the write loop
    const everything = { fills: [] as number[], candles: [] as number[], intents: [] as number[] };
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < ROUNDS; round++) {
      const { committed } = await runAndKill(file, round * 1_000_000 + 1, 5 + Math.floor(rand() * 120));
      everything.fills.push(...committed.fills);
      everything.candles.push(...committed.candles);
      everything.intents.push(...committed.intents);

      const store = openStore(file, { clock: { now: () => T0 } });
      try {
        expect(store.reads.integrityCheck(), `round ${round}`).toEqual(['ok']);
        const fills = store.reads.fillsToday('20260316');
        const orderNos = new Set(fills.map((f) => Number(f.orderNo)));
        const lost = everything.fills.filter((n) => !orderNos.has(n));
        expect(lost, `round ${round}: committed fills missing`).toEqual([]);
        // Atomicity: each fill moved the position by exactly one share and its order to filled, or none of it happened.
        const position = store.reads.position('005930');
        expect(position?.qty ?? 0, `round ${round}`).toBe(fills.length);
        expect(position?.venues.reduce((a, v) => a + v.qty, 0) ?? 0).toBe(fills.length);
        expect(store.reads.ordersToday('20260316').filter((o) => o.symbol === '005930' && o.state === 'filled')).toHaveLength(fills.length);
        for (const n of everything.candles) {
          const base = n * 60_000 * 200;
          expect(store.reads.candles('005930', 'KRX', base, base + 120 * 60_000), `candle batch ${n}`).toHaveLength(120);
        }
        for (const n of everything.intents) expect(store.reads.orderByClientId(`crash-intent-${n}`)?.state, `intent ${n}`).toBe('intent');
      } finally {
        store.close();
      }
    }
    // The kills really interrupted a busy writer (not an idle process), round after round.
    expect(everything.fills.length).toBeGreaterThan(ROUNDS * 5);
  }, 180_000);
});
