/**
 * THE contract between the untrusted renderer and main: every invoke channel with its zod input and output,
 * every push event with its zod payload. Both sides derive their types from this one object; the preload
 * builds `window.aegis` from its keys; main wraps every channel in the guards (src/main/ipc).
 *
 * To add a domain: write `domains/<name>.ts` exporting `<name>Channels` (each built with `channel({...})`)
 * and `<name>Events`, import them here and add them to the two `mergeDomains(...)` calls. Then register a
 * module with the handlers in src/main/modules.ts.
 */
import type { z } from 'zod';
import { accountChannels, accountEvents } from './domains/account';
import { appChannels, appEvents } from './domains/app';
import { marketChannels, marketEvents } from './domains/market';
import { ordersChannels, ordersEvents } from './domains/orders';
import { sessionChannels, sessionEvents } from './domains/session';
import type { Result } from './result';
import type { ChannelSpec } from './spec';

/** Every domain's channels and events. Adding a domain = one import + one entry in each list. */
const invoke = mergeDomains(appChannels, sessionChannels, marketChannels, accountChannels, ordersChannels);
const events = mergeDomains(appEvents, sessionEvents, marketEvents, accountEvents, ordersEvents);

export const contract = { invoke, events } as const;

export type Contract = typeof contract;
export type InvokeChannel = keyof Contract['invoke'] & string;
export type EventName = keyof Contract['events'] & string;
/** What the renderer passes (before schema defaults/transforms). */
export type InvokeInput<C extends InvokeChannel> = z.input<Contract['invoke'][C]['input']>;
/** What a handler receives (after the schema parsed it). */
export type ParsedInput<C extends InvokeChannel> = z.output<Contract['invoke'][C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<Contract['invoke'][C]['output']>;
export type EventPayload<E extends EventName> = z.output<Contract['events'][E]>;

export const invokeChannels = Object.keys(invoke) as InvokeChannel[];
export const eventNames = Object.keys(events) as EventName[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invoke, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export function channelSpec(channel: InvokeChannel): ChannelSpec {
  return contract.invoke[channel] as ChannelSpec;
}
export function eventSchema(event: EventName): z.ZodType {
  return contract.events[event] as z.ZodType;
}

// Channels and events share Electron's IPC namespace: a name may not be both.
for (const name of Object.keys(invoke)) {
  if (Object.prototype.hasOwnProperty.call(events, name)) throw new Error(`IPC contract: "${name}" is both a channel and an event`);
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Merges domain maps into one. Unlike a spread, a name declared by two domains throws at load (so every test
 * fails at once) instead of one domain silently replacing the other's channel.
 */
export function mergeDomains<T extends readonly object[]>(...domains: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, spec] of Object.entries(domain)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) throw new Error(`IPC contract: "${name}" is declared twice`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

/**
 * `window.aegis`: one async function per invoke channel under `invoke`, keyed by the channel string, and
 * `on(event, cb)` that hands `cb` only the payload and returns an unsubscribe function.
 *
 *   const r = await window.aegis.invoke['app:info']({});
 *   if (r.ok) show(r.value.version); else show(r.message);
 *   const off = window.aegis.on('conn:state', (s) => setConn(s));
 */
export interface AegisApi {
  invoke: { readonly [C in InvokeChannel]: (input: InvokeInput<C>) => Promise<Result<InvokeOutput<C>>> };
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
