// @vitest-environment jsdom
/**
 * The keyboard on the whole screen: which presses are hotkeys where (text boxes keep their keys, the ticket's
 * boxes pass Enter and ↑/↓), search by arrows and Enter, F1/F2 at best, presets, venue switch, cancel-selected,
 * cancel-all only on a second press within 1.5 s, the kill switch, the cheat sheet, and rebinding in settings.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/renderer/App';
import { focusInfoOf, shouldHandle } from '../../../src/renderer/hotkeys/dispatch';
import { useTicket } from '../../../src/renderer/ticket/store';
import { defaultSettings } from '../../../src/shared/settings/schema';
import { DEMO_INSTRUMENT, demoBridge, resetStores, type FakeBridge } from './fake-bridge';

beforeEach(resetStores);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const press = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'repeat', boolean>> = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, code, ...mods });

async function start(b: FakeBridge = demoBridge()) {
  render(<App api={b.api} />);
  await screen.findByTestId('order-book');
  await waitFor(() => expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('71,900'));
  return b;
}

describe('what counts as a hotkey where (pure)', () => {
  const plain = { editable: false, ownKeys: [], allowedActions: [] };
  const textBox = { editable: true, ownKeys: [], allowedActions: [] };
  const ticketBox = { editable: true, ownKeys: [], allowedActions: ['submit', 'priceTickUp', 'priceTickDown'] };
  const e = { repeat: false, isComposing: false };

  it('text boxes keep typing keys; F-keys and modifier combos still work there', () => {
    expect(shouldHandle('submit', 'Enter', e, textBox, false)).toBe(false);
    expect(shouldHandle('cancelSelected', 'Delete', e, textBox, false)).toBe(false);
    expect(shouldHandle('buyAtBest', 'F1', e, textBox, false)).toBe(true);
    expect(shouldHandle('focusSearch', 'Ctrl+K', e, textBox, false)).toBe(true);
    expect(shouldHandle('submit', 'Enter', e, ticketBox, false)).toBe(true);
    expect(shouldHandle('priceTickUp', 'ArrowUp', e, ticketBox, false)).toBe(true);
    expect(shouldHandle('cancelSelected', 'Delete', e, ticketBox, false)).toBe(false);
    expect(shouldHandle('cancelSelected', 'Delete', e, plain, false)).toBe(true);
  });
  it('IME composition, held-down repeats (except tick steps), modal dialogs and key recording', () => {
    expect(shouldHandle('buyAtBest', 'F1', { repeat: false, isComposing: true }, plain, false)).toBe(false);
    expect(shouldHandle('submit', 'Enter', { repeat: true, isComposing: false }, plain, false)).toBe(false);
    expect(shouldHandle('priceTickDown', 'ArrowDown', { repeat: true, isComposing: false }, plain, false)).toBe(true);
    expect(shouldHandle('buyAtBest', 'F1', e, plain, true)).toBe(false);
    expect(shouldHandle('killSwitch', 'Ctrl+Shift+K', e, plain, true)).toBe(true);
    expect(shouldHandle('killSwitch', 'Ctrl+Shift+K', e, { editable: false, ownKeys: ['*'], allowedActions: [] }, false)).toBe(false);
    expect(shouldHandle('priceTickUp', 'ArrowUp', e, { editable: false, ownKeys: ['ArrowUp', 'ArrowDown'], allowedActions: [] }, false)).toBe(false);
  });
  it('reads the focused element', () => {
    document.body.innerHTML = '<div data-own-keys="ArrowUp"><input id="a" data-hotkeys="submit"></div><button id="b"></button>';
    expect(focusInfoOf(document.getElementById('a'))).toEqual({ editable: true, ownKeys: ['ArrowUp'], allowedActions: ['submit'] });
    expect(focusInfoOf(document.getElementById('b')).ownKeys).toEqual(['Enter', 'Space']);
    expect(focusInfoOf(document.body)).toEqual({ editable: false, ownKeys: [], allowedActions: [] });
    document.body.innerHTML = '';
  });
});

describe('keyboard on the screen', () => {
  it('Ctrl+K → type → ↓ → Enter picks the second result; F1 loads the best ask and focuses quantity', async () => {
    const b = demoBridge();
    const hynix = { symbol: '000660', name: 'SK하이닉스', nameEn: 'SK hynix', market: 'KOSPI' as const, etp: false, nxtEligible: true };
    b.answer('symbols:search', [DEMO_INSTRUMENT, hynix]);
    await start(b);
    press('k', 'KeyK', { ctrlKey: true });
    const search = screen.getByTestId('symbol-search') as HTMLInputElement;
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: '하이' } });
    await screen.findByText('SK하이닉스');
    press('ArrowDown', 'ArrowDown');
    // Typing keys in the search box are its own: Enter did not submit an order, ↓ did not move the price.
    expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('71,900');
    press('Enter', 'Enter');
    await waitFor(() => expect(screen.getByTestId('ticket-symbol').textContent).toBe('SK하이닉스'));
    expect(b.callsTo('market:focus').at(-1)).toEqual({ symbol: '000660' });
    expect(b.callsTo('orders:submit')).toHaveLength(0);
    await waitFor(() => expect(screen.getAllByTestId('book-ask-0')).toHaveLength(1));
    press('F1', 'F1');
    expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('72,000');
    expect(document.activeElement).toBe(screen.getByTestId('ticket-qty'));
    expect(useTicket.getState().side).toBe('buy');
    press('F2', 'F2');
    expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('71,900');
    expect(useTicket.getState().side).toBe('sell');
  });

  it('Enter typed before the search answers still picks the first result', async () => {
    const b = demoBridge();
    await start(b);
    const gate = b.hold('symbols:search');
    press('k', 'KeyK', { ctrlKey: true });
    fireEvent.change(screen.getByTestId('symbol-search'), { target: { value: '삼성' } });
    press('Enter', 'Enter');
    const focusCalls = b.callsTo('market:focus').length;
    await act(async () => gate.release());
    await waitFor(() => expect(b.callsTo('market:focus').length).toBe(focusCalls + 1));
  });

  it('↑/↓ in the quantity box step the price; Alt+1..3 load the presets; F4 switches KRX/NXT', async () => {
    await start();
    press('F1', 'F1');
    press('ArrowDown', 'ArrowDown');
    press('ArrowDown', 'ArrowDown', { repeat: true });
    expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('71,800');
    press('ArrowUp', 'ArrowUp');
    expect((screen.getByTestId('ticket-price') as HTMLInputElement).value).toBe('71,900');
    press('3', 'Digit3', { altKey: true });
    expect((screen.getByTestId('ticket-qty') as HTMLInputElement).value).toBe('100');
    press('F4', 'F4');
    expect(useTicket.getState().route).toBe('NXT');
    press('F4', 'F4');
    expect(useTicket.getState().route).toBe('KRX');
  });

  it('Delete cancels the selected open order; cancel-all fires only on a second press within 1.5 s', async () => {
    const b = demoBridge();
    const o = { clientOrderId: 'c1', orderNo: '0000000007', originalOrderNo: null, symbol: '005930', name: '삼성전자', side: 'buy', route: 'NXT', ordDvsn: '00', qty: 3, price: 70_000, filledQty: 0, avgFillPrice: 0, remainingQty: 3, state: 'accepted', source: 'terminal', reason: null, createdAt: 1, updatedAt: 1 };
    b.answer('orders:open', [o]);
    b.answer('orders:cancel', { clientOrderId: 'c1', state: 'cancelled', orderNo: '0000000007', preview: null, message: { ko: '취소 접수', en: 'Cancel accepted' } });
    b.answer('orders:cancelAll', { requested: 1, cancelled: 1, failed: 0, message: { ko: '1건 취소', en: '1 cancelled' } });
    await start(b);
    fireEvent.click(await screen.findByTestId('open-order-row'));
    (document.activeElement as HTMLElement | null)?.blur();
    press('Delete', 'Delete');
    await waitFor(() => expect(b.callsTo('orders:cancel')).toHaveLength(1));
    expect(b.callsTo('orders:cancel')[0]).toMatchObject({ orderNo: '0000000007' });
    expect(String(b.callsTo('orders:cancel')[0]!['idempotencyKey'])).toMatch(/^cx-/);

    let now = 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    press('X', 'KeyX', { ctrlKey: true, shiftKey: true });
    expect(b.callsTo('orders:cancelAll')).toHaveLength(0);
    expect((await screen.findByTestId('toasts')).textContent).toContain('한 번 더');
    now += 1_600; // too late: this press only arms again
    press('X', 'KeyX', { ctrlKey: true, shiftKey: true });
    expect(b.callsTo('orders:cancelAll')).toHaveLength(0);
    now += 1_000;
    press('X', 'KeyX', { ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(b.callsTo('orders:cancelAll')).toHaveLength(1));
  });

  it('the kill switch engages at once, even from a dialog; F12 toggles the cheat sheet', async () => {
    const b = demoBridge();
    b.answer('risk:killSwitch', (i: Record<string, unknown>) => ({ killSwitch: i['engage'], engagedAt: i['engage'] ? Date.UTC(2026, 2, 2, 1, 0, 0) : null, armed: true }));
    await start(b);
    press('F12', 'F12');
    expect(screen.getByTestId('cheat-sheet').textContent).toContain('Ctrl+Shift+K');
    press('F12', 'F12');
    expect(screen.queryByTestId('cheat-sheet')).toBeNull();
    fireEvent.click(screen.getByTestId('open-settings'));
    await screen.findByTestId('settings-dialog');
    press('F1', 'F1'); // trading keys sleep while a dialog is open
    expect(useTicket.getState().focusQty).toBe(0);
    press('K', 'KeyK', { ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(b.callsTo('risk:killSwitch')).toEqual([{ engage: true }]));
    expect(await screen.findByTestId('kill-status')).toBeTruthy();
    expect(screen.getByTestId('kill-switch').textContent).toContain('10:00:00');
  });

  it('a rebound hotkey works at once and the old key no longer does', async () => {
    const b = demoBridge();
    await start(b);
    b.push('settings:changed', { ...defaultSettings(), hotkeys: { ...defaultSettings().hotkeys, buyAtBest: 'Ctrl+B' } });
    press('F1', 'F1');
    expect(useTicket.getState().focusQty).toBe(0);
    press('ㅠ', 'KeyB', { ctrlKey: true });
    expect(useTicket.getState().focusQty).toBe(1);
  });
});

describe('search box focus', () => {
  it('a pick followed at once by Ctrl+K keeps the new result list open (the old blur does not close it)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const b = demoBridge();
    await start(b);
    press('k', 'KeyK', { ctrlKey: true });
    fireEvent.change(screen.getByTestId('symbol-search'), { target: { value: '삼성' } });
    await screen.findByTestId('symbol-results');
    press('Enter', 'Enter');
    await waitFor(() => expect(screen.queryByTestId('symbol-results')).toBeNull());
    press('k', 'KeyK', { ctrlKey: true });
    fireEvent.change(screen.getByTestId('symbol-search'), { target: { value: '삼' } });
    await screen.findByTestId('symbol-results');
    await act(async () => {
      vi.advanceTimersByTime(300);
    });
    expect(screen.getByTestId('symbol-results')).toBeTruthy();
  });
});

describe('notification clicks', () => {
  it('a click on the OS notification (notifications:clicked) selects that open order and shows its symbol', async () => {
    const b = demoBridge();
    const hynix = { symbol: '000660', name: 'SK하이닉스', nameEn: 'SK hynix', market: 'KOSPI' as const, etp: false, nxtEligible: true };
    b.answer('symbols:search', [hynix]);
    const o = { clientOrderId: 'c9', orderNo: '0000000009', originalOrderNo: null, symbol: '000660', name: 'SK하이닉스', side: 'sell', route: 'KRX', ordDvsn: '00', qty: 1, price: 210_000, filledQty: 0, avgFillPrice: 0, remainingQty: 1, state: 'accepted', source: 'terminal', reason: null, createdAt: 1, updatedAt: 1 };
    b.answer('orders:open', [o]);
    await start(b);
    await screen.findByTestId('open-order-row');
    b.push('notifications:clicked', { id: 3, orderNo: '0000000009' });
    await waitFor(() => expect(screen.getByTestId('open-order-row').className).toBe('selected'));
    await waitFor(() => expect(screen.getByTestId('ticket-symbol').textContent).toBe('SK하이닉스'));
  });
});

describe('the global search shortcut', () => {
  it('app:focusSearch (main took Ctrl+K from every window and brought ours forward) focuses symbol search', async () => {
    const b = demoBridge();
    await start(b);
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).not.toBe(screen.getByTestId('symbol-search'));
    b.push('app:focusSearch', {});
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('symbol-search')));
  });
});
