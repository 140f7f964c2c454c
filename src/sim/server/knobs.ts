/**
 * The knob store: defaults per kis-api.md, merged with start options, changeable at runtime (tests flip
 * faults on a running simulator). Readers call `get()` every time, so a change applies to the next request.
 */
import type { SimKnobs } from '../handle';

export const DEFAULT_KNOBS: SimKnobs = {
  latency: {},
  rateReal: 18,
  ratePaper: 1,
  newAppkeyRate: null,
  rateLimitStorm: null,
  spuriousRateLimitProb: 0,
  forceTokenExpiredCalls: 0,
  tokenValidityMs: 24 * 3600_000,
  failAfterAccept: null,
  wsDrop: null,
  loseNoticesWhileDisconnected: true,
  suppressPingpong: false,
  pingIntervalMs: 110_000,
  dropIfNoPongMs: null,
  duplicateNotices: false,
  egwHttpStatus: 500,
  rejectDeprecatedTr: false,
  requireOrgno: false,
  validateHashkey: false,
  altSpellings: false,
  paperAllowNxQuotes: false,
  paperRejectAnc: false,
  paperInsufficientCode: '40310000',
  paperOrdDvsn: null,
  wsMaxRegistrations: 41,
  wsMaxSubscribeRtCd: '1',
  feeRounding: 'truncate',
  regimeOverride: null,
  krxPreMarket: false,
  nxtPostHaltAuction: true,
};

export interface KnobStore {
  get(): SimKnobs;
  set(partial: Partial<SimKnobs>): void;
  /** Called after every change (the WS server reschedules PINGPONG, the wsDrop counter restarts). */
  onChange(listener: (knobs: SimKnobs, changed: Array<keyof SimKnobs>) => void): () => void;
}

const KNOWN = new Set(Object.keys(DEFAULT_KNOBS));

/** Reject unknown knob names early: a typo in a test would otherwise silently test nothing. */
export function checkKnobNames(partial: Record<string, unknown>): string[] {
  return Object.keys(partial).filter((k) => !KNOWN.has(k));
}

export function createKnobStore(initial: Partial<SimKnobs> = {}): KnobStore {
  const unknown = checkKnobNames(initial as Record<string, unknown>);
  if (unknown.length > 0) throw new Error(`Unknown simulator knob(s): ${unknown.join(', ')}`);
  let current: SimKnobs = { ...DEFAULT_KNOBS, ...initial };
  const listeners = new Set<(k: SimKnobs, changed: Array<keyof SimKnobs>) => void>();
  return {
    get: () => current,
    set(partial) {
      const unknownNow = checkKnobNames(partial as Record<string, unknown>);
      if (unknownNow.length > 0) throw new Error(`Unknown simulator knob(s): ${unknownNow.join(', ')}`);
      current = { ...current, ...partial };
      const changed = Object.keys(partial) as Array<keyof SimKnobs>;
      for (const l of listeners) l(current, changed);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
