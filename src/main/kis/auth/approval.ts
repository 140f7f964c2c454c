/**
 * WebSocket approval key (kis-api.md §2.2 DECISION): requested only when a socket is about to open, reused for
 * reconnects while less than 24 h old (KIS checks it once, at session start), cached in the keychain like the
 * token, and replaced after OPSP0011 through `invalidate()`.
 */
import type { Clock } from '../../../shared/clock';
import type { Logger } from '../../log';
import type { TokenCache } from '../../secrets/tokenCache';
import type { KisCredentials } from '../config';
import type { KisHttp } from '../http';
import type { Sleep } from '../timing';
import { CachedIssuer } from './cachedIssuer';
import { requestApprovalKey } from './oauth';

export interface ApprovalKeyProvider {
  /** A usable approval key (cached, or freshly issued). */
  get(): Promise<string>;
  /** The server said OPSP0011 (or the key is otherwise dead): the next `get()` issues a new one. */
  invalidate(rejected?: string): Promise<void>;
}

export interface ApprovalKeyOptions {
  http: KisHttp;
  credentials: KisCredentials;
  cache: TokenCache;
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
  /** Key lifetime. Default 24 h. */
  validityMs?: number;
  /** Stop reusing this long before the lifetime ends. Default 5 min. */
  reuseMarginMs?: number;
}

export const APPROVAL_VALIDITY_MS = 24 * 3600_000;

export function createApprovalKeyProvider(o: ApprovalKeyOptions): ApprovalKeyProvider {
  const validityMs = o.validityMs ?? APPROVAL_VALIDITY_MS;
  const margin = o.reuseMarginMs ?? 5 * 60_000;
  const issuer = new CachedIssuer(
    {
      label: 'approval key',
      minIntervalMs: 1_000, // 3P: Approval 1 issuance/s; the simulator answers faster calls with EGW00201
      waitMarginMs: 100,
      usable: (cred, now) => now < cred.expiresAt - margin,
      maxThrottledAttempts: 4,
    },
    {
      cache: o.cache,
      clock: o.clock,
      sleep: o.sleep,
      logger: o.logger,
      async issue(now) {
        const r = await requestApprovalKey(o.http, o.credentials);
        if (!r.ok) return r;
        return { ok: true, value: { value: r.value, issuedAt: now, expiresAt: now + validityMs } };
      },
    },
  );
  return {
    get: () => issuer.get(),
    async invalidate(rejected) {
      await issuer.invalidate(rejected);
    },
  };
}
