/**
 * 알림: the in-app log of fills, rejections, order events and system messages (the same ones main raises as OS
 * notifications). Clicking one with an order selects that order.
 */
import type { NotificationView } from '../../shared/ipc/domains/account';
import { hms } from '../format/time';
import { useBi, useT } from '../i18n';
import { markRead, useNotifications } from '../stores/notifications';
import { focusOrder } from '../orders/focus-order';
import { EmptyState } from '../shell/Panel';

const ICON: Record<NotificationView['kind'], string> = { fill: '●', rejection: '✕', order: '◆', system: 'ℹ', killSwitch: '■' };

export function Notifications() {
  const t = useT();
  const bi = useBi();
  const items = useNotifications((s) => s.items);
  if (items === null) return <EmptyState domain="notifications" />;
  if (items.length === 0) return <EmptyState title={t('notifications.empty')} />;
  const select = (n: NotificationView) => focusOrder(n.orderNo);
  return (
    <ul className="notes" data-testid="notification-log" onMouseEnter={markRead}>
      {items.slice(0, 200).map((n) => (
        <li key={n.id} className={`note note-${n.kind}`} data-kind={n.kind} onClick={() => select(n)}>
          <span className="note-icon" aria-hidden="true">
            {ICON[n.kind]}
          </span>
          <span className="note-main">
            <span className="note-title">{bi(n.title)}</span>
            <span className="note-body">{bi(n.body)}</span>
          </span>
          <span className="note-time muted">{hms(n.time)}</span>
        </li>
      ))}
    </ul>
  );
}
