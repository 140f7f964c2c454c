/**
 * planOrder: everything `orders:submit` decides before sending, and exactly what `orders:preview` shows.
 *
 * Re-validation order (steps 2–3 are the router's allowed-now guards in guards.ts, step 1 the router's schema):
 *   1  ticket consistency the schema cannot express (smart kind vs side/type, missing price/stop price)
 *   4a symbol known (instrument directory) and NXT-eligible for NXT
 *   ── live reads start here, all at once (live.ts): orderable cash (buys), quote, book (when a price is chosen)
 *   4b not halted (live quote: iscd_stat_cls_code 58 / temp_stop_yn)
 *   5  route × ORD_DVSN × session at marketClock.now() (shared orderAllowed), paper = KRX only
 *   6  tick grid and the live ±30% band (price and stop price)
 *   7  risk limits from Settings
 *   8  live orderable cash: a buy must fit nrcvb_buy_amt
 * Each refusal is a Failure naming the number that failed, in Korean and English.
 */
import type { OrderPreview, OrderTicket } from '../../shared/ipc/domains/orders';
import { fail, type Failure } from '../../shared/ipc/result';
import { estimateCosts, type FeeRates, type FeeVenue } from '../../shared/market/fees';
import { ordDvsnInfo, type OrdDvsnInfo } from '../../shared/market/ordDvsn';
import { regimeFor, type Regime } from '../../shared/market/regime';
import { kstDate } from '../../shared/market/time';
import type { Settings } from '../../shared/settings/schema';
import type { ActiveSession, InstrumentInfo } from '../session/service';
import { fetchLive, type LiveData } from './live';
import { mapOrderType, PRICED_TYPES, SMART_TYPES, type Warning } from './mapping';
import { checkBand, checkTick, STOP_PRICE, type Band } from './price-checks';
import { notAllowed, num, refuse, wonEn, wonKo } from './refusal';
import { checkRiskLimits } from './risk-limits';
import { checkSession, sessionLabel } from './session-checks';
import { SMART_TABLE, smartPrice } from './smart';

export interface OrderPlan {
  preview: OrderPreview;
  instrument: InstrumentInfo;
  info: OrdDvsnInfo;
  /** ORD_UNPR: 0 for unpriced types. */
  price: number;
  stopPrice: number | undefined;
  band: Band;
  regime: Regime;
  now: number;
}

export interface PlanEnv {
  session: ActiveSession;
  settings: Settings;
}

const badTicket = (ko: string, en: string): Failure => fail('BAD_INPUT', ko, en);

/** Step 1b: cross-field rules of the ticket. */
export function checkTicket(t: OrderTicket): Failure | null {
  if (t.smart !== undefined) {
    const row = SMART_TABLE[t.smart];
    if (row.side !== t.side) {
      return badTicket(
        `스마트 주문 ${t.smart}은(는) ${row.side === 'buy' ? '매수' : '매도'} 전용입니다.`,
        `Smart order ${t.smart} is for ${row.side === 'buy' ? 'buying' : 'selling'} only.`,
      );
    }
    if (!SMART_TYPES.has(t.type)) {
      return badTicket('스마트 주문은 지정가(일반·IOC·FOK)에서만 쓸 수 있습니다.', 'Smart orders apply to limit types (plain, IOC, FOK) only.');
    }
  }
  if (PRICED_TYPES.has(t.type) && t.smart === undefined && !(t.price !== undefined && t.price > 0)) {
    return badTicket('이 주문유형은 가격을 입력해야 합니다.', 'This order type needs a price.');
  }
  if (t.type === 'stopLimit' && !(t.stopPrice !== undefined && t.stopPrice > 0)) {
    return badTicket('스톱지정가 주문은 감시가격(스톱)을 입력해야 합니다.', 'A stop-limit order needs a stop price.');
  }
  return null;
}

function feeRates(settings: Settings): FeeRates {
  return { commission: { KRX: settings.fees.krxPpb, NXT: settings.fees.nxtPpb }, taxOverride: null, etpTaxExempt: true };
}

async function lookupInstrument(session: ActiveSession, t: OrderTicket): Promise<InstrumentInfo | undefined> {
  const dir = session.instruments;
  // NXT eligibility is a per-day fact on real (CTPF1002R, cached per day by the directory).
  if (t.route !== 'KRX' && dir.ensure) return dir.ensure(t.symbol);
  return dir.get(t.symbol);
}

export async function planOrder(t: OrderTicket, env: PlanEnv): Promise<OrderPlan | Failure> {
  const { session, settings } = env;
  const bad = checkTicket(t);
  if (bad) return bad;

  // 4a — known and tradable where asked.
  const instrument = await lookupInstrument(session, t);
  if (!instrument) return refuse('NOT_FOUND', `알 수 없는 종목입니다: ${t.symbol}`, `Unknown symbol: ${t.symbol}`);
  if (t.route === 'NXT' && !instrument.nxtEligible) {
    return notAllowed(`NXT에서 거래되지 않는 종목입니다: ${instrument.name} (${t.symbol}).`, `${instrument.nameEn} (${t.symbol}) does not trade on NXT.`);
  }

  const now = session.marketClock.now();
  const regime = regimeFor(kstDate(now));
  const mapping = mapOrderType(t.type, t.route, regime, t.side);
  const choosesPrice = mapping.ok && (mapping.nxtMarketToLimit || t.smart !== undefined);

  // Live reads, concurrently (invariant 3). Everything below runs on their answers, in the stated order.
  const live = await fetchLive(session.rest, t.symbol, t.route, { cash: t.side === 'buy', book: choosesPrice }, t.price);
  if ('ok' in live) return live;
  const { quote } = live;

  // 4b — halted (SOR may still reach NXT: orderAllowed decides).
  if (quote.halted && t.route !== 'SOR') {
    return notAllowed(
      `${t.route === 'NXT' ? 'NXT ' : ''}거래가 정지된 종목입니다: ${instrument.name} (${t.symbol}, 상태코드 ${quote.statusCode || '-'}).`,
      `Trading in ${instrument.nameEn} (${t.symbol}) is halted${t.route === 'NXT' ? ' on NXT' : ''} (status ${quote.statusCode || '-'}).`,
    );
  }

  // 5 — venue × ORD_DVSN × session.
  const adm = checkSession({ route: t.route, paper: session.paper, mapping, now, regime, instrument, halted: quote.halted });
  if ('code' in adm) return adm;
  if (!mapping.ok) return notAllowed(mapping.message.ko, mapping.message.en); // narrowed above; keeps TS sure
  const info = ordDvsnInfo(mapping.ordDvsn)!;
  const warnings: Warning[] = [...mapping.warnings];
  if (t.route === 'SOR' && !adm.admission.venues.includes('KRX')) {
    warnings.push({ code: 'sorNxtOnly', message: { ko: 'KRX가 닫혀 있거나 정지되어 SOR 주문은 NXT로만 갑니다.', en: 'KRX is closed or halted: this SOR order can only reach NXT.' } });
  }

  // Price to send.
  const band: Band = { lower: quote.lowerLimit, upper: quote.upperLimit };
  const resolved = resolvePrice(t, info, live, band, instrument, mapping.nxtMarketToLimit, warnings);
  if (typeof resolved !== 'number') return resolved;
  const price = resolved;

  // 6 — tick grid and band.
  if (!info.unpriced) {
    const off = checkTick(price, instrument.etp) ?? checkBand(price, band);
    if (off) return off;
  }
  const stopPrice = info.pricing === 'stopLimit' ? t.stopPrice : undefined;
  if (stopPrice !== undefined) {
    const off = checkTick(stopPrice, instrument.etp, STOP_PRICE) ?? checkBand(stopPrice, band, STOP_PRICE);
    if (off) return off;
  }
  if (band.upper <= 0 || band.lower <= 0) {
    warnings.push({ code: 'noBand', message: { ko: 'KIS가 상·하한가를 주지 않아 가격제한폭을 확인하지 못했습니다.', en: 'KIS sent no daily limits; the band could not be checked.' } });
  }

  // 7 — risk limits. Unpriced orders are valued at the live last price (an estimate, said so below).
  const valuationPrice = price > 0 ? price : quote.last;
  const amount = t.qty * valuationPrice;
  const riskRefusal = checkRiskLimits({ symbol: t.symbol, name: instrument.name, side: t.side, qty: t.qty, amount }, settings.risk, session.store.reads);
  if (riskRefusal) return riskRefusal;
  if (info.unpriced) {
    warnings.push({
      code: 'unpricedEstimate',
      message: {
        ko: `가격을 정하지 않는 주문이라 금액은 현재가 ${wonKo(quote.last)} 기준 추정치입니다${t.side === 'buy' ? `; 매수가능금액은 상한가 ${wonKo(band.upper)} 기준으로 확보됩니다` : ''}.`,
        en: `Unpriced order: the amount is an estimate at the last price ${wonEn(quote.last)}${t.side === 'buy' ? `; buying power is reserved at the upper limit ${wonEn(band.upper)}` : ''}.`,
      },
    });
  }

  // 8 — live orderable cash (never the mirror's number).
  let orderableCash: number | null = null;
  if (t.side === 'buy') {
    const cash = live.cash!;
    orderableCash = cash.maxBuyAmountNoCredit;
    // KIS reserves unpriced buys at the upper limit (kis-api.md §5 DECISION, obligation 10).
    const needed = info.unpriced ? t.qty * Math.max(band.upper, quote.last) : amount;
    if (needed > orderableCash) {
      return refuse(
        'NOT_ALLOWED',
        `주문가능금액이 부족합니다: 필요 ${wonKo(needed)}, KIS 실시간 미수없는 매수가능금액 ${wonKo(orderableCash)}.`,
        `Not enough buying power: ${wonEn(needed)} needed, KIS live no-credit buying power ${wonEn(orderableCash)}.`,
      );
    }
  }

  const position = t.side === 'sell' ? session.store.reads.position(t.symbol) : null;
  const sellableQty = t.side === 'sell' ? (position?.sellableQty ?? 0) : null;
  if (sellableQty !== null && t.qty > sellableQty) {
    warnings.push({
      code: 'sellOverMirror',
      message: {
        ko: `매도수량 ${num(t.qty)}주가 앱에 기록된 매도가능수량 ${num(sellableQty)}주보다 많습니다 (최종 판단은 KIS).`,
        en: `Selling ${num(t.qty)} shares, more than the ${num(sellableQty)} the mirror shows as sellable (KIS decides).`,
      },
    });
  }

  const rates = feeRates(settings);
  const feeVenues: FeeVenue[] = t.route === 'SOR' ? ['KRX', 'NXT'] : [t.route];
  // SOR: the dearer venue's commission, since either leg may fill.
  const costs = feeVenues
    .map((venue) => estimateCosts({ side: t.side, qty: t.qty, price: valuationPrice, venue, market: instrument.market, etp: instrument.etp, dateYmd: kstDate(now), rates }))
    .reduce((a, b) => (b.fee > a.fee ? b : a));
  const total = t.side === 'buy' ? costs.amount + costs.fee : costs.amount - costs.fee - costs.tax;
  const confirm = settings.confirm;
  const needsConfirmation = confirm.aboveValue === 0 || amount >= confirm.aboveValue || (confirm.alwaysInReal && session.environment === 'real');

  const preview: OrderPreview = {
    symbol: t.symbol,
    name: instrument.name,
    side: t.side,
    route: t.route,
    ordDvsn: info.code,
    ordDvsnName: { ko: info.nameKo, en: info.nameEn },
    price,
    qty: t.qty,
    amount,
    fee: costs.fee,
    tax: costs.tax,
    total,
    orderableCash,
    sellableQty,
    session: sessionLabel(t.route, now),
    warnings: warnings.slice(0, 20),
    needsConfirmation,
  };
  return { preview, instrument, info, price, stopPrice, band, regime, now };
}

/** The price that goes out: the trader's, the NXT market→limit best price, a smart offset, or 0 (unpriced). */
function resolvePrice(
  t: OrderTicket,
  info: OrdDvsnInfo,
  live: LiveData,
  band: Band,
  instrument: InstrumentInfo,
  nxtMarketToLimit: boolean,
  warnings: Warning[],
): number | Failure {
  if (info.unpriced) return 0;
  const bestAsk = live.book?.asks[0]?.price ?? 0;
  const bestBid = live.book?.bids[0]?.price ?? 0;
  if (nxtMarketToLimit) {
    const p = t.side === 'buy' ? bestAsk : bestBid;
    if (p > 0) return p;
    return notAllowed(
      `NXT ${t.side === 'buy' ? '매도' : '매수'}호가가 없어 시장가를 지정가로 바꿀 수 없습니다 (최우선 ${t.side === 'buy' ? '매도' : '매수'}호가 0원).`,
      `No ${t.side === 'buy' ? 'ask' : 'bid'} on NXT: the market order cannot be turned into a limit (best ${t.side === 'buy' ? 'ask' : 'bid'} ₩0).`,
    );
  }
  if (t.smart !== undefined) {
    const s = smartPrice({ kind: t.smart, bestAsk, bestBid, last: live.quote.last, etp: instrument.etp, band });
    if (!s) return notAllowed('현재가·호가가 없어 스마트 주문 가격을 정할 수 없습니다.', 'No last price or book: the smart order price cannot be chosen.');
    const refKo = s.reference === 'bestAsk' ? '최우선 매도호가' : s.reference === 'bestBid' ? '최우선 매수호가' : '현재가';
    const sign = s.ticks > 0 ? `+${s.ticks}` : String(s.ticks);
    warnings.push({
      code: 'smartPrice',
      message: {
        ko: `${refKo} ${wonKo(s.referencePrice)} 기준 ${sign}틱 → ${wonKo(s.price)}${s.capped ? ' (±3%·가격제한폭 안으로 조정)' : ''}.`,
        en: `${s.reference} ${wonEn(s.referencePrice)} ${sign} ticks → ${wonEn(s.price)}${s.capped ? ' (kept within ±3% and the band)' : ''}.`,
      },
    });
    return s.price;
  }
  return t.price!;
}
