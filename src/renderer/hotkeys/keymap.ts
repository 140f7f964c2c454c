/**
 * Key bindings as strings ("F1", "Ctrl+Shift+K", "Alt+ArrowUp"), the same form settings.hotkeys stores.
 * Letters and digits are read from KeyboardEvent.code, not .key: with the Korean IME on, K arrives as "ㅏ" or
 * "Process", and Alt/Shift change .key on many layouts — the physical key is what the trader learned.
 */
import { HOTKEY_ACTIONS, type HotkeyAction } from '../../shared/settings/schema';

export type { HotkeyAction };
export type HotkeyMap = Record<HotkeyAction, string>;

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;
type Modifier = (typeof MODIFIERS)[number];

const NAMED_KEYS = new Map<string, string>(
  [
    'Enter', 'Escape', 'Tab', 'Space', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown',
    'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Minus', 'Equal', 'BracketLeft', 'BracketRight',
    'Semicolon', 'Quote', 'Comma', 'Period', 'Slash', 'Backslash', 'Backquote',
  ].map((k) => [k.toLowerCase(), k]),
);
// Friendly spellings people type into a settings box.
const ALIASES: Record<string, string> = { esc: 'Escape', del: 'Delete', up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight', return: 'Enter', spacebar: 'Space', ' ': 'Space', pgup: 'PageUp', pgdn: 'PageDown' };
const MOD_ALIASES: Record<string, Modifier> = { ctrl: 'Ctrl', control: 'Ctrl', alt: 'Alt', option: 'Alt', shift: 'Shift', meta: 'Meta', cmd: 'Meta', command: 'Meta', win: 'Meta', super: 'Meta' };

function canonicalKey(raw: string): string | null {
  const k = raw.trim();
  if (k === '') return null;
  const lower = k.toLowerCase();
  if (/^[a-z]$/.test(lower)) return lower.toUpperCase();
  if (/^[0-9]$/.test(k)) return k;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(lower)) return lower.toUpperCase();
  if (/^numpad([0-9]|add|subtract|multiply|divide|decimal)$/.test(lower)) return `Numpad${lower.slice(6).replace(/^./, (c) => c.toUpperCase())}`;
  if (ALIASES[lower]) return ALIASES[lower];
  return NAMED_KEYS.get(lower) ?? null;
}

/** "ctrl+shift+k" → "Ctrl+Shift+K"; null when it is not one key with optional modifiers. */
export function normalizeBinding(binding: string): string | null {
  const parts = binding.split('+').map((p) => p.trim());
  // "Ctrl++" style is not supported; a trailing empty part means a malformed string.
  if (parts.some((p) => p === '')) return null;
  const mods = new Set<Modifier>();
  let key: string | null = null;
  for (const part of parts) {
    const mod = MOD_ALIASES[part.toLowerCase()];
    if (mod) {
      if (mods.has(mod)) return null;
      mods.add(mod);
      continue;
    }
    if (key !== null) return null;
    key = canonicalKey(part);
    if (key === null) return null;
  }
  if (key === null) return null;
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join('+');
}

/** The subset of KeyboardEvent the matcher reads (so tests need no DOM). */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

function keyFromEvent(e: KeyLike): string | null {
  const code = e.code;
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (code === 'NumpadEnter') return 'Enter';
  if (/^Numpad([0-9]|Add|Subtract|Multiply|Divide|Decimal)$/.test(code)) return code;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  if (NAMED_KEYS.has(code.toLowerCase())) return NAMED_KEYS.get(code.toLowerCase()) ?? null;
  // Synthetic events or odd layouts without a code: fall back to .key.
  if (['Control', 'Alt', 'Shift', 'Meta', 'Process', 'Unidentified', 'Dead', 'HangulMode', 'HanjaMode'].includes(e.key)) return null;
  return canonicalKey(e.key === ' ' ? 'Space' : e.key);
}

/** The binding string a key press means, or null for a bare modifier / IME composition key. */
export function bindingOf(e: KeyLike): string | null {
  const key = keyFromEvent(e);
  if (key === null) return null;
  const mods: Modifier[] = [];
  if (e.ctrlKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey) mods.push('Shift');
  if (e.metaKey) mods.push('Meta');
  return [...mods, key].join('+');
}

/** A binding without Ctrl/Alt/Meta and not a function key: it types or edits text when a text box has focus. */
export function isTypingKey(binding: string): boolean {
  const parts = binding.split('+');
  const key = parts[parts.length - 1] ?? '';
  if (parts.some((p) => p === 'Ctrl' || p === 'Alt' || p === 'Meta')) return false;
  if (/^F\d+$/.test(key) || key === 'Escape') return false;
  return true;
}

export interface Conflict {
  binding: string;
  actions: HotkeyAction[];
}

/** Bindings used by more than one action (one of them could never fire), and bindings that do not parse. */
export function findConflicts(map: Partial<Record<HotkeyAction, string>>): { conflicts: Conflict[]; invalid: HotkeyAction[] } {
  const byBinding = new Map<string, HotkeyAction[]>();
  const invalid: HotkeyAction[] = [];
  for (const action of HOTKEY_ACTIONS) {
    const raw = map[action];
    if (raw === undefined) continue;
    const norm = normalizeBinding(raw);
    if (norm === null) {
      invalid.push(action);
      continue;
    }
    byBinding.set(norm, [...(byBinding.get(norm) ?? []), action]);
  }
  const conflicts = [...byBinding.entries()].filter(([, a]) => a.length > 1).map(([binding, actions]) => ({ binding, actions }));
  return { conflicts, invalid };
}

/** binding → action, for matching key presses in O(1). Invalid bindings are left out. */
export function indexBindings(map: HotkeyMap): Map<string, HotkeyAction> {
  const index = new Map<string, HotkeyAction>();
  for (const action of HOTKEY_ACTIONS) {
    const norm = normalizeBinding(map[action]);
    if (norm !== null && !index.has(norm)) index.set(norm, action);
  }
  return index;
}

export function matchAction(index: Map<string, HotkeyAction>, e: KeyLike): HotkeyAction | null {
  const b = bindingOf(e);
  return b === null ? null : (index.get(b) ?? null);
}
