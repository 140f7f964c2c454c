/**
 * Decides whether a key press is a hotkey here and now (pure over a small description of the focused element):
 *  - IME composition and bare modifiers are never hotkeys;
 *  - while a modal dialog is open only the kill switch passes (the dialog handles its own keys);
 *  - an element that handles a key itself (data-own-keys, e.g. the search box's arrows) keeps it;
 *  - in a text box, keys that type or edit text stay with the box unless the box lists the action in
 *    data-hotkeys (the ticket's price/qty boxes pass Enter and ↑/↓ to submit and tick stepping);
 *  - held-down repeats fire only for tick stepping (a held Enter must not submit again and again).
 */
import { isTypingKey, type HotkeyAction } from './keymap';

export interface FocusInfo {
  editable: boolean;
  /** Bindings the focused element (or an ancestor) handles itself. */
  ownKeys: readonly string[];
  /** Actions a text box lets through. */
  allowedActions: readonly string[];
}

const REPEATABLE: ReadonlySet<HotkeyAction> = new Set(['priceTickUp', 'priceTickDown']);
const ALWAYS: ReadonlySet<HotkeyAction> = new Set(['killSwitch']);

export function shouldHandle(action: HotkeyAction, binding: string, e: { repeat: boolean; isComposing: boolean }, focus: FocusInfo, modalOpen: boolean): boolean {
  if (e.isComposing) return false;
  // A hotkey editor is recording a key: every key is its input, even the kill switch's.
  if (focus.ownKeys.includes('*')) return false;
  if (e.repeat && !REPEATABLE.has(action)) return false;
  if (modalOpen) return ALWAYS.has(action);
  if (focus.ownKeys.includes(binding)) return false;
  if (focus.editable && isTypingKey(binding) && !focus.allowedActions.includes(action)) return false;
  return true;
}

/** Reads FocusInfo from the DOM element that has focus. */
export function focusInfoOf(el: Element | null): FocusInfo {
  if (!el || el === el.ownerDocument?.body) return { editable: false, ownKeys: [], allowedActions: [] };
  const tag = el.tagName;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const editable =
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (el as HTMLElement).isContentEditable === true ||
    (tag === 'INPUT' && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type));
  const own = el.closest('[data-own-keys]')?.getAttribute('data-own-keys') ?? '';
  const allowed = el.getAttribute('data-hotkeys') ?? '';
  const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  // Buttons keep Enter/Space: they activate themselves.
  const ownKeys = tag === 'BUTTON' ? [...split(own), 'Enter', 'Space'] : split(own);
  return { editable, ownKeys, allowedActions: split(allowed) };
}
