/**
 * The secrets store on the REAL OS keychain (run inside scripts/with-keyring.sh; CI runs the whole suite there).
 * No skip: if the keychain is unreachable this test fails, as it should.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keychainService, keytarKeychain } from '../../../src/main/secrets/keychain';
import { createCredentialStore, CredentialValidationError } from '../../../src/main/secrets/credentials';
import { createSecretStore, scopedName } from '../../../src/main/secrets/secretStore';
import { createTokenCache } from '../../../src/main/secrets/tokenCache';

const creds = () => ({
  appkey: `PS${randomUUID().replaceAll('-', '')}`,
  appsecret: `secret-${randomUUID()}`,
  account: { cano: '12345678', productCode: '01' },
  htsId: 'tester01',
});

describe('credential store on the OS keychain', () => {
  it('saves, loads and deletes per environment, keeping real and paper apart', async () => {
    const keychain = await keytarKeychain();
    const store = createCredentialStore(keychain);
    const real = creds();
    const paper = creds();
    await store.save('real', real);
    await store.save('paper', paper);
    expect(await store.load('real')).toEqual(real);
    expect(await store.load('paper')).toEqual(paper);
    expect(await keychain.get(keychainService('real'), 'credentials')).toContain(real.appkey);
    expect(await keychain.get(keychainService('paper'), 'credentials')).not.toContain(real.appkey);
    expect(await store.delete('real')).toBe(true);
    expect(await store.load('real')).toBeNull();
    expect(await store.has('paper')).toBe(true);
    await store.delete('paper');
    expect(await store.has('paper')).toBe(false);
  });

  it('refuses malformed credentials naming the field, not the value', async () => {
    const store = createCredentialStore(await keytarKeychain());
    const bad = { ...creds(), account: { cano: '1234', productCode: '01' } };
    await expect(store.save('demo', bad)).rejects.toThrow(CredentialValidationError);
    await expect(store.save('demo', bad)).rejects.toThrow(/account\.cano/);
    await expect(store.save('demo', { ...creds(), appsecret: '  ' })).rejects.toThrow(/appsecret/);
    expect(await store.load('demo')).toBeNull();
  });
});

describe('token cache on the OS keychain', () => {
  it('round-trips, names entries by a hash (never the appkey), and survives a new store instance', async () => {
    const keychain = await keytarKeychain();
    const appkey = creds().appkey;
    const origin = 'http://127.0.0.1:1';
    const cache = createTokenCache(createSecretStore(keychain, 'demo'), 'token', origin, appkey);
    const record = { current: { value: 'tok-1', issuedAt: 1000, expiresAt: 2000 }, lastIssuanceAt: 1000 };
    await cache.save(record);
    const again = createTokenCache(createSecretStore(await keytarKeychain(), 'demo'), 'token', origin, appkey);
    expect(await again.load()).toEqual(record);
    const name = scopedName('token', `${origin}|${appkey}`);
    expect(name).toMatch(/^token:[0-9a-f]{16}$/);
    expect(name).not.toContain(appkey);
    expect(await keychain.get(keychainService('demo'), name)).toContain('tok-1');
    // The approval key of the same appkey is a different entry.
    const approval = createTokenCache(createSecretStore(keychain, 'demo'), 'approval', origin, appkey);
    expect(await approval.load()).toEqual({ current: null, lastIssuanceAt: null });
    await cache.clear();
    expect(await again.load()).toEqual({ current: null, lastIssuanceAt: null });
  });

  it('a corrupt entry reads as empty instead of crashing the client', async () => {
    const keychain = await keytarKeychain();
    const appkey = creds().appkey;
    const name = scopedName('token', `http://127.0.0.1:2|${appkey}`);
    await keychain.set(keychainService('demo'), name, '{not json');
    const cache = createTokenCache(createSecretStore(keychain, 'demo'), 'token', 'http://127.0.0.1:2', appkey);
    expect(await cache.load()).toEqual({ current: null, lastIssuanceAt: null });
    await keychain.set(keychainService('demo'), name, JSON.stringify({ v: 1, current: { value: 5 }, lastIssuanceAt: null }));
    expect(await cache.load()).toEqual({ current: null, lastIssuanceAt: null });
    await cache.clear();
  });
});
