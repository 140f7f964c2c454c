/**
 * The instrument directory the session hands out: what the trader can search and trade. Built from the
 * simulator's universe in demo (instruments-sim.ts) and from the KIS master files on paper/real
 * (instruments-kis.ts). A directory may be filled later (master files download in the background), so it is
 * a mutable holder behind the read-only InstrumentDirectory interface.
 */
import type { InstrumentDirectory, InstrumentInfo } from '../session/service';
import { createInstrumentSearch, type InstrumentSearch, type SearchEntry } from './instruments-search';

export interface MutableInstrumentDirectory extends InstrumentDirectory {
  /** Replaces the whole list (a fresh master file). */
  replace(entries: readonly SearchEntry[]): void;
  /** Updates one instrument's NXT eligibility (CTPF1002R answered). */
  setNxtEligible(symbol: string, eligible: boolean): void;
  /** How many instruments are loaded. */
  size(): number;
}

export function createInstrumentDirectory(initial: readonly SearchEntry[] = []): MutableInstrumentDirectory {
  let entries: SearchEntry[] = [];
  let bySymbol = new Map<string, SearchEntry>();
  let list: InstrumentInfo[] = [];
  let index: InstrumentSearch = createInstrumentSearch([]);

  const load = (next: readonly SearchEntry[]): void => {
    const seen = new Map<string, SearchEntry>();
    for (const e of next) if (!seen.has(e.info.symbol)) seen.set(e.info.symbol, { info: { ...e.info }, weight: e.weight });
    entries = [...seen.values()];
    bySymbol = seen;
    list = entries.map((e) => e.info);
    index = createInstrumentSearch(entries);
  };
  load(initial);

  return {
    get: (symbol) => bySymbol.get(symbol)?.info,
    search: (query, limit) => index.search(query, limit),
    all: () => list,
    size: () => entries.length,
    replace: load,
    setNxtEligible(symbol, eligible) {
      const e = bySymbol.get(symbol);
      // The search index holds the same info objects, so updating in place keeps search results current.
      if (e) e.info.nxtEligible = eligible;
    },
  };
}
