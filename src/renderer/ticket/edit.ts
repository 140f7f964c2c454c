/** Ticket edits the keyboard and the 호가창 trigger: load a price, buy/sell at best, tick steps, presets. */
import { formatNumber } from '../format/numbers';
import { settingsNow } from '../stores/settings';
import { toast } from '../stores/notifications';
import { bestPrice, priceRules } from './context';
import { parseWholeNumber, snapPrice, stepPrice } from './math';
import { editTicket, requestQtyFocus, useTicket, type Side } from './store';
import { isPriced } from './types';

/** A price clicked in the 호가창 goes into the ticket (a priced order type is chosen if needed). */
export function loadPrice(price: number): void {
  const s = useTicket.getState();
  editTicket({ priceText: formatNumber(price), ...(isPriced(s.type) ? {} : { type: 'limit' as const }) });
}

/** F1 / F2: side, limit at the best opposite price (best ask to buy, best bid to sell), focus on quantity. */
export function atBest(side: Side): void {
  const s = useTicket.getState();
  if (!s.instrument) {
    toast('warn', { ko: '먼저 종목을 고르세요 (Ctrl+K).', en: 'Pick a symbol first (Ctrl+K).' }, 2500);
    return;
  }
  const price = bestPrice(s.instrument.symbol, s.route, side);
  editTicket({ side, type: 'limit', ...(price !== null ? { priceText: formatNumber(price) } : {}) });
  requestQtyFocus();
}

export function stepTicketPrice(steps: number): void {
  const s = useTicket.getState();
  if (!isPriced(s.type)) return;
  const { etp, band } = priceRules();
  const current = parseWholeNumber(s.priceText) ?? (s.instrument ? bestPrice(s.instrument.symbol, s.route, s.side) : null) ?? 0;
  editTicket({ priceText: formatNumber(stepPrice(current, steps, etp, band)) });
}

/** On leaving the price box: a typed price goes onto the tick grid and inside the band. */
export function snapTicketPrice(): void {
  const s = useTicket.getState();
  const p = parseWholeNumber(s.priceText);
  if (p === null || p <= 0) return;
  const { etp, band } = priceRules();
  const snapped = snapPrice(p, etp, band);
  if (formatNumber(snapped) !== s.priceText) editTicket({ priceText: formatNumber(snapped) });
}

export function applyQtyPreset(i: 0 | 1 | 2): void {
  const n = settingsNow().qtyPresets[i];
  if (n === undefined) return;
  editTicket({ qtyMode: 'shares', qtyText: String(n) });
  requestQtyFocus();
}

/** A freshly picked symbol starts with its current price in the box (only while the box is still empty). */
export function prefillPrice(symbol: string, price: number): void {
  const s = useTicket.getState();
  if (s.instrument?.symbol !== symbol || s.priceText !== '' || !(price > 0)) return;
  useTicket.setState({ priceText: formatNumber(price) });
}
