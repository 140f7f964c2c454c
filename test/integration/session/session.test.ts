/**
 * The session module inside a real core: demo against the in-process simulator, switching environments,
 * credentials in the real OS keychain (never readable back, never in logs or the database), arming, and
 * settings persisted across a restart.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnState } from '../../../src/shared/ipc/domains/app';
import { ARM_PHRASE, type EnvStatus } from '../../../src/shared/ipc/domains/session';
import type { Settings } from '../../../src/shared/settings/schema';
import { startSimulator } from '../../../src/sim/index';
import type { SimHandle } from '../../../src/sim/handle';
import { profileFileFor } from '../../../src/main/session/profile';
import { MONDAY_10AM, startCore, tempDir, value, type TestCore } from './helpers';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function core(o: Parameters<typeof startCore>[0]): Promise<TestCore> {
  const t = await startCore(o);
  cleanups.push(() => t.core.stop());
  return t;
}

/** Every file under a folder, recursively (the SQLite files and their -wal sidecars). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A paper-personality simulator standing in for the KIS paper hosts. */
async function paperSim(): Promise<SimHandle> {
  const sim = await startSimulator({ personality: 'paper', clock: { start: MONDAY_10AM, speed: 0 } });
  cleanups.push(() => sim.close());
  return sim;
}
const paperHost = (sim: SimHandle) => ({ kind: 'paper' as const, restBase: sim.rest, wsUrl: sim.ws, paper: true });
/** Nothing listens there: master-file downloads fail at once instead of reaching the internet. */
const NO_MASTER = 'http://127.0.0.1:9/common/master';

describe('session module', () => {
  it('first start is demo: the in-process simulator comes up and conn:state reaches connected', async () => {
    const t = await core({ dataDir: tempDir(cleanups) });
    const session = await t.session.ready();
    expect(session.environment).toBe('demo');
    expect(session.sim).not.toBeNull();
    await t.waitFor('connected', () => t.eventsOf<ConnState>('conn:state').some((s) => s.connection === 'connected'));
    const states = t.eventsOf<ConnState>('conn:state').map((s) => s.connection);
    expect(states.indexOf('connecting')).toBeLessThan(states.indexOf('connected'));
    expect(value(await t.call<ConnState>('app:connection'))).toMatchObject({ environment: 'demo', connection: 'connected' });
    const status = value(await t.call<EnvStatus>('env:status'));
    expect(status).toMatchObject({ environment: 'demo', armed: true, problem: null });
    expect(value(await t.call<{ environment: string }>('app:info')).environment).toBe('demo');
    // The notice subscription is held on the simulator for the demo HTS ID.
    await t.waitFor('notice registration', () => session.realtime.activeRegistrations().some((r) => r.kind === 'notice'));
    expect(session.sim!.stats.wsSessions()).toBe(1);
    // noteSync shows in conn:state.
    t.session.noteSync(Date.parse(MONDAY_10AM) + 5000);
    expect(value(await t.call<ConnState>('app:connection')).lastSyncAt).toBe(Date.parse(MONDAY_10AM) + 5000);
  });

  it('conn:state follows the realtime client through a dropped socket and shows the rate headroom', async () => {
    const t = await core({ dataDir: tempDir(cleanups) });
    const session = await t.session.ready();
    const sim = session.sim!;
    const conn = () => t.eventsOf<ConnState>('conn:state');
    await t.waitFor('connected + notice', () => session.realtime.activeRegistrations().some((r) => r.kind === 'notice'));
    await t.waitFor('headroom sampled', () => conn().some((s) => s.rateHeadroom !== null), 3000);
    const seen = conn().length;
    // The simulator cuts every socket without a close frame as soon as its clock reaches atMs (now).
    sim.knobs.set({ wsDrop: { atMs: sim.clock.now(), withClose: false } });
    await t.waitFor('reconnected', () => {
      const after = conn().slice(seen).map((s) => s.connection);
      return after.includes('reconnecting') && after.at(-1) === 'connected';
    });
    const reconnecting = conn().slice(seen).find((s) => s.connection === 'reconnecting')!;
    expect(reconnecting.message).toMatch(/재연결.*Reconnecting/);
    expect(reconnecting.environment).toBe('demo');
  });

  it('env:switch demo → paper without credentials: a clear problem, no session, no crash; back to demo works', async () => {
    const t = await core({ dataDir: tempDir(cleanups), session: { masterBaseUrl: NO_MASTER } });
    const demo = await t.session.ready();
    const changes: Array<string | null> = [];
    t.session.onChange((s) => changes.push(s ? s.environment : null));
    await value(await t.call('credentials:clear', { environment: 'paper' }));

    const status = value(await t.call<EnvStatus>('env:switch', { environment: 'paper' }));
    expect(status.environment).toBe('paper');
    expect(status.problem).toMatch(/모의투자 API 키가 없습니다/);
    expect(status.problem).toMatch(/No paper-trading API credentials/);
    expect(t.session.current()).toBeNull();
    await expect(t.session.ready()).rejects.toThrow(/credentials/);
    expect(changes).toEqual([null]);
    const conn = value(await t.call<ConnState>('app:connection'));
    expect(conn).toMatchObject({ environment: 'paper', connection: 'disconnected' });
    expect(conn.message).toMatch(/모의투자/);
    expect(t.eventsOf<EnvStatus>('env:changed').at(-1)).toEqual(status);
    // The demo simulator was torn down with its session.
    await expect(fetch(`${demo.sim!.rest}/__sim/state`)).rejects.toThrow();
    const health = value(await t.call<{ ok: boolean; checks: Array<{ name: string; ok: boolean; detail?: string }> }>('app:health'));
    expect(health.checks.find((c) => c.name === 'session')).toMatchObject({ ok: false });

    const back = value(await t.call<EnvStatus>('env:switch', { environment: 'demo' }));
    expect(back).toMatchObject({ environment: 'demo', problem: null });
    expect((await t.session.ready()).environment).toBe('demo');
    expect(changes).toEqual([null, 'demo']);
  });

  it('credentials:set → present + masked only; the secret is nowhere in the status, the logs or the database files', async () => {
    const sim = await paperSim();
    const dataDir = tempDir(cleanups);
    const t = await core({ dataDir, session: { hosts: { paper: paperHost(sim) }, masterBaseUrl: NO_MASTER } });
    await t.session.ready();
    cleanups.push(() => t.call('credentials:clear', { environment: 'paper' }));
    const input = { environment: 'paper', appkey: sim.appkey, appsecret: sim.appsecret, account: sim.account, htsId: sim.htsId };
    const status = value(await t.call<EnvStatus>('credentials:set', input));
    const masked = `${sim.account.slice(0, 4)}****-${sim.account.slice(9)}`;
    expect(status.credentials.paper).toEqual({ present: true, accountMasked: masked });
    expect(status.environment).toBe('demo'); // saving paper keys does not switch

    // Switch to paper: a live session against the paper host with those keys.
    const paper = value(await t.call<EnvStatus>('env:switch', { environment: 'paper' }));
    expect(paper).toMatchObject({ environment: 'paper', problem: null, armed: true });
    const session = await t.session.ready();
    expect(session.paper).toBe(true);
    expect(session.account.masked).toBe(masked);
    expect((await session.rest.inquirePrice('005930')).last).toBe(sim.exchange.quote('005930', 'KRX')!.last);
    await t.waitFor('paper connected', () => t.core.context.latest('conn:state')?.connection === 'connected');
    session.store.writer.setSetting('probe', 'x'); // make sure the WAL/db holds writes from this session

    const secrets = [sim.appkey, sim.appsecret, sim.account, sim.account.replace('-', ''), sim.htsId];
    const seen = JSON.stringify([status, paper, value(await t.call('env:status')), t.events]);
    for (const s of secrets) expect(seen).not.toContain(s);
    for (const s of secrets) expect(t.logText()).not.toContain(s);
    await t.core.stop();
    const files = filesUnder(dataDir).filter((f) => /aegis\.sqlite3/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(2); // the profile and the paper mirror
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const s of secrets) {
        expect(bytes.includes(Buffer.from(s, 'utf8')), `${s.length}-char secret in ${f}`).toBe(false);
      }
    }
  });

  it('credentials:clear removes them: the live environment loses its session and says why', async () => {
    const sim = await paperSim();
    const t = await core({ dataDir: tempDir(cleanups), session: { hosts: { paper: paperHost(sim) }, masterBaseUrl: NO_MASTER } });
    await t.session.ready();
    value(await t.call('credentials:set', { environment: 'paper', appkey: sim.appkey, appsecret: sim.appsecret, account: sim.account, htsId: sim.htsId }));
    value(await t.call('env:switch', { environment: 'paper' }));
    expect((await t.session.ready()).environment).toBe('paper');
    const cleared = value(await t.call<EnvStatus>('credentials:clear', { environment: 'paper' }));
    expect(cleared.credentials.paper).toEqual({ present: false, accountMasked: null });
    expect(cleared.problem).toMatch(/모의투자 API 키가 없습니다/);
    expect(t.session.current()).toBeNull();
  });

  it('trading:arm: wrong phrase refused; the right phrase arms real only, for this run of the session', async () => {
    const t = await core({ dataDir: tempDir(cleanups), session: { masterBaseUrl: NO_MASTER } });
    await t.session.ready();
    const inDemo = await t.call('trading:arm', { confirm: ARM_PHRASE });
    expect(inDemo).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(t.session.armed()).toBe(true); // demo is always armed

    await t.call('credentials:clear', { environment: 'real' });
    const real = value(await t.call<EnvStatus>('env:switch', { environment: 'real' }));
    expect(real).toMatchObject({ environment: 'real', armed: false });
    expect(t.session.armed()).toBe(false);
    const wrong = await t.call('trading:arm', { confirm: '실전 주문' });
    expect(wrong).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!wrong.ok) expect(wrong.messageEn).toMatch(/phrase/);
    expect(t.session.armed()).toBe(false);

    const armed = value(await t.call<EnvStatus>('trading:arm', { confirm: ARM_PHRASE }));
    expect(armed.armed).toBe(true);
    expect(t.session.armed()).toBe(true);
    expect(t.eventsOf<EnvStatus>('env:changed').at(-1)?.armed).toBe(true);
    expect(value(await t.call<EnvStatus>('trading:disarm')).armed).toBe(false);
    value(await t.call('trading:arm', { confirm: ARM_PHRASE }));

    // Leaving real disarms: coming back needs the phrase again.
    value(await t.call('env:switch', { environment: 'demo' }));
    value(await t.call('env:switch', { environment: 'real' }));
    expect(t.session.armed()).toBe(false);
    value(await t.call('env:switch', { environment: 'demo' }));
  });

  it('settings: an invalid change names the field and changes nothing; a valid one is emitted and survives a restart', async () => {
    const dataDir = tempDir(cleanups);
    const t = await core({ dataDir, session: { masterBaseUrl: NO_MASTER } });
    const before = value(await t.call<Settings>('settings:get'));

    const schemaBad = await t.call('settings:set', { patch: { risk: { maxOrderQty: 0 } } });
    expect(schemaBad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    if (!schemaBad.ok) {
      expect(schemaBad.message).toContain('maxOrderQty');
      expect(schemaBad.messageEn).toContain('maxOrderQty');
    }
    // Valid per field, invalid as a whole: two actions on one key.
    const clash = await t.call('settings:set', { patch: { hotkeys: { buyAtBest: 'F2' } } });
    expect(clash).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    if (!clash.ok) {
      expect(clash.message).toMatch(/hotkeys\.\w+ 항목/);
      expect(clash.messageEn).toMatch(/hotkeys\.\w+/);
    }
    expect(value(await t.call<Settings>('settings:get'))).toEqual(before);
    expect(t.eventsOf('settings:changed')).toEqual([]);

    const changed = value(await t.call<Settings>('settings:set', { patch: { language: 'en', risk: { maxOrderQty: 77 } } }));
    expect(changed.language).toBe('en');
    expect(changed.risk.maxOrderQty).toBe(77);
    expect(changed.risk.maxOrderValue).toBe(before.risk.maxOrderValue); // a partial patch keeps the rest
    expect(t.eventsOf<Settings>('settings:changed')).toEqual([changed]);
    expect(t.session.settings()).toEqual(changed);
    value(await t.call('env:switch', { environment: 'paper' })); // remembered too
    await t.core.stop();

    const again = await core({ dataDir, session: { masterBaseUrl: NO_MASTER } });
    expect(value(await again.call<Settings>('settings:get'))).toEqual(changed);
    await again.waitFor('first status', () => again.eventsOf('env:changed').length > 0);
    expect(value(await again.call<EnvStatus>('env:status')).environment).toBe('paper');
    expect(value(await again.call<{ environment: string }>('app:info')).environment).toBe('paper');
  });

  it('a profile file that is not ours: demo still runs on default settings, health says why, the file is left alone', async () => {
    const dataDir = tempDir(cleanups);
    const file = profileFileFor(dataDir);
    mkdirSync(join(file, '..'), { recursive: true });
    const junk = Buffer.from('this is not a database, and must stay exactly like this '.repeat(4));
    writeFileSync(file, junk);
    const t = await core({ dataDir });
    expect((await t.session.ready()).environment).toBe('demo');
    const health = value(await t.call<{ ok: boolean; checks: Array<{ name: string; ok: boolean; detail?: string }> }>('app:health'));
    expect(health.checks.find((c) => c.name === 'profile')).toMatchObject({ ok: false });
    expect(await t.call('settings:set', { patch: { language: 'en' } })).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(value(await t.call<Settings>('settings:get')).language).toBe('ko');
    expect(readFileSync(file).equals(junk)).toBe(true);
  });
});
