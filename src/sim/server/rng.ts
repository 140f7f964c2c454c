/**
 * Deterministic randomness for the protocol server: tokens, approval keys, WS key/iv, gt_uid, jitter and
 * fault probabilities all come from the seed, so two simulators with one seed behave identically
 * (kis-api.md obligation 20). Separate labelled streams keep one feature's draws from shifting another's.
 */
import { createHash } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A labelled stream of pseudo-random bytes: sha256(seed | label | counter). */
export class SeededStream {
  private counter = 0;
  constructor(
    private readonly seed: number,
    private readonly label: string,
  ) {}

  bytes(n: number): Buffer {
    const out: Buffer[] = [];
    let have = 0;
    while (have < n) {
      const block = createHash('sha256').update(`${this.seed}|${this.label}|${this.counter++}`).digest();
      out.push(block);
      have += block.length;
    }
    return Buffer.concat(out).subarray(0, n);
  }

  /** Alphanumeric string of length n. */
  alnum(n: number): string {
    const b = this.bytes(n);
    let s = '';
    for (let i = 0; i < n; i++) s += ALNUM[b[i]! % ALNUM.length];
    return s;
  }

  hex(n: number): string {
    return this.bytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
  }

  /** UUID-shaped (8-4-4-4-12 lowercase hex), like a KIS approval key. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  base64url(n: number): string {
    return this.bytes(n).toString('base64url');
  }
}

/** Fast uniform [0,1) generator (mulberry32) for per-request draws: jitter and fault probabilities. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable 32-bit hash of a label, to derive per-feature seeds from the simulator seed. */
export function labelSeed(seed: number, label: string): number {
  return createHash('sha256').update(`${seed}|${label}`).digest().readUInt32LE(0);
}
