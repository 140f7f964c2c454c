/**
 * The order ticket: what the trader has typed (symbol, side, route, type, price text, quantity text and mode),
 * main's preview of exactly that ticket, the confirmation dialog and whether a submission is in flight.
 * Actions that talk to main live in submit.ts and preview.ts; this file only holds and edits state.
 */
import { create } from 'zustand';
import type { InstrumentView } from '../../shared/ipc/domains/market';
import type { OrderPreview, OrderTicket } from '../../shared/ipc/domains/orders';
import type { QtyMode, Route } from './math';
import type { OrderType } from './types';

export type Side = 'buy' | 'sell';

export interface TicketStore {
  instrument: InstrumentView | null;
  side: Side;
  route: Route;
  type: OrderType;
  priceText: string;
  stopPriceText: string;
  qtyMode: QtyMode;
  qtyText: string;
  /** main's preview of the ticket whose key is previewKey. */
  preview: OrderPreview | null;
  previewKey: string | null;
  previewProblem: { key: string; text: { ko: string; en: string } } | null;
  submitting: boolean;
  /** The confirmation dialog: the exact ticket that will be sent once the trader confirms. */
  confirm: { ticket: OrderTicket; preview: OrderPreview } | null;
  /** The answer to the last submission, shown under the ticket. */
  outcome: { tone: 'good' | 'bad'; text: { ko: string; en: string } } | null;
  /** Bumped to ask the quantity box to take focus (buy/sell at best). */
  focusQty: number;
}

export const useTicket = create<TicketStore>(() => ({
  instrument: null,
  side: 'buy',
  route: 'KRX',
  type: 'limit',
  priceText: '',
  stopPriceText: '',
  qtyMode: 'shares',
  qtyText: '',
  preview: null,
  previewKey: null,
  previewProblem: null,
  submitting: false,
  confirm: null,
  outcome: null,
  focusQty: 0,
}));

export function editTicket(patch: Partial<Pick<TicketStore, 'side' | 'route' | 'type' | 'priceText' | 'stopPriceText' | 'qtyMode' | 'qtyText'>>): void {
  useTicket.setState({ ...patch, outcome: null });
}

/** A new symbol keeps side, route and quantity but not the price (a price of another symbol is meaningless). */
export function setTicketInstrument(instrument: InstrumentView): void {
  const s = useTicket.getState();
  if (s.instrument?.symbol === instrument.symbol) {
    useTicket.setState({ instrument });
    return;
  }
  // NXT does not trade every symbol: fall back to KRX rather than keep a route main would refuse.
  const route = !instrument.nxtEligible && s.route !== 'KRX' ? 'KRX' : s.route;
  useTicket.setState({ instrument, route, priceText: '', stopPriceText: '', preview: null, previewKey: null, previewProblem: null, outcome: null });
}

/** KRX ↔ NXT (SOR → KRX). NXT only when the symbol trades there. */
export function toggleVenue(): void {
  const s = useTicket.getState();
  const next: Route = s.route === 'KRX' && s.instrument?.nxtEligible !== false ? 'NXT' : 'KRX';
  editTicket({ route: next });
}

export function requestQtyFocus(): void {
  useTicket.setState((s) => ({ focusQty: s.focusQty + 1 }));
}
