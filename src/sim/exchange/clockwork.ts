/**
 * Moving the market through time: phase boundaries (auction uncrosses, expiries, 10-minute single-price rounds,
 * day rollover) in order, and the price path between them — coarse for the bulk of a big jump, dense (1 s) for the
 * last minute before the target so the present always looks live.
 */
import { priceBand } from '../../shared/market/band';
import { prevTradingDay } from '../../shared/market/calendar';
import { phaseBoundaries, sessionAt } from '../../shared/market/sessions';
import { addDays, kstDate, kstMidnight } from '../../shared/market/time';
import { roundToTick } from '../../shared/market/ticks';
import { emitBook } from './arrival';
import { fillOrder, uncrossAt } from './matching';
import type { Ctx, SymbolState, VenueBook } from './model';
import { drainStops, expireOrders } from './orders';
import { isContinuous, sessionOpts } from './phase';
import { endViIfDue, viActive } from './vi';
import { coarseStep, denseStep, evolveFair } from './pricepath';
import { emptyQuote, regenSynthetic } from './venue';
import type { Venue } from './types';

export const DENSE_WINDOW_MS = 60_000;
const COARSE_STEP_MS = 60_000;
const COARSE_BIG_STEP_MS = 300_000;
const COARSE_HUGE_STEP_MS = 600_000;
/** Days before the target day only leave a daily bar behind (their minute bars are dropped at rollover). */
const PAST_DAY_STEP_MS = 1_800_000;


interface DayPlan {
  key: string;
  boundaries: number[];
  singleRounds: Set<number>;
}
const planCache = new WeakMap<Ctx, Map<string, DayPlan>>();

function dayPlan(ctx: Ctx, ymd: string): DayPlan {
  const opts = sessionOpts(ctx, ymd);
  const key = `${ymd}|${opts.regime}|${opts.krxPreMarket}|${opts.nxtPostHaltAuction}`;
  let m = planCache.get(ctx);
  if (!m) {
    m = new Map();
    planCache.set(ctx, m);
  }
  const cached = m.get(ymd);
  if (cached && cached.key === key) return cached;
  const set = new Set<number>([...phaseBoundaries('KRX', ymd, opts), ...phaseBoundaries('NXT', ymd, opts)]);
  const singleRounds = new Set<number>();
  if (opts.regime === 'legacy' && ctx.isTradingDay(ymd)) {
    const mid = kstMidnight(ymd);
    for (let m10 = 16 * 60 + 10; m10 <= 18 * 60; m10 += 10) singleRounds.add(mid + m10 * 60_000);
  }
  for (const r of singleRounds) set.add(r);
  set.add(kstMidnight(addDays(ymd, 1)));
  const plan = { key, boundaries: [...set].sort((a, b) => a - b), singleRounds };
  m.set(ymd, plan);
  return plan;
}

function nextBoundary(ctx: Ctx, after: number): number {
  const plan = dayPlan(ctx, kstDate(after));
  for (const b of plan.boundaries) if (b > after) return b;
  return kstMidnight(addDays(kstDate(after), 1));
}

function venuesOf(sym: SymbolState): Array<[Venue, VenueBook]> {
  return sym.nxt ? [['KRX', sym.krx], ['NXT', sym.nxt]] : [['KRX', sym.krx]];
}

/**
 * Move to `target`. A clock set backwards moves "now" back (validation and stamps follow the clock) but the market
 * cannot un-happen: nothing is simulated again until time passes the furthest point already simulated.
 */
export function advance(ctx: Ctx, target: number): void {
  if (!Number.isFinite(target) || target === ctx.now) return;
  if (target <= ctx.highWater) {
    ctx.now = target;
    return;
  }
  ctx.now = Math.max(ctx.now, ctx.highWater);
  const denseFrom = target - DENSE_WINDOW_MS;
  // The session the target shows (on a weekend: Friday's) is simulated finely; earlier days coarsely.
  const targetDate = kstDate(target);
  const targetDay = ctx.isTradingDay(targetDate) ? targetDate : prevTradingDay(targetDate, (d) => ctx.isTradingDay(d));
  while (ctx.now < target) {
    const nb = nextBoundary(ctx, ctx.now);
    const segEnd = Math.min(nb, target);
    simulateSegment(ctx, ctx.now, segEnd, denseFrom, targetDay);
    ctx.now = segEnd;
    if (segEnd === nb) onBoundary(ctx, nb);
  }
  ctx.highWater = target;
}

function simulateSegment(ctx: Ctx, a: number, b: number, denseFrom: number, targetDay: string): void {
  const opts = sessionOpts(ctx, kstDate(a));
  const krx = sessionAt('KRX', a, opts);
  const nxt = sessionAt('NXT', a, opts);
  const krxOn = isContinuous(krx.phase);
  const nxtOn = isContinuous(nxt.phase);
  if (!krxOn && !nxtOn) return;
  const live = (sym: SymbolState): Array<[VenueBook, '1' | '2' | '3' | '5']> => {
    const out: Array<[VenueBook, '1' | '2' | '3' | '5']> = [];
    // A venue in a VI call trades nothing until its 2 minutes are up; then it uncrosses and resumes.
    endViIfDue(ctx, sym, sym.krx);
    if (sym.nxt) endViIfDue(ctx, sym, sym.nxt);
    // The KRX after-market is a separate market without ETPs.
    if (krxOn && !sym.inst.halted && !(krx.phase === 'afterMarket' && sym.inst.etp) && !viActive(ctx, sym.krx)) out.push([sym.krx, krx.marketClass]);
    if (nxtOn && sym.nxt && !sym.inst.nxtHalted && !viActive(ctx, sym.nxt)) out.push([sym.nxt, nxt.marketClass]);
    return out;
  };
  const coarseEnd = Math.min(b, denseFrom);
  if (a < coarseEnd) {
    const span = coarseEnd - a;
    const stepMs =
      kstDate(a) !== targetDay
        ? PAST_DAY_STEP_MS
        : span > 6 * 3_600_000
          ? COARSE_HUGE_STEP_MS
          : span > 3 * 3_600_000
            ? COARSE_BIG_STEP_MS
            : COARSE_STEP_MS;
    const wasQuiet = ctx.quiet;
    ctx.quiet = true;
    for (let t = Math.ceil(a / stepMs) * stepMs; t < coarseEnd; t += stepMs) {
      ctx.now = t;
      for (const sym of ctx.symbols.values()) {
        const books = live(sym);
        if (books.length === 0) continue;
        evolveFair(ctx, sym, t);
        for (const [vb, mc] of books) coarseStep(ctx, sym, vb, stepMs / 1000, mc);
      }
      drainStops(ctx);
    }
    ctx.quiet = wasQuiet;
    for (const sym of ctx.symbols.values()) for (const [vb] of live(sym)) regenSynthetic(vb, sym.fair, sym.rng, sym.inst.lowerLimit, sym.inst.upperLimit);
  }
  const denseStart = Math.max(a, denseFrom);
  for (let t = Math.ceil(denseStart / 1000) * 1000; t < b; t += 1000) {
    ctx.now = t;
    for (const sym of ctx.symbols.values()) {
      const books = live(sym);
      if (books.length === 0) continue;
      evolveFair(ctx, sym, t);
      for (const [vb, mc] of books) denseStep(ctx, sym, vb, mc);
    }
    drainStops(ctx);
  }
}

function onBoundary(ctx: Ctx, t: number): void {
  ctx.now = t;
  const ymd = kstDate(t);
  if (t === kstMidnight(ymd)) {
    if (ctx.isTradingDay(ymd) && ymd !== ctx.sessionDate) rollDay(ctx, ymd);
    return;
  }
  const opts = sessionOpts(ctx, ymd);
  const before = { KRX: sessionAt('KRX', t - 1, opts).phase, NXT: sessionAt('NXT', t - 1, opts).phase };
  const after = { KRX: sessionAt('KRX', t, opts).phase, NXT: sessionAt('NXT', t, opts).phase };
  for (const sym of ctx.symbols.values()) {
    // A VI call still running when the session phase changes ends in that change (or the next call absorbs it).
    for (const [, vb] of venuesOf(sym)) {
      if (vb.viUntil && before[vb.venue] !== after[vb.venue]) vb.viUntil = 0;
    }
    // KRX: the opening call uncrosses at 09:00, the closing call at 15:30 (that price is the official close).
    if (before.KRX !== after.KRX && (before.KRX === 'preOpenAuction' || before.KRX === 'closingAuction')) {
      const closing = before.KRX === 'closingAuction';
      evolveFair(ctx, sym, t);
      const price = auctionPrice(sym);
      const synth = sym.inst.halted ? 0 : Math.round(sym.krx.depthQty * (closing ? 40 : 25) * (0.5 + sym.rng.next()));
      if (!sym.inst.halted) uncrossAt(ctx, sym, sym.krx, price, synth, '2', closing);
      if (closing) sym.closePrice = sym.krx.quote.volume > 0 ? sym.krx.quote.last : sym.inst.prevClose;
    }
    // NXT: a call (2026-09 post-halt auction, or the 15:30–15:40 after-market acceptance) ends in a single price.
    if (sym.nxt && !sym.inst.nxtHalted && before.NXT !== after.NXT && (before.NXT === 'preOpenAuction' || before.NXT === 'afterAcceptOnly')) {
      evolveFair(ctx, sym, t);
      const synth = before.NXT === 'preOpenAuction' ? Math.round(sym.nxt.depthQty * 5 * (0.5 + sym.rng.next())) : 0;
      uncrossAt(ctx, sym, sym.nxt, auctionPrice(sym), synth, before.NXT === 'preOpenAuction' ? '2' : '3', false);
    }
  }
  const plan = dayPlan(ctx, ymd);
  if (plan.singleRounds.has(t)) runSinglePriceRound(ctx);
  expireOrders(ctx, t);
  drainStops(ctx);
  for (const sym of ctx.symbols.values()) {
    for (const [v, vb] of venuesOf(sym)) {
      if (before[v] !== after[v]) {
        regenSynthetic(vb, sym.fair, sym.rng, sym.inst.lowerLimit, sym.inst.upperLimit);
        vb.bookTime = t;
        emitBook(ctx, sym, vb);
      }
    }
  }
}

function auctionPrice(sym: SymbolState): number {
  const p = roundToTick(sym.fair, sym.inst.etp, 'nearest');
  return Math.min(sym.inst.upperLimit, Math.max(sym.inst.lowerLimit, p));
}

/** Legacy 시간외 단일가: every 10 minutes 16:10–18:00, one price within ±10% of the close; crossing 07 orders fill. */
function runSinglePriceRound(ctx: Ctx): void {
  for (const sym of ctx.symbols.values()) {
    if (sym.singlePrice.length === 0) continue;
    evolveFair(ctx, sym, ctx.now);
    const close = sym.closePrice ?? sym.krx.quote.last;
    const hi = roundToTick(Math.floor((close * 11) / 10), sym.inst.etp, 'down');
    const lo = roundToTick(Math.ceil((close * 9) / 10), sym.inst.etp, 'up');
    const price = Math.min(hi, Math.max(lo, roundToTick(sym.fair, sym.inst.etp, 'nearest')));
    const waiting = sym.singlePrice;
    sym.singlePrice = [];
    for (const o of waiting) {
      if (o.rec.state !== 'open') continue;
      const crosses = o.rec.side === 'buy' ? o.limit >= price : o.limit <= price;
      if (crosses) fillOrder(ctx, o, o.rec.remainingQty, price, 'KRX');
      else sym.singlePrice.push(o);
    }
  }
}

/** A new trading day: yesterday's bar into history, new base price and band, fresh quotes, ledger roll. */
export function rollDay(ctx: Ctx, ymd: string): void {
  const t = kstMidnight(ymd);
  expireOrders(ctx, Infinity);
  for (const sym of ctx.symbols.values()) {
    const q = sym.krx.quote;
    const traded = q.volume > 0 || sym.closePrice !== null;
    const close = sym.closePrice ?? (q.volume > 0 ? q.last : sym.inst.prevClose);
    if (traded) {
      sym.sessionBars.push({
        date: ctx.sessionDate,
        open: q.open || close,
        high: Math.max(q.high, close),
        low: q.low ? Math.min(q.low, close) : close,
        close,
        volume: q.volume,
        turnover: q.turnover,
      });
    }
    const band = priceBand(close, sym.inst.etp);
    sym.inst.prevClose = close;
    sym.inst.basePrice = close;
    sym.inst.upperLimit = band.upper;
    sym.inst.lowerLimit = band.lower;
    sym.closePrice = null;
    // Overnight gap.
    sym.fair = close * Math.exp(sym.fx.dailyVol * 0.4 * sym.rng.normal());
    sym.fairTime = t;
    sym.krx.quote = { ...emptyQuote(sym.inst.code, 'KRX', close, t), halted: sym.inst.halted };
    sym.krx.minuteBars = [];
    sym.krx.viUntil = 0;
    sym.krx.viRef = 0;
    sym.krx.clientAsks = [];
    sym.krx.clientBids = [];
    regenSynthetic(sym.krx, sym.fair, sym.rng, band.lower, band.upper);
    if (sym.nxt) {
      sym.nxt.quote = { ...emptyQuote(sym.inst.code, 'NXT', close, t), halted: sym.inst.nxtHalted };
      sym.nxt.minuteBars = [];
      sym.nxt.viUntil = 0;
      sym.nxt.viRef = 0;
      sym.nxt.clientAsks = [];
      sym.nxt.clientBids = [];
      regenSynthetic(sym.nxt, sym.fair, sym.rng, band.lower, band.upper);
    }
    sym.unQuote = emptyQuote(sym.inst.code, 'KRX', close, t);
    sym.unMinuteBars = [];
    sym.stops = [];
    sym.singlePrice = [];
  }
  ctx.ledger.rollDay(ymd, (s) => ctx.symbols.get(s)?.inst.prevClose ?? 0);
  ctx.sessionDate = ymd;
}
