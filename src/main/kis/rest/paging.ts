/**
 * tr_cont paging (kis-api.md §3.4 DECISION): follow 'M'/'F', echo the body's cursors verbatim (no trimming:
 * they are opaque and right-padded), every page through the limiter at the caller's priority, at most 50 pages.
 * A failure on any page fails the whole query — a partial list would look like vanished positions/orders.
 */
import { KisBadResponseError } from '../errors';
import type { CallResult, CallSpec, KisCaller } from './caller';

export interface CursorNames {
  /** Query parameter names, e.g. CTX_AREA_FK100 / CTX_AREA_NK100. */
  fk: string;
  nk: string;
}

export const CTX100: CursorNames = { fk: 'CTX_AREA_FK100', nk: 'CTX_AREA_NK100' };
export const CTX_HOLIDAY: CursorNames = { fk: 'CTX_AREA_FK', nk: 'CTX_AREA_NK' };

export const MAX_PAGES = 50;

const MORE = new Set(['M', 'F']);

export async function fetchAllPages(caller: KisCaller, spec: CallSpec, cursors: CursorNames, maxPages = MAX_PAGES): Promise<CallResult[]> {
  const pages: CallResult[] = [];
  let query: Record<string, string> = { ...spec.query, [cursors.fk]: '', [cursors.nk]: '' };
  let trCont: '' | 'N' = '';
  let previous: string | null = null;
  for (;;) {
    const page = await caller.call({ ...spec, query, trCont });
    pages.push(page);
    if (!MORE.has(page.trCont) || page.empty) return pages;
    if (pages.length >= maxPages)
      throw new KisBadResponseError(`${spec.trId}: more than ${maxPages} pages; refusing to continue`, { trId: spec.trId });
    const fk = page.body[cursors.fk.toLowerCase()];
    const nk = page.body[cursors.nk.toLowerCase()];
    if (typeof fk !== 'string' || typeof nk !== 'string')
      throw new KisBadResponseError(`${spec.trId}: tr_cont=${page.trCont} but no paging cursor in the body`, {
        trId: spec.trId,
        field: cursors.nk.toLowerCase(),
      });
    const key = `${fk}\u0000${nk}`;
    if (key === previous)
      throw new KisBadResponseError(`${spec.trId}: paging cursor did not advance`, { trId: spec.trId, field: cursors.nk.toLowerCase() });
    previous = key;
    query = { ...spec.query, [cursors.fk]: fk, [cursors.nk]: nk };
    trCont = 'N';
  }
}
