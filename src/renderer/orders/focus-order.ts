/**
 * "Show me that order": a click on an in-app notification or on the OS notification (main sends
 * notifications:clicked) selects the order among the open ones and brings its symbol up.
 */
import { focusCode } from '../market/lookup';
import { useAccount } from '../stores/account';
import { markRead } from '../stores/notifications';
import { orderKey, useOrders } from '../stores/orders';

export function focusOrder(orderNo: string | null): void {
  markRead();
  if (!orderNo) return;
  const open = useOrders.getState().open?.find((o) => o.orderNo === orderNo);
  if (open) useOrders.setState({ selected: orderKey(open) });
  const symbol = open?.symbol ?? useAccount.getState().fills?.find((f) => f.orderNo === orderNo)?.symbol;
  if (symbol) void focusCode(symbol);
}
