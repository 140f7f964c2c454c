/**
 * The OS keychain, as the rest of main sees it. In the app and in tests this is keytar over the real
 * keychain (macOS Keychain, Windows Credential Manager, libsecret/gnome-keyring on Linux): secrets never
 * touch the database, a log or the renderer.
 */
export interface Keychain {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

/** keytar is a native module; load it lazily so code that never touches secrets never loads it. */
export async function keytarKeychain(): Promise<Keychain> {
  const mod = (await import('keytar')) as unknown as { default?: KeytarApi } & KeytarApi;
  const keytar: KeytarApi = mod.default ?? mod;
  return {
    get: (service, account) => keytar.getPassword(service, account),
    set: (service, account, secret) => keytar.setPassword(service, account, secret),
    delete: (service, account) => keytar.deletePassword(service, account),
  };
}

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Service names: one per environment so real and paper credentials never mix (design.md invariant 6). */
export const keychainService = (environment: 'real' | 'paper' | 'demo'): string => `aegis-terminal.${environment}`;
