/**
 * The simulator's clock. 'real' follows the wall clock (KST is just formatting); a virtual clock starts at a
 * given instant and runs at `speed`× the wall clock — speed 0 is frozen and moves only by set/advance, which
 * is what tests use. Every move is announced so the exchange can catch up (advanceTo) at once.
 */
import type { SimClock, StartSimOptions } from './handle';
import { parseKstIso } from './server/kst';

export interface SimClockController extends SimClock {
  readonly mode: 'real' | 'virtual';
  readonly speed: number;
  /** True when time passes by itself (real, or virtual with speed > 0): the simulator then ticks the market on a timer. */
  running(): boolean;
  /** Called after every set/advance with the new now. */
  onMove(listener: (now: number) => void): () => void;
}

function toMs(at: string | number): number {
  return typeof at === 'number' ? at : parseKstIso(at);
}

export function createSimClock(spec: StartSimOptions['clock'] = 'real', wallNow: () => number = Date.now): SimClockController {
  const virtual = spec !== 'real';
  const speed = virtual ? (spec.speed ?? 0) : 1;
  if (!(speed >= 0) || !Number.isFinite(speed)) throw new Error(`Clock speed must be a finite number ≥ 0, got ${speed}`);
  let simBase = virtual ? toMs(spec.start) : wallNow();
  let wallBase = wallNow();
  const listeners = new Set<(now: number) => void>();

  const now = (): number => (speed === 0 ? simBase : Math.floor(simBase + (wallNow() - wallBase) * speed));
  const moveTo = (ms: number): void => {
    if (!Number.isFinite(ms)) throw new Error('Clock target is not a finite time');
    simBase = ms;
    wallBase = wallNow();
    for (const l of listeners) l(simBase);
  };

  return {
    mode: virtual ? 'virtual' : 'real',
    speed,
    now,
    set: (to) => moveTo(toMs(to)),
    advance: (ms) => {
      if (!(ms >= 0)) throw new Error(`advance() takes a non-negative number of ms, got ${ms}`);
      moveTo(now() + ms);
    },
    running: () => speed > 0,
    onMove(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** CLI form: 'real' | 'virtual:2026-11-23T09:30:00+09:00x1' (speed after the last 'x', default 1). */
export function parseClockArg(arg: string): StartSimOptions['clock'] {
  if (arg === 'real') return 'real';
  const m = /^virtual:(.+?)(?:x(\d+(?:\.\d+)?))?$/.exec(arg);
  if (!m) throw new Error(`--clock must be 'real' or 'virtual:<ISO time>[x<speed>]', got ${arg}`);
  return { start: m[1]!, speed: m[2] === undefined ? 1 : Number(m[2]) };
}
