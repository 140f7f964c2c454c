import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../../src/main/kis/realtime/backoff';
import { nextStep, planRegistrations, type DesiredStreams, type Registration } from '../../../../src/main/kis/realtime/plan';

const sym = (i: number) => String(100000 + i).padStart(6, '0');
const none: DesiredStreams = { pinnedNotices: false, holdings: [], openOrders: [], focused: null, watchlist: [] };
const real = { paper: false, htsId: 'demo01', cap: 40 };

describe('planRegistrations', () => {
  it('orders: pinned notice, open orders and positions, focused trades then 호가, then the watchlist', () => {
    const plan = planRegistrations(
      { pinnedNotices: true, holdings: ['000660'], openOrders: ['035720'], focused: '005930', watchlist: ['051910', '000660'] },
      undefined,
      real,
    );
    expect(plan.registrations.map((r) => r.key)).toEqual([
      'H0STCNI0|demo01',
      'H0STCNT0|035720',
      'H0STCNT0|000660',
      'H0STCNT0|005930',
      'H0STASP0|005930',
      'H0STCNT0|051910',
    ]);
    expect(plan.registrations.map((r) => r.tier)).toEqual(['notice', 'position', 'position', 'focused', 'focused', 'watchlist']);
    expect(plan.registrations.map((r) => r.rank)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('uses H0STCNI9 in paper mode and never an NX/UN TR there', () => {
    const plan = planRegistrations({ ...none, pinnedNotices: true, focused: '005930', watchlist: ['000660'] }, ['NXT', 'UN'], { ...real, paper: true });
    expect(plan.registrations.map((r) => r.trId)).toEqual(['H0STCNI9', 'H0STCNT0', 'H0STASP0', 'H0STCNT0']);
    expect(plan.registrations.some((r) => /^H0(NX|UN)/.test(r.trId))).toBe(false);
  });

  it('streams the chosen venues in real mode, per symbol when given a function', () => {
    const plan = planRegistrations({ ...none, focused: '005930', watchlist: ['000660'] }, (s) => (s === '005930' ? ['KRX', 'NXT'] : ['UN']), real);
    expect(plan.registrations.map((r) => r.key)).toEqual([
      'H0STCNT0|005930',
      'H0NXCNT0|005930',
      'H0STASP0|005930',
      'H0NXASP0|005930',
      'H0UNCNT0|000660',
    ]);
  });

  it('caps at 40 and puts everything past it in overCap, lowest priority first out', () => {
    const watchlist = Array.from({ length: 45 }, (_, i) => sym(i));
    const plan = planRegistrations({ ...none, pinnedNotices: true, holdings: [sym(44)], focused: sym(43), watchlist }, undefined, real);
    expect(plan.registrations).toHaveLength(40);
    expect(plan.registrations[0]!.kind).toBe('notice');
    expect(plan.registrations[1]!.symbol).toBe(sym(44)); // the holding outranks the watchlist
    expect(plan.registrations.slice(2, 4).map((r) => r.kind)).toEqual(['trade', 'book']);
    expect(plan.overCap.map((r) => r.symbol)).toEqual([sym(36), sym(37), sym(38), sym(39), sym(40), sym(41), sym(42)]);
    expect(plan.overCap.length + plan.registrations.length).toBe(47);
  });

  it('skips keys the server refused for good, so they take no slot', () => {
    const watchlist = Array.from({ length: 41 }, (_, i) => sym(i));
    const plan = planRegistrations({ ...none, watchlist }, undefined, { ...real, isInvalid: (k) => k === `H0STCNT0|${sym(0)}` });
    expect(plan.registrations).toHaveLength(40);
    expect(plan.registrations[0]!.symbol).toBe(sym(1));
    expect(plan.overCap).toHaveLength(0);
  });

  it('reports symbols that are not codes instead of sending them', () => {
    const plan = planRegistrations({ ...none, watchlist: ['005930', '', 'abc', '00593😀', 'Q500001'] }, undefined, real);
    expect(plan.registrations.map((r) => r.trKey)).toEqual(['005930', 'Q500001']);
    expect(plan.invalidSymbols).toEqual(['', 'abc', '00593😀']);
  });

  it('needs an HTS ID for the notice subscription', () => {
    expect(planRegistrations({ ...none, pinnedNotices: true }, undefined, { ...real, htsId: '' }).registrations).toHaveLength(0);
  });
});

describe('nextStep', () => {
  const plan = (n: number): Registration[] =>
    planRegistrations({ ...none, pinnedNotices: true, watchlist: Array.from({ length: n }, (_, i) => sym(i)) }, undefined, real).registrations;
  const activeOf = (regs: Registration[]) => new Map(regs.map((r) => [r.key, r]));

  it('subscribes in priority order', () => {
    const p = plan(3);
    expect(nextStep(p, new Map(), 40, () => false)).toEqual({ op: 'subscribe', reg: p[0] });
    expect(nextStep(p, activeOf(p.slice(0, 2)), 40, () => false)).toEqual({ op: 'subscribe', reg: p[2] });
    expect(nextStep(p, activeOf(p), 40, () => false)).toBeNull();
  });

  it('unsubscribes what is no longer wanted, least important first, before any subscribe', () => {
    const old = plan(5);
    const now = [old[0]!, ...plan(0)];
    const step = nextStep(now, activeOf(old), 40, () => false);
    expect(step).toEqual({ op: 'unsubscribe', reg: old[old.length - 1] });
  });

  it('never subscribes past the cap, even when the plan is longer', () => {
    const p = plan(10);
    expect(nextStep(p, activeOf(p.slice(0, 5)), 5, () => false)).toBeNull();
  });

  it('skips registrations that failed in this session', () => {
    const p = plan(2);
    expect(nextStep(p, new Map(), 40, (k) => k === p[0]!.key)).toEqual({ op: 'subscribe', reg: p[1] });
  });

  it('replaying the steps never holds more than the cap and ends at the plan', () => {
    // Start full with a watchlist, then a higher-priority set arrives: evictions must precede additions.
    const before = planRegistrations({ ...none, pinnedNotices: true, watchlist: Array.from({ length: 50 }, (_, i) => sym(i)) }, undefined, real).registrations;
    const after = planRegistrations(
      { ...none, pinnedNotices: true, holdings: [sym(90), sym(91)], focused: sym(92), watchlist: Array.from({ length: 50 }, (_, i) => sym(i)) },
      undefined,
      real,
    ).registrations;
    const active = activeOf(before);
    let max = active.size;
    for (let guard = 0; guard < 200; guard++) {
      const step = nextStep(after, active, 40, () => false);
      if (!step) break;
      if (step.op === 'subscribe') active.set(step.reg.key, step.reg);
      else active.delete(step.reg.key);
      max = Math.max(max, active.size);
    }
    expect(max).toBe(40);
    expect([...active.keys()].sort()).toEqual(after.map((r) => r.key).sort());
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    const noJitter = { ...DEFAULT_BACKOFF, jitter: 0 };
    expect(Array.from({ length: 9 }, (_, i) => backoffDelay(i, noJitter, Math.random))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
    expect(backoffDelay(1000, noJitter, Math.random)).toBe(60000);
  });

  it('stays within [d·(1−jitter), d] for every attempt and random value', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(60_000, 1000 * 2 ** attempt);
      for (const r of [0, 0.25, 0.5, 0.999999]) {
        const d = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.8));
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('jitter actually spreads delays', () => {
    const values = new Set([0, 0.3, 0.6, 0.9].map((r) => backoffDelay(3, DEFAULT_BACKOFF, () => r)));
    expect(values.size).toBe(4);
  });

  it('honours configured bounds (tests lower them)', () => {
    const fast = { initialMs: 10, maxMs: 50, jitter: 0 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, fast, Math.random))).toEqual([10, 20, 40, 50, 50]);
  });
});
