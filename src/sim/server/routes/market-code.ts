/**
 * FID_COND_MRKT_DIV_CODE → venue (kis-api.md §4.7): J = KRX, NX = NXT, UN = 통합. Paper serves only J
 * (OPSQ2001) unless knob paperAllowNxQuotes. An unknown symbol, or NX for a symbol NXT does not list, is
 * APBK0656.
 */
import type { Instrument, Venue } from '../../exchange/types';
import { businessReject, inputError, type Reply } from '../envelope';
import { MSG } from '../messages';
import type { UapiContext } from './common';

export type QuoteVenue = Venue | 'UN';

export function quoteTarget(ctx: UapiContext): { ok: true; venue: QuoteVenue; inst: Instrument } | { ok: false; reply: Reply } {
  const code = ctx.params.str('FID_COND_MRKT_DIV_CODE').trim().toUpperCase();
  const venue: QuoteVenue | undefined = code === 'J' ? 'KRX' : code === 'NX' ? 'NXT' : code === 'UN' ? 'UN' : undefined;
  if (!venue) return { ok: false, reply: inputError('OPSQ2001') };
  if (venue !== 'KRX' && ctx.personality === 'paper' && !ctx.knobs.paperAllowNxQuotes) return { ok: false, reply: inputError('OPSQ2001') };
  const inst = ctx.exchange.instrument(ctx.params.str('FID_INPUT_ISCD').trim());
  if (!inst || (venue === 'NXT' && !inst.nxtEligible)) return { ok: false, reply: businessReject('APBK0656', MSG.APBK0656) };
  return { ok: true, venue, inst };
}
