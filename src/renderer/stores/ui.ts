/** Screen-only state: which overlay is open and requests to move keyboard focus. */
import { create } from 'zustand';

export type Overlay = 'cheatSheet' | 'settings' | 'killRelease' | null;

interface UiStore {
  overlay: Overlay;
  /** Bumped to ask the symbol search box to take focus (Ctrl+K). */
  focusSearch: number;
  /** Cancel-all is armed (first press seen) until this performance.now() time. */
  cancelAllArmedUntil: number | null;
}

export const useUi = create<UiStore>(() => ({ overlay: null, focusSearch: 0, cancelAllArmedUntil: null }));

export function openOverlay(overlay: Overlay): void {
  useUi.setState({ overlay });
}

export function closeOverlay(): void {
  useUi.setState({ overlay: null });
}

export function requestSearchFocus(): void {
  useUi.setState((s) => ({ focusSearch: s.focusSearch + 1 }));
}
