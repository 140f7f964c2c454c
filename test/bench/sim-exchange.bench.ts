/**
 * The simulator's exchange must never be the bottleneck of another benchmark:
 * - `sim.exchange.orders`: place + cancel round trips per second on one core (each a full validation, a book insert,
 *   notices, a cancel with its own ODNO);
 * - `sim.exchange.marketable`: marketable orders per second (walk, fills, ledger, notices);
 * - `sim.exchange.advance`: wall ms to simulate one market second of the whole universe (real-time clock cost);
 * - `sim.exchange.jump`: wall ms to jump six market hours (coarse catch-up).
 */
import { kstEpoch } from '../../src/shared/market/time';
import { stepTicks } from '../../src/shared/market/ticks';
import { createExchange, DEMO_ACCOUNT } from '../../src/sim/exchange/index';
import type { Bench } from './bench';

const DAY = '20261123';

function fresh(time = '100000') {
  const ex = createExchange({ seed: 1, startMs: kstEpoch(DAY, time) });
  ex.control.setCash(DEMO_ACCOUNT, 1e13);
  ex.control.setPosition(DEMO_ACCOUNT, '005930', 10_000_000, 70_000);
  let notices = 0;
  ex.on('notice', () => notices++);
  return { ex, count: () => notices };
}

export const benches: Bench[] = [
  {
    metric: 'sim.exchange.orders',
    async run() {
      const { ex, count } = fresh();
      const low = stepTicks(ex.book('005930', 'KRX')!.bids[0]!.price, -20, false);
      const n = 20_000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const r = ex.placeOrder({ account: DEMO_ACCOUNT, symbol: '005930', side: 'buy', ordDvsn: '00', qty: 1, price: stepTicks(low, -(i % 10), false), route: 'KRX' });
        if (!r.ok) throw new Error(r.msgCd);
        const c = ex.modifyOrder({ account: DEMO_ACCOUNT, originalOrderNo: r.orderNo, orgNo: r.orgNo, kind: 'cancel', ordDvsn: '00', qty: 0, all: true, price: 0, route: 'KRX' });
        if (!c.ok) throw new Error(c.msgCd);
      }
      const s = (performance.now() - t0) / 1000;
      return { value: Math.round(n / s), unit: 'round trips/s', detail: { orders: n, notices: count() } };
    },
  },
  {
    metric: 'sim.exchange.marketable',
    async run() {
      const { ex } = fresh();
      const n = 20_000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        // IOC market orders: they walk the book; in a VI call they are killed instead of piling up.
        const r = ex.placeOrder({ account: DEMO_ACCOUNT, symbol: '005930', side: i % 2 ? 'sell' : 'buy', ordDvsn: '13', qty: 3, price: 0, route: i % 3 ? 'KRX' : 'SOR' });
        if (!r.ok) throw new Error(r.msgCd);
      }
      const s = (performance.now() - t0) / 1000;
      return { value: Math.round(n / s), unit: 'orders/s', detail: { fills: ex.fills(DEMO_ACCOUNT).length } };
    },
  },
  {
    metric: 'sim.exchange.advance',
    async run() {
      const { ex } = fresh();
      let books = 0;
      let trades = 0;
      ex.on('book', () => books++);
      ex.on('trade', () => trades++);
      const start = kstEpoch(DAY, '100000');
      const seconds = 600;
      const t0 = performance.now();
      for (let i = 1; i <= seconds * 4; i++) ex.advanceTo(start + i * 250);
      const ms = performance.now() - t0;
      return { value: Number((ms / seconds).toFixed(3)), unit: 'ms per market second', detail: { books, trades, symbols: ex.instruments().length } };
    },
  },
  {
    metric: 'sim.exchange.jump',
    async run() {
      const { ex } = fresh('090100');
      const t0 = performance.now();
      ex.advanceTo(kstEpoch(DAY, '150100'));
      return { value: Number((performance.now() - t0).toFixed(1)), unit: 'ms for 6 market hours', detail: {} };
    },
  },
];
