/**
 * Generic over the WHOLE contract (every domain, including ones added later): a valid payload passes all
 * guards and reaches its handler; junk is BAD_INPUT and reaches no handler; strings are bounded.
 */
import { describe, expect, it, vi } from 'vitest';
import { contract, eventNames, invokeChannels, type InvokeChannel } from '../../../src/shared/ipc/contract';
import { ok } from '../../../src/shared/ipc/result';
import type { ChannelSpec } from '../../../src/shared/ipc/spec';
import { createRouter } from '../../../src/main/ipc/router';
import { APP_ORIGIN } from '../../../src/main/ipc/sender';
import type { Handler } from '../../../src/main/ipc/types';
import { silentLogger } from '../../../src/main/log';
import { junkFor, unboundedStringFields } from './junk';

const appSender = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };

/** A router whose every channel has a spy handler, so "reached the handler" is observable. */
function spyRouter() {
  const spies = new Map<InvokeChannel, ReturnType<typeof vi.fn>>();
  const handlers = new Map<InvokeChannel, Handler<InvokeChannel>>();
  for (const channel of invokeChannels) {
    const spy = vi.fn(() => ok('spy-value' as never));
    spies.set(channel, spy);
    handlers.set(channel, spy as unknown as Handler<InvokeChannel>);
  }
  const route = createRouter({ handlers, allowed: new Map(), allowedOrigins: [APP_ORIGIN], logger: silentLogger });
  return { route, spies };
}

const spec = (c: InvokeChannel) => contract.invoke[c] as ChannelSpec;

describe('IPC contract (all channels)', () => {
  it('has channels and events, and the app domain is present', () => {
    expect(invokeChannels).toEqual(expect.arrayContaining(['app:info', 'app:health', 'app:connection']));
    expect(eventNames).toContain('conn:state');
  });

  it('channel and event names are namespaced "domain:name" and never shared between the two', () => {
    for (const name of [...invokeChannels, ...eventNames]) expect(name).toMatch(/^[a-z][a-zA-Z0-9]*:[a-zA-Z][a-zA-Z0-9.]*$/);
    expect(invokeChannels.filter((c) => (eventNames as string[]).includes(c))).toEqual([]);
  });

  describe.each(invokeChannels.map((c) => [c]))('%s', (channel) => {
    it('its example is valid for its input schema', () => {
      expect(spec(channel).input.safeParse(spec(channel).example).success).toBe(true);
    });

    it('a valid payload passes every guard and reaches the handler with the parsed input', async () => {
      const { route, spies } = spyRouter();
      const answer = await route(channel, structuredClone(spec(channel).example), appSender);
      // The spy's output is not a valid output; the handler must have been reached all the same.
      expect(spies.get(channel)).toHaveBeenCalledTimes(1);
      expect(answer.ok === false && answer.code).not.toBe('BAD_INPUT');
      expect(answer.ok === false && answer.code).not.toBe('FORBIDDEN_SENDER');
    });

    it('refuses extra keys in the input schema itself (strict objects)', () => {
      const example = spec(channel).example as Record<string, unknown>;
      expect(spec(channel).input.safeParse({ ...example, zzExtra: 1 }).success).toBe(false);
    });

    it('every string field of the input is bounded', () => {
      expect(unboundedStringFields(spec(channel).input, spec(channel).example)).toEqual([]);
    });

    it.each(junkFor(spec(channel).input, spec(channel).example).map((j) => [j.name, j]))('junk (%s) → BAD_INPUT, handler not reached', async (_name, junk) => {
      const { route, spies } = spyRouter();
      const answer = await route(channel, junk.payload, appSender);
      expect(answer).toMatchObject({ ok: false, code: 'BAD_INPUT' });
      if (!answer.ok) {
        expect(answer.message).toMatch(/입력값/);
        expect(answer.messageEn).toMatch(/Invalid input/);
        // Never echoes a huge value back.
        expect(answer.message.length).toBeLessThan(400);
      }
      for (const spy of spies.values()) expect(spy).not.toHaveBeenCalled();
      // No prototype got polluted along the way.
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });

  it('names the offending field in Korean and English', async () => {
    const { route } = spyRouter();
    const answer = await route('app:info', { zzExtra: 1 }, appSender);
    expect(answer).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    if (!answer.ok) {
      expect(answer.message).toContain('zzExtra');
      expect(answer.messageEn).toContain('zzExtra');
    }
  });

  it('every event payload schema refuses extra keys and junk', () => {
    for (const event of eventNames) {
      const schema = contract.events[event];
      expect(schema.safeParse(null).success).toBe(false);
      expect(schema.safeParse('x').success).toBe(false);
    }
    const good = { environment: 'demo', connection: 'connected', lastSyncAt: null, rateHeadroom: 0.5 };
    expect(contract.events['conn:state'].safeParse(good).success).toBe(true);
    expect(contract.events['conn:state'].safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(contract.events['conn:state'].safeParse({ ...good, rateHeadroom: 1.5 }).success).toBe(false);
  });
});

describe('mergeDomains', () => {
  it('merges domain maps and refuses a name declared twice', async () => {
    const { mergeDomains } = await import('../../../src/shared/ipc/contract');
    expect(Object.keys(mergeDomains({ 'a:x': 1 }, { 'b:y': 2 }))).toEqual(['a:x', 'b:y']);
    expect(() => mergeDomains({ 'a:x': 1 }, { 'a:x': 2 })).toThrow(/declared twice/);
  });
});
