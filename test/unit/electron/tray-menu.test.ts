import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../src/main/electron/menu';
import { trayMenuTemplate } from '../../../src/main/electron/tray';

type Item = { id?: string; label?: string; enabled?: boolean; role?: string; click?: () => void; submenu?: unknown };
const click = (item: Item | undefined) => item?.click?.();

describe('tray menu', () => {
  it('has Show, Cancel all orders, the kill switch and Quit wired to their callbacks', () => {
    const actions = { onShow: vi.fn(), onCancelAll: vi.fn(), onKillSwitch: vi.fn(), onQuit: vi.fn(), cancelAllAvailable: true };
    const items = trayMenuTemplate(actions) as Item[];
    const byId = (id: string) => items.find((i) => i.id === id);
    expect(items.filter((i) => i.id).map((i) => i.label)).toEqual(['창 열기 Show', '전체 주문 취소 Cancel all orders', '킬 스위치 작동 Engage kill switch', '종료 Quit']);
    click(byId('show'));
    click(byId('cancel-all'));
    click(byId('kill-switch'));
    click(byId('quit'));
    expect(actions.onShow).toHaveBeenCalledTimes(1);
    expect(actions.onCancelAll).toHaveBeenCalledTimes(1);
    expect(actions.onKillSwitch).toHaveBeenCalledTimes(1);
    expect(actions.onQuit).toHaveBeenCalledTimes(1);
    expect(byId('cancel-all')?.enabled).toBe(true);
    expect(byId('kill-switch')?.enabled).toBe(true);
  });

  it('shows Cancel all orders and the kill switch disabled until an orders module handles them', () => {
    const items = trayMenuTemplate({ onShow() {}, onCancelAll() {}, onKillSwitch() {}, onQuit() {}, cancelAllAvailable: false }) as Item[];
    expect(items.find((i) => i.id === 'cancel-all')?.enabled).toBe(false);
    expect(items.find((i) => i.id === 'kill-switch')?.enabled).toBe(false);
  });
});

describe('app menu', () => {
  const roles = (t: Item[]): string[] => t.flatMap((i) => [i.role ?? '', ...(Array.isArray(i.submenu) ? roles(i.submenu as Item[]) : [])]).filter(Boolean);
  it('offers DevTools only in development and Quit calls back', () => {
    const onQuit = vi.fn();
    expect(roles(appMenuTemplate({ isMac: false, devTools: false, onQuit }) as Item[])).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ isMac: false, devTools: true, onQuit }) as Item[])).toContain('toggleDevTools');
    const file = (appMenuTemplate({ isMac: false, devTools: false, onQuit })[0]?.submenu ?? []) as Item[];
    click(file[0]);
    expect(onQuit).toHaveBeenCalledTimes(1);
  });
  it('adds the macOS app menu on macOS only', () => {
    expect((appMenuTemplate({ isMac: true, devTools: false, onQuit() {} })[0] as Item).role).toBe('appMenu');
    expect((appMenuTemplate({ isMac: false, devTools: false, onQuit() {} })[0] as Item).role).toBeUndefined();
  });
});
