import { createExchange, DEMO_ACCOUNT } from '../../../src/sim/exchange/index';
import type { OrderNotice, OrderRequest, SimExchange } from '../../../src/sim/exchange/types';
import type { SimKnobs } from '../../../src/sim/handle';
import { kstEpoch } from '../../../src/shared/market/time';

export { DEMO_ACCOUNT };
export const MONDAY = '20261123'; // 2026-09 regime trading day
export const LEGACY_THURSDAY = '20260910';

export interface Rig {
  ex: SimExchange;
  notices: OrderNotice[];
  knobs: Partial<SimKnobs>;
  at(hhmmss: string, ymd?: string): void;
  buy(over: Partial<OrderRequest>): ReturnType<SimExchange['placeOrder']>;
  sell(over: Partial<OrderRequest>): ReturnType<SimExchange['placeOrder']>;
}

export function rig(opts: { ymd?: string; time?: string; seed?: number; personality?: 'real' | 'paper'; knobs?: Partial<SimKnobs> } = {}): Rig {
  const ymd = opts.ymd ?? MONDAY;
  const knobs: Partial<SimKnobs> = { ...(opts.knobs ?? {}) };
  const ex = createExchange({
    personality: opts.personality ?? 'real',
    seed: opts.seed ?? 42,
    startMs: kstEpoch(ymd, opts.time ?? '100000'),
    knobs: () => knobs,
  });
  // Plenty of cash so walking several levels is never a buying-power question (those tests set cash themselves).
  ex.control.setCash(DEMO_ACCOUNT, 10_000_000_000);
  const notices: OrderNotice[] = [];
  ex.on('notice', (n) => notices.push(n));
  const base = (side: 'buy' | 'sell', over: Partial<OrderRequest>): OrderRequest => ({
    account: DEMO_ACCOUNT,
    symbol: '005930',
    side,
    ordDvsn: '00',
    qty: 1,
    price: 0,
    route: 'KRX',
    ...over,
  });
  return {
    ex,
    notices,
    knobs,
    at: (hhmmss, d = ymd) => ex.advanceTo(kstEpoch(d, hhmmss)),
    buy: (over) => ex.placeOrder(base('buy', over)),
    sell: (over) => ex.placeOrder(base('sell', over)),
  };
}

export function okNo(r: ReturnType<SimExchange['placeOrder']>): string {
  if (!r.ok) throw new Error(`rejected ${r.msgCd} ${r.msg1}`);
  return r.orderNo;
}
