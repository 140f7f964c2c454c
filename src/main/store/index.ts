/**
 * The store's public surface. Everything outside src/main/store imports from here only; the writable
 * connection never leaves writer.ts.
 */
export { openStore, tryOpenStore, resolveDatabaseFile, DATABASE_FILE_NAME, type Store, type StoreOptions, type OpenStoreResult } from './store';
export { StoreOpenError, type StoreOpenErrorCode } from './errors';
export { LATEST_SCHEMA_VERSION } from './migrations';
export type { StoreWriter } from './writer';
export type { StoreReads } from './reads';
export type { LastPrices } from './read/portfolio';
export type { IntentResult } from './write/journal';
export type * from './types';
export type * from './views';
