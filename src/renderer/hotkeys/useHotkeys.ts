/**
 * Window-scoped hotkeys (global OS shortcuts are main's business and opt-in): one keydown listener in the capture
 * phase, bindings from settings.hotkeys.
 */
import { useEffect, useMemo } from 'react';
import { useSettingsValue } from '../stores/settings';
import { useUi } from '../stores/ui';
import { useTicket } from '../ticket/store';
import { runAction } from './actions';
import { focusInfoOf, shouldHandle } from './dispatch';
import { bindingOf, indexBindings } from './keymap';

export function useHotkeys(): void {
  const hotkeys = useSettingsValue().hotkeys;
  const index = useMemo(() => indexBindings(hotkeys), [hotkeys]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const binding = bindingOf(e);
      if (binding === null) return;
      const action = index.get(binding);
      if (!action) return;
      const overlay = useUi.getState().overlay;
      // The cheat sheet is not modal: its own key closes it and every other key still works.
      const modalOpen = (overlay !== null && overlay !== 'cheatSheet') || useTicket.getState().confirm !== null;
      if (!shouldHandle(action, binding, e, focusInfoOf(document.activeElement), modalOpen)) return;
      e.preventDefault();
      e.stopPropagation();
      runAction(action, performance.now());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [index]);
}
