/**
 * Symbol search over an instrument list: by code, Korean name (with 초성 — "ㅅㅅㅈㅈ" finds 삼성전자, and mixed
 * "삼ㅅ전자" works too), English name, and a loose subsequence match as the last resort.
 *
 * Ranking (best first): exact code > code prefix > exact name > name prefix > name substring > 초성 prefix >
 * 초성 substring > fuzzy. Ties go to the bigger company (market cap when the source has it), then the shorter
 * name (삼성전자 before 삼성전자우), then the code — so the first hit is the one a trader most likely meant.
 */
import type { InstrumentInfo } from '../session/service';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Compatibility jamo of the 19 initial consonants, in syllable-composition order. */
const CHOSEONG = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
const CHOSEONG_SET = new Set(CHOSEONG);

/** The initial consonant of a Hangul syllable, or the character itself. */
export function choseongOf(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < HANGUL_FIRST || code > HANGUL_LAST) return ch;
  return CHOSEONG[Math.floor((code - HANGUL_FIRST) / 588)]!;
}

/** Lower case, NFC, no spaces/dots/dashes: "Samsung Electronics" and "samsungelectronics" compare equal. */
export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s.\-_·&()]/g, '');
}

/** Does query char `q` stand for name char `n`? Equal, or `q` is a bare initial consonant of syllable `n`. */
const charMatches = (q: string, n: string): boolean => q === n || (CHOSEONG_SET.has(q) && choseongOf(n) === q);

/** Index of the first window of `name` that `query` matches char by char (with 초성), or -1. */
function jamoIndexOf(name: readonly string[], query: readonly string[]): number {
  outer: for (let i = 0; i + query.length <= name.length; i++) {
    for (let j = 0; j < query.length; j++) if (!charMatches(query[j]!, name[i + j]!)) continue outer;
    return i;
  }
  return -1;
}

/** Subsequence match: every query char in order. Smaller spread = better; null if no match. */
function subsequenceSpread(name: readonly string[], query: readonly string[]): number | null {
  let first = -1;
  let j = 0;
  for (let i = 0; i < name.length && j < query.length; i++) {
    if (charMatches(query[j]!, name[i]!)) {
      if (j === 0) first = i;
      j++;
      if (j === query.length) return i - first + 1 - query.length;
    }
  }
  return null;
}

export interface SearchEntry {
  info: InstrumentInfo;
  /** Tie-breaker: bigger is more prominent (market cap); 0 when unknown. */
  weight: number;
}

interface Indexed {
  entry: SearchEntry;
  code: string;
  names: string[][]; // normalized Korean and English names as char arrays
}

export interface InstrumentSearch {
  search(query: string, limit: number): InstrumentInfo[];
}

const SCORE = { exactCode: 1000, codePrefix: 900, exactName: 850, namePrefix: 800, nameSubstring: 700, fuzzy: 300 } as const;

export function createInstrumentSearch(entries: readonly SearchEntry[]): InstrumentSearch {
  const indexed: Indexed[] = entries.map((entry) => ({
    entry,
    code: entry.info.symbol.toLowerCase(),
    names: [entry.info.name, entry.info.nameEn].filter((n) => n.trim() !== '').map((n) => [...normalize(n)]),
  }));

  function score(ix: Indexed, q: string, qChars: readonly string[], hasJamo: boolean): number {
    if (ix.code === q) return SCORE.exactCode;
    if (ix.code.startsWith(q)) return SCORE.codePrefix - (ix.code.length - q.length);
    let best = 0;
    for (const name of ix.names) {
      const joined = name.join('');
      if (!hasJamo) {
        if (joined === q) best = Math.max(best, SCORE.exactName);
        else if (joined.startsWith(q)) best = Math.max(best, SCORE.namePrefix);
        else {
          const at = joined.indexOf(q);
          if (at >= 0) best = Math.max(best, SCORE.nameSubstring - Math.min(at, 50));
        }
      } else {
        // A query with bare consonants: the same ladder one step lower than the spelled-out match.
        const at = jamoIndexOf(name, qChars);
        if (at === 0) best = Math.max(best, name.length === qChars.length ? SCORE.exactName - 50 : SCORE.namePrefix - 50);
        else if (at > 0) best = Math.max(best, SCORE.nameSubstring - 50 - Math.min(at, 50));
      }
      if (best === 0 && qChars.length >= 2) {
        const spread = subsequenceSpread(name, qChars);
        if (spread !== null) best = Math.max(best, SCORE.fuzzy - Math.min(spread, 200));
      }
    }
    return best;
  }

  return {
    search(query, limit) {
      const q = normalize(query);
      if (q === '' || limit <= 0) return [];
      const qChars = [...q];
      const hasJamo = qChars.some((c) => CHOSEONG_SET.has(c));
      const hits: Array<{ ix: Indexed; score: number }> = [];
      for (const ix of indexed) {
        const s = score(ix, q, qChars, hasJamo);
        if (s > 0) hits.push({ ix, score: s });
      }
      hits.sort(
        (a, b) =>
          b.score - a.score ||
          b.ix.entry.weight - a.ix.entry.weight ||
          a.ix.entry.info.name.length - b.ix.entry.info.name.length ||
          (a.ix.code < b.ix.code ? -1 : a.ix.code > b.ix.code ? 1 : 0),
      );
      return hits.slice(0, limit).map((h) => h.ix.entry.info);
    },
  };
}
