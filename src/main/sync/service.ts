/**
 * SYNC: what other modules may ask of the sync layer. Provided by the account module.
 *
 *   const sync = ctx.services.use(SYNC);
 *   sync?.reconcileSoon('order outcome unknown');   // e.g. after the order service marked an order UNKNOWN
 */
import { serviceKey } from '../services';
import type { SyncStatus } from './engine';

export interface SyncService {
  /** Reconcile with KIS soon (debounced); a no-op while no session is live. */
  reconcileSoon(reason: string): void;
  /** A full sync now; null while no session is live. */
  syncNow(): Promise<SyncStatus | null>;
  status(): SyncStatus | null;
}

export const SYNC = serviceKey<SyncService>('sync');
