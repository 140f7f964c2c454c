/**
 * Builds the `window.aegis` object from the contract's keys over a transport. The preload passes an
 * ipcRenderer-based transport; the E2E harness passes one bridged to a core in the test process; both get
 * exactly this object, so what the renderer sees in tests is what it sees in Electron.
 */
import { eventNames, invokeChannels, type AegisApi } from './contract';
import { fail, type Result } from './result';

export interface AegisTransport {
  /** Sends one call to main; resolves with main's Result. May reject if the channel itself broke. */
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes to one event; returns the unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export function buildAegisApi(
  transport: AegisTransport,
  channels: readonly string[] = invokeChannels,
  events: readonly string[] = eventNames,
): AegisApi {
  const invoke: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of channels) {
    invoke[channel] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        // `{}` for channels without arguments, so `aegis.invoke['app:info']()` also works.
        return (await transport.invoke(channel, input === undefined ? {} : input)) as Result<unknown>;
      } catch {
        // A broken channel must still answer with a value (design.md invariant 7).
        return fail('UNAVAILABLE', '앱 내부 연결이 끊어졌습니다. 다시 시도하세요.', 'The connection to the app core is broken. Try again.');
      }
    };
  }
  Object.freeze(invoke);
  const known = new Set(events);
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!known.has(event) || typeof listener !== 'function') return () => {};
    return transport.subscribe(event, (payload) => listener(payload));
  };
  return Object.freeze({ invoke, on }) as unknown as AegisApi;
}
