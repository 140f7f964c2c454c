/**
 * Paper and real sessions (hosts pointed at simulators on loopback, credentials in the real keychain): the
 * instrument directory comes from the KIS master files — downloaded at most once a day into the data folder —
 * NXT eligibility from CTPF1002R on real, KRX only on paper.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kisInstrumentDirectory, masterDir } from '../../../src/main/market/instruments-kis';
import { marketModule } from '../../../src/main/market/module';
import { silentLogger } from '../../../src/main/log';
import type { EnvStatus } from '../../../src/shared/ipc/domains/session';
import type { InstrumentView, QuoteView } from '../../../src/shared/ipc/domains/market';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle } from '../../../src/sim/handle';
import { MONDAY_10AM, startCore, tempDir, value, type TestCore } from '../session/helpers';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sim(personality: 'paper' | 'real'): Promise<SimHandle> {
  const s = await startSimulator({ personality, clock: { start: MONDAY_10AM, speed: 0 } });
  cleanups.push(() => s.close());
  return s;
}

async function coreOn(environment: 'paper' | 'real', s: SimHandle): Promise<TestCore> {
  const t = await startCore({
    dataDir: tempDir(cleanups),
    clock: { now: () => s.clock.now() },
    session: { hosts: { [environment]: { kind: environment, restBase: s.rest, wsUrl: s.ws, paper: environment === 'paper' } }, masterBaseUrl: `${s.rest}/common/master` },
    extra: [marketModule],
  });
  cleanups.push(() => t.core.stop());
  await t.session.ready();
  cleanups.push(() => t.call('credentials:clear', { environment }));
  value(await t.call('credentials:set', { environment, appkey: s.appkey, appsecret: s.appsecret, account: s.account, htsId: s.htsId }));
  const status = value(await t.call<EnvStatus>('env:switch', { environment }));
  expect(status).toMatchObject({ environment, problem: null });
  return t;
}

/** The directory loads in the background after the switch: search until it answers. */
async function searchUntilLoaded(t: TestCore, query: string): Promise<InstrumentView[]> {
  const t0 = Date.now();
  for (;;) {
    const found = value(await t.call<InstrumentView[]>('symbols:search', { query, limit: 5 }));
    if (found.length > 0) return found;
    if (Date.now() - t0 > 8000) throw new Error(`no results for ${query}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('instrument directory from the KIS master files', () => {
  it('paper: search from the downloaded files, KRX only (NXT refused, focus streams KRX)', async () => {
    const s = await sim('paper');
    const t = await coreOn('paper', s);
    const hits = await searchUntilLoaded(t, '삼성');
    expect(hits[0]).toEqual({ symbol: '005930', name: '삼성전자', nameEn: '', market: 'KOSPI', etp: false, nxtEligible: false });
    expect((await searchUntilLoaded(t, 'ㅇㅋㅍㄹㅂㅇ'))[0]?.name).toBe('에코프로비엠');
    expect((await searchUntilLoaded(t, 'KODEX'))[0]).toMatchObject({ symbol: '069500', etp: true });
    expect(existsSync(join(masterDir(t.core.context.dataDir), 'kospi_code.mst'))).toBe(true);
    expect(existsSync(join(masterDir(t.core.context.dataDir), 'kosdaq_code.mst'))).toBe(true);

    expect(await t.call('market:quote', { symbol: '005930', venue: 'NXT' })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    const q = value(await t.call<QuoteView>('market:quote', { symbol: '005930', venue: 'KRX' }));
    expect(q.price).toBe(s.exchange.quote('005930', 'KRX')!.last);
    value(await t.call('market:focus', { symbol: '005930' }));
    const session = await t.session.ready();
    await t.waitFor('focused', () => session.realtime.activeRegistrations().filter((r) => r.symbol === '005930').length === 2);
    expect(session.realtime.activeRegistrations().every((r) => r.venue === null || r.venue === 'KRX')).toBe(true);
  });

  it('real: NXT eligibility from CTPF1002R when a symbol is first needed; focus then streams both venues', async () => {
    const s = await sim('real');
    const t = await coreOn('real', s);
    const before = (await searchUntilLoaded(t, '005930'))[0]!;
    expect(before.nxtEligible).toBe(false); // not looked up yet
    const calls = s.stats.requests('CTPF1002R');
    value(await t.call('market:focus', { symbol: '005930' }));
    expect(s.stats.requests('CTPF1002R')).toBe(calls + 1);
    expect((await searchUntilLoaded(t, '005930'))[0]!.nxtEligible).toBe(true);
    const session = await t.session.ready();
    await t.waitFor('both venues', () => session.realtime.activeRegistrations().filter((r) => r.symbol === '005930').length === 4);
    // KT&G does not trade on NXT: the lookup says so and the NXT quote is refused.
    expect(await t.call('market:quote', { symbol: '033780', venue: 'NXT' })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    // Cached for the day: focusing 005930 again costs no call (one each for 005930 and 033780 so far).
    value(await t.call('market:focus', { symbol: '005930' }));
    expect(s.stats.requests('CTPF1002R')).toBe(calls + 2);
  });

  it('downloads at most once a KST day; a failed download keeps yesterday’s files', async () => {
    const s = await sim('real');
    const dataDir = tempDir(cleanups);
    let now = Date.parse(MONDAY_10AM);
    let fetches = 0;
    let failing = false;
    const counting: typeof fetch = async (input, init) => {
      fetches++;
      if (failing) throw new Error('offline');
      return fetch(input, init);
    };
    const make = () =>
      kisInstrumentDirectory({ dataDir, clock: { now: () => now }, logger: silentLogger, paper: false, masterBaseUrl: `${s.rest}/common/master`, fetch: counting });
    const first = make();
    await first.load();
    expect(fetches).toBe(2);
    expect(first.lastLoad()).toMatchObject({ ok: true, downloaded: ['KOSPI', 'KOSDAQ'] });
    expect(first.size()).toBe(s.exchange.instruments().length);
    expect(first.search('hlb', 1)[0]?.symbol).toBe('028300');

    now += 6 * 3600_000; // same KST day, another app start
    const second = make();
    await second.load();
    expect(fetches).toBe(2);
    expect(second.size()).toBe(first.size());

    now += 24 * 3600_000; // next day, offline
    failing = true;
    const third = make();
    await third.load();
    expect(fetches).toBe(4);
    expect(third.lastLoad()).toMatchObject({ ok: false, downloaded: [] });
    expect(third.lastLoad()?.message).toMatch(/offline/);
    expect(third.size()).toBe(first.size()); // yesterday's files still serve search

    failing = false;
    const fourth = make();
    await fourth.load();
    expect(fetches).toBe(6);
    expect(fourth.lastLoad()).toMatchObject({ ok: true, downloaded: ['KOSPI', 'KOSDAQ'] });
  });
});
