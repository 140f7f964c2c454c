/**
 * Every channel and event the screen uses, typed straight from the domain files. The contract merges the same
 * domains; typing from the domains lets the screen be built and tested while a domain's main-side module is
 * still on its way (a channel the running core does not know answers UNAVAILABLE, see client.ts).
 */
import type { z } from 'zod';
import type { accountChannels, accountEvents } from '../../shared/ipc/domains/account';
import type { appChannels, appEvents } from '../../shared/ipc/domains/app';
import type { marketChannels, marketEvents } from '../../shared/ipc/domains/market';
import type { ordersChannels, ordersEvents } from '../../shared/ipc/domains/orders';
import type { sessionChannels, sessionEvents } from '../../shared/ipc/domains/session';
import type { Result } from '../../shared/ipc/result';

type Channels = typeof appChannels & typeof sessionChannels & typeof accountChannels & typeof marketChannels & typeof ordersChannels;
type Events = typeof appEvents & typeof sessionEvents & typeof accountEvents & typeof marketEvents & typeof ordersEvents;

export type Channel = keyof Channels & string;
export type Event = keyof Events & string;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;
export type EventPayloadOf<E extends Event> = z.output<Events[E]>;

/** What the screen needs from `window.aegis`, whatever subset of the domains the running core has. */
export interface ScreenApi {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends Event>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}
