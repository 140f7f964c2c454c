/**
 * The store's public surface. Everything outside src/main/store imports from here only; the writable
 * connection never leaves writer.ts.
 *
 *   const store = openStore(dataDir, { clock });   // refuses (StoreOpenError) a newer/foreign/non-database file untouched
 *   store.writer.*  — every mutation, one transaction each, results as values ({ ok: true, … } | { ok: false, code, message })
 *   store.reads.*   — typed queries over a read-only connection
 *
 * Duties of the callers (the store cannot see the clock of the market or KIS):
 *  - order path: recordOrderIntent (FULL sync, dedupe) → markOrderSent → HTTP → markOrderAccepted / markOrderRejected /
 *    markOrderUnknown (timeout, cut, 5xx after send) / markOrderFailed (provably never sent);
 *  - startup: markInFlightUnknown, expireOpenOrdersBefore(today), then reconcile;
 *  - notices: applyFill / applyOrderNotice; `needsReconcile: true` → schedule a reconcile;
 *  - reconcile: reconcileDailyOrders (scope 'day', resolves UNKNOWN, adds unseen fills), upsertOpenOrdersFromRest,
 *    replaceHoldingsFromBalance (also whenever a diff lists `needsHoldingsRepair`), saveAccountSnapshot;
 *  - idle: writer.checkpoint() every ~30 s without fills — a fallback: the store's own worker thread
 *    (checkpointer.ts) already copies the WAL after each burst of writes, so this normally finds nothing to do.
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
