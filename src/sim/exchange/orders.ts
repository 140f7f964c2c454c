/**
 * Order entry: validation in exactly kis-api.md obligation 9's order, acceptance (notice), and what happens on
 * arrival — match against the book(s), rest, wait for a stop, or fill at a closing price.
 */
import { withinBand } from '../../shared/market/band';
import { ordDvsnInfo, type OrdDvsnInfo } from '../../shared/market/ordDvsn';
import { orderAllowed, type OrderAdmission } from '../../shared/market/sessions';
import { kstDate, kstTime } from '../../shared/market/time';
import { isOnTick, roundToTick, stepTicks } from '../../shared/market/ticks';
import { ORG_NO, REJECT } from './codes';
import { executeAggressive, restOrder } from './arrival';
import type { Ctx, LiveOrder, SymbolState } from './model';
import { emitNotice } from './notices';
import { fillOrder, killRemainder, reservationFor, updateReservation } from './matching';
import { phaseNow, sessionOpts, windowExpiry } from './phase';
import type { Accepted, ModifyRequest, OrderRecord, OrderRequest, OrderRoute, Rejection, Venue } from './types';
import { removeResting } from './venue';

export function openSellQty(ctx: Ctx, account: string, symbol: string): number {
  let q = 0;
  for (const o of ctx.orders.values()) {
    if (o.rec.account === account && o.rec.symbol === symbol && o.rec.side === 'sell') q += o.rec.remainingQty;
  }
  return q;
}

function admissionRejection(ctx: Ctx, a: Extract<OrderAdmission, { ok: false }>): Rejection {
  switch (a.reason) {
    case 'closedDay':
      return REJECT.notTradingDay(ctx.personality);
    case 'session':
      return REJECT.outsideHours(ctx.personality);
    case 'nxtIneligible':
    case 'nxtHalted':
    case 'halted':
      return REJECT.route();
    default:
      return REJECT.ordDvsn();
  }
}

/** Steps 3–5: trading day → ORD_DVSN × route × session → NXT eligibility/halt (and paper's KRX-only rule). */
function admit(ctx: Ctx, sym: SymbolState, route: OrderRoute, ordDvsn: string): Rejection | { venues: Venue[] } {
  const ymd = kstDate(ctx.now);
  if (!ctx.isTradingDay(ymd)) return REJECT.notTradingDay(ctx.personality);
  const k = ctx.knobs();
  if (ctx.personality === 'paper') {
    const info = ordDvsnInfo(ordDvsn);
    if (!info || !info.routes.includes('KRX')) return REJECT.ordDvsn();
    if (k.paperOrdDvsn && !k.paperOrdDvsn.includes(ordDvsn)) return REJECT.ordDvsn();
  }
  const opts = sessionOpts(ctx, ymd);
  const a = orderAllowed({
    route,
    ordDvsn,
    epochMs: ctx.now,
    instrument: { etp: sym.inst.etp, nxtEligible: sym.inst.nxtEligible, halted: sym.inst.halted, nxtHalted: sym.inst.nxtHalted },
    regime: opts.regime,
    isTradingDay: opts.isTradingDay,
    krxPreMarket: opts.krxPreMarket,
    nxtPostHaltAuction: opts.nxtPostHaltAuction,
  });
  if (!a.ok) return admissionRejection(ctx, a);
  if (ctx.personality === 'paper' && route !== 'KRX') return REJECT.route();
  // NXT's main market is KRX's too: an order routed to KRX only where KRX is closed but NXT open is a session miss.
  return { venues: a.venues };
}

/** Steps 6–8: tick grid → band → stop price, for a priced order type. */
function checkPrice(sym: SymbolState, info: OrdDvsnInfo, price: number, stopPrice: number | undefined): Rejection | null {
  if (!info.unpriced) {
    if (!isOnTick(price, sym.inst.etp)) return REJECT.offTick();
    if (!withinBand(price, { upper: sym.inst.upperLimit, lower: sym.inst.lowerLimit })) return REJECT.outsideBand();
  }
  if (info.pricing === 'stopLimit' && !(typeof stopPrice === 'number' && stopPrice > 0)) return REJECT.noStopPrice();
  return null;
}

function nextOrderNo(ctx: Ctx): string {
  return String(ctx.nextOrderNo++).padStart(10, '0');
}

function newLive(ctx: Ctx, sym: SymbolState, rec: OrderRecord, info: OrdDvsnInfo, htsId: string, venues: Venue[]): LiveOrder {
  const o: LiveOrder = {
    rec,
    info,
    sym,
    htsId,
    venues,
    restingOn: null,
    limit: rec.price,
    isMarket: info.pricing === 'market',
    reservePrice: info.unpriced ? sym.inst.upperLimit : rec.price,
    reserved: 0,
    seq: ctx.nextSeq++,
    expiresAt: Infinity,
    waitingStop: info.pricing === 'stopLimit',
    conditional: info.pricing === 'conditionalLimit',
    fillSeq: 0,
  };
  ctx.orderList.push(o);
  return o;
}

export function placeOrder(ctx: Ctx, req: OrderRequest): Accepted | Rejection {
  const acct = ctx.ledger.get(req.account);
  if (!acct) return REJECT.badAccount();
  const sym = ctx.symbols.get(req.symbol);
  if (!sym) return REJECT.unknownSymbol();
  const adm = admit(ctx, sym, req.route, req.ordDvsn);
  if ('ok' in adm) return adm;
  const info = ordDvsnInfo(req.ordDvsn)!;
  const priceErr = checkPrice(sym, info, req.price, req.stopPrice);
  if (priceErr) return priceErr;
  if (!Number.isInteger(req.qty) || req.qty <= 0) return REJECT.quantity();
  if (req.side === 'sell' && req.qty > ctx.ledger.sellableQty(acct, req.symbol, openSellQty(ctx, req.account, req.symbol))) return REJECT.quantity();
  if (req.side === 'buy') {
    const rp = info.unpriced ? sym.inst.upperLimit : req.price;
    if (reservationFor(ctx, req.qty, rp) > ctx.ledger.orderableCash(acct)) return REJECT.insufficient(ctx.personality, ctx.knobs().paperInsufficientCode);
  }
  const rec: OrderRecord = {
    orderNo: nextOrderNo(ctx),
    originalOrderNo: '',
    orgNo: ORG_NO,
    account: req.account,
    symbol: req.symbol,
    side: req.side,
    ordDvsn: req.ordDvsn,
    route: req.route,
    qty: req.qty,
    price: info.unpriced ? 0 : req.price,
    stopPrice: info.pricing === 'stopLimit' ? (req.stopPrice ?? 0) : 0,
    filledQty: 0,
    filledAmount: 0,
    cancelledQty: 0,
    rejectedQty: 0,
    remainingQty: req.qty,
    state: 'open',
    date: kstDate(ctx.now),
    time: kstTime(ctx.now),
    channel: req.channel ?? 'api',
    kind: 'new',
    venue: '',
  };
  const o = newLive(ctx, sym, rec, info, acct.htsId, adm.venues);
  const accepted: Accepted = { ok: true, orderNo: rec.orderNo, orgNo: rec.orgNo, time: rec.time };
  if (ctx.refuseNext > 0) {
    ctx.refuseNext--;
    rec.state = 'rejected';
    rec.rejectedQty = rec.qty;
    rec.remainingQty = 0;
    emitNotice(ctx, o, { cntgYn: '1', acptYn: '1', rctf: '0', refused: true }, rec.qty, rec.price, adm.venues[0] ?? 'KRX');
    return accepted;
  }
  ctx.orders.set(rec.orderNo, o);
  updateReservation(ctx, o);
  emitNotice(ctx, o, { cntgYn: '1', acptYn: '1', rctf: '0' }, rec.qty, rec.price, adm.venues[0] ?? 'KRX');
  arrive(ctx, o);
  return accepted;
}

/** What happens when an accepted (or modified, or triggered) order reaches the exchange. */
export function arrive(ctx: Ctx, o: LiveOrder): void {
  const sym = o.sym;
  const rec = o.rec;
  switch (o.info.pricing) {
    case 'prevClose':
      fillOrder(ctx, o, rec.remainingQty, sym.inst.prevClose, 'KRX');
      rec.venue = 'KRX';
      return;
    case 'todayClose':
      fillOrder(ctx, o, rec.remainingQty, sym.closePrice ?? sym.krx.quote.last, 'KRX');
      rec.venue = 'KRX';
      return;
    case 'single':
      o.limit = rec.price;
      o.expiresAt = windowExpiry(ctx, 'KRX', o.info.window);
      rec.venue = 'KRX';
      sym.singlePrice.push(o);
      return;
    case 'stopLimit':
      if (o.waitingStop) {
        if (!stopTriggered(ctx, o)) {
          o.limit = rec.price;
          o.expiresAt = windowExpiry(ctx, o.venues[0] ?? 'KRX', o.info.window);
          sym.stops.push(o);
          return;
        }
        o.waitingStop = false;
      }
      break;
    default:
      break;
  }
  executeAggressive(ctx, o);
  if (rec.state === 'open' && rec.remainingQty > 0) restOrder(ctx, o);
}

export function stopTriggered(ctx: Ctx, o: LiveOrder): boolean {
  const venue = o.venues[0] ?? 'KRX';
  const q = venue === 'KRX' ? o.sym.krx.quote : (o.sym.nxt?.quote ?? o.sym.krx.quote);
  if (q.volume === 0) return false;
  return o.rec.side === 'buy' ? q.last >= o.rec.stopPrice : q.last <= o.rec.stopPrice;
}

/** Run triggered stops (deferred so a trade inside a walk never re-enters matching). */
export function drainStops(ctx: Ctx): void {
  for (let guard = 0; guard < 100 && ctx.stopCheck.size > 0; guard++) {
    const syms = [...ctx.stopCheck];
    ctx.stopCheck.clear();
    for (const sym of syms) {
      const fired = sym.stops.filter((o) => o.rec.state === 'open' && stopTriggered(ctx, o));
      if (fired.length === 0) continue;
      sym.stops = sym.stops.filter((o) => !fired.includes(o));
      for (const o of fired) {
        o.waitingStop = false;
        if (phaseNow(ctx, o.venues[0] ?? 'KRX').acceptsOrders) arrive(ctx, o);
        else sym.stops.push(o);
      }
    }
  }
}

/** Detach an open order from wherever it waits (book, stop list, single-price queue). */
function detach(o: LiveOrder): void {
  if (o.restingOn) {
    const vb = o.restingOn === 'KRX' ? o.sym.krx : o.sym.nxt;
    if (vb) removeResting(vb, o);
  }
  o.sym.stops = o.sym.stops.filter((x) => x !== o);
  o.sym.singlePrice = o.sym.singlePrice.filter((x) => x !== o);
}

export function modifyOrder(ctx: Ctx, req: ModifyRequest): Accepted | Rejection {
  const acct = ctx.ledger.get(req.account);
  if (!acct) return REJECT.badAccount();
  const o = ctx.orders.get(req.originalOrderNo);
  if (!o || o.rec.account !== req.account || o.rec.state !== 'open' || o.rec.remainingQty <= 0) return REJECT.notFound();
  if (req.orgNo !== '' && req.orgNo !== o.rec.orgNo) return REJECT.notFound();
  if (req.orgNo === '' && ctx.knobs().requireOrgno) return REJECT.notFound();
  const newDvsn = req.kind === 'cancel' ? o.rec.ordDvsn : req.ordDvsn;
  const adm = admit(ctx, o.sym, o.rec.route, newDvsn);
  if ('ok' in adm) return adm;
  const info = ordDvsnInfo(newDvsn)!;
  if (req.kind === 'modify') {
    const priceErr = checkPrice(o.sym, info, req.price, req.stopPrice ?? o.rec.stopPrice);
    if (priceErr) return priceErr;
  }
  const qty = req.all ? o.rec.remainingQty : req.qty;
  if (!Number.isInteger(qty) || qty <= 0 || qty > o.rec.remainingQty) return REJECT.quantity();
  if (req.kind === 'modify' && o.rec.side === 'buy') {
    const rp = info.unpriced ? o.sym.inst.upperLimit : req.price;
    const released = reservationFor(ctx, qty, o.reservePrice);
    const needed = reservationFor(ctx, qty, rp);
    if (needed - released > ctx.ledger.orderableCash(acct)) return REJECT.insufficient(ctx.personality, ctx.knobs().paperInsufficientCode);
  }

  // Accepted: take the quantity off the original (filled quantity is untouchable).
  const rctf = req.kind === 'modify' ? '1' : '2';
  const whole = qty === o.rec.remainingQty;
  if (whole) detach(o);
  o.rec.remainingQty -= qty;
  o.rec.cancelledQty += qty;
  if (whole) {
    o.rec.state = 'cancelled';
    ctx.orders.delete(o.rec.orderNo);
  }
  updateReservation(ctx, o);

  const rec: OrderRecord = {
    ...o.rec,
    orderNo: nextOrderNo(ctx),
    originalOrderNo: o.rec.orderNo,
    ordDvsn: newDvsn,
    qty,
    price: req.kind === 'modify' ? (info.unpriced ? 0 : req.price) : o.rec.price,
    stopPrice: info.pricing === 'stopLimit' ? (req.stopPrice ?? o.rec.stopPrice) : 0,
    filledQty: 0,
    filledAmount: 0,
    cancelledQty: req.kind === 'cancel' ? qty : 0,
    rejectedQty: 0,
    remainingQty: req.kind === 'cancel' ? 0 : qty,
    state: req.kind === 'cancel' ? 'cancelled' : 'open',
    date: kstDate(ctx.now),
    time: kstTime(ctx.now),
    kind: req.kind,
    venue: o.rec.venue ?? '',
  };
  const n = newLive(ctx, o.sym, rec, info, o.htsId, adm.venues);
  const venue = o.restingOn ?? adm.venues[0] ?? 'KRX';
  emitNotice(ctx, n, { cntgYn: '1', acptYn: '1', rctf }, qty, rec.price, venue);
  emitNotice(ctx, n, { cntgYn: '1', acptYn: '2', rctf }, qty, rec.price, venue);
  if (req.kind === 'modify') {
    ctx.orders.set(rec.orderNo, n);
    updateReservation(ctx, n);
    arrive(ctx, n);
  }
  return { ok: true, orderNo: rec.orderNo, orgNo: rec.orgNo, time: rec.time };
}

/** Expire open orders whose window closed (GTP at 08:50 with an ACPT_YN=3 notice; day orders silently). */
export function expireOrders(ctx: Ctx, at: number): void {
  for (const o of [...ctx.orders.values()]) {
    if (o.expiresAt > at) continue;
    detach(o);
    killRemainder(ctx, o, o.info.window === 'nxtGtp');
  }
}

/** The band-limited price an unpriced order of `o` trades at, from the book now. */
export function unpricedLimit(ctx: Ctx, o: LiveOrder, books: Array<{ bestAsk: number; bestBid: number }>): number {
  const sym = o.sym;
  const etp = sym.inst.etp;
  const buy = o.rec.side === 'buy';
  const asks = books.map((b) => b.bestAsk).filter((p) => p > 0);
  const bids = books.map((b) => b.bestBid).filter((p) => p > 0);
  const bestAsk = asks.length ? Math.min(...asks) : 0;
  const bestBid = bids.length ? Math.max(...bids) : 0;
  const bandEdge = buy ? sym.inst.upperLimit : sym.inst.lowerLimit;
  switch (o.info.pricing) {
    case 'market':
      return bandEdge;
    case 'bestOpposite':
      return (buy ? bestAsk : bestBid) || bandEdge;
    case 'bestOwn':
      if (buy) return bestBid || (bestAsk ? stepTicks(bestAsk, -1, etp) : sym.inst.prevClose);
      return bestAsk || (bestBid ? stepTicks(bestBid, 1, etp) : sym.inst.prevClose);
    case 'mid': {
      if (!bestAsk || !bestBid) return buy ? bestBid || sym.inst.prevClose : bestAsk || sym.inst.prevClose;
      // Mid-point orders are approximated on the grid, rounded toward the order's own side.
      return roundToTick((bestAsk + bestBid) / 2, etp, buy ? 'down' : 'up');
    }
    default:
      return o.rec.price;
  }
}
