/**
 * Wraps `window.aegis` as a ScreenApi. A channel the bridge does not expose (its domain not in the contract yet,
 * or an older core) answers a Failure value instead of throwing, so a panel shows "unavailable" and the rest of
 * the screen keeps working.
 */
import type { AegisApi } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/result';
import type { Channel, ChannelInput, ChannelOutput, Event, EventPayloadOf, ScreenApi } from './types';

type LooseInvoke = Record<string, ((input: unknown) => Promise<Result<unknown>>) | undefined>;
type LooseOn = (event: string, listener: (payload: unknown) => void) => () => void;

export function screenApi(aegis: AegisApi): ScreenApi {
  const invoke = aegis.invoke as unknown as LooseInvoke;
  const on = aegis.on.bind(aegis) as unknown as LooseOn;
  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
      const fn = invoke[channel];
      if (typeof fn !== 'function') {
        return fail('UNAVAILABLE', `이 기능은 아직 연결되지 않았습니다 (${channel}).`, `Not available in this build yet (${channel}).`);
      }
      return (await fn(input)) as Result<ChannelOutput<C>>;
    },
    on<E extends Event>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
      return on(event, listener as (payload: unknown) => void);
    },
  };
}

/** The message of a failure in the trader's language. */
export function failureText(r: { message: string; messageEn?: string }, locale: 'ko' | 'en'): string {
  return locale === 'en' && r.messageEn ? r.messageEn : r.message;
}
