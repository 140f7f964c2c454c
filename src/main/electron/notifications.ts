/** The Notifier port implemented with Electron's Notification. */
import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { Notifier } from '../electron-ports';

export interface NotificationClass {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
}

/**
 * `onAnyClick` runs first on every click (index.ts passes "show and focus the window"), then the
 * notification's own handler (e.g. the fill pipeline telling the screen which order to focus).
 */
export function electronNotifier(Notification: NotificationClass, onAnyClick: () => void = () => {}): Notifier {
  // Same tag → the newer notification replaces the older one instead of stacking up.
  const byTag = new Map<string, ElectronNotification>();
  return {
    notify(n) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: n.title, body: n.body, silent: n.silent ?? false });
      const onClick = n.onClick;
      notification.on('click', () => {
        onAnyClick();
        onClick?.();
      });
      if (n.tag) {
        byTag.get(n.tag)?.close();
        byTag.set(n.tag, notification);
        notification.on('close', () => {
          if (byTag.get(n.tag as string) === notification) byTag.delete(n.tag as string);
        });
      }
      notification.show();
    },
  };
}
