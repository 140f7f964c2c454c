/**
 * `createExchange(options)` — the simulator's market: universe, seeded price paths, 10-level books per venue,
 * price-time matching with client orders, auctions, accounts (the ledger) and order notices. Implements the
 * `SimExchange` seam the protocol server wraps. Deterministic from (seed, fixtures, the sequence of clock times and
 * calls): no Date.now, no Math.random.
 *
 * Time only moves in `advanceTo(ms)`; call it with the clock's time before each request so orders are stamped and
 * validated at the right moment.
 */
import { priceBand } from '../../shared/market/band';
import { calendarDays, isTradingDay as bundledIsTradingDay, nextTradingDay, prevTradingDay } from '../../shared/market/calendar';
import { DEFAULT_FEE_RATES, type FeeRates } from '../../shared/market/fees';
import { isUnpriced } from '../../shared/market/ordDvsn';
import { kstDate, kstMidnight } from '../../shared/market/time';
import type { SimKnobs } from '../handle';
import { DEFAULT_ACCOUNTS, type AccountFixture } from '../fixtures/accounts';
import { isinFor, UNIVERSE, type InstrumentFixture } from '../fixtures/universe';
import { emitBook, expectedFor } from './arrival';
import { advance } from './clockwork';
import { aggregateBars, generateHistory } from './history';
import { Ledger } from './ledger';
import { recordTrade, reservationFor, sweepThrough, takeAt } from './matching';
import type { Ctx, Emitter, SymbolState, VenueBook } from './model';
import { viActive, viReference } from './vi';
import { drainStops, modifyOrder, openSellQty, placeOrder } from './orders';
import { phaseNow, regimeOn } from './phase';
import { createRng, hashSeed } from './prng';
import type { DailyBar, ExchangeEvents, MinuteBar, OrderRecord, Personality, SimExchange, Venue } from './types';
import { createVenueBook, emptyQuote, levelQty, mergeBooks, publicBook, regenSynthetic } from './venue';

export interface CreateExchangeOptions {
  personality?: Personality; // default 'real'
  seed?: number; // default 1
  /** The clock's time at creation (epoch ms). The market is warmed up to it (the day so far, coarsely). */
  startMs: number;
  /** The live knobs (regimeOverride, krxPreMarket, nxtPostHaltAuction, requireOrgno, paper codes …). */
  knobs?: () => Partial<SimKnobs>;
  accounts?: readonly AccountFixture[];
  universe?: readonly InstrumentFixture[];
  /** Trading-day calendar; default = the bundled KRX fallback calendar. */
  isTradingDay?: (ymd: string) => boolean;
  feeRates?: FeeRates;
}

/** What the exchange reads from SimKnobs, with the defaults kis-api.md gives. */
export const EXCHANGE_KNOB_DEFAULTS = {
  regimeOverride: null,
  krxPreMarket: false,
  nxtPostHaltAuction: true,
  requireOrgno: false,
  paperInsufficientCode: '40310000',
  paperOrdDvsn: null,
  feeRounding: 'truncate',
} satisfies Partial<SimKnobs>;

export type Exchange = SimExchange;

function createEmitter(): Emitter & { on: SimExchange['on'] } {
  const lists: { [K in keyof ExchangeEvents]: Array<ExchangeEvents[K]> } = { trade: [], book: [], notice: [] };
  return {
    emit(event, ...args) {
      const l = lists[event] as Array<(...a: unknown[]) => void>;
      for (const fn of [...l]) fn(...args);
    },
    has: (event) => lists[event].length > 0,
    on(event, listener) {
      const l = lists[event] as unknown[];
      l.push(listener);
      return () => {
        const i = l.indexOf(listener);
        if (i >= 0) l.splice(i, 1);
      };
    },
  };
}

function buildSymbol(fx: InstrumentFixture, seed: number, t: number, firstSession: string, isOpen: (d: string) => boolean): SymbolState {
  const band = priceBand(fx.prevClose, fx.etp);
  // ~100M 원 per level for a mega cap: a demo account sees real partial fills across levels.
  const depthQty = Math.max(10, Math.round((fx.liquidity * 1e8) / fx.prevClose));
  const krxRate = 0.3 + fx.liquidity * 1.4;
  const sym: SymbolState = {
    fx,
    inst: {
      code: fx.code,
      isin: isinFor(fx.code),
      name: fx.name,
      nameEn: fx.nameEn,
      market: fx.market,
      etp: fx.etp,
      nxtEligible: fx.nxtEligible,
      prevClose: fx.prevClose,
      basePrice: fx.prevClose,
      upperLimit: band.upper,
      lowerLimit: band.lower,
      halted: false,
      nxtHalted: false,
      listedShares: fx.listedShares,
    },
    fair: fx.prevClose,
    fairTime: t,
    rng: createRng(hashSeed(seed, fx.code, 'path')),
    krx: createVenueBook(fx.code, 'KRX', fx.etp, fx.prevClose, depthQty, krxRate, t),
    nxt: fx.nxtEligible ? createVenueBook(fx.code, 'NXT', fx.etp, fx.prevClose, Math.max(5, Math.round(depthQty * 0.3)), krxRate * 0.3, t) : null,
    unQuote: emptyQuote(fx.code, 'KRX', fx.prevClose, t),
    unMinuteBars: [],
    closePrice: null,
    history: null,
    historyFrom: firstSession,
    sessionBars: [],
    stops: [],
    singlePrice: [],
  };
  regenSynthetic(sym.krx, sym.fair, sym.rng, band.lower, band.upper);
  if (sym.nxt) regenSynthetic(sym.nxt, sym.fair, sym.rng, band.lower, band.upper);
  return sym;
}

export function createExchange(options: CreateExchangeOptions): SimExchange {
  const personality = options.personality ?? 'real';
  const seed = options.seed ?? 1;
  const isOpen = options.isTradingDay ?? bundledIsTradingDay;
  const knobGetter = options.knobs ?? (() => ({}));
  // Knobs change at runtime (possibly by mutating the same object): read them fresh every time.
  const knobs = (): SimKnobs => ({ ...EXCHANGE_KNOB_DEFAULTS, ...knobGetter() }) as SimKnobs;
  const startDate = kstDate(options.startMs);
  // Start from the beginning of the latest trading day, so the quotes show that day (on a Saturday: Friday).
  const firstSession = isOpen(startDate) ? startDate : prevTradingDay(startDate, isOpen);
  const t0 = kstMidnight(firstSession);
  const emitter = createEmitter();
  const ctx: Ctx = {
    personality,
    seed,
    knobs,
    now: t0,
    highWater: t0,
    sessionDate: firstSession,
    symbols: new Map(),
    ledger: new Ledger(),
    orders: new Map(),
    orderList: [],
    fills: [],
    nextOrderNo: 1,
    nextSeq: 1,
    refuseNext: 0,
    rates: options.feeRates ?? DEFAULT_FEE_RATES,
    isTradingDay: isOpen,
    emitter,
    stopCheck: new Set(),
    quiet: false,
  };
  for (const fx of options.universe ?? UNIVERSE) ctx.symbols.set(fx.code, buildSymbol(fx, seed, t0, firstSession, isOpen));
  const valueOf = (s: string): number => ctx.symbols.get(s)?.krx.quote.last ?? 0;
  for (const a of options.accounts ?? DEFAULT_ACCOUNTS) ctx.ledger.add(a, valueOf);
  advance(ctx, options.startMs);

  const sym = (code: string): SymbolState | undefined => ctx.symbols.get(code);
  const copyRec = (r: OrderRecord): OrderRecord => ({ ...r });

  const exchange: SimExchange = {
    personality,
    regime: () => regimeOn(ctx, kstDate(ctx.now)),
    tradeDate: () => kstDate(ctx.now),
    isTradingDay: (d) => isOpen(d),
    calendar: (from, days) => calendarDays(from, days, isOpen),
    instruments: () => [...ctx.symbols.values()].map((s) => ({ ...s.inst })),
    instrument: (code) => {
      const s = sym(code);
      return s ? { ...s.inst } : undefined;
    },
    quote(code, venue) {
      const s = sym(code);
      if (!s) return undefined;
      const vi = (vb: VenueBook) => ({ viActive: viActive(ctx, vb), viReferencePrice: viReference(s, vb) });
      if (venue === 'NXT') return s.nxt ? { ...s.nxt.quote, halted: s.inst.nxtHalted, ...vi(s.nxt) } : undefined;
      if (venue === 'UN' && s.nxt) return { ...s.unQuote, halted: s.inst.halted && s.inst.nxtHalted, ...vi(s.krx) };
      return { ...s.krx.quote, halted: s.inst.halted, ...vi(s.krx) };
    },
    book(code, venue) {
      const s = sym(code);
      if (!s) return undefined;
      const krx = publicBook(s.krx, expectedFor(ctx, s, s.krx));
      if (venue === 'KRX' || (venue === 'UN' && !s.nxt)) return krx;
      if (!s.nxt) return undefined;
      const nxt = publicBook(s.nxt, expectedFor(ctx, s, s.nxt));
      return venue === 'NXT' ? nxt : mergeBooks(code, krx, nxt);
    },
    dailyBars(code, venue, fromYmd, toYmd, period) {
      const s = sym(code);
      if (!s || (venue === 'NXT' && !s.nxt)) return [];
      s.history ??= generateHistory(s.fx, seed, s.historyFrom, isOpen);
      const bars: DailyBar[] = [...s.history, ...s.sessionBars];
      const q = s.krx.quote;
      if (q.volume > 0 && ctx.sessionDate <= kstDate(ctx.now))
        bars.push({ date: ctx.sessionDate, open: q.open, high: q.high, low: q.low, close: q.last, volume: q.volume, turnover: q.turnover });
      // NXT/UN history: same prices, volumes scaled by NXT's share (the synthetic NXT is ~30% of KRX).
      const scale = venue === 'NXT' ? 0.3 : venue === 'UN' && s.nxt ? 1.3 : 1;
      const scaled = scale === 1 ? bars : bars.map((b) => ({ ...b, volume: Math.round(b.volume * scale), turnover: Math.round(b.turnover * scale) }));
      return aggregateBars(
        scaled.filter((b) => b.date >= fromYmd && b.date <= toYmd),
        period,
      );
    },
    minuteBars(code, venue, upto) {
      const s = sym(code);
      if (!s) return [];
      const bars: MinuteBar[] = venue === 'KRX' ? s.krx.minuteBars : venue === 'NXT' ? (s.nxt?.minuteBars ?? []) : s.nxt ? s.unMinuteBars : s.krx.minuteBars;
      return bars.filter((b) => b.time <= upto).map((b) => ({ ...b }));
    },
    placeOrder(req) {
      const r = placeOrder(ctx, req);
      drainStops(ctx);
      return r;
    },
    modifyOrder(req) {
      const r = modifyOrder(ctx, req);
      drainStops(ctx);
      return r;
    },
    account(account) {
      const a = ctx.ledger.get(account);
      if (!a) return undefined;
      return ctx.ledger.snapshot(a, nextTradingDay(kstDate(ctx.now), isOpen), (s) => openSellQty(ctx, account, s));
    },
    accountsForHtsId: (htsId) => [...ctx.ledger.accounts.values()].filter((a) => a.htsId === htsId).map((a) => a.account),
    orders: (account, fromYmd, toYmd) =>
      ctx.orderList.filter((o) => o.rec.account === account && o.rec.date >= fromYmd && o.rec.date <= toYmd).map((o) => copyRec(o.rec)),
    openOrders: (account) => [...ctx.orders.values()].filter((o) => o.rec.account === account).sort((a, b) => a.seq - b.seq).map((o) => copyRec(o.rec)),
    fills: (account, fromYmd, toYmd) =>
      ctx.fills
        .filter((f) => {
          if (f.account !== account) return false;
          const d = kstDate(f.time);
          return (!fromYmd || d >= fromYmd) && (!toYmd || d <= toYmd);
        })
        .map((f) => ({ ...f })),
    buyingPower(account, code, price, ordDvsn) {
      const a = ctx.ledger.get(account);
      const s = sym(code);
      const orderableCash = a ? ctx.ledger.orderableCash(a) : 0;
      const calcPrice = s ? (price > 0 && !isUnpriced(ordDvsn) ? price : s.inst.upperLimit) : price;
      if (!a || calcPrice <= 0) return { orderableCash, maxQtyNoCredit: 0, maxAmountNoCredit: 0, calcPrice: Math.max(0, calcPrice) };
      // Largest q whose reservation (the same rule placeOrder checks) fits: estimate with the dearer commission
      // rate, then settle the truncation by a step or two either way.
      const ppb = Math.max(ctx.rates.commission.KRX, ctx.rates.commission.NXT);
      let q = Math.floor(orderableCash / (calcPrice * (1 + ppb / 1e9)));
      while (reservationFor(ctx, q + 1, calcPrice) <= orderableCash) q++;
      while (q > 0 && reservationFor(ctx, q, calcPrice) > orderableCash) q--;
      return { orderableCash, maxQtyNoCredit: q, maxAmountNoCredit: q * calcPrice, calcPrice };
    },
    advanceTo(ms) {
      advance(ctx, ms);
    },
    on: emitter.on,
    control: {
      setCash(account, cash) {
        const a = ctx.ledger.get(account);
        if (a) ctx.ledger.setCash(a, cash);
      },
      setPosition(account, code, qty, avgPrice) {
        const a = ctx.ledger.get(account);
        if (a) ctx.ledger.setPosition(a, code, qty, avgPrice);
      },
      injectTrade(code, venue, price, qty) {
        const s = sym(code);
        const vb = s ? (venue === 'KRX' ? s.krx : s.nxt) : null;
        if (!s || !vb) return;
        const mc = phaseNow(ctx, venue).marketClass;
        // Resting orders priced better than the print were on the path; at the print price they fill up to qty.
        sweepThrough(ctx, s, vb, 'sell', price, mc);
        sweepThrough(ctx, s, vb, 'buy', price, mc);
        let left = qty;
        for (const side of ['sell', 'buy'] as const) {
          const levels = side === 'sell' ? vb.clientBids : vb.clientAsks;
          const lv = levels.find((l) => l.price === price);
          if (lv && left > 0) {
            const q = Math.min(left, levelQty(lv));
            left -= takeAt(ctx, s, vb, side, price, q);
          }
        }
        recordTrade(ctx, s, vb, price, qty, 'buy', mc);
        s.fair = price;
        regenSynthetic(vb, s.fair, s.rng, s.inst.lowerLimit, s.inst.upperLimit);
        emitBook(ctx, s, vb);
        drainStops(ctx);
      },
      setHalted(code, venue, halted) {
        const s = sym(code);
        if (!s) return;
        if (venue === 'KRX') {
          s.inst.halted = halted;
          s.krx.quote.halted = halted;
        } else {
          s.inst.nxtHalted = halted;
          if (s.nxt) s.nxt.quote.halted = halted;
        }
      },
      refuseNextOrder() {
        ctx.refuseNext++;
      },
      addAccount(fixture) {
        ctx.ledger.add(fixture, valueOf);
      },
    },
  };
  return exchange;
}

export type { AccountFixture } from '../fixtures/accounts';
export { DEFAULT_ACCOUNTS, DEMO_ACCOUNT, DEMO_ACCOUNT_2, DEMO_HTS_ID } from '../fixtures/accounts';
export { UNIVERSE } from '../fixtures/universe';
export type { Venue };
