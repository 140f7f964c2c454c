/**
 * What the tray menu and the global shortcuts do without the window: cancel every open order, engage the kill
 * switch. Main calls its own core exactly as the app page would (the app origin, top frame), so the orders
 * module's guards, journal and kill-switch persistence all apply; the outcome is told by an OS notification,
 * since the window may be hidden. No Electron import: tested against a real core.
 */
import type { Core } from '../core';
import { APP_ORIGIN } from '../ipc/sender';

const APP_PAGE = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true } as const;

export interface MainActions {
  /** Whether an orders module answers these (false in a core built without one: the items show disabled). */
  readonly available: boolean;
  cancelAll(): Promise<void>;
  engageKillSwitch(): Promise<void>;
}

export function mainActions(core: Pick<Core, 'handle' | 'handledChannels' | 'context'>, showWindow: () => void): MainActions {
  const notify = (title: string, body: string, tag: string) => core.context.notifier.notify({ title, body, tag, onClick: showWindow });
  return {
    available: core.handledChannels.includes('orders:cancelAll') && core.handledChannels.includes('risk:killSwitch'),
    async cancelAll() {
      const r = await core.handle('orders:cancelAll', {}, APP_PAGE);
      if (r.ok) notify('전체 주문 취소 요청됨', 'Cancel-all sent. 미체결에서 결과를 확인하세요 / check open orders for the outcome.', 'cancel-all');
      else notify('전체 주문 취소 실패', r.message, 'cancel-all');
    },
    async engageKillSwitch() {
      const r = await core.handle('risk:killSwitch', { engage: true }, APP_PAGE);
      if (r.ok) notify('킬 스위치 작동', '모든 미체결 취소 요청, 신규 매수 차단 / Kill switch on: open orders cancelled, new buys blocked.', 'kill-switch');
      else notify('킬 스위치 작동 실패', r.message, 'kill-switch');
    },
  };
}
