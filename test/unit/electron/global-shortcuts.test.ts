import { describe, expect, it } from 'vitest';
import { createGlobalShortcuts, globalShortcutPlan, toAccelerator, type Registrar } from '../../../src/main/electron/global-shortcuts';
import { silentLogger } from '../../../src/main/log';
import { DOUBLE_PRESS_WINDOW_MS } from '../../../src/shared/hotkeys/double-press';
import { defaultSettings } from '../../../src/shared/settings/schema';

/** Behaves as Electron's globalShortcut does: one owner per accelerator, register() false when it is taken. */
function desktop(takenByOthers: string[] = []) {
  const owners = new Map<string, () => void>();
  const registrar: Registrar = {
    register(acc, cb) {
      if (takenByOthers.includes(acc) || owners.has(acc)) return false;
      owners.set(acc, cb);
      return true;
    },
    unregister(acc) {
      owners.delete(acc);
    },
  };
  const press = (acc: string) => {
    const cb = owners.get(acc);
    if (!cb) throw new Error(`nothing holds ${acc}`);
    cb();
  };
  return { registrar, owners, press };
}

function handlersLog() {
  const calls: string[] = [];
  return {
    calls,
    handlers: {
      engageKillSwitch: () => calls.push('kill'),
      cancelAll: () => calls.push('cancelAll'),
      cancelAllArmed: () => calls.push('armed'),
      focusSearch: () => calls.push('search'),
    },
  };
}

const on = { ...defaultSettings(), globalShortcuts: true };

describe('global shortcut accelerators', () => {
  it('turns stored bindings into Electron accelerators', () => {
    expect(toAccelerator('Ctrl+Shift+K')).toBe('Ctrl+Shift+K');
    expect(toAccelerator('Alt+ArrowUp')).toBe('Alt+Up');
    expect(toAccelerator('Meta+Numpad1')).toBe('Super+num1');
    expect(toAccelerator('Ctrl+Escape')).toBe('Ctrl+Esc');
    expect(toAccelerator('Ctrl+Slash')).toBe('Ctrl+/');
    expect(toAccelerator('Ctrl+F5')).toBe('Ctrl+F5');
    expect(toAccelerator('Hyper+K')).toBeNull();
    expect(toAccelerator('Ctrl+Dead')).toBeNull();
  });

  it('plans nothing while the setting is off (the default)', () => {
    expect(defaultSettings().globalShortcuts).toBe(false);
    expect(globalShortcutPlan(defaultSettings())).toEqual({ register: [], skipped: [] });
  });

  it('plans only the kill switch, cancel-all and search, and only with Ctrl/Alt/Meta', () => {
    const plan = globalShortcutPlan({ ...on, hotkeys: { ...on.hotkeys, focusSearch: 'F9' } });
    expect(plan.register).toEqual([
      { action: 'killSwitch', binding: 'Ctrl+Shift+K', accelerator: 'Ctrl+Shift+K' },
      { action: 'cancelAll', binding: 'Ctrl+Shift+X', accelerator: 'Ctrl+Shift+X' },
    ]);
    expect(plan.skipped).toEqual([{ action: 'focusSearch', binding: 'F9', reason: 'a global shortcut needs Ctrl, Alt or Meta' }]);
    // Order entry never goes global, whatever it is bound to.
    const all = globalShortcutPlan({ ...on, hotkeys: { ...on.hotkeys, buyAtBest: 'Ctrl+Alt+B', submit: 'Ctrl+Enter' } });
    expect(all.register.map((s) => s.action)).toEqual(['killSwitch', 'cancelAll', 'focusSearch']);
  });
});

describe('global shortcut registration', () => {
  it('registers on opt-in, runs the actions, and cancel-all needs a second press within the window', () => {
    const d = desktop();
    const h = handlersLog();
    let now = 1_000_000;
    const g = createGlobalShortcuts(d.registrar, h.handlers, () => now, silentLogger);
    expect(g.apply(defaultSettings())).toEqual([]);
    expect([...d.owners.keys()]).toEqual([]);

    expect(g.apply(on)).toEqual(['Ctrl+Shift+K', 'Ctrl+Shift+X', 'Ctrl+K']);
    d.press('Ctrl+Shift+K');
    d.press('Ctrl+K');
    d.press('Ctrl+Shift+X');
    now += DOUBLE_PRESS_WINDOW_MS + 1; // too late: this press arms again instead of firing
    d.press('Ctrl+Shift+X');
    now += 200;
    d.press('Ctrl+Shift+X');
    expect(h.calls).toEqual(['kill', 'search', 'armed', 'armed', 'cancelAll']);
  });

  it('follows changed settings: rebinds, and releases everything when turned off or disposed', () => {
    const d = desktop();
    const g = createGlobalShortcuts(d.registrar, handlersLog().handlers, () => 0, silentLogger);
    g.apply(on);
    expect(g.apply({ ...on, hotkeys: { ...on.hotkeys, killSwitch: 'Ctrl+Alt+K' } })).toEqual(['Ctrl+Alt+K', 'Ctrl+Shift+X', 'Ctrl+K']);
    expect([...d.owners.keys()].sort()).toEqual(['Ctrl+Alt+K', 'Ctrl+K', 'Ctrl+Shift+X']);
    // Another settings field changed: the same shortcuts stay held, nothing is re-registered.
    const english = { ...on, hotkeys: { ...on.hotkeys, killSwitch: 'Ctrl+Alt+K' }, language: 'en' as const };
    expect(g.apply(english)).toEqual(['Ctrl+Alt+K', 'Ctrl+Shift+X', 'Ctrl+K']);
    expect(g.apply({ ...on, globalShortcuts: false })).toEqual([]);
    expect(d.owners.size).toBe(0);
    g.apply(on);
    g.dispose();
    expect(d.owners.size).toBe(0);
  });

  it('a key another program holds is left to it; the others still register', () => {
    const d = desktop(['Ctrl+K']);
    const g = createGlobalShortcuts(d.registrar, handlersLog().handlers, () => 0, silentLogger);
    expect(g.apply(on)).toEqual(['Ctrl+Shift+K', 'Ctrl+Shift+X']);
  });
});
