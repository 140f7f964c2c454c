/**
 * The session lifecycle behind SESSION: which environment is live, building and tearing down its
 * ActiveSession, arming, credentials status and conn:state. Every change of environment runs through one
 * queue, so a switch never overlaps another switch or a credentials change.
 */
import type { CoreContext } from '../core';
import type { EnvStatus } from '../../shared/ipc/domains/session';
import type { Environment } from '../../shared/ipc/schemas';
import { defaultSettings, type Settings, type SettingsPatch } from '../../shared/settings/schema';
import type { StartSimOptions } from '../../sim/handle';
import { PAPER_ENVIRONMENT, REAL_ENVIRONMENT, type KisEnvironment } from '../kis';
import { kisInstrumentDirectory, type KisInstrumentDirectory } from '../market/instruments-kis';
import { createCredentialStore, type CredentialStore } from '../secrets';
import { buildDemoSession, buildSession, closeSession, type SessionParts } from './build';
import { ConnStateTracker, connectionOf, headroomSampler } from './conn-state';
import { loadCredentials, missingCredentialsProblem, noCredentials, readCredentialsStatus, type CredentialsStatus } from './credentials';
import { demoStartTime } from './demo-clock';
import { openProfile, type Profile } from './profile';
import type { ActiveSession, SessionService } from './service';

export interface SessionOptions {
  /** Demo simulator options (tests: a frozen clock). Default: real personality, virtual clock at 1× (demoStartTime). */
  demoSim?: StartSimOptions;
  /** KIS hosts per environment; default kis-api.md §1. Tests point them at a simulator on loopback. */
  hosts?: Partial<Record<'paper' | 'real', KisEnvironment>>;
  /** Master-file download base (tests: a loopback server). */
  masterBaseUrl?: string;
  rest?: SessionParts['rest'];
  realtime?: SessionParts['realtime'];
}

const SWITCHING = '환경 전환 중입니다… / Switching environment…';
const HEADROOM_SAMPLE_MS = 1000;

export class SessionController implements SessionService {
  private env: Environment;
  private live: ActiveSession | null = null;
  private directory: KisInstrumentDirectory | null = null;
  private problem: string | null = null;
  private failed = false;
  private armedReal = false;
  private creds: CredentialsStatus = noCredentials();
  private profile: Profile | null = null;
  private profileProblem: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private stopped = false;
  private offSession: Array<() => void> = [];
  private headroomTimer: ReturnType<typeof setInterval> | null = null;
  private readonly changeListeners = new Set<(s: ActiveSession | null) => void>();
  private readonly settingsListeners = new Set<(s: Settings) => void>();
  private readonly streamListeners = new Set<() => void>();
  private readonly credentialStore: CredentialStore;
  private readonly conn: ConnStateTracker;
  private readonly log;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SessionOptions = {},
  ) {
    this.env = ctx.environment;
    this.log = ctx.logger.child('session');
    this.credentialStore = createCredentialStore(ctx.keychain);
    this.conn = new ConnStateTracker(this.env, (s) => ctx.emit('conn:state', s));
  }

  // ── lifecycle (module start/stop) ──

  /** Opens the profile now (cheap, local); the first session is built on the next turn of the event loop. */
  open(): void {
    try {
      this.profile = openProfile(this.ctx.dataDir, this.ctx.clock, this.log);
    } catch (err) {
      // A damaged or newer-version profile must not keep the trader from the market: run on defaults, say so.
      this.profileProblem = err instanceof Error ? err.message.slice(0, 500) : String(err);
      this.log.error('app profile unavailable; settings will not be saved', { error: this.profileProblem });
    }
    this.env = this.profile?.environment() ?? this.ctx.environment;
    this.conn.set({ environment: this.env });
    // Deferred so core.start() never waits for the network and emits nothing before the shell is up.
    this.enqueue(async () => {
      await new Promise((r) => setImmediate(r));
      if (this.stopped) return;
      this.creds = await readCredentialsStatus(this.credentialStore, this.log);
      await this.bringUp(this.env);
    });
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.queue.catch(() => undefined);
    await this.tearDown();
    this.profile?.close();
    this.profile = null;
  }

  // ── SessionService ──

  current = (): ActiveSession | null => this.live;

  async ready(): Promise<ActiveSession> {
    // A queued switch may be about to close the live session: wait for the queue before answering.
    while (this.pending > 0) await this.queue.catch(() => undefined);
    if (this.live) return this.live;
    throw new Error(this.problem ?? 'no session / 세션이 없습니다');
  }

  onChange(listener: (s: ActiveSession | null) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  status = (): EnvStatus => ({ environment: this.env, armed: this.armed(), credentials: this.creds, problem: this.problem });
  armed = (): boolean => this.env !== 'real' || this.armedReal;
  settings = (): Settings => this.profile?.settings() ?? defaultSettings();

  onSettings(listener: (s: Settings) => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  noteSync(at: number): void {
    if (Number.isFinite(at) && at > 0) this.conn.set({ lastSyncAt: Math.floor(at) });
  }

  refreshStreams(): void {
    for (const l of this.streamListeners) this.safely(() => l());
  }

  onRefreshStreams(listener: () => void): () => void {
    this.streamListeners.add(listener);
    return () => this.streamListeners.delete(listener);
  }

  // ── operations behind the channels ──

  /** Tears the live environment down and brings `target` up (a no-op when it is already live and healthy). */
  switchTo(target: Environment, force = false): Promise<EnvStatus> {
    return this.enqueue(async () => {
      if (!force && target === this.env && this.live && this.problem === null) return this.status();
      await this.bringUp(target);
      return this.status();
    });
  }

  /** After credentials changed: re-read the status; rebuild if they belong to the live environment. */
  credentialsChanged(env: 'paper' | 'real'): Promise<EnvStatus> {
    return this.enqueue(async () => {
      this.creds = await readCredentialsStatus(this.credentialStore, this.log);
      if (env === this.env) await this.bringUp(env);
      else this.emitStatus();
      return this.status();
    });
  }

  get credentials(): CredentialStore {
    return this.credentialStore;
  }

  arm(): EnvStatus {
    if (this.env === 'real' && !this.armedReal) {
      this.armedReal = true;
      this.log.warn('real trading armed for this run');
      this.emitStatus();
    }
    return this.status();
  }

  disarm(): EnvStatus {
    if (this.armedReal) {
      this.armedReal = false;
      this.emitStatus();
    }
    return this.status();
  }

  applySettings(patch: SettingsPatch): ReturnType<Profile['applySettings']> | null {
    if (!this.profile) return null;
    const r = this.profile.applySettings(patch);
    if (r.ok) {
      this.ctx.emit('settings:changed', r.settings);
      for (const l of this.settingsListeners) this.safely(() => l(r.settings));
    }
    return r;
  }

  health() {
    const checks = [{ name: 'session', ok: !this.failed, ...(this.problem ? { detail: this.problem.slice(0, 500) } : {}) }];
    if (this.profileProblem) checks.push({ name: 'profile', ok: false, detail: this.profileProblem });
    return checks;
  }

  // ── internals ──

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined).finally(() => this.pending--);
    return run;
  }

  private async bringUp(target: Environment): Promise<void> {
    await this.tearDown();
    if (this.stopped) return;
    if (target !== this.env) this.profile?.saveEnvironment(target);
    this.env = target;
    this.problem = SWITCHING;
    this.failed = false;
    this.conn.set({ environment: target, connection: 'connecting', message: null, lastSyncAt: null, rateHeadroom: null });
    this.emitStatus();
    try {
      const session = await this.build(target);
      if (this.stopped) {
        await closeSession(session);
        return;
      }
      this.live = session;
      this.problem = null;
      this.watch(session);
      for (const l of this.changeListeners) this.safely(() => l(session));
    } catch (err) {
      this.problem = err instanceof MissingCredentials ? err.message : describeFailure(err);
      this.failed = true;
      this.log.warn('environment could not start', { environment: target, problem: this.problem });
      this.conn.set({ connection: 'disconnected', message: this.problem });
    }
    this.emitStatus();
  }

  private async build(target: Environment): Promise<ActiveSession> {
    const logger = this.ctx.logger;
    if (target === 'demo') {
      const sim: StartSimOptions = { personality: 'real', clock: { start: demoStartTime(this.ctx.clock.now()), speed: 1 }, ...this.options.demoSim };
      return buildDemoSession({ dataDir: this.ctx.dataDir, logger, sim, rest: this.options.rest, realtime: this.options.realtime });
    }
    const loaded = await loadCredentials(this.credentialStore, target, this.log);
    if (!loaded.ok) throw new MissingCredentials(loaded.message);
    const c = loaded.credentials;
    if (!c) throw new MissingCredentials(missingCredentialsProblem(target));
    const kisEnv = this.options.hosts?.[target] ?? (target === 'real' ? REAL_ENVIRONMENT : PAPER_ENVIRONMENT);
    const directory = kisInstrumentDirectory({
      dataDir: this.ctx.dataDir,
      clock: this.ctx.clock,
      logger,
      paper: kisEnv.paper,
      ...(this.options.masterBaseUrl ? { masterBaseUrl: this.options.masterBaseUrl } : {}),
    });
    const session = await buildSession({
      environment: target,
      kisEnv,
      credentials: { appkey: c.appkey, appsecret: c.appsecret },
      account: `${c.account.cano}-${c.account.productCode}`,
      htsId: c.htsId,
      dataDir: this.ctx.dataDir,
      keychain: this.ctx.keychain,
      logger,
      marketClock: this.ctx.clock,
      instruments: directory,
      rest: { newAppkey: target === 'real' && this.settings().newAppkeyMode, ...this.options.rest },
      ...(this.options.realtime ? { realtime: this.options.realtime } : {}),
    });
    directory.attachRest(session.rest);
    this.directory = directory;
    void directory.load(); // search fills in as soon as the files are parsed; the session does not wait
    return session;
  }

  private watch(session: ActiveSession): void {
    const lastSync = Math.max(0, ...session.store.reads.syncStatus().map((s) => s.lastSuccessAt ?? 0));
    this.conn.set({ lastSyncAt: lastSync > 0 ? lastSync : null });
    const apply = () => {
      const c = connectionOf(session.realtime.state());
      if (c) this.conn.set({ connection: c.connection, message: c.message ?? null });
    };
    this.offSession.push(session.realtime.on('state', apply));
    apply();
    const sample = headroomSampler(session.rest.limiter);
    this.headroomTimer = setInterval(() => this.conn.set({ rateHeadroom: sample() }), HEADROOM_SAMPLE_MS);
    this.headroomTimer.unref();
  }

  private async tearDown(): Promise<void> {
    const old = this.live;
    for (const off of this.offSession.splice(0)) off();
    if (this.headroomTimer) clearInterval(this.headroomTimer);
    this.headroomTimer = null;
    this.directory?.attachRest(null);
    this.directory = null;
    if (!old) return;
    this.live = null;
    // Arming lasts as long as the real session it was given for.
    this.armedReal = false;
    for (const l of this.changeListeners) this.safely(() => l(null));
    try {
      await closeSession(old);
    } catch (err) {
      this.log.warn('session did not close cleanly', { error: err instanceof Error ? err.message : String(err) });
    }
    this.conn.set({ connection: 'disconnected', message: null, rateHeadroom: null });
  }

  private emitStatus(): void {
    this.ctx.emit('env:changed', this.status());
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log.error('session listener threw', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}

class MissingCredentials extends Error {}

function describeFailure(err: unknown): string {
  const why = err instanceof Error ? err.message : String(err);
  return `환경을 시작할 수 없습니다: ${why} / The environment could not start: ${why}`.slice(0, 500);
}
