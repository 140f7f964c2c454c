/**
 * Exchange events → realtime records, per TR (kis-api.md §7). Knows which TR carries which venue:
 * KRX trades feed H0STCNT0 and H0UNCNT0, NXT trades H0NXCNT0 and H0UNCNT0; books likewise for *ASP0, and a
 * book with an expected match (auction call) also feeds the *ANC0 TRs. Records are only built for TRs
 * that somebody subscribed (`wanted`), so an idle simulator costs nothing per tick.
 */
import type { Book, Quote, SimExchange, Trade, Venue } from '../../exchange/types';
import { sessionAt } from '../../../shared/market/sessions';
import { addDays, kstHms, kstToEpoch } from '../kst';
import { expectedRecord, krxBookRecord, midBookRecord, midOf, tradeRecord, type TickInput } from './records';

export interface FeedRecord {
  trId: string;
  symbol: string;
  record: string;
}

const TRADE_TR: Record<Venue, string> = { KRX: 'H0STCNT0', NXT: 'H0NXCNT0' };
const BOOK_TR: Record<Venue, string> = { KRX: 'H0STASP0', NXT: 'H0NXASP0' };
const ANC_TR: Record<Venue, string> = { KRX: 'H0STANC0', NXT: 'H0NXANC0' };

/**
 * MARKET_CLS_CODE of a venue's session at `ms` (1 프리, 2 정규, 3 애프터, 5 종가), from the shared session
 * calendar with the exchange's own regime and trading days.
 */
export function marketClassAt(ex: SimExchange, ms: number, venue: Venue = 'KRX'): Trade['marketClass'] {
  return sessionAt(venue, ms, { regime: ex.regime(), isTradingDay: (d) => ex.isTradingDay(d) }).marketClass;
}

export class MarketFeed {
  private readonly prevVolume = new Map<string, number>();
  private readonly prevTotals = new Map<string, { ask: number; bid: number }>();

  constructor(
    private readonly exchange: SimExchange,
    private readonly wanted: (trId: string, symbol: string) => boolean,
  ) {}

  fromTrade(t: Trade, q: Quote): FeedRecord[] {
    const out: FeedRecord[] = [];
    const own = TRADE_TR[t.venue];
    if (this.wanted(own, t.symbol)) out.push({ trId: own, symbol: t.symbol, record: tradeRecord(this.tick(t, q, t.venue), this.exchange.regime()) });
    if (this.wanted('H0UNCNT0', t.symbol)) {
      const uq = this.exchange.quote(t.symbol, 'UN') ?? q;
      out.push({ trId: 'H0UNCNT0', symbol: t.symbol, record: tradeRecord(this.tick(t, uq, 'UN'), this.exchange.regime()) });
    }
    return out;
  }

  fromBook(b: Book): FeedRecord[] {
    const out: FeedRecord[] = [];
    const regime = this.exchange.regime();
    const hms = kstHms(b.time);
    const cls = marketClassAt(this.exchange, b.time, b.venue);
    const hourCls = b.expected ? (hms < '120000' ? 'B' : 'A') : '0';
    const own = BOOK_TR[b.venue];
    const wantOwn = this.wanted(own, b.symbol);
    const wantUn = this.wanted('H0UNASP0', b.symbol);
    const totalsKey = `${b.symbol}|${b.venue}`;
    const prevTotals = this.prevTotals.get(totalsKey);
    this.prevTotals.set(totalsKey, { ask: b.totalAskQty, bid: b.totalBidQty });
    if (wantOwn) {
      const input = { book: b, quote: this.exchange.quote(b.symbol, b.venue), hms, hourCls, prevTotals, marketClass: cls };
      const record = b.venue === 'KRX' ? krxBookRecord(input, regime) : midBookRecord(input, this.mids(b.symbol), false, regime);
      out.push({ trId: own, symbol: b.symbol, record });
    }
    if (wantUn) {
      const ub = this.exchange.book(b.symbol, 'UN') ?? b;
      const ukey = `${b.symbol}|UN`;
      const uprev = this.prevTotals.get(ukey);
      this.prevTotals.set(ukey, { ask: ub.totalAskQty, bid: ub.totalBidQty });
      const input = { book: ub, quote: this.exchange.quote(b.symbol, 'UN'), hms, hourCls, prevTotals: uprev, marketClass: cls };
      out.push({ trId: 'H0UNASP0', symbol: b.symbol, record: midBookRecord(input, this.mids(b.symbol), true, regime) });
    }
    if (b.expected) {
      for (const [trId, venue] of [[ANC_TR[b.venue], b.venue], ['H0UNANC0', 'UN']] as const) {
        if (!this.wanted(trId, b.symbol)) continue;
        const q = this.exchange.quote(b.symbol, venue);
        if (!q) continue;
        const pseudo: Trade = { symbol: b.symbol, venue: b.venue, price: b.expected.price, qty: b.expected.qty, aggressor: 'buy', time: b.time, marketClass: cls };
        const tick = { ...this.tick(pseudo, q, venue), hourCls };
        out.push({ trId, symbol: b.symbol, record: expectedRecord(tick, trId !== 'H0STANC0') });
      }
    }
    return out;
  }

  private mids(symbol: string) {
    return { krx: midOf(this.exchange.book(symbol, 'KRX')), nxt: midOf(this.exchange.book(symbol, 'NXT')) };
  }

  private tick(t: Trade, q: Quote, venue: Venue | 'UN'): TickInput {
    const date = this.exchange.tradeDate();
    return {
      trade: t,
      quote: q,
      book: this.exchange.book(t.symbol, venue),
      hms: kstHms(t.time),
      date,
      listedShares: this.exchange.instrument(t.symbol)?.listedShares ?? 0,
      prevDayVolume: this.previousDayVolume(t.symbol, venue, date),
      dayFraction: dayFraction(t.time, date),
      hourCls: '0',
    };
  }

  /** Yesterday's volume (for the 전일 대비 fields), from the exchange's daily bars, cached per day. */
  private previousDayVolume(symbol: string, venue: Venue | 'UN', date: string): number {
    const key = `${symbol}|${venue}|${date}`;
    const cached = this.prevVolume.get(key);
    if (cached !== undefined) return cached;
    const from = addDays(date, -14);
    const bars = this.exchange.dailyBars(symbol, venue, from, date, 'D').filter((b) => b.date < date);
    const v = bars.reduce((best, b) => (b.date > best.date ? b : best), { date: '', volume: 0 } as { date: string; volume: number }).volume;
    this.prevVolume.set(key, v);
    return v;
  }
}

/** Elapsed share of the KRX regular day 09:00–15:30 at `ms`. */
function dayFraction(ms: number, date: string): number {
  const open = kstToEpoch(date, '090000');
  return (ms - open) / (6.5 * 3600_000);
}
