/** The realtime TR IDs this client speaks (kis-api.md §7) and the minimum record widths it accepts. */
import type { QuoteVenue } from './types';

export const TRADE_TR: Record<QuoteVenue, string> = { KRX: 'H0STCNT0', NXT: 'H0NXCNT0', UN: 'H0UNCNT0' };
export const BOOK_TR: Record<QuoteVenue, string> = { KRX: 'H0STASP0', NXT: 'H0NXASP0', UN: 'H0UNASP0' };
/** Execution/acceptance notices: the real and paper TRs differ (tr_key = HTS ID for both). */
export const NOTICE_TR = { real: 'H0STCNI0', paper: 'H0STCNI9' } as const;

export type TrKind = 'trade' | 'book' | 'notice';

export interface TrInfo {
  kind: TrKind;
  venue: QuoteVenue | null;
  /** Known layout width: records narrower than this are malformed; wider ones keep the rest raw. */
  minFields: number;
}

export const TR_INFO: Readonly<Record<string, TrInfo>> = {
  H0STCNT0: { kind: 'trade', venue: 'KRX', minFields: 46 },
  H0NXCNT0: { kind: 'trade', venue: 'NXT', minFields: 46 },
  H0UNCNT0: { kind: 'trade', venue: 'UN', minFields: 46 },
  H0STASP0: { kind: 'book', venue: 'KRX', minFields: 59 },
  H0NXASP0: { kind: 'book', venue: 'NXT', minFields: 65 },
  H0UNASP0: { kind: 'book', venue: 'UN', minFields: 65 },
  H0STCNI0: { kind: 'notice', venue: null, minFields: 26 },
  H0STCNI9: { kind: 'notice', venue: null, minFields: 26 },
};

/** NX/UN TRs are not served in paper mode ("모의투자 미지원"): the client never subscribes them there. */
export function venueAllowed(venue: QuoteVenue, paper: boolean): boolean {
  return !paper || venue === 'KRX';
}
