/**
 * Token and approval key against the simulator with the REAL OS keychain: one issuance across restarts,
 * EGW00133 answered by waiting, EGW00123 by one renewal, approval key cached and replaceable.
 */
import { describe, expect, it } from 'vitest';
import { createKisAuth, demoEnvironment, KisCredentialsError, KisTokenExpiredError } from '../../../src/main/kis';
import { captureLogs, clientFor, keychain, rejectionOf, simSleeper, startSim } from './helpers';

describe('access token', () => {
  it('survives a restart: two client instances on the same keychain issue one token', async () => {
    const sim = await startSim();
    try {
      const first = await clientFor(sim);
      await first.inquirePrice('005930');
      await first.close();
      sim.clock.advance(10 * 60_000); // ten minutes later, the app starts again
      const second = await clientFor(sim);
      await second.inquirePrice('005930');
      await second.inquireBalance();
      await second.close();
      expect(sim.stats.tokenIssuances()).toBe(1);
      expect(sim.stats.tokenRequests()).toBe(1); // the second instance did not even ask
    } finally {
      await sim.close();
    }
  });

  it('concurrent first calls share one issuance (single-flight)', async () => {
    const sim = await startSim();
    try {
      const kis = await clientFor(sim);
      await Promise.all([kis.inquirePrice('005930'), kis.inquirePrice('000660'), kis.inquireBalance(), kis.inquirePsblOrder()]);
      expect(sim.stats.tokenRequests()).toBe(1);
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it('an order refused with EGW00123 is sent again after the renewal and booked exactly once', async () => {
    const sim = await startSim();
    try {
      const kis = await clientFor(sim, { sleep: simSleeper(sim).sleep });
      await kis.inquirePrice('005930');
      sim.clock.advance(3600_000);
      sim.knobs.set({ forceTokenExpiredCalls: 1 });
      const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 2, price: 60_000 });
      expect(sim.stats.requests('TTTC0012U')).toBe(2); // the gateway refused the first before the exchange saw it
      expect(sim.stats.orderRequests()).toBe(1);
      expect(sim.ledger().orders.map((o) => o.orderNo)).toEqual([ack.orderNo]);
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it('renews when less than 1 h remains before access_token_token_expired', async () => {
    const sim = await startSim();
    try {
      const kis = await clientFor(sim);
      await kis.inquirePrice('005930');
      const expiry = kis.auth.tokens.expiresAt()!;
      expect(expiry - sim.clock.now()).toBe(24 * 3600_000);
      sim.clock.advance(23 * 3600_000 + 60_000); // 59 min left
      await kis.inquirePrice('005930');
      expect(sim.stats.tokenIssuances()).toBe(2);
      expect(kis.auth.tokens.expiresAt()!).toBeGreaterThan(expiry);
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it('EGW00133 (issued elsewhere less than 60 s ago) is waited out, then the call succeeds', async () => {
    const sim = await startSim();
    try {
      // Another instance without our keychain entry issued a token a moment ago.
      const other = createKisAuth({ env: demoEnvironment(sim), credentials: { appkey: sim.appkey, appsecret: sim.appsecret }, keychain: null, clock: sim.clock });
      await other.tokens.get();
      await other.close();
      sim.clock.advance(5_000);
      const sleeper = simSleeper(sim);
      const kis = await clientFor(sim, { keychain: null, sleep: sleeper.sleep });
      const quote = await kis.inquirePrice('005930');
      expect(quote.last).toBeGreaterThan(0);
      expect(sleeper.waits).toHaveLength(1);
      expect(sleeper.waits[0]).toBeGreaterThanOrEqual(60_000); // unknown issuance time: assume "just now", wait a full minute
      expect(sim.stats.tokenIssuances()).toBe(1); // the retry got the same token back (6-h reuse)
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it('a persisted last-issuance time makes a restarted client wait only the remainder of the minute', async () => {
    const sim = await startSim();
    try {
      const first = await clientFor(sim);
      await first.inquirePrice('005930');
      await first.close();
      sim.clock.advance(20_000);
      sim.knobs.set({ forceTokenExpiredCalls: 1 });
      const sleeper = simSleeper(sim);
      const second = await clientFor(sim, { sleep: sleeper.sleep });
      await second.inquirePrice('005930'); // EGW00123 → renew: must wait ~41 s, not fail with EGW00133
      expect(sleeper.waits).toHaveLength(1);
      expect(sleeper.waits[0]).toBeGreaterThan(39_000);
      expect(sleeper.waits[0]).toBeLessThan(42_000);
      expect(sim.stats.tokenRequests()).toBe(2);
      await second.close();
    } finally {
      await sim.close();
    }
  });

  it('EGW00123 once: one renewal, the call is retried once and succeeds', async () => {
    const sim = await startSim();
    try {
      const sleeper = simSleeper(sim);
      const kis = await clientFor(sim, { sleep: sleeper.sleep });
      await kis.inquirePrice('005930');
      sim.clock.advance(2 * 3600_000);
      sim.knobs.set({ forceTokenExpiredCalls: 1 });
      const before = sim.stats.requests('FHKST01010100');
      const q = await kis.inquirePrice('005930');
      expect(q.last).toBeGreaterThan(0);
      expect(sim.stats.requests('FHKST01010100') - before).toBe(2);
      expect(sim.stats.tokenRequests()).toBe(2);
      expect(sleeper.waits).toHaveLength(0); // the last issuance was 2 h ago: no wait
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it('EGW00123 twice in a row: renew once, retry once, then surface token-expired', async () => {
    const sim = await startSim();
    try {
      const kis = await clientFor(sim, { sleep: simSleeper(sim).sleep });
      await kis.inquirePrice('005930');
      sim.clock.advance(3600_000);
      sim.knobs.set({ forceTokenExpiredCalls: 2 });
      const before = sim.stats.requests('FHKST01010100');
      const e = await rejectionOf(kis.inquirePrice('005930'));
      expect(e).toBeInstanceOf(KisTokenExpiredError);
      expect(e).toMatchObject({ msgCd: 'EGW00123' });
      expect(sim.stats.requests('FHKST01010100') - before).toBe(2);
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it('wrong credentials are a credentials error, not a retry loop', async () => {
    const sim = await startSim();
    try {
      const kis = await clientFor(sim, { credentials: { appkey: sim.appkey, appsecret: 'wrong-secret' }, keychain: null });
      const e = await rejectionOf(kis.inquirePrice('005930'));
      expect(e).toBeInstanceOf(KisCredentialsError);
      expect(sim.stats.tokenIssuances()).toBe(0);
      await kis.close();
    } finally {
      await sim.close();
    }
  });

  it.each([
    ['eleven days ahead of', 11 * 86_400_000],
    ['two days behind', -2 * 86_400_000],
  ])('a PC clock %s KIS: one issuance serves every call, expiry from expires_in, a warning logged', async (_label, offset) => {
    const sim = await startSim();
    try {
      const logs = captureLogs();
      const pcClock = { now: () => sim.clock.now() + offset };
      const kis = await clientFor(sim, { clock: pcClock, keychain: null, logger: logs.logger, sleep: simSleeper(sim).sleep });
      for (let i = 0; i < 5; i++) await kis.inquirePrice('005930');
      expect(sim.stats.tokenRequests()).toBe(1);
      expect(kis.auth.tokens.expiresAt()! - pcClock.now()).toBe(24 * 3600_000);
      expect(logs.records.some((r) => r.level === 'warn' && /clock disagrees with KIS/.test(r.message))).toBe(true);
      await kis.close();
    } finally {
      await sim.close();
    }
  });
});

describe('approval key', () => {
  it('is cached across instances and replaced after invalidate()', async () => {
    const sim = await startSim();
    try {
      const env = demoEnvironment(sim);
      const credentials = { appkey: sim.appkey, appsecret: sim.appsecret };
      const a = createKisAuth({ env, credentials, keychain: await keychain(), clock: sim.clock });
      const [k1, k2] = await Promise.all([a.approvalKeys.get(), a.approvalKeys.get()]); // single-flight
      expect(k1).toMatch(/^[0-9a-f-]{36}$/);
      expect(k2).toBe(k1);
      await a.close();
      const b = createKisAuth({ env, credentials, keychain: await keychain(), clock: sim.clock });
      expect(await b.approvalKeys.get()).toBe(k1);
      expect(sim.stats.approvalIssuances()).toBe(1);
      await b.approvalKeys.invalidate(k1); // OPSP0011
      const k3 = await b.approvalKeys.get();
      expect(k3).not.toBe(k1);
      expect(sim.stats.approvalIssuances()).toBe(2);
      sim.clock.advance(24 * 3600_000);
      const k4 = await b.approvalKeys.get(); // a day old: not reused
      expect(k4).not.toBe(k3);
      await b.close();
    } finally {
      await sim.close();
    }
  });
});
