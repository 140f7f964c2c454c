import { describe, expect, it } from 'vitest';
import { createSimClock, parseClockArg } from '../../../src/sim/clock';
import { DEFAULT_KNOBS, createKnobStore } from '../../../src/sim/server/knobs';
import { padMsg } from '../../../src/sim/server/messages';
import { decodeOffset, encodeCursor, pageOf, responseTrCont } from '../../../src/sim/server/paging';
import { SlidingWindowLimiter } from '../../../src/sim/server/rate-limiter';
import { digits, parseQuery, parseStringBody } from '../../../src/sim/server/request';
import { checkTr, routeForPath, orderSide } from '../../../src/sim/server/tr-table';
import { forcedRateLimit, latencyMs } from '../../../src/sim/server/faults';

describe('rate limiter', () => {
  it('allows N in a sliding second and refuses the N+1st until the oldest leaves the window', () => {
    const l = new SlidingWindowLimiter(1000);
    for (let i = 0; i < 18; i++) expect(l.allow('k', 18, 1000 + i)).toBe(true);
    expect(l.allow('k', 18, 1100)).toBe(false);
    expect(l.allow('other', 18, 1100)).toBe(true);
    expect(l.allow('k', 18, 1999)).toBe(false);
    expect(l.allow('k', 18, 2000)).toBe(true); // the request at 1000 left the window
  });
});

describe('TR table', () => {
  const cash = routeForPath('/uapi/domestic-stock/v1/trading/order-cash')!;
  const open = routeForPath('/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl')!;
  it('accepts new and deprecated IDs per personality', () => {
    expect(checkTr(cash, 'real', 'TTTC0012U', false)).toEqual({ ok: true, deprecated: false });
    expect(checkTr(cash, 'real', 'TTTC0802U', false)).toEqual({ ok: true, deprecated: true });
    expect(checkTr(cash, 'paper', 'VTTC0011U', false)).toEqual({ ok: true, deprecated: false });
    expect(checkTr(cash, 'paper', 'VTTC0801U', false)).toEqual({ ok: true, deprecated: true });
  });
  it('answers foreign TRs with EGW00206 on real and EGW00213 on paper', () => {
    expect(checkTr(cash, 'real', 'VTTC0012U', false)).toEqual({ ok: false, code: 'EGW00206' });
    expect(checkTr(cash, 'real', 'TTTN0802U', false)).toEqual({ ok: false, code: 'EGW00206' });
    expect(checkTr(cash, 'paper', 'TTTC0012U', false)).toEqual({ ok: false, code: 'EGW00213' });
    expect(checkTr(open, 'paper', 'TTTC0084R', false)).toEqual({ ok: false, code: 'EGW00213' });
    expect(checkTr(open, 'real', 'TTTC0084R', false)).toEqual({ ok: true, deprecated: false });
  });
  it('knob rejectDeprecatedTr turns old IDs into unknown TRs', () => {
    expect(checkTr(cash, 'real', 'TTTC0802U', true)).toEqual({ ok: false, code: 'EGW00206' });
    expect(checkTr(cash, 'paper', 'VTTC0802U', true)).toEqual({ ok: false, code: 'EGW00213' });
  });
  it('reads the side from the TR only', () => {
    expect(orderSide('TTTC0012U')).toBe('buy');
    expect(orderSide('VTTC0802U')).toBe('buy');
    expect(orderSide('TTTC0011U')).toBe('sell');
    expect(orderSide('TTTC0801U')).toBe('sell');
  });
});

describe('paging cursors', () => {
  it('encodes the offset in right-padded 100-char cursors, accepted trimmed or not', () => {
    const c = encodeCursor('50123456^01^N^20261123', 50);
    expect(c.fk).toHaveLength(100);
    expect(c.nk).toHaveLength(100);
    expect(c.fk.startsWith('50123456^01^N^20261123 ')).toBe(true);
    expect(decodeOffset('N', c.nk)).toBe(50);
    expect(decodeOffset('N', c.nk.trim())).toBe(50);
    expect(decodeOffset(' n ', c.nk)).toBe(50);
  });
  it('restarts at page 1 without tr_cont N or with garbage', () => {
    const c = encodeCursor('x', 50);
    expect(decodeOffset('', c.nk)).toBe(0);
    expect(decodeOffset(undefined, c.nk)).toBe(0);
    expect(decodeOffset('N', 'garbage')).toBe(0);
    expect(decodeOffset('N', '')).toBe(0);
  });
  it('says F/D on the first page and M/E on continuations', () => {
    expect(responseTrCont(false, true)).toBe('F');
    expect(responseTrCont(false, false)).toBe('D');
    expect(responseTrCont(true, true)).toBe('M');
    expect(responseTrCont(true, false)).toBe('E');
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 0, 50)).toMatchObject({ more: true, nextOffset: 50, continuation: false });
    expect(pageOf(rows, 100, 50)).toMatchObject({ rows: rows.slice(100), more: false, nextOffset: 120, continuation: true });
  });
});

describe('request parameters', () => {
  it('matches GET keys case-insensitively', () => {
    const q = parseQuery('?fid_cond_mrkt_div_code=J&FID_INPUT_ISCD=005930&Cano=1');
    expect(q.get('FID_COND_MRKT_DIV_CODE')).toBe('J');
    expect(q.str('fid_input_iscd')).toBe('005930');
    expect(q.str('CANO')).toBe('1');
    expect(q.str('MISSING')).toBe('');
  });
  it('requires string values in POST bodies (OPSQ2002 otherwise)', () => {
    const good = parseStringBody('{"ORD_QTY":"10","PDNO":"005930"}');
    expect(good.ok && good.params.get('ord_qty')).toBe('10');
    const bad = parseStringBody('{"ORD_QTY":10}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.field).toBe('ORD_QTY');
      expect(bad.reply).toEqual({ status: 200, body: { rt_cd: '1', msg_cd: 'OPSQ2002', msg1: 'INPUT INVALID_CHECK_FIELD_LENGTH' } });
    }
    expect(parseStringBody('[1]').ok).toBe(false);
    expect(parseStringBody('{').ok).toBe(false);
    expect(digits(' 0012 ')).toBe(12);
    expect(digits('1.5')).toBeNull();
    expect(digits('-1')).toBeNull();
  });
});

describe('msg1 padding', () => {
  it('right-pads to 80 cp949 bytes (Hangul counts two)', () => {
    const p = padMsg('조회가 완료되었습니다');
    expect(p.trimEnd()).toBe('조회가 완료되었습니다');
    const bytes = [...p].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x7f ? 2 : 1), 0);
    expect(bytes).toBe(80);
  });
});

describe('sim clock', () => {
  it('frozen virtual clock moves only by set/advance and announces each move', () => {
    let wall = 0;
    const c = createSimClock({ start: '2026-11-23T10:00:00+09:00', speed: 0 }, () => wall);
    const moves: number[] = [];
    c.onMove((n) => moves.push(n));
    const t0 = Date.parse('2026-11-23T01:00:00Z');
    expect(c.now()).toBe(t0);
    wall += 5000;
    expect(c.now()).toBe(t0);
    c.advance(1500);
    expect(c.now()).toBe(t0 + 1500);
    c.set('2026-11-23T15:35:00'); // no offset → KST
    expect(c.now()).toBe(Date.parse('2026-11-23T15:35:00+09:00'));
    expect(moves).toEqual([t0 + 1500, Date.parse('2026-11-23T06:35:00Z')]);
    expect(c.running()).toBe(false);
    expect(() => c.advance(-1)).toThrow();
  });
  it('running virtual clock follows the wall clock at its speed', () => {
    let wall = 1000;
    const c = createSimClock({ start: 0, speed: 10 }, () => wall);
    wall += 100;
    expect(c.now()).toBe(1000);
    expect(c.running()).toBe(true);
  });
  it('parses the CLI clock argument', () => {
    expect(parseClockArg('real')).toBe('real');
    expect(parseClockArg('virtual:2026-11-23T09:30:00+09:00x1')).toEqual({ start: '2026-11-23T09:30:00+09:00', speed: 1 });
    expect(parseClockArg('virtual:2026-11-23T09:30:00+09:00x0')).toEqual({ start: '2026-11-23T09:30:00+09:00', speed: 0 });
    expect(parseClockArg('virtual:2026-11-23T09:30:00+09:00')).toEqual({ start: '2026-11-23T09:30:00+09:00', speed: 1 });
    expect(() => parseClockArg('tomorrow')).toThrow();
  });
});

describe('knobs and request faults', () => {
  it('refuses unknown knob names and notifies changes', () => {
    expect(() => createKnobStore({ nope: 1 } as never)).toThrow(/nope/);
    const k = createKnobStore({ rateReal: 5 });
    const seen: string[][] = [];
    k.onChange((_v, changed) => seen.push(changed));
    k.set({ duplicateNotices: true });
    expect(k.get()).toMatchObject({ rateReal: 5, duplicateNotices: true, ratePaper: 1, wsMaxRegistrations: 41 });
    expect(seen).toEqual([['duplicateNotices']]);
  });
  it('scopes latency by TR, path or *, and storms by window or probability', () => {
    const knobs = { ...DEFAULT_KNOBS, latency: { TTTC0012U: { fixedMs: 40, jitterMs: 0 }, '*': { fixedMs: 5, jitterMs: 10 } } };
    expect(latencyMs(knobs, 'TTTC0012U', '/x', () => 0.5)).toBe(40);
    expect(latencyMs(knobs, 'FHKST01010100', '/x', () => 0.5)).toBe(10);
    expect(latencyMs(DEFAULT_KNOBS, 'FHKST01010100', '/x', () => 0.5)).toBe(0);
    const storm = { ...DEFAULT_KNOBS, rateLimitStorm: { untilMs: 1000, probability: 0, routes: ['TTTC0012U'] } };
    expect(forcedRateLimit(storm, 'TTTC0012U', '/p', 999, () => 0.99)).toBe(true);
    expect(forcedRateLimit(storm, 'TTTC0012U', '/p', 1000, () => 0.99)).toBe(false);
    expect(forcedRateLimit(storm, 'FHKST01010100', '/p', 999, () => 0.99)).toBe(false);
    const p = { ...DEFAULT_KNOBS, rateLimitStorm: { untilMs: 0, probability: 0.5, routes: [] } };
    expect(forcedRateLimit(p, 'X', '/p', 0, () => 0.4)).toBe(true);
    expect(forcedRateLimit(p, 'X', '/p', 0, () => 0.6)).toBe(false);
    expect(forcedRateLimit({ ...DEFAULT_KNOBS, spuriousRateLimitProb: 0.1 }, 'X', '/p', 0, () => 0.05)).toBe(true);
  });
});
