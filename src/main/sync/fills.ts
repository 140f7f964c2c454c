/**
 * The fill pipeline (issue 5): one realtime notice → one store transaction → events → a notification.
 *
 *   fill (CNTG_YN=2)  → writer.applyFill: execution (stored once — the store's dedupe key), order state,
 *                       portfolio and an estimated 'fill' snapshot, in ONE transaction
 *                     → orders:changed, fills:new, portfolio:changed, account:changed → notification
 *   acceptance (=1)   → writer.applyOrderNotice (접수 / 정정·취소 확인 / IOC·FOK 잔량취소 / 거부)
 *                     → orders:changed (+ portfolio:changed for sells) → a notification on a refusal
 *
 * A notice is a hint (design.md invariant 4): anything the mirror cannot place cleanly asks reconciliation
 * to look (requestReconcile), it is never guessed at here. Trades made in the HTS/MTS arrive as notices for
 * the same HTS ID and take the same path (the store books them as source 'external').
 */
import { kstDate } from '../../shared/market/time';
import type { FillView } from '../../shared/ipc/domains/account';
import type { CoreContext } from '../core';
import type { ExecutionNotice } from '../kis/realtime/types';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { FillInput, FillResult, OrderNoticeInput, Side, SnapshotView, Venue } from '../store';
import { fillIdOf, type NameOf } from '../account/views';
import type { CostFn } from './costs';
import { fillMessage, refusalMessage } from './messages';
import { accountDigits, noticeToAction } from './notices';
import type { Publisher } from './publish';
import { asSnapshotView, snapshotAfterFill } from './snapshot';
import type { NotificationRequest } from '../account/notifications';

/** The latest account snapshot, kept in memory so a fill need not read it back. */
export interface SnapshotCache {
  get(): SnapshotView | null;
  set(s: SnapshotView): void;
}

export interface FillPipelineDeps {
  session: Pick<ActiveSession, 'store' | 'account' | 'marketClock' | 'instruments'>;
  emit: CoreContext['emit'];
  publisher: Publisher;
  costs: CostFn;
  snapshots: SnapshotCache;
  nameOf: NameOf;
  notify: (n: NotificationRequest) => void;
  /** Ask reconciliation to look soon (debounced by the caller). */
  requestReconcile: (reason: string) => void;
  logger: Logger;
  /** Called once per fill that changed the mirror (races with a balance read; today's realized P&L). */
  onFill?: (fill: { symbol: string; side: Side; tradeDate: string; fee: number; tax: number; result: FillResult }) => void;
}

export interface PipelineStats {
  notices: number;
  fills: number;
  duplicates: number;
  foreign: number;
  ignored: number;
  failed: number;
}

export class FillPipeline {
  readonly stats: PipelineStats = { notices: 0, fills: 0, duplicates: 0, foreign: 0, ignored: 0, failed: 0 };
  private readonly account: string;
  private closed = false;
  private readonly positions = new Map<string, { qty: number; cost: number }>();
  private readonly remainderOrders = new Set<string>();

  constructor(private readonly d: FillPipelineDeps) {
    this.account = accountDigits(`${d.session.account.cano}${d.session.account.productCode}`);
    // Remainders booked by an earlier run today.
    for (const e of d.session.store.reads.fillsToday()) if (e.source === 'reconcile') this.remainderOrders.add(`${e.tradeDate}|${e.orderNo}`);
  }

  close(): void {
    this.closed = true;
  }

  handle(n: ExecutionNotice): void {
    if (this.closed) return;
    this.stats.notices++;
    // The realtime client already drops other accounts' notices; a second check costs nothing and keeps a
    // linked account's trades out of this mirror even if that filter ever changes.
    if (accountDigits(n.account) !== this.account) {
      this.stats.foreign++;
      return;
    }
    const now = this.d.session.marketClock.now();
    const action = noticeToAction(n, kstDate(now), now);
    if (action.kind === 'ignore') {
      this.stats.ignored++;
      this.d.logger.warn('notice ignored', { reason: action.reason, trId: n.trId });
      return;
    }
    if (action.kind === 'fill') this.applyFill(action.fill);
    else this.applyOrderNotice(action.notice, action.acceptance, n);
  }

  private applyFill(f: Omit<FillInput, 'fee' | 'tax' | 'snapshot'>): void {
    const { store, instruments } = this.d.session;
    const tradeDate = f.tradeDate ?? kstDate(f.time);
    const amount = f.qty * f.price;
    const costs = this.d.costs({ symbol: f.symbol, side: f.side, venue: f.venue, qty: f.qty, amount, tradeDate });
    const snapshot = this.remainderOrders.has(`${tradeDate}|${f.orderNo}`)
      ? null
      : snapshotAfterFill(this.d.snapshots.get(), {
          side: f.side,
          qty: f.qty,
          price: f.price,
          fee: costs.fee,
          tax: costs.tax,
          positionBefore: f.side === 'sell' ? this.positionOf(f.symbol) : null,
          time: f.time,
        });
    const r = store.writer.applyFill({ ...f, ...costs, ...(snapshot ? { snapshot } : {}) });
    if (!r.ok) {
      this.stats.failed++;
      this.d.logger.warn('fill notice not applied', { code: r.code, message: r.message });
      this.d.requestReconcile('fill-not-applied');
      return;
    }
    if (r.needsReconcile) this.d.requestReconcile('fill-needs-reconcile');
    if (r.duplicate || !r.changed || r.executionId === null) {
      this.stats.duplicates++;
      return;
    }
    this.stats.fills++;
    if (r.position) this.positions.set(f.symbol, { qty: r.position.qty, cost: r.position.cost });
    else this.positions.delete(f.symbol);
    if (snapshot) this.d.snapshots.set(asSnapshotView(snapshot));
    this.d.onFill?.({ symbol: f.symbol, side: f.side, tradeDate, fee: costs.fee, tax: costs.tax, result: r });

    const name = this.d.nameOf(f.symbol, f.symbolName);
    const view: FillView = {
      fillId: fillIdOf(tradeDate, f.orderNo, r.executionId),
      orderNo: f.orderNo,
      symbol: f.symbol,
      name,
      side: f.side,
      qty: f.qty,
      price: f.price,
      venue: f.venue,
      fee: costs.fee,
      tax: costs.tax,
      time: f.time,
    };
    this.d.publisher.ordersChanged();
    this.d.emit('fills:new', view);
    this.d.publisher.holdingsChanged();
    const msg = fillMessage({ name, nameEn: instruments.get(f.symbol)?.nameEn ?? name, side: f.side, qty: f.qty, price: f.price, venue: f.venue as Venue });
    this.d.notify({ kind: 'fill', ...msg, symbol: f.symbol, orderNo: f.orderNo, tag: `fill:${tradeDate}:${f.orderNo}`, time: f.time });
  }

  /**
   * Reconciliation booked part of these orders' fills as a remainder (their notices were lost): a late notice
   * is then absorbed by the store without moving holdings, and the cash it implies is already in the balance
   * snapshot — so no 'fill' snapshot for it. The engine reports such orders after each reconciliation.
   */
  noteRemainders(tradeDate: string, orderNos: readonly string[]): void {
    for (const no of orderNos) this.remainderOrders.add(`${tradeDate}|${no}`);
  }

  /** Holdings changed outside the pipeline (reconciliation): positions must be read again. */
  forgetPositions(): void {
    this.positions.clear();
  }

  /** The position before a sell, for its cost basis: the store's answer to our last fill of it, else a read. */
  private positionOf(symbol: string): { qty: number; cost: number } | null {
    const known = this.positions.get(symbol);
    if (known) return known;
    const p = this.d.session.store.reads.position(symbol);
    return p ? { qty: p.qty, cost: p.cost } : null;
  }

  private applyOrderNotice(notice: OrderNoticeInput, acceptance: OrderNoticeInput | undefined, n: ExecutionNotice): void {
    const { store, instruments } = this.d.session;
    // A refusal for an order the mirror never saw (KIS refuses instead of accepting): book it first, so the
    // refusal has a row to land on and a repeated refusal notice finds it already refused.
    if (acceptance && notice.type === 'refused' && !store.reads.orderByOrderNo(notice.orderNo, notice.tradeDate)) {
      const booked = store.writer.applyOrderNotice(acceptance);
      if (!booked.ok) this.d.logger.warn('refused order could not be booked', { code: booked.code, message: booked.message });
    }
    const r = store.writer.applyOrderNotice(notice);
    if (!r.ok) {
      this.stats.failed++;
      this.d.logger.warn('order notice not applied', { type: notice.type, code: r.code, message: r.message });
      this.d.requestReconcile('order-notice-not-applied');
      return;
    }
    if (r.needsReconcile) this.d.requestReconcile('order-notice-needs-reconcile');
    // KIS knows an order the mirror only has as an UNKNOWN intent's twin: reconciliation settles which it is.
    if (notice.type === 'accepted' && r.order?.source === 'external' && store.reads.unknownOrders().length > 0) {
      this.d.requestReconcile('unknown-intent');
    }
    if (r.changed) {
      this.d.publisher.ordersChanged();
      if (n.side === 'sell') this.d.publisher.holdingsChanged();
    }
    if (notice.type === 'refused' && r.changed && n.side !== 'unknown') {
      const name = this.d.nameOf(n.symbol, n.name.trim() || null);
      const msg = refusalMessage({ name, nameEn: instruments.get(n.symbol)?.nameEn ?? name, side: n.side, qty: n.orderQty, orderNo: n.orderNo });
      this.d.notify({ kind: 'reject', ...msg, symbol: n.symbol, orderNo: n.orderNo, tag: `order:${n.orderNo}`, time: notice.time });
    }
  }
}
