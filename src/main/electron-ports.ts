/**
 * The few Electron-only capabilities the core uses, as small interfaces. index.ts adapts Electron's objects
 * to these; tests and the E2E harness pass doubles. Nothing here imports electron.
 */

export interface OsNotification {
  title: string;
  body: string;
  /** Notifications with the same tag replace each other (e.g. one per order). */
  tag?: string;
  /** Called when the trader clicks the notification (e.g. to bring the window forward). */
  onClick?: () => void;
  silent?: boolean;
}

/** OS notifications (fills, rejections, connection loss). */
export interface Notifier {
  notify(notification: OsNotification): void;
}

/** A notifier that drops everything: for code paths and tests that do not care. */
export const silentNotifier: Notifier = { notify: () => {} };
