/**
 * The frame parser (kis-api.md §6.4): first character `{` → JSON control; `0`/`1` → `enc|tr_id|count|payload`.
 * Pure apart from its reusable scratch index and its counters; never throws — a bad frame or record is
 * dropped and counted. Encrypted frames (`1|`) are decrypted with the key/iv from that TR's ack; the
 * data-frame prefix decides, the ack's `encrypt` header is ignored (§6.2 DECISION).
 */
import { decryptPayload, makeCipher, type TrCipher } from './aes';
import { readBook } from './book';
import { parseControl, type ControlMessage } from './control';
import { FieldIndex } from './fields';
import { readNotice } from './notice';
import { readTick } from './tick';
import { TR_INFO } from './trs';
import type { Book, ExecutionNotice, Tick } from './types';

export type MalformedReason =
  | 'empty' // nothing, or an unknown first character
  | 'header' // the enc|tr_id|count| header is broken
  | 'json' // `{…}` that does not parse
  | 'count' // field total not a multiple of the record count
  | 'width' // records narrower than the TR's known layout
  | 'field' // a numeric field that is not a number (that record only)
  | 'no-key' // encrypted frame for a TR without an ack key/iv
  | 'decrypt' // wrong key/iv or damaged ciphertext
  | 'short-notice'; // notice record with fewer than 26 fields

export type ParsedFrame =
  | { kind: 'control'; message: ControlMessage }
  | { kind: 'ticks'; trId: string; records: Tick[] }
  | { kind: 'books'; trId: string; records: Book[] }
  | { kind: 'notices'; trId: string; records: ExecutionNotice[] }
  /** A well-formed data frame of a TR this client does not type (e.g. H0STANC0). */
  | { kind: 'other'; trId: string }
  | { kind: 'malformed'; trId: string; reason: MalformedReason };

export interface ParserCounters {
  frames: number;
  records: number;
  malformedFrames: number;
  malformedRecords: number;
  byReason: Record<MalformedReason, number>;
}

const PIPE = 124;
const ZERO = 48;

export class FrameParser {
  private readonly fields = new FieldIndex();
  private readonly ciphers = new Map<string, TrCipher>();
  readonly counters: ParserCounters = {
    frames: 0,
    records: 0,
    malformedFrames: 0,
    malformedRecords: 0,
    byReason: { empty: 0, header: 0, json: 0, count: 0, width: 0, field: 0, 'no-key': 0, decrypt: 0, 'short-notice': 0 },
  };

  /** Stores the key/iv of a successful subscribe ack. Returns false when they have the wrong size. */
  setCipher(trId: string, key: string, iv: string): boolean {
    const c = makeCipher(key, iv);
    if (c) this.ciphers.set(trId, c);
    return c !== null;
  }

  clearCiphers(): void {
    this.ciphers.clear();
  }

  parse(raw: string): ParsedFrame {
    this.counters.frames++;
    const c0 = raw.charCodeAt(0);
    if (c0 === 123 /* { */) {
      const message = parseControl(raw);
      return message ? { kind: 'control', message } : this.bad('', 'json');
    }
    if ((c0 !== ZERO && c0 !== ZERO + 1) || raw.charCodeAt(1) !== PIPE) return this.bad('', raw.length === 0 ? 'empty' : 'header');
    const p2 = raw.indexOf('|', 2);
    if (p2 < 0) return this.bad('', 'header');
    const trId = raw.slice(2, p2);
    const p3 = raw.indexOf('|', p2 + 1);
    if (p3 < 0) return this.bad(trId, 'header');
    let count = 0;
    for (let i = p2 + 1; i < p3; i++) {
      const d = raw.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) return this.bad(trId, 'header');
      count = count * 10 + d;
    }
    if (count < 1 || p3 === p2 + 1) return this.bad(trId, 'header');

    let payload = raw;
    let from = p3 + 1;
    if (c0 === ZERO + 1) {
      const cipher = this.ciphers.get(trId);
      if (!cipher) return this.bad(trId, 'no-key');
      try {
        payload = decryptPayload(raw.slice(from), cipher);
      } catch {
        return this.bad(trId, 'decrypt');
      }
      from = 0;
    }

    const info = TR_INFO[trId];
    const total = this.fields.scan(payload, from);
    if (total % count !== 0) return this.bad(trId, 'count');
    const width = total / count;
    if (!info) return { kind: 'other', trId };
    if (width < info.minFields) return this.bad(trId, info.kind === 'notice' ? 'short-notice' : 'width', count);

    switch (info.kind) {
      case 'trade': {
        const records: Tick[] = [];
        for (let r = 0, b = 0; r < count; r++, b += width) {
          const t = readTick(this.fields, b, width, info.venue!);
          if (t) records.push(t);
          else this.badRecord('field');
        }
        this.counters.records += records.length;
        return { kind: 'ticks', trId, records };
      }
      case 'book': {
        const records: Book[] = [];
        const known = info.minFields === 65 ? 65 : 59;
        for (let r = 0, b = 0; r < count; r++, b += width) {
          const book = readBook(this.fields, b, width, info.venue!, known);
          if (book) records.push(book);
          else this.badRecord('field');
        }
        this.counters.records += records.length;
        return { kind: 'books', trId, records };
      }
      case 'notice': {
        const records: ExecutionNotice[] = [];
        for (let r = 0, b = 0; r < count; r++, b += width) {
          const n = readNotice(this.fields, b, width, trId);
          if (n) records.push(n);
          else this.badRecord('field');
        }
        this.counters.records += records.length;
        return { kind: 'notices', trId, records };
      }
    }
  }

  private bad(trId: string, reason: MalformedReason, records = 0): ParsedFrame {
    this.counters.malformedFrames++;
    this.counters.malformedRecords += records;
    this.counters.byReason[reason]++;
    return { kind: 'malformed', trId, reason };
  }

  private badRecord(reason: MalformedReason): void {
    this.counters.malformedRecords++;
    this.counters.byReason[reason]++;
  }
}
