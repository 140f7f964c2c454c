/** What each hotkey action does on this screen. */
import { cancelAllOrders, cancelSelected, setKillSwitch } from '../orders/actions';
import { dismissToast, toast } from '../stores/notifications';
import { useSettings } from '../stores/settings';
import { closeOverlay, openOverlay, requestSearchFocus, useUi } from '../stores/ui';
import { applyQtyPreset, atBest, stepTicketPrice } from '../ticket/edit';
import { toggleVenue } from '../ticket/store';
import { submitTicket } from '../ticket/submit';
import { createDoublePress, DOUBLE_PRESS_WINDOW_MS } from '../../shared/hotkeys/double-press';
import type { HotkeyAction } from './keymap';

const cancelAllPress = createDoublePress(DOUBLE_PRESS_WINDOW_MS);
let armedToast: string | null = null;

export function runAction(action: HotkeyAction, nowMs: number): void {
  switch (action) {
    case 'focusSearch':
      requestSearchFocus();
      return;
    case 'buyAtBest':
      atBest('buy');
      return;
    case 'sellAtBest':
      atBest('sell');
      return;
    case 'priceTickUp':
      stepTicketPrice(1);
      return;
    case 'priceTickDown':
      stepTicketPrice(-1);
      return;
    case 'qtyPreset1':
      applyQtyPreset(0);
      return;
    case 'qtyPreset2':
      applyQtyPreset(1);
      return;
    case 'qtyPreset3':
      applyQtyPreset(2);
      return;
    case 'submit':
      void submitTicket();
      return;
    case 'cancelSelected':
      void cancelSelected();
      return;
    case 'cancelAll':
      if (cancelAllPress.press(nowMs) === 'fire') {
        useUi.setState({ cancelAllArmedUntil: null });
        if (armedToast) dismissToast(armedToast);
        armedToast = null;
        void cancelAllOrders();
      } else {
        useUi.setState({ cancelAllArmedUntil: nowMs + DOUBLE_PRESS_WINDOW_MS });
        if (armedToast) dismissToast(armedToast);
        armedToast = toast('warn', { ko: '한 번 더 누르면 모든 미체결 주문을 취소합니다 (1.5초 안에).', en: 'Press again within 1.5 s to cancel ALL open orders.' }, DOUBLE_PRESS_WINDOW_MS);
        setTimeout(() => {
          if ((useUi.getState().cancelAllArmedUntil ?? 0) <= performance.now()) useUi.setState({ cancelAllArmedUntil: null });
        }, DOUBLE_PRESS_WINDOW_MS + 20);
      }
      return;
    case 'switchVenue':
      toggleVenue();
      return;
    case 'showCheatSheet':
      if (useUi.getState().overlay === 'cheatSheet') closeOverlay();
      else openOverlay('cheatSheet');
      return;
    case 'killSwitch':
      if (!useSettings.getState().risk?.killSwitch) void setKillSwitch(true);
      return;
  }
}
