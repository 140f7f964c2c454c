/**
 * Reconciliation (design.md invariant 4): KIS's REST answers are the truth, and the mirror is repaired to
 * them exactly.
 *
 *  orders():  inquire-daily-ccld for today, every page (venue ALL on real, KRX on paper) → the store's day
 *             reconcile: quantities overwritten, fills no notice delivered added as remainder executions
 *             (stored once: write/fills.ts explains the key), HTS/MTS orders added as 'external', UNKNOWN
 *             intents matched (→ accepted with KIS's order number) or, when this complete listing taken
 *             after them lacks them, proven absent (→ failed). Never re-sent. Then, on real,
 *             inquire-psbl-rvsecncl for the open remainders (paper has no such TR; the day list covers it).
 *  balance(): inquire-balance (KRX and NXT shares merged by KIS) → holdings replaced exactly; the account
 *             snapshot with inquire-psbl-order's orderable cash.
 *
 * Order matters and the engine keeps it: orders first (remainder fills move holdings), balance last (which
 * then sets holdings to the truth), so a sync never ends with a remainder counted on top of the balance.
 */
import { kstDate } from '../../shared/market/time';
import { isKisError, type Balance, type OrderableCash } from '../kis';
import { redactText, type Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { JsonValue, OrderView, RestOrderRow, Route, StoreFailure } from '../store';
import type { CostFn } from './costs';
import type { SnapshotCache } from './fills';
import type { PriceBook } from './prices';
import { balancePrices, balanceToHoldings, balanceToSnapshot, dailyOrderToRow, openOrderToRow, saneRow } from './rows';
import { asSnapshotView } from './snapshot';

export type StepKind = 'dailyOrders' | 'openOrders' | 'balance';

export interface StepResult {
  kind: StepKind;
  ok: boolean;
  /** The mirror's orders / holdings (or cash) changed. */
  ordersChanged: boolean;
  holdingsChanged: boolean;
  code?: string;
  message?: string;
  summary?: { [key: string]: JsonValue };
  /** The store could not place a remainder cleanly in the holdings: read the balance in this run too. */
  needsBalance?: boolean;
  /** Orders that received remainder executions (fills no notice delivered), with their trade date. */
  remainders?: { tradeDate: string; orderNos: string[] };
}

export interface ReconcilerDeps {
  session: Pick<ActiveSession, 'rest' | 'store' | 'marketClock' | 'paper'>;
  costs: CostFn;
  snapshots: SnapshotCache;
  prices: PriceBook;
  /** Balance view: NXT prices when the trader asked for them (settings.nxtView). */
  nxtView: () => boolean;
  logger: Logger;
  /** False once the session is going away: nothing may be written after that. */
  alive: () => boolean;
  /** Fills applied by the pipeline so far (a balance read racing a fill is read again). */
  fillCount: () => number;
  /** UNKNOWN intent ↔ KIS row match window around the intent's creation. Default 120 s. */
  matchWindowMs?: number;
  /** How long KIS may take to list a just-sent order before absence counts as proof. Default 10 s. */
  absentGraceMs?: number;
}

const describe = (err: unknown): { code: string; message: string } =>
  isKisError(err)
    ? { code: `${err.kind}${err.msgCd ? `:${err.msgCd}` : ''}`.slice(0, 40), message: redactText(err.message).slice(0, 500) }
    : { code: 'ERROR', message: redactText(err instanceof Error ? err.message : String(err)).slice(0, 500) };

const failed = (kind: StepKind, code: string, message: string): StepResult => ({ kind, ok: false, ordersChanged: false, holdingsChanged: false, code, message });
const storeFailed = (kind: StepKind, r: StoreFailure): StepResult => failed(kind, `STORE_${r.code}`, r.message);
const ABORTED = 'SESSION_CLOSED';

export class Reconciler {
  constructor(private readonly d: ReconcilerDeps) {}

  async orders(): Promise<StepResult[]> {
    const day = await this.dailyOrders();
    if (!day.ok || this.d.session.paper) return [day];
    return [day, await this.openOrders()];
  }

  private async dailyOrders(): Promise<StepResult> {
    const { rest, store, marketClock } = this.d.session;
    const asOf = marketClock.now();
    const today = kstDate(asOf);
    let rows: RestOrderRow[];
    try {
      // 'asc' (정순): orders placed while we page only append, so paging never skips a row.
      const daily = await rest.dailyOrders({ from: today, to: today, status: 'all', order: 'asc', venue: 'ALL', priority: 'background' });
      const day = daily.orders.filter((o) => o.date === today);
      const originals = new Set(day.map((o) => o.originalOrderNo).filter((no) => no !== ''));
      rows = this.sane('dailyOrders', day.map((o) => dailyOrderToRow(o, this.routeGuess(o.orderNo, today), asOf, originals)));
    } catch (err) {
      const e = describe(err);
      return failed('dailyOrders', e.code, e.message);
    }
    if (!this.d.alive()) return failed('dailyOrders', ABORTED, 'session closed');
    const twins = this.adoptNoticedTwins(rows, today);
    const r = store.writer.reconcileDailyOrders({
      rows,
      asOf,
      tradeDate: today,
      feeFor: this.d.costs,
      ...(this.d.matchWindowMs !== undefined ? { matchWindowMs: this.d.matchWindowMs } : {}),
      ...(this.d.absentGraceMs !== undefined ? { absentGraceMs: this.d.absentGraceMs } : {}),
    });
    if (!r.ok) return storeFailed('dailyOrders', r);
    if (r.overCounted.length > 0 || r.conflicts.length > 0) {
      this.d.logger.warn('reconciliation found the mirror ahead of KIS or in conflict', { overCounted: r.overCounted.length, conflicts: r.conflicts.length });
    }
    return {
      kind: 'dailyOrders',
      ok: true,
      ordersChanged: r.changed || twins > 0,
      holdingsChanged: r.fillsAdded.length > 0 || r.amountMismatches.some((m) => m.repaired),
      remainders: { tradeDate: today, orderNos: r.fillsAdded.map((f) => f.orderNo) },
      needsBalance: r.needsHoldingsRepair.length > 0,
      summary: {
        rows: rows.length,
        newExternal: r.newExternal.length,
        unknownFound: r.resolvedUnknown.filter((u) => u.outcome === 'found').length + twins,
        unknownAbsent: r.resolvedUnknown.filter((u) => u.outcome === 'absent').length,
        stateChanges: r.stateChanges.length,
        fillsAdded: r.fillsAdded.length,
        fillQtyAdded: r.fillsAdded.reduce((a, f) => a + f.qty, 0),
        overCounted: r.overCounted.length,
        conflicts: r.conflicts.length,
      },
    };
  }

  private async openOrders(): Promise<StepResult> {
    const { rest, store, marketClock } = this.d.session;
    const asOf = marketClock.now();
    const today = kstDate(asOf);
    let rows: RestOrderRow[];
    try {
      const open = await rest.openOrders({ priority: 'background' });
      rows = this.sane('openOrders', open.map((o) => openOrderToRow(o, today, this.routeGuess(o.orderNo, today), asOf)));
    } catch (err) {
      const e = describe(err);
      return failed('openOrders', e.code, e.message);
    }
    if (!this.d.alive()) return failed('openOrders', ABORTED, 'session closed');
    const r = store.writer.upsertOpenOrdersFromRest({ rows, asOf, tradeDate: today, feeFor: this.d.costs });
    if (!r.ok) return storeFailed('openOrders', r);
    return {
      kind: 'openOrders',
      ok: true,
      ordersChanged: r.changed,
      holdingsChanged: r.fillsAdded.length > 0,
      remainders: { tradeDate: today, orderNos: r.fillsAdded.map((f) => f.orderNo) },
      needsBalance: r.needsHoldingsRepair.length > 0,
      summary: { rows: rows.length, newExternal: r.newExternal.length, fillsAdded: r.fillsAdded.length, noLongerOpen: r.noLongerOpen.length },
    };
  }

  async balance(): Promise<StepResult> {
    const { rest, store, marketClock } = this.d.session;
    let bal: Balance | null = null;
    let orderable: OrderableCash | null = null;
    let asOf = 0;
    let raced = true;
    // A fill applied while the balance was on its way may or may not be in it: read again (a few times at most).
    for (let attempt = 0; attempt < 3 && raced; attempt++) {
      const fillsBefore = this.d.fillCount();
      asOf = marketClock.now();
      try {
        bal = await rest.inquireBalance({ view: this.d.nxtView() ? 'X' : 'N', priority: 'background' });
        orderable = await rest.inquirePsblOrder({ priority: 'background' }).catch((err: unknown) => {
          this.d.logger.warn('orderable cash not read; snapshot without it', describe(err));
          return null;
        });
      } catch (err) {
        const e = describe(err);
        return failed('balance', e.code, e.message);
      }
      if (!this.d.alive()) return failed('balance', ABORTED, 'session closed');
      raced = this.d.fillCount() !== fillsBefore;
    }
    if (!bal) return failed('balance', 'NO_BALANCE', 'no balance');
    const snapshot = balanceToSnapshot(bal, orderable, asOf);
    const saved = store.writer.saveAccountSnapshot(snapshot);
    if (!saved.ok) return storeFailed('balance', saved);
    this.d.snapshots.set(asSnapshotView(snapshot));
    this.d.prices.fromBalance(balancePrices(bal));
    if (raced) {
      // Fills keep arriving faster than a balance read: keep the notices' holdings this time.
      return { kind: 'balance', ok: true, ordersChanged: false, holdingsChanged: true, summary: { holdings: bal.holdings.length, deferred: 'fills in flight' } };
    }
    const h = store.writer.replaceHoldingsFromBalance(balanceToHoldings(bal, asOf));
    if (!h.ok) return storeFailed('balance', h);
    if (h.changed) {
      this.d.logger.info('holdings repaired from the balance', { added: h.added.length, removed: h.removed.length, updated: h.updated.length });
    }
    return {
      kind: 'balance',
      ok: true,
      ordersChanged: false,
      holdingsChanged: true,
      summary: { holdings: bal.holdings.length, added: h.added.length, removed: h.removed.length, updated: h.updated.length, deferred: h.deferred.length },
    };
  }

  private sane(kind: StepKind, rows: RestOrderRow[]): RestOrderRow[] {
    const kept = rows.filter(saneRow);
    if (kept.length < rows.length) this.d.logger.warn('KIS order rows left out as malformed', { kind, dropped: rows.length - kept.length });
    return kept;
  }

  /** The route an order row without EXCG_ID_DVSN_CD had: the mirror's, else KRX (paper is KRX only). */
  private routeGuess(orderNo: string, tradeDate: string): Route {
    return this.d.session.store.reads.orderByOrderNo(orderNo, tradeDate)?.route ?? 'KRX';
  }

  /**
   * An order sent while the HTTP answer was lost (UNKNOWN) often has its acceptance notice arrive anyway, and
   * the notice books it as an 'external' order under KIS's number before reconciliation runs. The store only
   * matches UNKNOWN intents to rows it does not know yet, so fold such a twin into the intent first (the
   * store's resolveUnknown merges the external row and its fills): same symbol, side, qty, price, venue,
   * order type and kind, within the match window — the invariant-5 match.
   */
  private adoptNoticedTwins(rows: RestOrderRow[], today: string): number {
    const { store } = this.d.session;
    const unknowns = store.reads.unknownOrders().filter((u) => u.orderNo === null && u.source === 'terminal' && u.tradeDate === today);
    if (unknowns.length === 0) return 0;
    const windowMs = this.d.matchWindowMs ?? 120_000;
    const taken = new Set<string>();
    let adopted = 0;
    for (const u of unknowns) {
      const row = rows.find((r) => !taken.has(r.orderNo) && sameOrder(u, r, windowMs) && store.reads.orderByOrderNo(r.orderNo, today)?.source === 'external');
      if (!row) continue;
      taken.add(row.orderNo);
      const r = store.writer.resolveUnknown(u.clientOrderId, { found: true, orderNo: row.orderNo, ...(row.orgNo ? { orgNo: row.orgNo } : {}), time: row.orderTime });
      if (r.ok) adopted++;
      else this.d.logger.warn('UNKNOWN order could not take its twin', { code: r.code, message: r.message });
    }
    return adopted;
  }
}

function sameOrder(u: OrderView, r: RestOrderRow, windowMs: number): boolean {
  return (
    u.symbol === r.symbol &&
    u.side === r.side &&
    u.qty === r.qty &&
    u.price === r.price &&
    u.route === r.route &&
    u.ordDvsn === r.ordDvsn &&
    u.kind === r.kind &&
    (u.originalOrderNo ?? '') === (r.originalOrderNo ?? '') &&
    Math.abs(r.orderTime - u.createdAt) <= windowMs
  );
}
