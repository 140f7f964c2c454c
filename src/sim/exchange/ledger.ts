/**
 * Per-account cash and positions — the simulator's truth that tests compare mirrors against.
 *
 * Cash follows Korean T+2 settlement: `settled` is 예수금 (D+0); each fill adds a pending settlement two trading days
 * later, so D+1/D+2 projections are exact. Buying power is D+2 cash minus open buy reservations. Every change to
 * cash or holdings goes through `applyFill` (or the explicit control setters), which keeps the invariant
 * "D+2 cash + holdings change exactly by fills, fees and taxes".
 */
import type { AccountFixture } from '../fixtures/accounts';
import type { AccountState, Position, Side } from './types';

interface PositionBook {
  symbol: string;
  qty: number;
  cost: number;
  todayBuyQty: number;
  todaySellQty: number;
  prevBuyQty: number;
  prevSellQty: number;
}

export interface AccountBook {
  account: string;
  htsId: string;
  holderName: string;
  settled: number;
  /** Unsettled cash by settlement date (one entry per date, so buying-power checks stay O(1)-ish). */
  pending: Map<string, number>;
  pendingTotal: number;
  reserved: number;
  positions: Map<string, PositionBook>;
  todayBuyAmount: number;
  todaySellAmount: number;
  todayFeesAndTaxes: number;
  realizedPnlToday: number;
  prevTotalAssets: number;
}

export class Ledger {
  readonly accounts = new Map<string, AccountBook>();

  add(f: AccountFixture, valueOf: (symbol: string) => number): void {
    const positions = new Map<string, PositionBook>();
    for (const p of f.positions) {
      positions.set(p.symbol, {
        symbol: p.symbol,
        qty: p.qty,
        cost: Math.round(p.qty * p.avgPrice),
        todayBuyQty: 0,
        todaySellQty: 0,
        prevBuyQty: 0,
        prevSellQty: 0,
      });
    }
    const book: AccountBook = {
      account: f.account,
      htsId: f.htsId,
      holderName: f.holderName,
      settled: f.cash,
      pending: new Map(),
      pendingTotal: 0,
      reserved: 0,
      positions,
      todayBuyAmount: 0,
      todaySellAmount: 0,
      todayFeesAndTaxes: 0,
      realizedPnlToday: 0,
      prevTotalAssets: 0,
    };
    book.prevTotalAssets = this.totalAssets(book, valueOf);
    this.accounts.set(f.account, book);
  }

  get(account: string): AccountBook | undefined {
    return this.accounts.get(account);
  }

  cashD2(a: AccountBook): number {
    return a.settled + a.pendingTotal;
  }

  cashUpTo(a: AccountBook, dateYmd: string): number {
    let c = a.settled;
    for (const [date, amount] of a.pending) if (date <= dateYmd) c += amount;
    return c;
  }

  private addPending(a: AccountBook, date: string, amount: number): void {
    a.pending.set(date, (a.pending.get(date) ?? 0) + amount);
    a.pendingTotal += amount;
  }

  /** D+2 cash minus open buy reservations, never negative. */
  orderableCash(a: AccountBook): number {
    return Math.max(0, this.cashD2(a) - a.reserved);
  }

  sellableQty(a: AccountBook, symbol: string, openSellQty: number): number {
    const p = a.positions.get(symbol);
    return Math.max(0, (p?.qty ?? 0) - openSellQty);
  }

  applyFill(
    a: AccountBook,
    fill: { symbol: string; side: Side; qty: number; price: number; fee: number; tax: number },
    settleDate: string,
  ): void {
    const amount = fill.qty * fill.price;
    let pos = a.positions.get(fill.symbol);
    if (!pos) {
      pos = { symbol: fill.symbol, qty: 0, cost: 0, todayBuyQty: 0, todaySellQty: 0, prevBuyQty: 0, prevSellQty: 0 };
      a.positions.set(fill.symbol, pos);
    }
    if (fill.side === 'buy') {
      pos.qty += fill.qty;
      pos.cost += amount;
      pos.todayBuyQty += fill.qty;
      a.todayBuyAmount += amount;
      this.addPending(a, settleDate, -(amount + fill.fee));
    } else {
      // Cost leaves at the average price; the last share takes whatever cost remains, so no 원 is lost to rounding.
      const costOut = fill.qty >= pos.qty ? pos.cost : Math.round((pos.cost * fill.qty) / pos.qty);
      pos.qty -= fill.qty;
      pos.cost -= costOut;
      pos.todaySellQty += fill.qty;
      a.todaySellAmount += amount;
      a.realizedPnlToday += amount - costOut - fill.fee - fill.tax;
      this.addPending(a, settleDate, amount - fill.fee - fill.tax);
    }
    a.todayFeesAndTaxes += fill.fee + fill.tax;
  }

  /** A new trading day: settle what is due, roll the day counters, snapshot yesterday's total assets. */
  rollDay(newDate: string, valueOf: (symbol: string) => number): void {
    for (const a of this.accounts.values()) {
      a.prevTotalAssets = this.totalAssets(a, valueOf);
      for (const [date, amount] of [...a.pending]) {
        if (date > newDate) continue;
        a.settled += amount;
        a.pendingTotal -= amount;
        a.pending.delete(date);
      }
      for (const [sym, p] of a.positions) {
        p.prevBuyQty = p.todayBuyQty;
        p.prevSellQty = p.todaySellQty;
        p.todayBuyQty = 0;
        p.todaySellQty = 0;
        if (p.qty === 0 && p.prevBuyQty === 0 && p.prevSellQty === 0) a.positions.delete(sym);
      }
      a.todayBuyAmount = 0;
      a.todaySellAmount = 0;
      a.todayFeesAndTaxes = 0;
      a.realizedPnlToday = 0;
    }
  }

  totalAssets(a: AccountBook, valueOf: (symbol: string) => number): number {
    let v = this.cashD2(a);
    for (const p of a.positions.values()) v += p.qty * valueOf(p.symbol);
    return v;
  }

  setCash(a: AccountBook, cash: number): void {
    a.settled = cash;
    a.pending = new Map();
    a.pendingTotal = 0;
  }

  setPosition(a: AccountBook, symbol: string, qty: number, avgPrice: number): void {
    const p = a.positions.get(symbol);
    const cost = Math.round(qty * avgPrice);
    if (p) {
      p.qty = qty;
      p.cost = cost;
    } else
      a.positions.set(symbol, { symbol, qty, cost, todayBuyQty: 0, todaySellQty: 0, prevBuyQty: 0, prevSellQty: 0 });
  }

  snapshot(a: AccountBook, nextDay: string, openSellQty: (symbol: string) => number): AccountState {
    const positions: Position[] = [...a.positions.values()]
      .sort((x, y) => (x.symbol < y.symbol ? -1 : x.symbol > y.symbol ? 1 : 0))
      .map((p) => ({
        symbol: p.symbol,
        qty: p.qty,
        sellableQty: Math.max(0, p.qty - openSellQty(p.symbol)),
        avgPrice: p.qty > 0 ? p.cost / p.qty : 0,
        cost: p.cost,
        todayBuyQty: p.todayBuyQty,
        todaySellQty: p.todaySellQty,
        prevBuyQty: p.prevBuyQty,
        prevSellQty: p.prevSellQty,
      }));
    return {
      account: a.account,
      htsId: a.htsId,
      holderName: a.holderName,
      cash: a.settled,
      cashD1: this.cashUpTo(a, nextDay),
      cashD2: this.cashD2(a),
      reserved: a.reserved,
      positions,
      todayBuyAmount: a.todayBuyAmount,
      todaySellAmount: a.todaySellAmount,
      todayFeesAndTaxes: a.todayFeesAndTaxes,
      realizedPnlToday: a.realizedPnlToday,
      prevTotalAssets: a.prevTotalAssets,
    };
  }
}
