import { describe, expect, it } from 'vitest';
import { commission, sellTax } from '../../../src/shared/market/fees';
import { isOnTick, stepTicks } from '../../../src/shared/market/ticks';
import { kstDate, kstEpoch } from '../../../src/shared/market/time';
import { createExchange, DEMO_ACCOUNT } from '../../../src/sim/exchange/index';
import { createRng } from '../../../src/sim/exchange/prng';
import type { AccountState, OrderNotice, OrderRequest, SimExchange } from '../../../src/sim/exchange/types';

const SYMBOLS = ['005930', '000660', '035720', '069500', '028300', '034020'];
const ACCOUNTS = [DEMO_ACCOUNT, '50123457-01'];
const DAY = '20261123';

/** A seeded random session: orders of many types on both venues and SOR, modifies, cancels, outside prints, time jumps. */
function runScript(seed: number, scriptSeed: number): { ex: SimExchange; notices: OrderNotice[]; start: Map<string, AccountState> } {
  const ex = createExchange({ seed, startMs: kstEpoch(DAY, '090500') });
  const notices: OrderNotice[] = [];
  ex.on('notice', (n) => notices.push(n));
  const start = new Map(ACCOUNTS.map((a) => [a, ex.account(a)!]));
  const rng = createRng(scriptSeed);
  let t = kstEpoch(DAY, '090500');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  for (let i = 0; i < 160; i++) {
    t += rng.next() < 0.05 ? 600_000 : Math.floor(rng.next() * 4000);
    ex.advanceTo(t);
    const account = pick(ACCOUNTS);
    const symbol = pick(SYMBOLS);
    const roll = rng.next();
    if (roll < 0.15) {
      const open = ex.openOrders(account);
      if (open.length > 0) {
        const o = pick(open);
        const modify = rng.next() < 0.5;
        const inst = ex.instrument(o.symbol)!;
        const price = o.price > 0 ? stepTicks(o.price, rng.int(-2, 2), inst.etp) : 0;
        ex.modifyOrder({
          account,
          originalOrderNo: o.orderNo,
          orgNo: rng.next() < 0.5 ? '' : o.orgNo,
          kind: modify ? 'modify' : 'cancel',
          ordDvsn: o.ordDvsn,
          qty: rng.next() < 0.5 ? 0 : rng.int(1, o.remainingQty),
          all: rng.next() < 0.5,
          price,
          route: o.route,
        });
      }
      continue;
    }
    if (roll < 0.2) {
      const q = ex.quote(symbol, 'KRX')!;
      ex.control.injectTrade(symbol, 'KRX', stepTicks(q.last, rng.int(-3, 3), ex.instrument(symbol)!.etp), rng.int(1, 50));
      continue;
    }
    const side = rng.next() < 0.5 ? 'buy' : 'sell';
    const inst = ex.instrument(symbol)!;
    const book = ex.book(symbol, 'KRX')!;
    const ref = side === 'buy' ? book.bids[0]!.price : book.asks[0]!.price;
    const ordDvsn = pick(['00', '00', '00', '01', '03', '04', '11', '12', '13', '21', '22']);
    const route = pick(['KRX', 'KRX', 'NXT', 'SOR'] as const);
    const req: OrderRequest = {
      account,
      symbol,
      side,
      ordDvsn,
      qty: rng.int(1, 40),
      price: ['01', '03', '04', '13', '21'].includes(ordDvsn) ? 0 : stepTicks(ref, rng.int(-4, 4), inst.etp),
      route,
      stopPrice: ordDvsn === '22' ? stepTicks(ref, side === 'buy' ? 2 : -2, inst.etp) : undefined,
      channel: rng.next() < 0.2 ? 'hts' : 'api',
    };
    ex.placeOrder(req);
  }
  ex.advanceTo(kstEpoch(DAY, '153100'));
  return { ex, notices, start };
}

function digest(ex: SimExchange, notices: OrderNotice[]): unknown {
  return {
    accounts: ACCOUNTS.map((a) => [ex.account(a), ex.orders(a, DAY, DAY), ex.fills(a)]),
    market: ex.instruments().map((i) => [ex.quote(i.code, 'KRX'), ex.quote(i.code, 'UN'), ex.book(i.code, 'KRX'), ex.book(i.code, 'NXT'), ex.minuteBars(i.code, 'KRX', '235959')]),
    notices,
  };
}

describe('determinism', () => {
  it('gives deep-equal state for the same seed and the same calls, and a different market for another seed', () => {
    const a = runScript(7, 99);
    const b = runScript(7, 99);
    expect(digest(b.ex, b.notices)).toEqual(digest(a.ex, a.notices));
    const c = createExchange({ seed: 8, startMs: kstEpoch(DAY, '110000') });
    const d = createExchange({ seed: 7, startMs: kstEpoch(DAY, '110000') });
    expect(c.quote('005930', 'KRX')).not.toEqual(d.quote('005930', 'KRX'));
    expect(d.dailyBars('005930', 'KRX', '20250101', DAY, 'D')).toEqual(
      createExchange({ seed: 7, startMs: kstEpoch(DAY, '110000') }).dailyBars('005930', 'KRX', '20250101', DAY, 'D'),
    );
  });
});

describe('ledger invariants over a random session', () => {
  const { ex, start } = runScript(3, 2024);

  it('moved D+2 cash, holdings and cost exactly by fills, fees and taxes', () => {
    let totalFills = 0;
    for (const account of ACCOUNTS) {
      const s0 = start.get(account)!;
      const s1 = ex.account(account)!;
      const fills = ex.fills(account);
      totalFills += fills.length;
      let cash = s0.cashD2;
      let feesTaxes = 0;
      let buyAmount = 0;
      let sellAmount = 0;
      const qty = new Map(s0.positions.map((p) => [p.symbol, p.qty]));
      for (const f of fills) {
        const inst = ex.instrument(f.symbol)!;
        const amount = f.qty * f.price;
        // Each charge is exactly the shared rule, truncated per fill.
        expect(f.fee).toBe(commission(amount, f.venue));
        expect(f.tax).toBe(f.side === 'sell' ? sellTax(amount, inst.market, inst.etp, kstDate(f.time)) : 0);
        expect(isOnTick(f.price, inst.etp)).toBe(true);
        expect(f.price).toBeLessThanOrEqual(inst.upperLimit);
        expect(f.price).toBeGreaterThanOrEqual(inst.lowerLimit);
        cash += f.side === 'buy' ? -(amount + f.fee) : amount - f.fee - f.tax;
        feesTaxes += f.fee + f.tax;
        if (f.side === 'buy') buyAmount += amount;
        else sellAmount += amount;
        qty.set(f.symbol, (qty.get(f.symbol) ?? 0) + (f.side === 'buy' ? f.qty : -f.qty));
      }
      expect(s1.cashD2).toBe(cash);
      expect(s1.cash).toBe(s0.cash); // nothing settles intraday
      expect(s1.todayFeesAndTaxes).toBe(feesTaxes);
      expect(s1.todayBuyAmount).toBe(buyAmount);
      expect(s1.todaySellAmount).toBe(sellAmount);
      for (const p of s1.positions) {
        expect(p.qty, p.symbol).toBe(qty.get(p.symbol) ?? 0);
        expect(p.qty).toBeGreaterThanOrEqual(0);
      }
      // Cost basis: what came in at cost, minus what left at average cost (= sales net of realized P&L and charges).
      const sellFeesTaxes = fills.filter((f) => f.side === 'sell').reduce((x, f) => x + f.fee + f.tax, 0);
      const cost0 = s0.positions.reduce((x, p) => x + p.cost, 0);
      const cost1 = s1.positions.reduce((x, p) => x + p.cost, 0);
      const costOut = sellAmount - sellFeesTaxes - s1.realizedPnlToday;
      expect(cost1).toBe(cost0 + buyAmount - costOut);
    }
    expect(totalFills).toBeGreaterThan(30);
  });

  it('keeps every order record self-consistent and nothing open after the close', () => {
    for (const account of ACCOUNTS) {
      const fills = ex.fills(account);
      for (const o of ex.orders(account, DAY, DAY)) {
        expect(o.filledQty + o.cancelledQty + o.rejectedQty + o.remainingQty, o.orderNo).toBe(o.qty);
        const fs = fills.filter((f) => f.orderNo === o.orderNo);
        expect(fs.reduce((x, f) => x + f.qty, 0)).toBe(o.filledQty);
        expect(fs.reduce((x, f) => x + f.qty * f.price, 0)).toBe(o.filledAmount);
        if (o.state === 'filled') expect(o.filledQty).toBe(o.qty);
      }
      // After 15:31 only NXT orders may still be open; their buy reservations add up.
      const open = ex.openOrders(account);
      expect(open.every((o) => o.venue === 'NXT')).toBe(true);
      const reserved = open
        .filter((o) => o.side === 'buy')
        .reduce((x, o) => {
          const amount = o.remainingQty * (o.price > 0 ? o.price : ex.instrument(o.symbol)!.upperLimit);
          return x + amount + Math.max(commission(amount, 'KRX'), commission(amount, 'NXT'));
        }, 0);
      expect(ex.account(account)!.reserved).toBe(reserved);
    }
  });

  it('never leaves a crossed book', () => {
    for (const i of ex.instruments()) {
      for (const v of ['KRX', 'NXT'] as const) {
        const b = ex.book(i.code, v);
        if (!b || b.asks.length === 0 || b.bids.length === 0) continue;
        expect(b.bids[0]!.price, `${i.code} ${v}`).toBeLessThan(b.asks[0]!.price);
      }
    }
  });
});
