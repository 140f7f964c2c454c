/**
 * Small JSON records in the OS keychain, one service per environment (keychainService) so real and paper
 * secrets never mix. Entry names never contain a raw appkey: `scopedName()` hashes the scope.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { keychainService, type Keychain } from './keychain';

export type SecretEnvironment = 'real' | 'paper' | 'demo';

export interface SecretStore {
  readonly service: string;
  getJson<T>(name: string, schema: z.ZodType<T>): Promise<T | null>;
  setJson(name: string, value: unknown): Promise<void>;
  delete(name: string): Promise<boolean>;
}

export function createSecretStore(keychain: Keychain, environment: SecretEnvironment): SecretStore {
  const service = keychainService(environment);
  return {
    service,
    async getJson(name, schema) {
      const raw = await keychain.get(service, name);
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return null; // a corrupt entry is treated as absent; the next save overwrites it
      }
      const result = schema.safeParse(parsed);
      return result.success ? result.data : null;
    },
    setJson: (name, value) => keychain.set(service, name, JSON.stringify(value)),
    delete: (name) => keychain.delete(service, name),
  };
}

/**
 * `<prefix>:<16 hex of sha256(scope)>`. The scope is e.g. REST origin + appkey: the keychain UI then shows
 * `token:3f2a…` rather than the appkey itself.
 */
export function scopedName(prefix: string, scope: string): string {
  return `${prefix}:${createHash('sha256').update(scope).digest('hex').slice(0, 16)}`;
}
