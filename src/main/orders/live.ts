/**
 * The order path's live reads (design.md invariant 3) — the ONLY KIS reads an order makes, all started at
 * once (Promise.all), so they cost one round trip together:
 *   - orderable cash (inquire-psbl-order): buys only; the check uses `nrcvb_buy_amt`, never the mirror;
 *   - the quote (inquire-price): halt status and the day's band (stck_mxpr / stck_llam) — always;
 *   - the book (inquire-asking-price): only when a price must be chosen (NXT market→limit, smart offsets).
 * A failed read refuses the order: nothing is sent on unverified numbers.
 */
import type { Failure } from '../../shared/ipc/result';
import { settle, type KisError } from '../kis/errors';
import type { KisRest } from '../kis';
import type { OrderableCash, OrderBook, Quote, QuoteMarket } from '../kis/types';
import { refuse } from './refusal';
import type { Route } from './mapping';

export interface LiveNeeds {
  cash: boolean;
  book: boolean;
}

export interface LiveData {
  cash: OrderableCash | null;
  quote: Quote;
  book: OrderBook | null;
}

/** KRX quote for KRX/SOR (KRX halt + the band NXT shares); NXT's own quote for NXT (its halt flag). */
export const quoteMarketFor = (route: Route): QuoteMarket => (route === 'NXT' ? 'NX' : 'J');
/** The book the price is chosen from: the venue's own, or the combined (통합) book for SOR. */
export const bookMarketFor = (route: Route): QuoteMarket => (route === 'NXT' ? 'NX' : route === 'SOR' ? 'UN' : 'J');

function liveFailure(what: { ko: string; en: string }, e: KisError): Failure {
  const detail = e.msg1 ? ` — ${e.msg1}${e.msgCd ? ` (${e.msgCd})` : ''}` : '';
  if (e.kind === 'rate-limited') {
    return refuse(
      'RATE_LIMITED',
      `KIS 호출 한도에 걸려 ${what.ko}을(를) 확인하지 못했습니다. 잠시 후 다시 시도하세요. 주문은 전송되지 않았습니다.`,
      `KIS rate limit: could not check ${what.en}. Try again shortly. The order was not sent.`,
    );
  }
  return refuse(
    'UNAVAILABLE',
    `KIS에서 ${what.ko}을(를) 확인하지 못해 주문을 보내지 않았습니다${detail}.`,
    `Could not check ${what.en} with KIS, so the order was not sent${detail}.`,
  );
}

export async function fetchLive(rest: KisRest, symbol: string, route: Route, needs: LiveNeeds, price?: number): Promise<LiveData | Failure> {
  const [cash, quote, book] = await Promise.all([
    needs.cash ? settle(rest.inquirePsblOrder({ symbol, ...(price && price > 0 ? { price } : {}), priority: 'live' })) : null,
    settle(rest.inquirePrice(symbol, { market: quoteMarketFor(route), priority: 'live' })),
    needs.book ? settle(rest.askingPrice(symbol, { market: bookMarketFor(route), priority: 'live' })) : null,
  ]);
  if (!quote.ok) return liveFailure({ ko: '현재가(상·하한가, 거래정지)', en: 'the quote (band, halt status)' }, quote.error);
  if (cash && !cash.ok) return liveFailure({ ko: '주문가능금액', en: 'the orderable cash' }, cash.error);
  if (book && !book.ok) return liveFailure({ ko: '호가', en: 'the order book' }, book.error);
  return { cash: cash ? cash.value : null, quote: quote.value, book: book ? book.value : null };
}
