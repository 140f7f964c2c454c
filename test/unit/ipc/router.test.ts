/** The guard pipeline: order, allowed-now, and that nothing a handler does escapes as a throw or as garbage. */
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../src/main/ipc/router';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import type { AllowCheck, Handler } from '../../../src/main/ipc/types';
import { createLogger, type LogRecord } from '../../../src/main/log';
import { fail, ok } from '../../../src/shared/ipc/result';
import type { InvokeChannel } from '../../../src/shared/ipc/contract';

const appSender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };
const goodInfo = { version: '1.2.3', environment: 'demo', dataDir: '/tmp/x' };

function routerWith(handler: unknown, allow?: unknown) {
  const records: LogRecord[] = [];
  const route = createRouter({
    handlers: new Map([['app:info', handler as Handler<InvokeChannel>]]),
    allowed: new Map(allow ? [['app:info', allow as AllowCheck<InvokeChannel>]] : []),
    allowedOrigins: [APP_ORIGIN],
    logger: createLogger((r) => records.push(r), 'test', 'debug'),
  });
  return { route, records };
}

describe('IPC router', () => {
  it('answers ok with the validated output', async () => {
    const { route } = routerWith(() => ok(goodInfo));
    expect(await route('app:info', {}, appSender)).toEqual({ ok: true, value: goodInfo });
  });

  it('unknown channel → UNKNOWN_CHANNEL', async () => {
    const { route } = routerWith(() => ok(goodInfo));
    expect(await route('app:nope', {}, appSender)).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(await route('__proto__', {}, appSender)).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(await route('toString', {}, appSender)).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
  });

  it('a contract channel without a handler → UNAVAILABLE, not a throw', async () => {
    const route = createRouter({ handlers: new Map(), allowed: new Map(), allowedOrigins: [APP_ORIGIN], logger: createLogger(() => {}) });
    expect(await route('app:info', {}, appSender)).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
  });

  it('allowed-now runs after the schema and before the handler; its refusal comes back as is', async () => {
    const handler = vi.fn(() => ok(goodInfo));
    const allow = vi.fn(() => fail('NOT_ALLOWED', '지금은 허용되지 않습니다.', 'Not allowed now.'));
    const { route } = routerWith(handler, allow);
    expect(await route('app:info', { bad: 1 }, appSender)).toMatchObject({ code: 'BAD_INPUT' });
    expect(allow).not.toHaveBeenCalled();
    expect(await route('app:info', {}, appSender)).toEqual({ ok: false, code: 'NOT_ALLOWED', message: '지금은 허용되지 않습니다.', messageEn: 'Not allowed now.' });
    expect(allow).toHaveBeenCalledTimes(1);
    expect(handler).not.toHaveBeenCalled();
  });

  it('an allowed-now approval lets the handler run', async () => {
    const handler = vi.fn(() => ok(goodInfo));
    const { route } = routerWith(handler, async () => ({ ok: true }));
    expect(await route('app:info', {}, appSender)).toMatchObject({ ok: true });
    expect(handler).toHaveBeenCalledWith({}, { channel: 'app:info', sender: appSender });
  });

  it('a handler that throws → INTERNAL with a generic message; details only in the (redacted) log', async () => {
    const { route, records } = routerWith(() => {
      throw new Error('db exploded at /secret/path with token=Bearer abc.def.ghi');
    });
    const answer = await route('app:info', {}, appSender);
    expect(answer).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(answer)).not.toContain('exploded');
    const logged = records.find((r) => r.message === 'ipc handler threw');
    expect(JSON.stringify(logged)).toContain('exploded');
    expect(JSON.stringify(logged)).not.toContain('abc.def.ghi');
  });

  it('an async rejection and a throwing allowed-now are INTERNAL too', async () => {
    expect(await routerWith(async () => Promise.reject(new Error('x'))).route('app:info', {}, appSender)).toMatchObject({ code: 'INTERNAL' });
    expect(
      await routerWith(
        () => ok(goodInfo),
        () => {
          throw new Error('y');
        },
      ).route('app:info', {}, appSender),
    ).toMatchObject({ code: 'INTERNAL' });
  });

  it.each([
    ['an output that breaks the output schema', () => ok({ ...goodInfo, environment: 'moon' })],
    ['an output with an extra field', () => ok({ ...goodInfo, secretToken: 'x' })],
    ['a bare value instead of a Result', () => goodInfo],
    ['undefined', () => undefined],
    ['a failure with an unknown code', () => ({ ok: false, code: 'OOPS', message: 'x' })],
    ['a failure without a message', () => ({ ok: false, code: 'REJECTED' })],
  ])('%s → INTERNAL', async (_name, handler) => {
    const { route, records } = routerWith(handler);
    expect(await route('app:info', {}, appSender)).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(records.some((r) => r.level === 'error')).toBe(true);
  });

  it('passes a module failure through with only the documented fields', async () => {
    const { route } = routerWith(() => ({ ok: false, code: 'REJECTED', message: '거부', messageEn: 'Rejected', stack: 'leak' }));
    expect(await route('app:info', {}, appSender)).toEqual({ ok: false, code: 'REJECTED', message: '거부', messageEn: 'Rejected' });
  });
});
