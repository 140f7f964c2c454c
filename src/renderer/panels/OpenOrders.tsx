/**
 * 미체결: open orders with inline modify (price / quantity) and cancel. Click or ↑/↓ (with the list focused)
 * selects a row; the cancelSelected hotkey (Delete) cancels it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OrderView } from '../../shared/ipc/domains/account';
import { formatNumber } from '../format/numbers';
import { hms } from '../format/time';
import { useBi, useT, type MessageKey } from '../i18n';
import { cancelOrder, modifyOrder } from '../orders/actions';
import { moveSelection, orderKey, useOrders } from '../stores/orders';
import { EmptyState } from '../shell/Panel';
import { parseWholeNumber } from '../ticket/math';

const STATE_LABEL: Record<OrderView['state'], MessageKey> = {
  intent: 'order.state.intent',
  sent: 'order.state.sent',
  accepted: 'order.state.accepted',
  partially_filled: 'order.state.partially_filled',
  filled: 'order.state.filled',
  cancelled: 'order.state.cancelled',
  rejected: 'order.state.rejected',
  unknown: 'order.state.unknown',
  failed: 'order.state.failed',
};

export function OpenOrders() {
  const t = useT();
  const open = useOrders((s) => s.open);
  const selected = useOrders((s) => s.selected);
  const editing = useOrders((s) => s.editing);
  const pending = useOrders((s) => s.pending);
  if (open === null) return <EmptyState domain="orders" />;
  if (open.length === 0) return <EmptyState title={t('orders.empty')} />;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveSelection(e.key === 'ArrowDown' ? 1 : -1);
    }
  };
  return (
    <table className="table orders" data-testid="open-orders" tabIndex={0} data-own-keys="ArrowUp,ArrowDown" onKeyDown={onKey}>
      <thead>
        <tr>
          <th className="l">{t('col.name')}</th>
          <th>{t('col.side')}</th>
          <th>{t('col.orderPrice')}</th>
          <th>{t('col.remaining')}</th>
          <th className="c">{t('col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {open.map((o) => {
          const key = orderKey(o);
          return editing === key ? (
            <EditRow key={key} order={o} />
          ) : (
            <tr key={key} className={selected === key ? 'selected' : ''} data-order={o.orderNo ?? o.clientOrderId ?? ''} data-testid="open-order-row" onClick={() => useOrders.setState({ selected: key })}>
              <td className="l">
                <span className="name">{o.name}</span>
                <span className="sub">
                  {hms(o.createdAt)} · {o.route}
                  {o.state !== 'accepted' && <span className={`state state-${o.state}`}> · {t(STATE_LABEL[o.state])}</span>}
                </span>
              </td>
              <td className={o.side === 'buy' ? 'up' : 'down'}>{t(o.side === 'buy' ? 'side.buy' : 'side.sell')}</td>
              <td>{o.price > 0 ? formatNumber(o.price) : t('order.unpriced')}</td>
              <td>
                {formatNumber(o.remainingQty)}
                <span className="sub">/{formatNumber(o.qty)}</span>
              </td>
              <td className="c actions">
                {pending[key] ? (
                  <span className="muted">{t(pending[key] === 'cancel' ? 'orders.cancelling' : 'orders.modifying')}</span>
                ) : (
                  <>
                    <button type="button" className="mini" data-testid="modify-order" onClick={(e) => (e.stopPropagation(), useOrders.setState({ editing: key, selected: key }))}>
                      {t('orders.modify')}
                    </button>
                    <button type="button" className="mini danger" data-testid="cancel-order" onClick={(e) => (e.stopPropagation(), void cancelOrder(o))}>
                      {t('orders.cancel')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function EditRow({ order }: { order: OrderView }) {
  const t = useT();
  const bi = useBi();
  const [price, setPrice] = useState(order.price > 0 ? formatNumber(order.price) : '');
  const [qty, setQty] = useState(String(order.remainingQty));
  const [problem, setProblem] = useState<{ ko: string; en: string } | null>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    priceRef.current?.focus();
    priceRef.current?.select();
  }, []);
  const send = async () => {
    const p = parseWholeNumber(price);
    const q = parseWholeNumber(qty);
    if (p === null || p <= 0 || q === null || q <= 0) {
      setProblem({ ko: '가격과 수량을 확인하세요.', en: 'Check the price and quantity.' });
      return;
    }
    const change: { price?: number; qty?: number } = {};
    if (p !== order.price) change.price = p;
    if (q !== order.remainingQty) change.qty = q;
    if (!change.price && !change.qty) {
      useOrders.setState({ editing: null });
      return;
    }
    await modifyOrder(order, change);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      void send();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      useOrders.setState({ editing: null });
    }
  };
  return (
    <tr className="selected editing" data-testid="edit-order-row">
      <td className="l">
        <span className="name">{order.name}</span>
        {problem && <span className="sub bad">{bi(problem)}</span>}
      </td>
      <td className={order.side === 'buy' ? 'up' : 'down'}>{t(order.side === 'buy' ? 'side.buy' : 'side.sell')}</td>
      <td>
        <input ref={priceRef} className="input num mini-input" aria-label={t('ticket.price')} data-testid="modify-price" data-own-keys="Enter,Escape,Delete" value={price} onChange={(e) => setPrice(e.target.value)} onKeyDown={onKey} />
      </td>
      <td>
        <input className="input num mini-input" aria-label={t('ticket.qty')} data-testid="modify-qty" data-own-keys="Enter,Escape,Delete" value={qty} onChange={(e) => setQty(e.target.value)} onKeyDown={onKey} />
      </td>
      <td className="c actions">
        <button type="button" className="mini primary" data-testid="modify-send" onClick={() => void send()}>
          {t('orders.modify.send')}
        </button>
        <button type="button" className="mini" onClick={() => useOrders.setState({ editing: null })}>
          {t('orders.modify.close')}
        </button>
      </td>
    </tr>
  );
}
