/**
 * The in-app notification log (notifications:list + notifications:new) and the transient toasts: every fill and
 * rejection lands here, besides the OS notification main raises.
 */
import { create } from 'zustand';
import type { NotificationView } from '../../shared/ipc/domains/account';

export interface Toast {
  id: string;
  tone: 'info' | 'good' | 'bad' | 'warn';
  text: { ko: string; en: string };
}

interface NotificationsStore {
  items: NotificationView[] | null;
  unread: number;
  toasts: Toast[];
}

export const useNotifications = create<NotificationsStore>(() => ({ items: null, unread: 0, toasts: [] }));

const MAX_ITEMS = 500;
const MAX_TOASTS = 3;

export function setNotifications(items: NotificationView[]): void {
  useNotifications.setState((s) => ({ items: merge(s.items ?? [], items) }));
}

export function addNotification(n: NotificationView): void {
  useNotifications.setState((s) => {
    if ((s.items ?? []).some((x) => x.id === n.id)) return s;
    return { items: merge(s.items ?? [], [n]), unread: s.unread + 1 };
  });
}

function merge(a: NotificationView[], b: NotificationView[]): NotificationView[] {
  const byId = new Map<number, NotificationView>();
  for (const n of [...a, ...b]) byId.set(n.id, n);
  return [...byId.values()].sort((x, y) => y.time - x.time || y.id - x.id).slice(0, MAX_ITEMS);
}

export function markRead(): void {
  useNotifications.setState({ unread: 0 });
}

let toastSeq = 0;
/** A short message over the screen (order accepted, refused, "press again to cancel all"…). */
export function toast(tone: Toast['tone'], text: { ko: string; en: string }, ms = 3500): string {
  const id = `t${++toastSeq}`;
  useNotifications.setState((s) => ({ toasts: [...s.toasts, { id, tone, text }].slice(-MAX_TOASTS) }));
  setTimeout(() => dismissToast(id), ms);
  return id;
}

export function dismissToast(id: string): void {
  useNotifications.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
