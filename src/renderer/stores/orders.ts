/** Open orders (from orders:open and every orders:changed) and which one the trader has selected. */
import { create } from 'zustand';
import type { OrderView } from '../../shared/ipc/domains/account';

interface OrdersStore {
  open: OrderView[] | null;
  /** orderKey() of the selected row: what "cancel selected" cancels. */
  selected: string | null;
  /** The row being modified inline. */
  editing: string | null;
  /** Keys with a cancel/modify on its way, so the row shows it and a second press does not send again. */
  pending: Record<string, 'cancel' | 'modify'>;
}

export const useOrders = create<OrdersStore>(() => ({ open: null, selected: null, editing: null, pending: {} }));

/** Orders from this terminal have a clientOrderId before KIS numbers them; external ones only an orderNo. */
export function orderKey(o: Pick<OrderView, 'orderNo' | 'clientOrderId'>): string {
  return o.orderNo ? `no:${o.orderNo}` : `id:${o.clientOrderId ?? ''}`;
}

export function setOpenOrders(open: OrderView[]): void {
  useOrders.setState((s) => {
    const keys = new Set(open.map(orderKey));
    const pending = Object.fromEntries(Object.entries(s.pending).filter(([k]) => keys.has(k)));
    return {
      open: [...open].sort((a, b) => b.createdAt - a.createdAt),
      selected: s.selected && keys.has(s.selected) ? s.selected : null,
      editing: s.editing && keys.has(s.editing) ? s.editing : null,
      pending,
    };
  });
}

/** Arrow-key movement through the open orders. */
export function moveSelection(delta: number): void {
  const { open, selected } = useOrders.getState();
  if (!open || open.length === 0) return;
  const i = selected ? open.findIndex((o) => orderKey(o) === selected) : -1;
  const next = Math.max(0, Math.min(open.length - 1, i < 0 ? 0 : i + delta));
  useOrders.setState({ selected: orderKey(open[next]!) });
}
