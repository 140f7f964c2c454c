/**
 * ORD_DVSN (주문구분) code table — kis-api.md §5, as data. The venue columns, the unpriced set and the regime
 * column drive both the terminal's order-type picker and the simulator's validation.
 */
import type { Regime } from './regime';

export type OrderVenue = 'KRX' | 'NXT';
export type OrderRoute = 'KRX' | 'NXT' | 'SOR';
/** 0 없음, 1 IOC, 2 FOK — the ODER_COND field of H0STCNI0. */
export type OrderCondition = 'none' | 'IOC' | 'FOK';

/**
 * How the order is priced once it reaches the book:
 * limit = its own ORD_UNPR; market = walks the book; bestOpposite = 최유리 (best opposite price);
 * bestOwn = 최우선 (best own-side price); mid = 중간가; prevClose / todayClose = 시간외 종가;
 * single = 시간외 단일가; stopLimit = limit once the stop price trades.
 */
export type PricingKind =
  | 'limit'
  | 'market'
  | 'conditionalLimit'
  | 'bestOpposite'
  | 'bestOwn'
  | 'mid'
  | 'prevClose'
  | 'todayClose'
  | 'single'
  | 'stopLimit';

/** Which acceptance window of the session calendar (sessions.ts) the code trades in. */
export type OrderWindow = 'regular' | 'preHoursClose' | 'postHoursClose' | 'afterHoursSingle' | 'krxAfterMarket' | 'nxtGtp';

export interface OrdDvsnInfo {
  code: string;
  nameKo: string;
  nameEn: string;
  /** Client sends ORD_UNPR "0"; buying power is reserved at the upper limit. */
  unpriced: boolean;
  routes: readonly OrderRoute[];
  regimes: readonly Regime[];
  condition: OrderCondition;
  pricing: PricingKind;
  window: OrderWindow;
  /** Not allowed for ETF/ETN (KRX after-market excludes ETPs). */
  noEtp?: boolean;
  /** Not allowed for NXT-tradable symbols (legacy 07, kis-api.md §5 session table). */
  noNxtTradable?: boolean;
}

const BOTH: readonly Regime[] = ['legacy', '2026-09'];
const NEW: readonly Regime[] = ['2026-09'];
const LEGACY: readonly Regime[] = ['legacy'];
const ALL: readonly OrderRoute[] = ['KRX', 'NXT', 'SOR'];
const KRX_NXT: readonly OrderRoute[] = ['KRX', 'NXT'];
const KRX_SOR: readonly OrderRoute[] = ['KRX', 'SOR'];
const KRX_ONLY: readonly OrderRoute[] = ['KRX'];
const NXT_ONLY: readonly OrderRoute[] = ['NXT'];

function row(
  code: string,
  nameKo: string,
  nameEn: string,
  routes: readonly OrderRoute[],
  unpriced: boolean,
  regimes: readonly Regime[],
  pricing: PricingKind,
  condition: OrderCondition = 'none',
  window: OrderWindow = 'regular',
  extra: Partial<OrdDvsnInfo> = {},
): OrdDvsnInfo {
  return { code, nameKo, nameEn, routes, unpriced, regimes, pricing, condition, window, ...extra };
}

export const ORD_DVSN_TABLE: readonly OrdDvsnInfo[] = [
  row('00', '지정가', 'Limit', ALL, false, BOTH, 'limit'),
  row('01', '시장가', 'Market', KRX_SOR, true, BOTH, 'market'),
  row('02', '조건부지정가', 'Limit-on-close conditional', KRX_ONLY, false, BOTH, 'conditionalLimit'),
  row('03', '최유리지정가', 'Best-price limit', ALL, true, BOTH, 'bestOpposite'),
  row('04', '최우선지정가', 'Own-side best limit', ALL, true, BOTH, 'bestOwn'),
  row('05', '장전 시간외', 'Pre-open after-hours (prev. close)', KRX_ONLY, true, BOTH, 'prevClose', 'none', 'preHoursClose'),
  row('06', '장후 시간외', 'Post-close after-hours (close)', KRX_ONLY, true, BOTH, 'todayClose', 'none', 'postHoursClose'),
  row('07', '시간외 단일가', 'After-hours single price', KRX_ONLY, false, LEGACY, 'single', 'none', 'afterHoursSingle', {
    noNxtTradable: true,
  }),
  row('11', 'IOC지정가', 'Limit IOC', ALL, false, BOTH, 'limit', 'IOC'),
  row('12', 'FOK지정가', 'Limit FOK', ALL, false, BOTH, 'limit', 'FOK'),
  row('13', 'IOC시장가', 'Market IOC', ALL, true, BOTH, 'market', 'IOC'),
  row('14', 'FOK시장가', 'Market FOK', ALL, true, BOTH, 'market', 'FOK'),
  row('15', 'IOC최유리', 'Best-price IOC', ALL, true, BOTH, 'bestOpposite', 'IOC'),
  row('16', 'FOK최유리', 'Best-price FOK', ALL, true, BOTH, 'bestOpposite', 'FOK'),
  row('21', '중간가', 'Mid-point', KRX_NXT, true, BOTH, 'mid'),
  row('22', '스톱지정가', 'Stop-limit', KRX_NXT, false, BOTH, 'stopLimit'),
  row('23', '중간가IOC', 'Mid-point IOC', KRX_NXT, true, BOTH, 'mid', 'IOC'),
  row('24', '중간가FOK', 'Mid-point FOK', KRX_NXT, true, BOTH, 'mid', 'FOK'),
  row('27', 'NXT GTP지정가', 'NXT GTP limit', NXT_ONLY, false, NEW, 'limit', 'none', 'nxtGtp'),
  row('28', 'NXT GTP최유리', 'NXT GTP best-price', NXT_ONLY, true, NEW, 'bestOpposite', 'none', 'nxtGtp'),
  row('29', 'NXT GTP최우선', 'NXT GTP own-side best', NXT_ONLY, true, NEW, 'bestOwn', 'none', 'nxtGtp'),
  row('41', 'KRX애프터마켓지정가', 'KRX after-market limit', KRX_ONLY, false, NEW, 'limit', 'none', 'krxAfterMarket', { noEtp: true }),
  row('42', 'KRX애프터마켓지정가IOC', 'KRX after-market limit IOC', KRX_ONLY, false, NEW, 'limit', 'IOC', 'krxAfterMarket', {
    noEtp: true,
  }),
  row('43', 'KRX애프터마켓지정가FOK', 'KRX after-market limit FOK', KRX_ONLY, false, NEW, 'limit', 'FOK', 'krxAfterMarket', {
    noEtp: true,
  }),
  row('44', 'KRX애프터마켓최유리지정가', 'KRX after-market best-price', KRX_ONLY, true, NEW, 'bestOpposite', 'none', 'krxAfterMarket', {
    noEtp: true,
  }),
  row('45', 'KRX애프터마켓최유리지정가IOC', 'KRX after-market best-price IOC', KRX_ONLY, true, NEW, 'bestOpposite', 'IOC', 'krxAfterMarket', {
    noEtp: true,
  }),
  row('46', 'KRX애프터마켓최유리지정가FOK', 'KRX after-market best-price FOK', KRX_ONLY, true, NEW, 'bestOpposite', 'FOK', 'krxAfterMarket', {
    noEtp: true,
  }),
  row('47', 'KRX애프터마켓최우선지정가', 'KRX after-market own-side best', KRX_ONLY, true, NEW, 'bestOwn', 'none', 'krxAfterMarket', {
    noEtp: true,
  }),
];

const byCode = new Map(ORD_DVSN_TABLE.map((r) => [r.code, r]));

export function ordDvsnInfo(code: string): OrdDvsnInfo | undefined {
  return byCode.get(code);
}

/** Codes valid in a regime for a route (what a picker should offer). */
export function ordDvsnCodesFor(route: OrderRoute, regime: Regime): string[] {
  return ORD_DVSN_TABLE.filter((r) => r.routes.includes(route) && r.regimes.includes(regime)).map((r) => r.code);
}

export function isUnpriced(code: string): boolean {
  return byCode.get(code)?.unpriced ?? false;
}

/** ODER_COND of the fill notice: '0' 없음, '1' IOC, '2' FOK. */
export function conditionCode(code: string): '0' | '1' | '2' {
  const c = byCode.get(code)?.condition;
  return c === 'IOC' ? '1' : c === 'FOK' ? '2' : '0';
}
