/**
 * The active KIS session: everything that depends on which environment (demo / paper / real) is live.
 * The session module builds it (and, in demo, the in-process simulator); sync, orders and the market
 * channels use it through the service registry: `ctx.services.use(SESSION)`.
 *
 * Switching environments tears the whole session down (realtime, REST pools, the environment's own SQLite
 * file) and builds a new one, so real and paper data never share a database or a connection.
 */
import type { Clock } from '../../shared/clock';
import type { EnvStatus } from '../../shared/ipc/domains/session';
import type { Environment } from '../../shared/ipc/schemas';
import type { Settings } from '../../shared/settings/schema';
import type { KisRest } from '../kis';
import type { RealtimeClient } from '../kis/realtime';
import { serviceKey } from '../services';
import type { Store } from '../store';
import type { SimHandle } from '../../sim/handle';

/** What the trader can search and trade; from KIS master files (real/paper) or the simulator's universe (demo). */
export interface InstrumentInfo {
  symbol: string;
  name: string;
  nameEn: string;
  market: 'KOSPI' | 'KOSDAQ' | 'KONEX';
  etp: boolean;
  /** From CTPF1002R on real (cached per day); simulator universe in demo; false on paper (KRX only). */
  nxtEligible: boolean;
}
export interface InstrumentDirectory {
  get(symbol: string): InstrumentInfo | undefined;
  search(query: string, limit: number): InstrumentInfo[];
  all(): readonly InstrumentInfo[];
  /**
   * ADDED (optional): the instrument with its per-day facts looked up — on real, NXT eligibility from CTPF1002R
   * (cached per day). Demo and paper answer from memory. Use before routing an order to NXT/SOR.
   */
  ensure?(symbol: string): Promise<InstrumentInfo | undefined>;
}

export interface ActiveSession {
  readonly environment: Environment;
  /** Paper rules apply (KRX only, V… TRs, 1 req/s). Demo runs the simulator's real personality: false. */
  readonly paper: boolean;
  readonly rest: KisRest;
  readonly realtime: RealtimeClient;
  /** This environment's own mirror (one SQLite file per environment). */
  readonly store: Store;
  readonly account: { cano: string; productCode: string; masked: string };
  readonly htsId: string;
  /** Market time for sessions, auctions and "today": the simulator's clock in demo, the system clock otherwise. */
  readonly marketClock: Clock;
  /** The in-process simulator (demo only). */
  readonly sim: SimHandle | null;
  readonly instruments: InstrumentDirectory;
}

export interface SessionService {
  /** The live session, or null while switching / when the environment could not start. */
  current(): ActiveSession | null;
  /** Resolves with the live session (waits while one is starting). Rejects if it cannot start. */
  ready(): Promise<ActiveSession>;
  /** Called with null before a session is torn down and with the new one once it is up. */
  onChange(listener: (session: ActiveSession | null) => void): () => void;
  status(): EnvStatus;
  /** Real orders only while armed (this run of the app); paper and demo are always armed. */
  armed(): boolean;
  settings(): Settings;
  onSettings(listener: (settings: Settings) => void): () => void;

  // ── ADDED by the session module (additive) ──
  /** Sync reports a finished reconciliation with KIS (epoch ms): shown as conn:state `lastSyncAt`. */
  noteSync(at: number): void;
  /**
   * Holdings or open orders changed in the mirror (the sync layer calls this after it wrote them): the market
   * module re-reads them and recomputes the realtime subscriptions (debounced, so calling it often is fine).
   * Modules cannot listen to each other's ctx.emit events, hence this explicit hook.
   */
  refreshStreams(): void;
  /** Who recomputes the streams on refreshStreams() (the market module). */
  onRefreshStreams(listener: () => void): () => void;
}

export const SESSION = serviceKey<SessionService>('session');
