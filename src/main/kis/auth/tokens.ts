/**
 * Access token (kis-api.md §2.1 DECISION): one store per (environment, appkey), persisted in the keychain,
 * reused across restarts until less than 1 h remains before `access_token_token_expired`, issued at most once a
 * minute (EGW00133 → wait), renewed once when a call reports EGW00121/00122/00123/00205.
 */
import type { Clock } from '../../../shared/clock';
import type { Logger } from '../../log';
import type { TokenCache } from '../../secrets/tokenCache';
import type { KisCredentials } from '../config';
import type { KisHttp } from '../http';
import type { Sleep } from '../timing';
import { CachedIssuer } from './cachedIssuer';
import { requestAccessToken, revokeAccessToken } from './oauth';

export interface AccessTokenProvider {
  /** A token with at least `refreshBeforeMs` (1 h) left; issues one if needed. */
  get(): Promise<string>;
  /** KIS rejected `rejected` as expired/invalid: obtain another (shared by concurrent callers). */
  renew(rejected: string): Promise<string>;
  /** Epoch ms when the current token expires, or null when none is held. */
  expiresAt(): number | null;
  /** Explicit logout / key removal only (never on quit): revokes at KIS and clears the keychain entry. */
  revoke(): Promise<void>;
}

export interface AccessTokenOptions {
  http: KisHttp;
  credentials: KisCredentials;
  cache: TokenCache;
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
  /** Renew when less than this remains. Default 1 h. */
  refreshBeforeMs?: number;
}

export const TOKEN_MIN_INTERVAL_MS = 60_000;

export function createAccessTokenProvider(o: AccessTokenOptions): AccessTokenProvider {
  const refreshBeforeMs = o.refreshBeforeMs ?? 3600_000;
  const issuer = new CachedIssuer(
    {
      label: 'access token',
      minIntervalMs: TOKEN_MIN_INTERVAL_MS,
      waitMarginMs: 1_000,
      usable: (cred, now) => now < cred.expiresAt - refreshBeforeMs,
      maxThrottledAttempts: 4,
    },
    {
      cache: o.cache,
      clock: o.clock,
      sleep: o.sleep,
      logger: o.logger,
      async issue(now) {
        const r = await requestAccessToken(o.http, o.credentials, now);
        if (!r.ok) return r;
        if (r.value.clockSkewMs !== undefined)
          o.logger.warn('this computer\'s clock disagrees with KIS; token expiry taken from expires_in', {
            skewMinutes: Math.round(r.value.clockSkewMs / 60_000),
          });
        return { ok: true, value: { value: r.value.accessToken, issuedAt: now, expiresAt: r.value.expiresAt } };
      },
    },
  );
  return {
    get: () => issuer.get(),
    renew: (rejected) => issuer.renew(rejected),
    expiresAt: () => issuer.current()?.expiresAt ?? null,
    async revoke() {
      const cur = issuer.current();
      if (cur) await revokeAccessToken(o.http, o.credentials, cur.value);
      await issuer.clear();
    },
  };
}
