/**
 * Which TR IDs each /uapi route accepts, per personality (kis-api.md §4.0–§4.13). The gateway checks the TR
 * against the personality's set before any handler runs: paper answers foreign TRs with EGW00213, real
 * answers V… or unknown TRs with EGW00206; deprecated IDs are accepted unless knob rejectDeprecatedTr.
 */
import type { Personality } from '../exchange/types';

export type RouteName =
  | 'order-cash'
  | 'order-rvsecncl'
  | 'inquire-balance'
  | 'inquire-psbl-order'
  | 'inquire-psbl-rvsecncl'
  | 'inquire-daily-ccld'
  | 'inquire-price'
  | 'inquire-asking-price-exp-ccn'
  | 'inquire-daily-itemchartprice'
  | 'inquire-time-itemchartprice'
  | 'chk-holiday'
  | 'search-stock-info';

interface TrSet {
  current: string[];
  deprecated: string[];
}

export interface RouteSpec {
  name: RouteName;
  method: 'GET' | 'POST';
  path: string;
  real: TrSet;
  /** null: "모의투자 미지원". */
  paper: TrSet | null;
}

const TRADING = '/uapi/domestic-stock/v1/trading/';
const QUOTES = '/uapi/domestic-stock/v1/quotations/';

export const ROUTES: RouteSpec[] = [
  {
    name: 'order-cash', method: 'POST', path: `${TRADING}order-cash`,
    real: { current: ['TTTC0012U', 'TTTC0011U'], deprecated: ['TTTC0802U', 'TTTC0801U'] },
    paper: { current: ['VTTC0012U', 'VTTC0011U'], deprecated: ['VTTC0802U', 'VTTC0801U'] },
  },
  {
    name: 'order-rvsecncl', method: 'POST', path: `${TRADING}order-rvsecncl`,
    real: { current: ['TTTC0013U'], deprecated: ['TTTC0803U'] },
    paper: { current: ['VTTC0013U'], deprecated: ['VTTC0803U'] },
  },
  {
    name: 'inquire-balance', method: 'GET', path: `${TRADING}inquire-balance`,
    real: { current: ['TTTC8434R'], deprecated: [] },
    paper: { current: ['VTTC8434R'], deprecated: [] },
  },
  {
    name: 'inquire-psbl-order', method: 'GET', path: `${TRADING}inquire-psbl-order`,
    real: { current: ['TTTC8908R'], deprecated: [] },
    paper: { current: ['VTTC8908R'], deprecated: [] },
  },
  {
    name: 'inquire-psbl-rvsecncl', method: 'GET', path: `${TRADING}inquire-psbl-rvsecncl`,
    real: { current: ['TTTC0084R'], deprecated: ['TTTC8036R'] },
    paper: null,
  },
  {
    name: 'inquire-daily-ccld', method: 'GET', path: `${TRADING}inquire-daily-ccld`,
    real: { current: ['TTTC0081R', 'CTSC9215R'], deprecated: ['TTTC8001R', 'CTSC9115R'] },
    paper: { current: ['VTTC0081R', 'VTSC9215R'], deprecated: ['VTTC8001R', 'VTSC9115R'] },
  },
  {
    name: 'inquire-price', method: 'GET', path: `${QUOTES}inquire-price`,
    real: { current: ['FHKST01010100'], deprecated: [] },
    paper: { current: ['FHKST01010100'], deprecated: [] },
  },
  {
    name: 'inquire-asking-price-exp-ccn', method: 'GET', path: `${QUOTES}inquire-asking-price-exp-ccn`,
    real: { current: ['FHKST01010200'], deprecated: [] },
    paper: { current: ['FHKST01010200'], deprecated: [] },
  },
  {
    name: 'inquire-daily-itemchartprice', method: 'GET', path: `${QUOTES}inquire-daily-itemchartprice`,
    real: { current: ['FHKST03010100'], deprecated: [] },
    paper: { current: ['FHKST03010100'], deprecated: [] },
  },
  {
    name: 'inquire-time-itemchartprice', method: 'GET', path: `${QUOTES}inquire-time-itemchartprice`,
    real: { current: ['FHKST03010200'], deprecated: [] },
    paper: { current: ['FHKST03010200'], deprecated: [] },
  },
  {
    name: 'chk-holiday', method: 'GET', path: `${QUOTES}chk-holiday`,
    real: { current: ['CTCA0903R'], deprecated: [] },
    paper: null,
  },
  {
    name: 'search-stock-info', method: 'GET', path: `${QUOTES}search-stock-info`,
    real: { current: ['CTPF1002R'], deprecated: [] },
    paper: null,
  },
];

const BY_PATH = new Map(ROUTES.map((r) => [r.path, r]));

export function routeForPath(path: string): RouteSpec | undefined {
  return BY_PATH.get(path);
}

/** Every TR the personality knows on any route: current IDs, and deprecated ones unless they are switched off. */
function personalityTrs(personality: Personality, withDeprecated: boolean): Set<string> {
  const s = new Set<string>();
  for (const r of ROUTES) {
    const set = personality === 'real' ? r.real : r.paper;
    if (!set) continue;
    for (const t of set.current) s.add(t);
    if (withDeprecated) for (const t of set.deprecated) s.add(t);
  }
  return s;
}
const PAPER_ALL = personalityTrs('paper', true);
const PAPER_CURRENT = personalityTrs('paper', false);

export type TrCheck = { ok: true; deprecated: boolean } | { ok: false; code: 'EGW00206' | 'EGW00213' };

export function checkTr(route: RouteSpec, personality: Personality, trId: string, rejectDeprecated: boolean): TrCheck {
  const set = personality === 'real' ? route.real : route.paper;
  if (set?.current.includes(trId)) return { ok: true, deprecated: false };
  if (set?.deprecated.includes(trId) && !rejectDeprecated) return { ok: true, deprecated: true };
  if (personality === 'real') return { ok: false, code: 'EGW00206' };
  // Paper: a TR outside the paper set (real-only, foreign, or a switched-off old ID) is "not a paper TR";
  // a paper TR sent to the wrong path is a permission error like on real.
  const known = rejectDeprecated ? PAPER_CURRENT : PAPER_ALL;
  return { ok: false, code: set && known.has(trId) ? 'EGW00206' : 'EGW00213' };
}

/** Side of an order-cash TR: the side lives only in the TR ID (…0012U/0802U buy, …0011U/0801U sell). */
export function orderSide(trId: string): 'buy' | 'sell' {
  return trId.endsWith('0012U') || trId.endsWith('0802U') ? 'buy' : 'sell';
}
