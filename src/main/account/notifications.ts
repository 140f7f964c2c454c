/**
 * Notifications the trader sees: an OS toast (when the settings allow it), a row in the store's
 * notification log (the in-app list), and the `notifications:new` event — in that one place, so every kind
 * (fills, refusals, the kill switch…) behaves alike.
 *
 * The log keeps one title and one body text per row; both languages are stored as a small JSON object
 * `{"ko":…,"en":…}` in each, and `decodeBilingual` also accepts plain text from older rows.
 */
import type { NotificationView } from '../../shared/ipc/domains/account';
import type { Bilingual } from '../../shared/ipc/domains/common';
import type { Settings } from '../../shared/settings/schema';
import type { CoreContext } from '../core';
import type { NotificationKind, Store } from '../store';

const TITLE_MAX = 200;
const BODY_MAX = 2000;

function encode(b: Bilingual, max: number): string {
  const json = JSON.stringify({ ko: b.ko, en: b.en });
  if (json.length <= max) return json;
  const half = Math.floor((max - 30) / 2);
  return JSON.stringify({ ko: b.ko.slice(0, half), en: b.en.slice(0, half) });
}

export function decodeBilingual(text: string): Bilingual {
  if (text.startsWith('{')) {
    try {
      const v = JSON.parse(text) as unknown;
      if (v !== null && typeof v === 'object' && typeof (v as Bilingual).ko === 'string' && typeof (v as Bilingual).en === 'string') {
        const b = v as Bilingual;
        return { ko: b.ko.slice(0, 500), en: b.en.slice(0, 500) };
      }
    } catch {
      // not ours: show as written
    }
  }
  const t = text.slice(0, 500);
  return { ko: t, en: t };
}

/** The store's kinds in the contract's words. */
export const NOTIFICATION_KIND: Record<NotificationKind, NotificationView['kind']> = {
  fill: 'fill',
  reject: 'rejection',
  order: 'order',
  system: 'system',
  sync: 'system',
  risk: 'killSwitch',
};

export interface NotificationRequest {
  kind: NotificationKind;
  title: Bilingual;
  body: Bilingual;
  symbol?: string;
  /** The KIS order number a click should focus. */
  orderNo?: string | null;
  /** OS notifications with one tag replace each other (e.g. one toast per order). */
  tag?: string;
  time: number;
}

export interface NotificationDeps {
  ctx: Pick<CoreContext, 'emit' | 'notifier' | 'logger'>;
  store: Store;
  settings: () => Settings | null;
  /** Extra work on a click; the screen is always told which order to focus (the shell brings the window forward). */
  onClick?: (orderNo: string | null) => void;
}

/** Whether the trader wants an OS toast for this kind (settings.notifications); the in-app log always records it. */
export function toastAllowed(kind: NotificationKind, settings: Settings | null): boolean {
  if (!settings) return true;
  if (kind === 'fill') return settings.notifications.fills;
  if (kind === 'reject') return settings.notifications.rejections;
  return true;
}

export function raiseNotification(deps: NotificationDeps, n: NotificationRequest): NotificationView | null {
  const settings = deps.settings();
  const language = settings?.language ?? 'ko';
  // Known once the log row exists; a click can only come after that (the toast is shown first, clicked later).
  let loggedId: number | null = null;
  if (toastAllowed(n.kind, settings)) {
    try {
      deps.ctx.notifier.notify({
        title: n.title[language],
        body: n.body[language],
        tag: n.tag,
        silent: settings ? !settings.notifications.sound : false,
        onClick: () => {
          deps.ctx.emit('notifications:clicked', { id: loggedId, orderNo: n.orderNo ?? null });
          deps.onClick?.(n.orderNo ?? null);
        },
      });
    } catch (err) {
      deps.ctx.logger.warn('OS notification failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  const stored = deps.store.writer.appendNotification({
    time: n.time,
    kind: n.kind,
    title: encode(n.title, TITLE_MAX),
    body: encode(n.body, BODY_MAX),
    symbol: n.symbol,
    ref: n.orderNo ?? undefined,
  });
  if (!stored.ok) {
    deps.ctx.logger.warn('notification not logged', { code: stored.code });
    return null;
  }
  loggedId = stored.id;
  const view: NotificationView = { id: stored.id, kind: NOTIFICATION_KIND[n.kind], title: decodeBilingual(encode(n.title, TITLE_MAX)), body: decodeBilingual(encode(n.body, BODY_MAX)), orderNo: n.orderNo ?? null, time: n.time };
  deps.ctx.emit('notifications:new', view);
  return view;
}
