/**
 * Opt-in global shortcuts (Settings → 전역 단축키): while the terminal is behind another window, the trader's own
 * bindings for the kill switch, cancel-all and symbol search still work. Only these three: the panic keys, and
 * one that brings the terminal forward. Order entry (F1/F2, Enter) stays window-scoped so that typing in another
 * program can never send an order. A global binding must hold Ctrl, Alt or Meta — a bare F-key or letter would
 * be taken from every other program on the desktop. Cancel-all wants two presses, as in the window.
 *
 * Electron's globalShortcut reaches this only as the small Registrar interface, so the plan and the
 * registration rules are tested without Electron.
 */
import { createDoublePress } from '../../shared/hotkeys/double-press';
import type { HotkeyAction, Settings } from '../../shared/settings/schema';
import type { Logger } from '../log';

export const GLOBAL_ACTIONS = ['killSwitch', 'cancelAll', 'focusSearch'] as const satisfies readonly HotkeyAction[];
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

/** Electron's globalShortcut, as far as this file uses it. */
export interface Registrar {
  /** False when another program (or the OS) holds the accelerator. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface GlobalShortcutHandlers {
  engageKillSwitch(): void;
  /** First press of a double press: tell the trader a second press cancels everything. */
  cancelAllArmed(): void;
  cancelAll(): void;
  /** Bring the window forward with symbol search focused. */
  focusSearch(): void;
}

const MODIFIER_ACCELERATOR: Record<string, string> = { Ctrl: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Meta: 'Super' };

// Settings store KeyboardEvent.code-style names (src/renderer/hotkeys/keymap.ts); Electron names some differently.
const KEY_ACCELERATOR: Record<string, string> = {
  ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Semicolon: ';', Quote: "'", Comma: ',', Period: '.',
  Slash: '/', Backslash: '\\', Backquote: '`',
  NumpadAdd: 'numadd', NumpadSubtract: 'numsub', NumpadMultiply: 'nummult', NumpadDivide: 'numdiv', NumpadDecimal: 'numdec',
};
const PLAIN_KEYS = /^([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Enter|Tab|Space|Backspace|Delete|Insert|Home|End|PageUp|PageDown)$/;

/** "Ctrl+Shift+K" → "Ctrl+Shift+K", "Alt+ArrowUp" → "Alt+Up", "Meta+Numpad1" → "Super+num1"; null if unknown. */
export function toAccelerator(binding: string): string | null {
  const parts = binding.split('+');
  const key = parts.pop();
  if (!key) return null;
  const mods: string[] = [];
  for (const m of parts) {
    const acc = MODIFIER_ACCELERATOR[m];
    if (!acc) return null;
    mods.push(acc);
  }
  const numpadDigit = /^Numpad([0-9])$/.exec(key);
  const accKey = numpadDigit ? `num${numpadDigit[1]}` : (KEY_ACCELERATOR[key] ?? (PLAIN_KEYS.test(key) ? key : null));
  return accKey === null ? null : [...mods, accKey].join('+');
}

export interface PlannedShortcut {
  action: GlobalAction;
  binding: string;
  accelerator: string;
}
export interface ShortcutPlan {
  register: PlannedShortcut[];
  /** Bindings left out, with why (shown in the log; the window-scoped key still works). */
  skipped: Array<{ action: GlobalAction; binding: string; reason: string }>;
}

export function globalShortcutPlan(settings: Pick<Settings, 'globalShortcuts' | 'hotkeys'>): ShortcutPlan {
  const plan: ShortcutPlan = { register: [], skipped: [] };
  if (!settings.globalShortcuts) return plan;
  for (const action of GLOBAL_ACTIONS) {
    const binding = settings.hotkeys[action];
    if (!/(^|\+)(Ctrl|Alt|Meta)\+/.test(binding)) {
      plan.skipped.push({ action, binding, reason: 'a global shortcut needs Ctrl, Alt or Meta' });
      continue;
    }
    const accelerator = toAccelerator(binding);
    if (accelerator === null) plan.skipped.push({ action, binding, reason: 'no Electron accelerator for this key' });
    else plan.register.push({ action, binding, accelerator });
  }
  return plan;
}

export interface GlobalShortcuts {
  /** Registers what the settings ask for, releasing what they no longer do. Returns the accelerators now held. */
  apply(settings: Pick<Settings, 'globalShortcuts' | 'hotkeys'>): string[];
  dispose(): void;
}

export function createGlobalShortcuts(registrar: Registrar, handlers: GlobalShortcutHandlers, now: () => number, log: Logger): GlobalShortcuts {
  const cancelAllPresses = createDoublePress();
  const run: Record<GlobalAction, () => void> = {
    killSwitch: () => handlers.engageKillSwitch(),
    cancelAll: () => (cancelAllPresses.press(now()) === 'fire' ? handlers.cancelAll() : handlers.cancelAllArmed()),
    focusSearch: () => handlers.focusSearch(),
  };
  let held: PlannedShortcut[] = [];
  let lastKey = '';

  const releaseAll = () => {
    for (const s of held) registrar.unregister(s.accelerator);
    held = [];
  };

  return {
    apply(settings) {
      const plan = globalShortcutPlan(settings);
      const key = JSON.stringify(plan.register);
      // settings:changed fires for every saved field; re-register only when the shortcuts themselves changed.
      if (key === lastKey) return held.map((s) => s.accelerator);
      lastKey = key;
      releaseAll();
      cancelAllPresses.reset();
      for (const s of plan.skipped) log.warn('global shortcut not registered', s);
      for (const s of plan.register) {
        if (registrar.register(s.accelerator, run[s.action])) held.push(s);
        else log.warn('global shortcut is held by another program', { action: s.action, binding: s.binding });
      }
      return held.map((s) => s.accelerator);
    },
    dispose() {
      releaseAll();
      lastKey = '';
    },
  };
}
