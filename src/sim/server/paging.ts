/**
 * Paging (kis-api.md §3.4): request header `tr_cont: N` + the previous response's cursors continue;
 * the response header `tr_cont` says F/M (more) or D/E (last). Cursors are opaque, right-padded strings
 * that encode the row offset; they are accepted trimmed or not, and a cursor without `tr_cont: N` starts
 * over at page 1.
 */
export interface PageCursor {
  fk: string;
  nk: string;
}

/** Encode: fk carries the query's context (account + filters), nk carries the offset. */
export function encodeCursor(context: string, offset: number, width = 100): PageCursor {
  const nk = `${context.replace(/\^.*$/, '')}^${String(offset).padStart(8, '0')}^`;
  return { fk: pad(context, width), nk: pad(nk, width) };
}

/** Decode the offset of a continuation request; 0 = first page. */
export function decodeOffset(trContHeader: string | undefined, nk: string | undefined): number {
  if ((trContHeader ?? '').trim().toUpperCase() !== 'N' || !nk) return 0;
  const m = /\^(\d{8})\^/.exec(nk.trim() + (nk.trim().endsWith('^') ? '' : '^'));
  return m ? Number(m[1]) : 0;
}

/** Response `tr_cont`: first page F (more) / D (last); continuation M (more) / E (last). */
export function responseTrCont(continuation: boolean, more: boolean): 'F' | 'M' | 'D' | 'E' {
  if (more) return continuation ? 'M' : 'F';
  return continuation ? 'E' : 'D';
}

export interface Page<T> {
  rows: T[];
  more: boolean;
  nextOffset: number;
  continuation: boolean;
}

export function pageOf<T>(rows: T[], offset: number, size: number): Page<T> {
  const start = Math.min(offset, rows.length);
  const slice = rows.slice(start, start + size);
  return { rows: slice, more: start + size < rows.length, nextOffset: start + slice.length, continuation: offset > 0 };
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}
