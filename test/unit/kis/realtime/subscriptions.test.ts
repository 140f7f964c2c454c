/**
 * SubscriptionManager decision logic (OPSP handling, pacing, eviction order) with a scripted ack source.
 * The wire itself is exercised against the simulator in test/integration/kis/realtime.
 */
import { describe, expect, it } from 'vitest';
import type { AckMessage } from '../../../../src/main/kis/realtime/control';
import type { DesiredStreams } from '../../../../src/main/kis/realtime/plan';
import { SessionEndedError } from '../../../../src/main/kis/realtime/session';
import { SubscriptionManager, type AckingSession, type SubscriptionEvent } from '../../../../src/main/kis/realtime/subscriptions';
import { createLogger, type LogRecord } from '../../../../src/main/log';

interface Sent {
  trType: '1' | '2';
  trId: string;
  trKey: string;
  at: number;
}

/** Answers every request from `script` (by trKey, consumed in order), else success. Tracks what the "server" holds. */
class ScriptedSession implements AckingSession {
  isOpen = true;
  readonly sent: Sent[] = [];
  readonly held = new Set<string>();
  maxHeld = 0;
  constructor(
    private readonly now: () => number,
    private readonly script: Record<string, string[]> = {},
    private readonly limit = 41,
  ) {}
  async request(trType: '1' | '2', trId: string, trKey: string): Promise<AckMessage> {
    if (!this.isOpen) throw new SessionEndedError({ reason: 'stopped' });
    this.sent.push({ trType, trId, trKey, at: this.now() });
    const key = `${trId}|${trKey}`;
    const scripted = this.script[trKey]?.shift();
    const ack = (rtCd: string, msgCd: string): AckMessage => ({ type: 'ack', trId, trKey, rtCd, msgCd, msg1: '' });
    if (scripted) return ack('1', scripted);
    if (trType === '2') {
      const had = this.held.delete(key);
      return had ? ack('0', 'OPSP0001') : ack('1', 'OPSP0003');
    }
    if (this.held.has(key)) return ack('1', 'OPSP0002');
    if (this.held.size >= this.limit) return ack('1', 'OPSP0008');
    this.held.add(key);
    this.maxHeld = Math.max(this.maxHeld, this.held.size);
    return ack('0', 'OPSP0000');
  }
}

function harness(options: { cap?: number; intervalMs?: number } = {}) {
  let t = 0;
  const sleeps: number[] = [];
  const events: SubscriptionEvent[] = [];
  const logs: LogRecord[] = [];
  const manager = new SubscriptionManager({
    paper: false,
    htsId: 'trader01',
    cap: options.cap ?? 40,
    intervalMs: options.intervalMs ?? 100,
    retryDelayMs: 1000,
    clock: { now: () => t },
    logger: createLogger((r) => logs.push(r), 'test', 'debug'),
    // Virtual time: sleeping advances the clock, so pacing is checked exactly and the test takes no time.
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    onEvent: (e) => events.push(e),
    onSubscribed: () => {},
  });
  return { manager, sleeps, events, logs, now: () => t };
}

const want = (watchlist: string[], extra: Partial<DesiredStreams> = {}): DesiredStreams => ({
  pinnedNotices: false,
  holdings: [],
  openOrders: [],
  focused: null,
  watchlist,
  ...extra,
});

describe('SubscriptionManager', () => {
  it('sends one request at a time, at least the interval apart, in priority order', async () => {
    const h = harness();
    const s = new ScriptedSession(h.now);
    h.manager.setDesired(want(['000660', '035720'], { pinnedNotices: true, focused: '005930' }));
    await h.manager.attach(s, 'approval');
    expect(s.sent.map((x) => `${x.trId}|${x.trKey}`)).toEqual([
      'H0STCNI0|trader01',
      'H0STCNT0|005930',
      'H0STASP0|005930',
      'H0STCNT0|000660',
      'H0STCNT0|035720',
    ]);
    for (let i = 1; i < s.sent.length; i++) expect(s.sent[i]!.at - s.sent[i - 1]!.at).toBeGreaterThanOrEqual(100);
  });

  it('OPSP0007 and OPSP0009 are retried once after the retry delay, then given up for the session', async () => {
    const h = harness();
    const s = new ScriptedSession(h.now, { '005930': ['OPSP0007'], '000660': ['OPSP0009', 'OPSP0009'] });
    h.manager.setDesired(want(['005930', '000660']));
    await h.manager.attach(s, 'k');
    expect(s.sent.filter((x) => x.trKey === '005930')).toHaveLength(2);
    expect(s.sent.filter((x) => x.trKey === '000660')).toHaveLength(2);
    expect(h.sleeps).toContain(1000);
    expect(h.manager.activeRegistrations().map((r) => r.symbol)).toEqual(['005930']);
    expect(h.events.find((e) => e.symbol === '000660' && e.status === 'failed')?.msgCd).toBe('OPSP0009');
    // A new session starts fresh: the failed one is tried again.
    const s2 = new ScriptedSession(h.now);
    await h.manager.attach(s2, 'k');
    expect(h.manager.activeRegistrations().map((r) => r.symbol)).toEqual(['005930', '000660']);
  });

  it('OPSP0002 (already subscribed) counts as active', async () => {
    const h = harness();
    const s = new ScriptedSession(h.now, { '005930': ['OPSP0002'] });
    h.manager.setDesired(want(['005930']));
    await h.manager.attach(s, 'k');
    expect(h.manager.activeRegistrations()).toHaveLength(1);
    expect(s.sent).toHaveLength(1);
  });

  it('OPSP8991/8992 mark the registration invalid for good and free its slot for the next one', async () => {
    const h = harness({ cap: 2 });
    const s = new ScriptedSession(h.now, { '005930': ['OPSP8992'] });
    h.manager.setDesired(want(['005930', '000660', '035720']));
    await h.manager.attach(s, 'k');
    expect(h.manager.activeRegistrations().map((r) => r.symbol)).toEqual(['000660', '035720']);
    expect(h.events.find((e) => e.symbol === '005930')?.status).toBe('invalid');
    expect(h.logs.some((l) => l.level === 'warn' && l.message.includes('invalid'))).toBe(true);
    const s2 = new ScriptedSession(h.now);
    await h.manager.attach(s2, 'k');
    expect(s2.sent.some((x) => x.trKey === '005930')).toBe(false);
  });

  it('OPSP0008 lowers the cap to what the server holds and evicts the least important for a more important one', async () => {
    const h = harness();
    const s = new ScriptedSession(h.now, {}, 3);
    h.manager.setDesired(want(['000001', '000002', '000003', '000004', '000005']));
    await h.manager.attach(s, 'k');
    expect(h.manager.activeRegistrations().map((r) => r.symbol)).toEqual(['000001', '000002', '000003']);
    expect(s.sent.filter((x) => x.trKey === '000004')).toHaveLength(1); // refused once, not hammered
    h.manager.setDesired(want(['000001', '000002', '000003', '000004', '000005'], { holdings: ['000009'] }));
    await h.manager.whenIdle();
    expect(h.manager.activeRegistrations().map((r) => r.symbol)).toEqual(['000009', '000001', '000002']);
    const tail = s.sent.slice(-2).map((x) => `${x.trType}${x.trKey}`);
    expect(tail).toEqual(['2000003', '1000009']); // evict first, then subscribe: never over the limit
    expect(s.maxHeld).toBe(3);
  });

  it('never holds more than the cap while switching from one full set to another', async () => {
    const h = harness({ cap: 10, intervalMs: 1 });
    const s = new ScriptedSession(h.now, {}, 10);
    const a = Array.from({ length: 15 }, (_, i) => String(100000 + i));
    const b = Array.from({ length: 15 }, (_, i) => String(200000 + i));
    h.manager.setDesired(want(a));
    await h.manager.attach(s, 'k');
    h.manager.setDesired(want(b, { holdings: [a[0]!] }));
    await h.manager.whenIdle();
    expect(s.maxHeld).toBe(10);
    expect(h.manager.activeRegistrations().map((r) => r.symbol)).toEqual([a[0], ...b.slice(0, 9)]);
    expect(s.sent.some((x) => x.trType === '1' && x.trKey === b[9])).toBe(false); // the 11th desire is never sent
  });

  it('stops quietly when the session ends mid-request', async () => {
    const h = harness();
    const s = new ScriptedSession(h.now);
    const orig = s.request.bind(s);
    let calls = 0;
    s.request = async (...args) => {
      if (++calls === 2) {
        s.isOpen = false;
        throw new SessionEndedError({ reason: 'heartbeat' });
      }
      return orig(...args);
    };
    h.manager.setDesired(want(['005930', '000660', '035720']));
    await h.manager.attach(s, 'k');
    expect(calls).toBe(2);
  });

  it('never logs the HTS ID (the notice tr_key)', async () => {
    const h = harness();
    const s = new ScriptedSession(h.now, { trader01: ['OPSP9999'] });
    h.manager.setDesired(want([], { pinnedNotices: true }));
    await h.manager.attach(s, 'k');
    expect(h.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(h.logs).includes('trader01')).toBe(false);
    expect(h.events[0]).toMatchObject({ trId: 'H0STCNI0', symbol: null, status: 'failed', msgCd: 'OPSP9999' });
  });
});
