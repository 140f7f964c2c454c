/**
 * The unfilled-order manager for `chase: true` limit orders. Every `repriceAfterSec` of MARKET time (the
 * session's marketClock, so tests move it with the simulator's clock) an order still open at KIS is moved one
 * tick toward the market (buys up, sells down; never past the day's band), up to `maxReprices` times; after that —
 * only on KRX and only if the trader allowed it (settings.smart.marketFallback) — it becomes a market order.
 *
 * "Cancel and reprice" is sent as a KIS 정정 (order-rvsecncl, RVSE_CNCL_DVSN_CD 01, whole remainder): the exchange
 * cancels the remainder and books it again at the new price in one step, so a fill landing between a separate
 * cancel and a new order can never buy or sell twice. Whether the order is still open, and its remainder, come
 * from KIS's open-order list (one read per round, shared by every due order). Every step is journaled (the
 * modify intent in the store) and emitted on `orders:journal` under the trader's original clientOrderId.
 */
import { randomUUID } from 'node:crypto';
import type { Bilingual } from '../../shared/ipc/domains/common';
import { stepTicks } from '../../shared/market/ticks';
import type { Settings } from '../../shared/settings/schema';
import { settle, type OpenOrder } from '../kis';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import { sendAmend } from './amend';
import type { JournalStep } from './journal';
import type { Band } from './price-checks';
import { wonEn, wonKo } from './refusal';
import type { OrderTarget } from './target';

export interface ChaseStart {
  rootClientOrderId: string;
  target: OrderTarget;
  etp: boolean;
  band: Band;
}

interface Chase extends ChaseStart {
  reprices: number;
  lastAt: number;
  busy: boolean;
}

export interface ChaseDeps {
  session(): ActiveSession | null;
  settings(): Settings;
  journal: JournalStep;
  logger: Logger;
  /** Risk-increasing steps (repricing a buy) stop while the kill switch is engaged. */
  killSwitchEngaged(): boolean;
}

export class ChaseManager {
  private readonly chases = new Map<string, Chase>();
  private running: Promise<void> | null = null;

  constructor(private readonly deps: ChaseDeps) {}

  add(start: ChaseStart): void {
    const s = this.deps.session();
    if (!s) return;
    const { repriceAfterSec, maxReprices, marketFallback } = this.deps.settings().smart;
    this.chases.set(start.rootClientOrderId, { ...start, reprices: 0, lastAt: s.marketClock.now(), busy: false });
    this.deps.journal(start.rootClientOrderId, 'chase.armed', {
      ko: `미체결 추적 시작: ${repriceAfterSec}초마다 1틱씩 최대 ${maxReprices}회 정정${marketFallback && start.target.route === 'KRX' ? ', 이후 시장가' : ''}.`,
      en: `Chasing: one tick toward the market every ${repriceAfterSec}s, up to ${maxReprices} times${marketFallback && start.target.route === 'KRX' ? ', then a market order' : ''}.`,
    });
  }

  active(): number {
    return this.chases.size;
  }

  /** Stops every chase (kill switch, environment switch, shutdown). */
  clear(reason: Bilingual): void {
    for (const id of this.chases.keys()) this.deps.journal(id, 'chase.stopped', reason);
    this.chases.clear();
  }

  /** The trader modifies or cancels a chased order by hand: the chase lets go of it. */
  forget(orderNo: string, kind: 'modify' | 'cancel'): void {
    for (const c of this.chases.values()) {
      if (c.target.orderNo !== orderNo) continue;
      this.finish(c, 'chase.stopped', {
        ko: `직접 ${kind === 'modify' ? '정정' : '취소'}하여 추적을 멈춥니다.`,
        en: `Stopped: the order was ${kind === 'modify' ? 'modified' : 'cancelled'} by hand.`,
      });
    }
  }

  /** One round: every chase whose time has come takes one step. Overlapping calls share the running round. */
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    const s = this.deps.session();
    if (!s || this.chases.size === 0) return;
    const afterMs = this.deps.settings().smart.repriceAfterSec * 1000;
    const now = s.marketClock.now();
    const due = [...this.chases.values()].filter((c) => !c.busy && now - c.lastAt >= afterMs);
    if (due.length === 0) return;
    const open = await settle(s.rest.openOrders({ priority: 'live' }));
    if (!open.ok) {
      this.deps.logger.warn('chase: open orders unreadable, retrying next round', { kind: open.error.kind });
      return;
    }
    await Promise.all(due.map((c) => this.step(s, c, open.value)));
  }

  private finish(c: Chase, step: string, message: Bilingual): void {
    this.chases.delete(c.rootClientOrderId);
    this.deps.journal(c.rootClientOrderId, step, message);
  }

  private async step(s: ActiveSession, c: Chase, open: OpenOrder[]): Promise<void> {
    c.busy = true;
    try {
      const live = open.find((o) => o.orderNo === c.target.orderNo && o.remainingQty > 0);
      if (!live) {
        this.finish(c, 'chase.done', { ko: `주문 ${c.target.orderNo}이(가) 더 이상 미체결이 아니어서 추적을 끝냅니다.`, en: `Order ${c.target.orderNo} is no longer open; chase finished.` });
        return;
      }
      c.target = { ...c.target, remainingQty: live.remainingQty };
      if (c.target.side === 'buy' && this.deps.killSwitchEngaged()) {
        this.finish(c, 'chase.stopped', { ko: '킬 스위치가 켜져 매수 추적을 멈춥니다.', en: 'Kill switch engaged: the buy chase stops.' });
        return;
      }
      const { maxReprices, marketFallback } = this.deps.settings().smart;
      const sendDeps = { session: s, journal: this.deps.journal, logger: this.deps.logger };
      if (c.reprices < maxReprices) {
        const next = stepTicks(c.target.price, c.target.side === 'buy' ? 1 : -1, c.etp);
        const bounded = c.target.side === 'buy' ? Math.min(next, c.band.upper > 0 ? c.band.upper : next) : Math.max(next, c.band.lower);
        if (bounded === c.target.price) {
          this.finish(c, 'chase.exhausted', { ko: `가격제한폭 끝(${wonKo(c.target.price)})이라 더 옮길 수 없습니다.`, en: `At the band edge (${wonEn(c.target.price)}); cannot move further.` });
          return;
        }
        const out = await sendAmend(sendDeps, c.target, { kind: 'modify', clientOrderId: randomUUID(), price: bounded });
        if (out.state !== 'accepted') {
          this.finish(c, 'chase.stopped', { ko: `정정이 접수되지 않아 추적을 멈춥니다: ${out.message.ko}`, en: `The reprice was not accepted; chase stopped: ${out.message.en}` });
          return;
        }
        c.reprices++;
        this.deps.journal(c.rootClientOrderId, 'chase.reprice', {
          ko: `${c.reprices}회차 정정: ${wonKo(c.target.price)} → ${wonKo(bounded)} (주문번호 ${out.orderNo})`,
          en: `Reprice ${c.reprices}: ${wonEn(c.target.price)} → ${wonEn(bounded)} (order no. ${out.orderNo})`,
        });
        c.target = { ...c.target, orderNo: out.orderNo, orgNo: out.orgNo, price: bounded, clientOrderId: out.clientOrderId };
        c.lastAt = s.marketClock.now();
        return;
      }
      if (marketFallback && c.target.route === 'KRX') {
        const out = await sendAmend(sendDeps, c.target, { kind: 'modify', clientOrderId: randomUUID(), ordDvsn: '01' });
        this.finish(
          c,
          out.state === 'accepted' ? 'chase.market' : 'chase.stopped',
          out.state === 'accepted'
            ? { ko: `최대 정정 후 시장가로 전환했습니다 (주문번호 ${out.orderNo}).`, en: `After the last reprice, switched to a market order (order no. ${out.orderNo}).` }
            : { ko: `시장가 전환이 접수되지 않았습니다: ${out.message.ko}`, en: `The market fallback was not accepted: ${out.message.en}` },
        );
        return;
      }
      this.finish(c, 'chase.exhausted', {
        ko: `최대 ${maxReprices}회 정정 후에도 미체결이라 추적을 끝냅니다${c.target.route === 'KRX' ? ' (시장가 전환 꺼짐)' : ' (시장가 전환은 KRX만)'}.`,
        en: `Still open after ${maxReprices} reprices; chase finished${c.target.route === 'KRX' ? ' (market fallback off)' : ' (market fallback is KRX only)'}.`,
      });
    } catch (err) {
      this.deps.logger.error('chase step failed', { error: err instanceof Error ? err.message : String(err) });
      this.finish(c, 'chase.stopped', { ko: '추적 중 오류가 나서 멈췄습니다.', en: 'The chase stopped on an internal error.' });
    } finally {
      c.busy = false;
    }
  }
}
