/**
 * The life cycle shared by the access token and the approval key: memory → keychain → issue, single-flight,
 * never two issuances closer than `minIntervalMs` (KIS: tokenP once a minute; Approval once a second), and a
 * throttle reply answered by WAITING until the interval has passed, not by failing.
 */
import type { Clock } from '../../../shared/clock';
import { registerSecret, type Logger } from '../../log';
import type { CachedCredential, CachedIssuance, TokenCache } from '../../secrets/tokenCache';
import { KisRateLimitedError, type KisError } from '../errors';
import type { Sleep } from '../timing';

export interface IssuerPolicy {
  /** What is being issued, for log lines ('access token', 'approval key'). */
  label: string;
  minIntervalMs: number;
  /** Safety added to every wait, absorbing clock skew against the server's own count. */
  waitMarginMs: number;
  /** Is the cached credential still good to hand out at `now`? */
  usable(cred: CachedCredential, now: number): boolean;
  /** How many throttle replies in a row to wait out before giving up. */
  maxThrottledAttempts: number;
}

export type IssueOutcome = { ok: true; value: CachedCredential } | { ok: false; error: KisError; throttled: boolean };

export interface IssuerDeps {
  cache: TokenCache;
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
  issue(now: number): Promise<IssueOutcome>;
}

export class CachedIssuer {
  private state: CachedIssuance | null = null; // null until loaded from the keychain
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly policy: IssuerPolicy,
    private readonly deps: IssuerDeps,
  ) {}

  /** A usable credential: from memory, else the keychain, else a new issuance (waiting out the throttle). */
  get(): Promise<string> {
    const cur = this.state?.current;
    if (cur && this.policy.usable(cur, this.deps.clock.now())) return Promise.resolve(cur.value);
    return this.singleFlight(false, null);
  }

  /**
   * KIS refused `rejected` (expired/unknown token, OPSP0011 approval): issue a new one unless someone already
   * replaced it. Concurrent callers holding the same stale value share one issuance.
   */
  renew(rejected: string): Promise<string> {
    const cur = this.state?.current;
    if (cur && cur.value !== rejected && this.policy.usable(cur, this.deps.clock.now())) return Promise.resolve(cur.value);
    return this.singleFlight(true, rejected);
  }

  /** Drop the current value (memory and keychain) but remember when it was issued, for the throttle. */
  async invalidate(rejected?: string): Promise<void> {
    await this.load();
    const cur = this.state!.current;
    if (!cur || (rejected !== undefined && cur.value !== rejected)) return;
    this.state = { current: null, lastIssuanceAt: this.state!.lastIssuanceAt };
    await this.persist();
  }

  /** Forget everything, including the keychain entry (logout / key removal). */
  async clear(): Promise<void> {
    this.state = { current: null, lastIssuanceAt: this.state?.lastIssuanceAt ?? null };
    try {
      await this.deps.cache.clear();
    } catch (e) {
      this.deps.logger.warn(`could not clear cached ${this.policy.label}`, { error: e });
    }
  }

  current(): CachedCredential | null {
    return this.state?.current ?? null;
  }

  private singleFlight(force: boolean, rejected: string | null): Promise<string> {
    if (!this.inflight) {
      this.inflight = this.obtain(force, rejected).finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async obtain(force: boolean, rejected: string | null): Promise<string> {
    await this.load();
    const now = this.deps.clock.now();
    const cur = this.state!.current;
    if (cur && this.policy.usable(cur, now) && (!force || cur.value !== rejected)) return cur.value;
    return this.issueWithThrottle();
  }

  private async issueWithThrottle(): Promise<string> {
    const { clock, sleep, logger } = this.deps;
    let lastError: KisError | null = null;
    for (let attempt = 1; attempt <= this.policy.maxThrottledAttempts; attempt++) {
      const last = this.state!.lastIssuanceAt;
      if (last !== null) {
        const waitMs = last + this.policy.minIntervalMs + this.policy.waitMarginMs - clock.now();
        if (waitMs > 0) {
          logger.info(`waiting ${Math.ceil(waitMs / 1000)} s before requesting a new ${this.policy.label} (KIS issuance limit)`);
          await sleep(waitMs);
        }
      }
      const startedAt = clock.now();
      let outcome: IssueOutcome;
      try {
        outcome = await this.deps.issue(startedAt);
      } catch (e) {
        // The request may have reached KIS and issued something: count it, so the next try waits.
        this.state = { current: this.state!.current, lastIssuanceAt: startedAt };
        await this.persist();
        throw e;
      }
      if (outcome.ok) {
        registerSecret(outcome.value.value);
        this.state = { current: outcome.value, lastIssuanceAt: outcome.value.issuedAt };
        await this.persist();
        logger.info(`${this.policy.label} issued`, { validUntil: new Date(outcome.value.expiresAt).toISOString() });
        return outcome.value.value;
      }
      if (!outcome.throttled) throw outcome.error;
      // Someone (another instance, another device) issued recently and we do not know when: assume just now.
      lastError = outcome.error;
      const assumed = Math.max(this.state!.lastIssuanceAt ?? 0, clock.now());
      this.state = { current: this.state!.current, lastIssuanceAt: assumed };
      await this.persist();
      logger.warn(`${this.policy.label} request throttled by KIS (${outcome.error.msgCd}); waiting`, { attempt });
    }
    throw lastError ?? new KisRateLimitedError(`${this.policy.label}: still throttled`);
  }

  private async load(): Promise<void> {
    if (this.state) return;
    try {
      this.state = await this.deps.cache.load();
      if (this.state.current) {
        registerSecret(this.state.current.value);
        this.deps.logger.info(`cached ${this.policy.label} loaded from the keychain`, {
          validUntil: new Date(this.state.current.expiresAt).toISOString(),
        });
      }
    } catch (e) {
      // No keychain (locked, no D-Bus): keep working from memory; a restart will issue again.
      this.deps.logger.warn(`keychain unavailable; ${this.policy.label} kept in memory only`, { error: e });
      this.state = { current: null, lastIssuanceAt: null };
    }
  }

  private async persist(): Promise<void> {
    try {
      await this.deps.cache.save(this.state!);
    } catch (e) {
      this.deps.logger.warn(`could not save ${this.policy.label} to the keychain`, { error: e });
    }
  }
}
