/** The Notifier adapter over Electron's Notification class (a stand-in class: the binary cannot run here). */
import { describe, expect, it } from 'vitest';
import { electronNotifier, type NotificationClass } from '../../../src/main/electron/notifications';

function fakeNotificationClass(supported = true) {
  const made: FakeNotification[] = [];
  class FakeNotification {
    shown = false;
    closed = false;
    handlers = new Map<string, () => void>();
    constructor(public options: { title?: string; body?: string; silent?: boolean }) {
      made.push(this);
    }
    static isSupported() {
      return supported;
    }
    on(event: string, h: () => void) {
      this.handlers.set(event, h);
      return this;
    }
    show() {
      this.shown = true;
    }
    close() {
      this.closed = true;
      this.handlers.get('close')?.();
    }
  }
  return { Class: FakeNotification as unknown as NotificationClass, made };
}

describe('electronNotifier', () => {
  it('shows a notification with title and body and wires the click', () => {
    const { Class, made } = fakeNotificationClass();
    let clicked = 0;
    electronNotifier(Class).notify({ title: '체결', body: '삼성전자 10주 매수 체결', onClick: () => clicked++ });
    expect(made).toHaveLength(1);
    expect(made[0]?.options).toEqual({ title: '체결', body: '삼성전자 10주 매수 체결', silent: false });
    expect(made[0]?.shown).toBe(true);
    made[0]?.handlers.get('click')?.();
    expect(clicked).toBe(1);
  });

  it('brings the window forward on every click, before the notification\'s own handler', () => {
    const { Class, made } = fakeNotificationClass();
    const calls: string[] = [];
    const notifier = electronNotifier(Class, () => calls.push('showWindow'));
    notifier.notify({ title: '체결', body: 'x', onClick: () => calls.push('focusOrder') });
    notifier.notify({ title: '연결 끊김', body: 'y' });
    made[0]?.handlers.get('click')?.();
    made[1]?.handlers.get('click')?.();
    expect(calls).toEqual(['showWindow', 'focusOrder', 'showWindow']);
  });

  it('replaces an older notification with the same tag', () => {
    const { Class, made } = fakeNotificationClass();
    const notifier = electronNotifier(Class);
    notifier.notify({ title: 'a', body: '1', tag: 'order-1' });
    notifier.notify({ title: 'b', body: '2', tag: 'order-1' });
    notifier.notify({ title: 'c', body: '3', tag: 'order-2' });
    expect(made.map((n) => n.closed)).toEqual([true, false, false]);
  });

  it('does nothing where the OS has no notifications', () => {
    const { Class, made } = fakeNotificationClass(false);
    electronNotifier(Class).notify({ title: 'x', body: 'y' });
    expect(made).toHaveLength(0);
  });
});
