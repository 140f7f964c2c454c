import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/shared/settings/schema';
import { createDoublePress, DOUBLE_PRESS_WINDOW_MS } from '../../../src/shared/hotkeys/double-press';
import { bindingOf, findConflicts, indexBindings, isTypingKey, matchAction, normalizeBinding, type KeyLike } from '../../../src/renderer/hotkeys/keymap';

const key = (code: string, key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ code, key, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('binding strings', () => {
  it('normalizes case, order and aliases', () => {
    expect(normalizeBinding('ctrl+shift+k')).toBe('Ctrl+Shift+K');
    expect(normalizeBinding('Shift+Ctrl+K')).toBe('Ctrl+Shift+K');
    expect(normalizeBinding('f12')).toBe('F12');
    expect(normalizeBinding('alt+up')).toBe('Alt+ArrowUp');
    expect(normalizeBinding('Del')).toBe('Delete');
    expect(normalizeBinding('Cmd+Enter')).toBe('Meta+Enter');
    expect(normalizeBinding('Alt+1')).toBe('Alt+1');
  });
  it('refuses what is not one key with modifiers', () => {
    for (const bad of ['', 'Ctrl', 'Ctrl+', 'Ctrl+A+B', 'F25', 'Hyper+K', 'Ctrl+Ctrl+K', '한']) expect(normalizeBinding(bad), bad).toBeNull();
  });
  it('reads the physical key, so the Korean IME and Alt/Shift layouts do not matter', () => {
    // Korean input mode: the K key reports "ㅏ".
    expect(bindingOf(key('KeyK', 'ㅏ', { ctrlKey: true }))).toBe('Ctrl+K');
    expect(bindingOf(key('KeyK', 'Process', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+K');
    expect(bindingOf(key('Digit1', '!', { shiftKey: true }))).toBe('Shift+1');
    expect(bindingOf(key('Digit1', '¡', { altKey: true }))).toBe('Alt+1');
    expect(bindingOf(key('F1', 'F1'))).toBe('F1');
    expect(bindingOf(key('NumpadEnter', 'Enter'))).toBe('Enter');
    expect(bindingOf(key('ArrowUp', 'ArrowUp'))).toBe('ArrowUp');
    expect(bindingOf(key('ControlLeft', 'Control', { ctrlKey: true }))).toBeNull();
    expect(bindingOf(key('', 'Process'))).toBeNull();
    expect(bindingOf(key('', 'Enter'))).toBe('Enter');
  });
  it('knows which keys type into a text box', () => {
    expect(isTypingKey('Enter')).toBe(true);
    expect(isTypingKey('ArrowUp')).toBe(true);
    expect(isTypingKey('Shift+5')).toBe(true);
    expect(isTypingKey('F1')).toBe(false);
    expect(isTypingKey('Ctrl+K')).toBe(false);
    expect(isTypingKey('Alt+1')).toBe(false);
    expect(isTypingKey('Escape')).toBe(false);
  });
});

describe('the hotkey map', () => {
  it('the defaults have no conflicts and every action matches its key', () => {
    const map = defaultSettings().hotkeys;
    expect(findConflicts(map)).toEqual({ conflicts: [], invalid: [] });
    const index = indexBindings(map);
    expect(matchAction(index, key('F1', 'F1'))).toBe('buyAtBest');
    expect(matchAction(index, key('F2', 'F2'))).toBe('sellAtBest');
    expect(matchAction(index, key('KeyK', 'ㅏ', { ctrlKey: true }))).toBe('focusSearch');
    expect(matchAction(index, key('KeyK', 'K', { ctrlKey: true, shiftKey: true }))).toBe('killSwitch');
    expect(matchAction(index, key('KeyX', 'X', { ctrlKey: true, shiftKey: true }))).toBe('cancelAll');
    expect(matchAction(index, key('Digit2', '2', { altKey: true }))).toBe('qtyPreset2');
    expect(matchAction(index, key('F12', 'F12'))).toBe('showCheatSheet');
    expect(matchAction(index, key('KeyQ', 'q'))).toBeNull();
  });
  it('finds two actions on one key (in any spelling) and unparsable bindings', () => {
    const map = { ...defaultSettings().hotkeys, sellAtBest: 'f1', switchVenue: 'Ctrl++' };
    const { conflicts, invalid } = findConflicts(map);
    expect(conflicts).toEqual([{ binding: 'F1', actions: ['buyAtBest', 'sellAtBest'] }]);
    expect(invalid).toEqual(['switchVenue']);
  });
  it('a rebinding takes effect', () => {
    const index = indexBindings({ ...defaultSettings().hotkeys, buyAtBest: 'Ctrl+B' });
    expect(matchAction(index, key('F1', 'F1'))).toBeNull();
    expect(matchAction(index, key('KeyB', 'ㅠ', { ctrlKey: true }))).toBe('buyAtBest');
  });
});

describe('cancel all needs two presses', () => {
  it('fires only on a second press inside the window', () => {
    const d = createDoublePress();
    expect(d.press(1_000)).toBe('armed');
    expect(d.armedAt(1_500)).toBe(true);
    expect(d.press(1_000 + DOUBLE_PRESS_WINDOW_MS)).toBe('fire');
    // After firing it starts over: one more press only arms.
    expect(d.press(2_600)).toBe('armed');
  });
  it('a second press after the window only re-arms', () => {
    const d = createDoublePress(1_500);
    expect(d.press(0)).toBe('armed');
    expect(d.press(1_501)).toBe('armed');
    expect(d.armedAt(3_002)).toBe(false);
    expect(d.press(2_000)).toBe('fire');
  });
  it('reset disarms; a clock that went backwards never fires', () => {
    const d = createDoublePress(1_500);
    d.press(100);
    d.reset();
    expect(d.press(200)).toBe('armed');
    expect(d.press(100)).toBe('armed');
  });
});
