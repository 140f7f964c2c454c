/**
 * Contract order types (the trader's words) → ORD_DVSN per route and regime (kis-api.md §5). Pure: the venue ×
 * session admission itself is the shared `orderAllowed` (src/shared/market/sessions.ts), the same code the
 * renderer's picker and the simulator use.
 *
 *   limit 00 · market 01 · bestOpposite 03 · bestOwn 04 · limitIOC 11 · limitFOK 12 · marketIOC 13 · marketFOK 14
 *   mid 21 · stopLimit 22 · preClose 05 · postClose 06
 *   afterMarketLimit: KRX → 41 (2026-09 regime) / 07 시간외 단일가 (legacy, with a warning); NXT → 00 in NXT's
 *   after-market only (NXT has no separate after-market code); SOR → refused.
 *   market on NXT: NXT has no 시장가 (§5) → 00 at the live best ask (buy) / best bid (sell), with a warning.
 */
import type { Bilingual } from '../../shared/ipc/domains/common';
import type { OrderTicket } from '../../shared/ipc/domains/orders';
import type { Regime } from '../../shared/market/regime';

export type OrderType = OrderTicket['type'];
export type Route = OrderTicket['route'];

export interface Warning {
  code: string;
  message: Bilingual;
}

export type TypeMapping =
  | {
      ok: true;
      ordDvsn: string;
      /** NXT market order sent as a limit at the opposite best price: needs the live book. */
      nxtMarketToLimit: boolean;
      /** afterMarketLimit on NXT: only while NXT's after-market accepts orders. */
      nxtAfterMarketOnly: boolean;
      warnings: Warning[];
    }
  | { ok: false; message: Bilingual };

const CODES: Record<Exclude<OrderType, 'afterMarketLimit'>, string> = {
  limit: '00',
  market: '01',
  bestOpposite: '03',
  bestOwn: '04',
  limitIOC: '11',
  limitFOK: '12',
  marketIOC: '13',
  marketFOK: '14',
  mid: '21',
  stopLimit: '22',
  preClose: '05',
  postClose: '06',
};

/** Types whose price the trader (or a smart offset) gives; the others send ORD_UNPR "0". */
export const PRICED_TYPES: ReadonlySet<OrderType> = new Set<OrderType>(['limit', 'limitIOC', 'limitFOK', 'stopLimit', 'afterMarketLimit']);
/** Types a smart tick offset may price: continuous-session limits. */
export const SMART_TYPES: ReadonlySet<OrderType> = new Set<OrderType>(['limit', 'limitIOC', 'limitFOK']);

export const NXT_MARKET_TO_LIMIT_WARNING = (side: 'buy' | 'sell'): Warning => ({
  code: 'nxtMarketToLimit',
  message:
    side === 'buy'
      ? {
          ko: 'NXT는 시장가 주문이 없어 현재 최우선 매도호가의 지정가로 주문합니다. 호가가 움직이면 체결되지 않을 수 있습니다.',
          en: 'NXT has no market orders: sent as a limit at the current best ask. It may not fill if the book moves.',
        }
      : {
          ko: 'NXT는 시장가 주문이 없어 현재 최우선 매수호가의 지정가로 주문합니다. 호가가 움직이면 체결되지 않을 수 있습니다.',
          en: 'NXT has no market orders: sent as a limit at the current best bid. It may not fill if the book moves.',
        },
});

export function mapOrderType(type: OrderType, route: Route, regime: Regime, side: 'buy' | 'sell'): TypeMapping {
  if (type === 'afterMarketLimit') {
    if (route === 'SOR') {
      return {
        ok: false,
        message: {
          ko: '애프터마켓 지정가는 SOR로 보낼 수 없습니다. KRX 또는 NXT를 고르세요.',
          en: 'After-market limit orders cannot be routed by SOR; choose KRX or NXT.',
        },
      };
    }
    if (route === 'NXT') return { ok: true, ordDvsn: '00', nxtMarketToLimit: false, nxtAfterMarketOnly: true, warnings: [] };
    if (regime === '2026-09') return { ok: true, ordDvsn: '41', nxtMarketToLimit: false, nxtAfterMarketOnly: false, warnings: [] };
    return {
      ok: true,
      ordDvsn: '07',
      nxtMarketToLimit: false,
      nxtAfterMarketOnly: false,
      warnings: [
        {
          code: 'legacyAfterHours',
          message: {
            ko: 'KRX 애프터마켓은 2026-09-14부터입니다. 지금은 시간외 단일가(07, 16:00–18:00, 10분 단위 단일가)로 주문합니다.',
            en: 'The KRX after-market starts 2026-09-14; until then this is an after-hours single-price order (07, 16:00–18:00, one match every 10 minutes).',
          },
        },
      ],
    };
  }
  if (type === 'market' && route === 'NXT') {
    return { ok: true, ordDvsn: '00', nxtMarketToLimit: true, nxtAfterMarketOnly: false, warnings: [NXT_MARKET_TO_LIMIT_WARNING(side)] };
  }
  return { ok: true, ordDvsn: CODES[type], nxtMarketToLimit: false, nxtAfterMarketOnly: false, warnings: [] };
}
