/**
 * Every IPC call goes through here, in this order (design.md invariant 7):
 *   1. sender  — our app origin, top frame           → FORBIDDEN_SENDER
 *   2. channel — declared in the contract              → UNKNOWN_CHANNEL
 *   3. schema  — plain data, then the zod input schema → BAD_INPUT
 *   4. allowed — the owning module's allowed-now check → its own code (NOT_ALLOWED, UNAVAILABLE…)
 *   5. handler — its Result; its output is checked against the output schema too, so a bug becomes
 *                INTERNAL instead of garbage in the renderer.
 * The answer is always a Result value; nothing thrown ever crosses the boundary.
 */
import { z } from 'zod';
import { channelSpec, isInvokeChannel, type InvokeChannel } from '../../shared/ipc/contract';
import { ERROR_CODES, ok, type Failure, type Result } from '../../shared/ipc/result';
import type { Logger } from '../log';
import { badInputFromPlainData, badInputFromZod, forbiddenSender, internalError, notImplemented, unknownChannel } from './messages';
import { findPlainDataProblem } from './plain-data';
import { isTrustedSender, type SenderInfo } from './sender';
import type { AllowCheck, CallContext, Handler } from './types';

export interface RouterOptions {
  handlers: ReadonlyMap<InvokeChannel, Handler<InvokeChannel>>;
  allowed: ReadonlyMap<InvokeChannel, AllowCheck<InvokeChannel>>;
  allowedOrigins: readonly string[];
  logger: Logger;
}

export type Route = (channel: string, payload: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** Keeps only the documented fields of a failure a module returned, and refuses unknown codes. */
function cleanFailure(value: Failure, log: Logger, channel: string): Failure {
  if (!KNOWN_CODES.has(value.code) || typeof value.message !== 'string') {
    log.error('handler returned a malformed failure', { channel, code: String(value.code) });
    return internalError();
  }
  const out: Failure = { ok: false, code: value.code, message: value.message.slice(0, 2000) };
  if (typeof value.messageEn === 'string') out.messageEn = value.messageEn.slice(0, 2000);
  return out;
}

function isResultShape(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createRouter(options: RouterOptions): Route {
  const log = options.logger;
  return async (channel, payload, sender) => {
    try {
      if (!isTrustedSender(sender, options.allowedOrigins)) {
        log.warn('ipc call refused: untrusted sender', { channel: String(channel).slice(0, 100), url: senderUrlForLog(sender) });
        return forbiddenSender();
      }
      if (!isInvokeChannel(channel)) return unknownChannel();
      const spec = channelSpec(channel);

      const problem = findPlainDataProblem(payload);
      if (problem) return badInputFromPlainData(channel, problem);
      const parsed = spec.input.safeParse(payload);
      if (!parsed.success) return badInputFromZod(channel, parsed.error);

      const handler = options.handlers.get(channel);
      if (!handler) return notImplemented(channel);
      const call: CallContext = { channel, sender };

      const allow = options.allowed.get(channel);
      if (allow) {
        const verdict = await allow(parsed.data as never, call);
        if (!isResultShape(verdict)) {
          log.error('allowed-now check returned a non-result', { channel });
          return internalError();
        }
        if (!verdict.ok) return cleanFailure(verdict, log, channel);
      }

      const result = await handler(parsed.data as never, call);
      if (!isResultShape(result)) {
        log.error('handler returned a non-result', { channel });
        return internalError();
      }
      if (!result.ok) return cleanFailure(result, log, channel);
      const output = spec.output.safeParse(result.value);
      if (!output.success) {
        log.error('handler output does not match the contract', { channel, issues: z.treeifyError(output.error) });
        return internalError();
      }
      return ok(output.data);
    } catch (err) {
      log.error('ipc handler threw', { channel: String(channel).slice(0, 100), error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) });
      return internalError();
    }
  };
}

function senderUrlForLog(sender: unknown): string | null {
  if (typeof sender !== 'object' || sender === null) return null;
  const url = (sender as { url?: unknown }).url;
  return typeof url === 'string' ? url.slice(0, 200) : null;
}
