/**
 * Persists the KIS access token and WebSocket approval key across restarts (design.md invariant 6: every
 * token issuance pages the user on KakaoTalk, and KIS allows one a minute). The last issuance time is kept
 * even after the token itself is dropped, so a restart right after an issuance still honours the 60-s rule.
 */
import { z } from 'zod';
import { scopedName, type SecretStore } from './secretStore';

export interface CachedCredential {
  /** The access token or approval key. */
  value: string;
  /** Epoch ms when it was issued (client clock at receipt). */
  issuedAt: number;
  /** Epoch ms when it stops working (token: access_token_token_expired; approval: issuedAt + 24 h). */
  expiresAt: number;
}

export interface CachedIssuance {
  current: CachedCredential | null;
  /** Epoch ms of the last successful issuance request for this appkey, whether or not `current` is kept. */
  lastIssuanceAt: number | null;
}

export interface TokenCache {
  load(): Promise<CachedIssuance>;
  save(record: CachedIssuance): Promise<void>;
  clear(): Promise<void>;
}

const credentialSchema = z.object({ value: z.string().min(1), issuedAt: z.number(), expiresAt: z.number() });
const recordSchema = z.object({
  v: z.literal(1),
  current: credentialSchema.nullable(),
  lastIssuanceAt: z.number().nullable(),
});

export type CachedKind = 'token' | 'approval';

/** One entry per (environment service, kind, REST origin + appkey). */
export function createTokenCache(store: SecretStore, kind: CachedKind, restOrigin: string, appkey: string): TokenCache {
  const name = scopedName(kind, `${restOrigin}|${appkey}`);
  return {
    async load() {
      const rec = await store.getJson(name, recordSchema);
      return rec ? { current: rec.current, lastIssuanceAt: rec.lastIssuanceAt } : { current: null, lastIssuanceAt: null };
    },
    save: (record) => store.setJson(name, { v: 1, current: record.current, lastIssuanceAt: record.lastIssuanceAt }),
    async clear() {
      await store.delete(name);
    },
  };
}

/** A cache that keeps nothing (no keychain available): the client still works, it just re-issues after a restart. */
export function memoryTokenCache(): TokenCache {
  let rec: CachedIssuance = { current: null, lastIssuanceAt: null };
  return {
    load: async () => ({ ...rec }),
    save: async (r) => {
      rec = { ...r };
    },
    clear: async () => {
      rec = { current: null, lastIssuanceAt: null };
    },
  };
}
