/**
 * SYNC: what other modules may ask of the sync layer. Provided by the account module.
 *
 *   const sync = ctx.services.use(SYNC);
 *   sync?.journalChanged();                          // after the order service wrote to the journal
 *   sync?.reconcileSoon('order outcome unknown');   // optional: sync also notices UNKNOWN intents by itself
 */
import { serviceKey } from '../services';
import type { SyncStatus } from './engine';

export interface SyncService {
  /** Reconcile with KIS soon (debounced); a no-op while no session is live. */
  reconcileSoon(reason: string): void;
  /** A full sync now; null while no session is live. */
  syncNow(): Promise<SyncStatus | null>;
  status(): SyncStatus | null;
  /**
   * The order service changed the journal (intent recorded, sent, accepted, rejected, UNKNOWN): push
   * `orders:changed` (and `portfolio:changed`, whose sellable quantities open sells lock). Coalesced.
   */
  journalChanged(): void;
}

export const SYNC = serviceKey<SyncService>('sync');
