export { keytarKeychain, keychainService, type Keychain } from './keychain';
export { createSecretStore, scopedName, type SecretStore, type SecretEnvironment } from './secretStore';
export {
  createTokenCache,
  memoryTokenCache,
  type TokenCache,
  type CachedCredential,
  type CachedIssuance,
  type CachedKind,
} from './tokenCache';
export {
  createCredentialStore,
  CredentialValidationError,
  type CredentialStore,
  type StoredCredentials,
} from './credentials';
