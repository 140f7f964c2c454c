/**
 * Cancel, modify, cancel-all and the kill switch. Each cancel/modify carries its own idempotencyKey and marks the
 * row pending until orders:changed moves it, so a second press does not send a second request.
 */
import type { OrderView } from '../../shared/ipc/domains/account';
import { api } from '../api/current';
import { newIdempotencyKey } from '../api/ids';
import { toast } from '../stores/notifications';
import { orderKey, setOpenOrders, useOrders } from '../stores/orders';
import { useSettings } from '../stores/settings';

/**
 * Re-reads the open orders after an action that changes them: orders:changed normally follows, but the screen must
 * not show a cancelled order as open if that event is late or was missed.
 */
async function refreshOpenOrders(): Promise<void> {
  const r = await api()?.call('orders:open', {});
  if (r?.ok) setOpenOrders(r.value);
}

function ref(o: OrderView): { orderNo?: string; clientOrderId?: string } {
  return o.orderNo ? { orderNo: o.orderNo } : { clientOrderId: o.clientOrderId ?? '' };
}

function markPending(key: string, what: 'cancel' | 'modify' | null): void {
  useOrders.setState((s) => {
    const pending = { ...s.pending };
    if (what) pending[key] = what;
    else delete pending[key];
    return { pending };
  });
}

export async function cancelOrder(o: OrderView): Promise<void> {
  const client = api();
  const key = orderKey(o);
  if (!client || useOrders.getState().pending[key]) return;
  markPending(key, 'cancel');
  const r = await client.call('orders:cancel', { ...ref(o), idempotencyKey: newIdempotencyKey('cx') });
  if (r.ok) {
    toast('info', r.value.message);
    void refreshOpenOrders();
  } else {
    markPending(key, null);
    toast('bad', { ko: r.message, en: r.messageEn ?? r.message });
  }
}

export async function cancelSelected(): Promise<void> {
  const { open, selected } = useOrders.getState();
  const o = open?.find((x) => orderKey(x) === selected);
  if (!o) {
    toast('warn', { ko: '취소할 주문을 미체결 목록에서 고르세요.', en: 'Select an open order to cancel.' }, 2500);
    return;
  }
  await cancelOrder(o);
}

export async function modifyOrder(o: OrderView, change: { price?: number; qty?: number }): Promise<boolean> {
  const client = api();
  const key = orderKey(o);
  if (!client || useOrders.getState().pending[key]) return false;
  markPending(key, 'modify');
  const r = await client.call('orders:modify', { ...ref(o), ...change, idempotencyKey: newIdempotencyKey('md') });
  if (r.ok) {
    toast('info', r.value.message);
    useOrders.setState({ editing: null });
    void refreshOpenOrders();
    return true;
  }
  markPending(key, null);
  toast('bad', { ko: r.message, en: r.messageEn ?? r.message });
  return false;
}

let cancelAllInFlight = false;
export async function cancelAllOrders(): Promise<void> {
  const client = api();
  if (!client || cancelAllInFlight) return;
  cancelAllInFlight = true;
  try {
    const r = await client.call('orders:cancelAll', {});
    if (r.ok) {
      toast(r.value.failed > 0 ? 'warn' : 'info', r.value.message);
      void refreshOpenOrders();
    } else toast('bad', { ko: r.message, en: r.messageEn ?? r.message });
  } finally {
    cancelAllInFlight = false;
  }
}

/** Engage at once (one press: it is the emergency brake); releasing goes through a confirmation in the UI. */
export async function setKillSwitch(engage: boolean): Promise<void> {
  const client = api();
  if (!client) return;
  const r = await client.call('risk:killSwitch', { engage });
  if (r.ok) {
    useSettings.setState({ risk: r.value });
    if (engage) void refreshOpenOrders();
    toast(engage ? 'bad' : 'info', engage
      ? { ko: '킬 스위치 작동: 모든 주문을 취소하고 신규 매수를 막습니다.', en: 'Kill switch engaged: all orders cancelled, new risk blocked.' }
      : { ko: '킬 스위치 해제', en: 'Kill switch released' });
  } else toast('bad', { ko: r.message, en: r.messageEn ?? r.message });
}
