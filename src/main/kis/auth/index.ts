/**
 * Auth for one (environment, appkey): the access token for REST and the approval key for the WebSocket.
 * `createKisAuth` wires both to the keychain; `createKisRest` uses it, and the realtime client takes
 * `rest.auth.approvalKeys` (or builds its own `createKisAuth` in tests).
 */
import { systemClock, type Clock } from '../../../shared/clock';
import { registerSecret, silentLogger, type Logger } from '../../log';
import type { Keychain } from '../../secrets/keychain';
import { createSecretStore } from '../../secrets/secretStore';
import { createTokenCache, memoryTokenCache } from '../../secrets/tokenCache';
import { validateCredentials, validateRestBase, type KisCredentials, type KisEnvironment } from '../config';
import { KisHttp } from '../http';
import { realSleep, type Sleep } from '../timing';
import { createApprovalKeyProvider, type ApprovalKeyProvider } from './approval';
import { createAccessTokenProvider, type AccessTokenProvider } from './tokens';

export type { AccessTokenProvider } from './tokens';
export type { ApprovalKeyProvider } from './approval';
export { createAccessTokenProvider, TOKEN_MIN_INTERVAL_MS } from './tokens';
export { createApprovalKeyProvider, APPROVAL_VALIDITY_MS } from './approval';

export interface KisAuthOptions {
  env: KisEnvironment;
  credentials: KisCredentials;
  /** The OS keychain (keytarKeychain()). null = keep credentials in memory only (nothing survives a restart). */
  keychain: Keychain | null;
  clock?: Clock;
  /** How to wait (token throttle, approval throttle). Tests pass one that advances the simulator clock. */
  sleep?: Sleep;
  logger?: Logger;
  /** Reuse the REST client's pool; otherwise one is created and closed by `close()`. */
  http?: KisHttp;
}

export interface KisAuth {
  tokens: AccessTokenProvider;
  approvalKeys: ApprovalKeyProvider;
  /** Closes the HTTP pool if this object created it. */
  close(): Promise<void>;
}

export function createKisAuth(o: KisAuthOptions): KisAuth {
  const origin = validateRestBase(o.env.restBase);
  const credentials = validateCredentials(o.credentials);
  registerSecret(credentials.appkey);
  registerSecret(credentials.appsecret);
  const ownHttp = o.http ? null : new KisHttp(origin);
  const http = o.http ?? ownHttp!;
  const clock = o.clock ?? systemClock;
  const sleep = o.sleep ?? realSleep;
  const logger = (o.logger ?? silentLogger).child('auth');
  const store = o.keychain ? createSecretStore(o.keychain, o.env.kind) : null;
  const cache = (kind: 'token' | 'approval') =>
    store ? createTokenCache(store, kind, origin, credentials.appkey) : memoryTokenCache();
  return {
    tokens: createAccessTokenProvider({ http, credentials, cache: cache('token'), clock, sleep, logger }),
    approvalKeys: createApprovalKeyProvider({ http, credentials, cache: cache('approval'), clock, sleep, logger }),
    close: async () => {
      await ownHttp?.close();
    },
  };
}
