/**
 * The user's KIS credentials per environment (appkey, appsecret, account, HTS ID), saved by Settings and read
 * by the core when it builds the KIS client. This store lives in main only; the IPC layer never exposes `load`.
 */
import { z } from 'zod';
import { createSecretStore, type SecretEnvironment } from './secretStore';
import type { Keychain } from './keychain';

export interface StoredCredentials {
  appkey: string;
  appsecret: string;
  account: { cano: string; productCode: string };
  htsId: string;
}

const ENTRY = 'credentials';

const credentialsSchema = z.object({
  appkey: z.string().min(1),
  appsecret: z.string().min(1),
  account: z.object({ cano: z.string().regex(/^\d{8}$/), productCode: z.string().regex(/^\d{2}$/) }),
  htsId: z.string().min(1),
});

export interface CredentialStore {
  save(environment: SecretEnvironment, credentials: StoredCredentials): Promise<void>;
  load(environment: SecretEnvironment): Promise<StoredCredentials | null>;
  has(environment: SecretEnvironment): Promise<boolean>;
  delete(environment: SecretEnvironment): Promise<boolean>;
}

export class CredentialValidationError extends Error {
  constructor(readonly field: string) {
    super(`invalid credentials: ${field}`); // names the field, never the value
    this.name = 'CredentialValidationError';
  }
}

export function createCredentialStore(keychain: Keychain): CredentialStore {
  const store = (env: SecretEnvironment) => createSecretStore(keychain, env);
  return {
    async save(env, credentials) {
      const trimmed = {
        appkey: credentials.appkey?.trim(),
        appsecret: credentials.appsecret?.trim(),
        account: credentials.account,
        htsId: credentials.htsId?.trim(),
      };
      const checked = credentialsSchema.safeParse(trimmed);
      if (!checked.success) throw new CredentialValidationError(checked.error.issues[0]?.path.join('.') || 'credentials');
      await store(env).setJson(ENTRY, checked.data);
    },
    load: (env) => store(env).getJson(ENTRY, credentialsSchema),
    async has(env) {
      return (await store(env).getJson(ENTRY, credentialsSchema)) !== null;
    },
    delete: (env) => store(env).delete(ENTRY),
  };
}
