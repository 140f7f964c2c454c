/** Order types as the ticket offers them, with which need a price (main maps each to ORD_DVSN per venue). */
import { ORDER_TYPES } from '../../shared/ipc/domains/orders';

export type OrderType = (typeof ORDER_TYPES)[number];
export { ORDER_TYPES };

/** Types whose price main decides (market, best, mid, the closing price): the price box is disabled. */
const UNPRICED: ReadonlySet<OrderType> = new Set(['market', 'bestOpposite', 'bestOwn', 'marketIOC', 'marketFOK', 'mid', 'preClose', 'postClose']);

export function isPriced(type: OrderType): boolean {
  return !UNPRICED.has(type);
}

export const ORDER_TYPE_LABELS: Record<OrderType, { ko: string; en: string }> = {
  limit: { ko: '지정가', en: 'Limit' },
  market: { ko: '시장가', en: 'Market' },
  bestOpposite: { ko: '최유리', en: 'Best opposite' },
  bestOwn: { ko: '최우선', en: 'Best own' },
  limitIOC: { ko: '지정가 IOC', en: 'Limit IOC' },
  limitFOK: { ko: '지정가 FOK', en: 'Limit FOK' },
  marketIOC: { ko: '시장가 IOC', en: 'Market IOC' },
  marketFOK: { ko: '시장가 FOK', en: 'Market FOK' },
  mid: { ko: '중간가', en: 'Mid-point' },
  stopLimit: { ko: '스톱지정가', en: 'Stop limit' },
  preClose: { ko: '장전 시간외', en: 'Pre-market close' },
  postClose: { ko: '장후 시간외', en: 'Post-market close' },
  afterMarketLimit: { ko: '시간외 단일가', en: 'After-hours single price' },
};
