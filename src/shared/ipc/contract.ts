/**
 * THE contract between the untrusted renderer and main: every invoke channel with its zod input and output,
 * every push event with its zod payload. Both sides derive their types from this one object; the preload
 * builds `window.aegis` from its keys; main wraps every channel in the guards (src/main/ipc).
 *
 * To add a domain: write `domains/<name>.ts` exporting `<name>Channels` (built with `channel({...})`) and
 * `<name>Events`, then add one line to each list below. Nothing else changes.
 */
import type { z } from 'zod';
import { appChannels, appEvents } from './domains/app';
import type { Result } from './result';
import type { ChannelSpec } from './spec';

const invoke = {
  ...appChannels,
};

const events = {
  ...appEvents,
};

/** Every domain's channels and events, in declaration order, for the duplicate check below. */
const domainChannelKeys: readonly (readonly string[])[] = [Object.keys(appChannels)];
const domainEventKeys: readonly (readonly string[])[] = [Object.keys(appEvents)];

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

/**
 * Spread would let a later domain silently replace an earlier one's channel; names must also never be
 * both a channel and an event (they share Electron's IPC namespace). Checked at load so a clash fails
 * every test at once.
 */
function assertUniqueNames(): void {
  const seen = new Set<string>();
  for (const key of [...domainChannelKeys.flat(), ...domainEventKeys.flat()]) {
    if (seen.has(key)) throw new Error(`IPC contract: "${key}" is declared twice`);
    seen.add(key);
  }
}
assertUniqueNames();

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
