/** Types shared by the IPC router and the core's modules. */
import type { InvokeChannel, InvokeOutput, ParsedInput } from '../../shared/ipc/contract';
import type { Failure, Result } from '../../shared/ipc/result';
import type { SenderInfo } from './sender';

export interface CallContext {
  channel: InvokeChannel;
  sender: SenderInfo;
}

/** Handles one channel. Receives the input already parsed by the channel's schema. */
export type Handler<C extends InvokeChannel> = (
  input: ParsedInput<C>,
  call: CallContext,
) => Result<InvokeOutput<C>> | Promise<Result<InvokeOutput<C>>>;

export type Allowance = { ok: true } | Failure;
/** Decides whether a well-formed call may run now (environment armed, kill switch, session rules…). */
export type AllowCheck<C extends InvokeChannel> = (input: ParsedInput<C>, call: CallContext) => Allowance | Promise<Allowance>;

export type HandlerMap = { [C in InvokeChannel]: Handler<C> };
export type AllowMap = { [C in InvokeChannel]: AllowCheck<C> };

export const allow: Allowance = { ok: true };
