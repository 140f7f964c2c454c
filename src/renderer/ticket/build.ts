/**
 * Turns what the trader typed into the ticket main receives (pure). Quantity modes are resolved here — main only
 * ever sees shares — so the preview, the confirmation and the submission all carry the same numbers.
 */
import type { OrderTicket } from '../../shared/ipc/domains/orders';
import { commissionPpbFor, effectiveQty, parseWholeNumber } from './math';
import type { TicketStore } from './store';
import { isPriced } from './types';

export type TicketDraft = Omit<OrderTicket, 'idempotencyKey' | 'confirmed'>;

export interface BuildContext {
  orderableCash: number | null;
  fees: { krxPpb: number; nxtPpb: number };
  /** The price an unpriced order would likely get (best ask for a buy, best bid for a sell, else the last price). */
  referencePrice: number | null;
}

export type Built = { ok: true; draft: TicketDraft; qty: number; price: number } | { ok: false; reason: { ko: string; en: string } };

type TicketInputs = Pick<TicketStore, 'instrument' | 'side' | 'route' | 'type' | 'priceText' | 'stopPriceText' | 'qtyMode' | 'qtyText'>;

export function buildTicket(s: TicketInputs, ctx: BuildContext): Built {
  if (!s.instrument) return { ok: false, reason: { ko: '종목을 먼저 고르세요 (Ctrl+K).', en: 'Pick a symbol first (Ctrl+K).' } };
  const priced = isPriced(s.type);
  const typed = parseWholeNumber(s.priceText);
  if (priced && (typed === null || typed <= 0)) return { ok: false, reason: { ko: '가격을 입력하세요.', en: 'Enter a price.' } };
  const price = priced ? (typed as number) : (ctx.referencePrice ?? 0);
  const qty = effectiveQty({ mode: s.qtyMode, raw: s.qtyText, price, orderableCash: ctx.orderableCash, commissionPpb: commissionPpbFor(s.route, ctx.fees) });
  if (qty === null) {
    if (s.qtyMode === 'percent' && ctx.orderableCash === null) return { ok: false, reason: { ko: '주문가능금액을 아직 모릅니다.', en: 'Orderable cash is not known yet.' } };
    if (s.qtyMode !== 'shares' && s.qtyText.trim() !== '') return { ok: false, reason: { ko: '이 금액으로는 1주도 살 수 없습니다.', en: 'That amount does not buy a single share.' } };
    return { ok: false, reason: { ko: '수량을 입력하세요.', en: 'Enter a quantity.' } };
  }
  const draft: TicketDraft = { symbol: s.instrument.symbol, side: s.side, route: s.route, type: s.type, qty };
  if (priced) draft.price = price;
  if (s.type === 'stopLimit') {
    const stop = parseWholeNumber(s.stopPriceText);
    if (stop === null || stop <= 0) return { ok: false, reason: { ko: '스톱 가격을 입력하세요.', en: 'Enter a stop price.' } };
    draft.stopPrice = stop;
  }
  return { ok: true, draft, qty, price };
}

/** Identity of a draft: a preview belongs to exactly one. */
export function draftKey(d: TicketDraft): string {
  return [d.symbol, d.side, d.route, d.type, d.qty, d.price ?? '', d.stopPrice ?? ''].join('|');
}
