/**
 * Market data for the live session: the quote/호가 cache fed by the realtime client, REST snapshots on first
 * request or focus, the realtime subscription set, session-phase events, charts and the watchlist. Follows
 * SESSION: everything is rebuilt when the environment changes.
 */
import type { CoreContext } from '../core';
import type { BookView, InstrumentView, MarketSessionView, QuoteView } from '../../shared/ipc/domains/market';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { ActiveSession, InstrumentInfo, SessionService } from '../session/service';
import { UpdateBatcher } from './batcher';
import { marketCalendar, marketSessionView, type MarketCalendar } from './calendar';
import { ChartService } from './chart';
import { kisFailure } from './failures';
import { QuoteCache } from './quote-cache';
import type { MarketService, QuoteVenue } from './service';
import { applyStreams, nxtOnlyNow } from './streams';
import { setWatchlist, watchlistSymbols } from './watchlist';

const marketCode = (v: QuoteVenue) => (v === 'KRX' ? 'J' : v === 'NXT' ? 'NX' : 'UN') as 'J' | 'NX' | 'UN';
/** A quote nobody streams is re-read from KIS after this long (ms, market clock). */
const SNAPSHOT_TTL_MS = 3000;
const REFRESH_DEBOUNCE_MS = 200;
const SESSION_POLL_MS = 1000;
const READY_WAIT_MS = 10_000;

interface Live {
  session: ActiveSession;
  cache: QuoteCache;
  chart: ChartService;
  calendar: MarketCalendar;
  offs: Array<() => void>;
  watchlist: string[];
  lastSessionKey: string;
  nxtOnly: boolean;
}

export class MarketController implements MarketService {
  private live: Live | null = null;
  private focused: string | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly offs: Array<() => void> = [];
  private readonly batcher: UpdateBatcher;
  private readonly log;

  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionService,
  ) {
    this.log = ctx.logger.child('market');
    this.batcher = new UpdateBatcher(
      (ticks) => ctx.emit('market:ticks', ticks),
      (book) => ctx.emit('market:bookChanged', book),
    );
  }

  start(): void {
    this.offs.push(this.sessions.onChange((s) => this.attach(s)));
    this.offs.push(this.sessions.onRefreshStreams(() => this.scheduleRefresh()));
    const current = this.sessions.current();
    if (current) this.attach(current);
    this.pollTimer = setInterval(() => this.pollSession(), SESSION_POLL_MS);
    this.pollTimer.unref();
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.attach(null);
  }

  // ── MarketService ──

  lastPrice = (symbol: string): number | undefined => this.live?.cache.lastPrice(symbol);
  lastPrices = (): ReadonlyMap<string, number> => this.live?.cache.lastPrices() ?? new Map();

  refreshStreams(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    const live = this.live;
    if (!live) return;
    try {
      applyStreams(live.session, { focused: this.focused, watchlist: live.watchlist }, live.nxtOnly);
    } catch (err) {
      this.log.warn('realtime subscriptions not updated', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  async quote(symbol: string, venue: QuoteVenue): Promise<Result<QuoteView>> {
    const got = await this.prepare(symbol, venue);
    if (!got.ok) return got;
    const { live } = got.value;
    const now = live.session.marketClock.now();
    const cached = live.cache.quote(symbol, venue);
    if (cached && this.isStreamed(live, symbol, venue, 'trade')) return ok(cached);
    const touched = live.cache.lastTouched(symbol, venue);
    if (cached && touched !== undefined && now - touched < SNAPSHOT_TTL_MS) return ok(cached);
    try {
      const q = await live.session.rest.inquirePrice(symbol, { market: marketCode(venue), priority: 'live' });
      if (this.live !== live) return this.unavailable();
      return ok(live.cache.seedQuote(q, venue, now));
    } catch (err) {
      if (cached) return ok(cached); // stale beats nothing; the stream or the next request refreshes it
      return kisFailure(err, { ko: '현재가', en: 'the quote' });
    }
  }

  async book(symbol: string, venue: QuoteVenue): Promise<Result<BookView>> {
    const got = await this.prepare(symbol, venue);
    if (!got.ok) return got;
    const { live } = got.value;
    const now = live.session.marketClock.now();
    const cached = live.cache.book(symbol, venue);
    if (cached && this.isStreamed(live, symbol, venue, 'book')) return ok(cached);
    const touched = live.cache.lastTouched(symbol, venue);
    if (cached && touched !== undefined && now - touched < SNAPSHOT_TTL_MS) return ok(cached);
    try {
      const b = await live.session.rest.askingPrice(symbol, { market: marketCode(venue), priority: 'live' });
      if (this.live !== live) return this.unavailable();
      return ok(live.cache.seedBook(b, venue, now));
    } catch (err) {
      if (cached) return ok(cached);
      return kisFailure(err, { ko: '호가', en: 'the order book' });
    }
  }

  // ── channels ──

  async search(query: string, limit: number): Promise<Result<InstrumentView[]>> {
    const live = await this.ready();
    if (!live) return this.unavailable();
    return ok(live.session.instruments.search(query, limit).map(view));
  }

  async chart(symbol: string, venue: QuoteVenue, interval: '1m' | '1d', count: number) {
    const got = await this.prepare(symbol, venue);
    if (!got.ok) return got;
    const { live } = got.value;
    if (interval === '1m') return ok(await live.chart.minute({ symbol, venue, count }));
    return ok(
      await live.chart.daily({ symbol, venue, count }, async () => {
        const q = await this.quote(symbol, venue);
        return q.ok ? q.value : null;
      }),
    );
  }

  async marketSession(): Promise<Result<MarketSessionView>> {
    const live = await this.ready();
    if (!live) return this.unavailable();
    return ok(this.sessionView(live));
  }

  async focus(symbol: string | null): Promise<Result<{ symbol: string | null }>> {
    if (symbol === null) {
      this.focused = null;
      this.refreshStreams();
      return ok({ symbol: null });
    }
    const got = await this.prepare(symbol, 'KRX');
    if (!got.ok) return got;
    const { live, info } = got.value;
    this.focused = symbol;
    this.refreshStreams();
    // Snapshots first, so the ticket shows prices before the first streamed frame arrives.
    const venues: QuoteVenue[] = !live.session.paper && info?.nxtEligible ? ['KRX', 'NXT'] : ['KRX'];
    void Promise.all(venues.flatMap((v) => [this.quote(symbol, v), this.book(symbol, v)])).catch(() => undefined);
    return ok({ symbol });
  }

  async watchlistGet(): Promise<Result<InstrumentView[]>> {
    const live = await this.ready();
    if (!live) return this.unavailable();
    return ok(live.watchlist.map((s) => view(live.session.instruments.get(s) ?? placeholder(s))));
  }

  async watchlistSet(symbols: string[]): Promise<Result<InstrumentView[]>> {
    const live = await this.ready();
    if (!live) return this.unavailable();
    const unique = [...new Set(symbols)];
    const dir = live.session.instruments;
    if (dir.all().length > 0) {
      const unknown = unique.find((s) => !dir.get(s));
      if (unknown) return fail('NOT_FOUND', `종목 ${unknown}을(를) 찾을 수 없습니다.`, `No instrument ${unknown}.`);
    }
    const r = setWatchlist(live.session, unique);
    if (!r.ok) {
      this.log.warn('watchlist not saved', { message: r.message });
      return fail('UNAVAILABLE', '관심종목을 저장할 수 없습니다.', 'The watchlist could not be saved.');
    }
    live.watchlist = r.symbols;
    this.refreshStreams();
    return this.watchlistGet();
  }

  // ── internals ──

  private attach(session: ActiveSession | null): void {
    const old = this.live;
    if (old) {
      for (const off of old.offs) off();
      old.cache.clear();
      this.batcher.reset();
    }
    this.live = null;
    if (!session) return;
    const cache = new QuoteCache((s) => session.instruments.get(s)?.etp ?? false);
    const calendar = marketCalendar(session, this.log);
    const live: Live = {
      session,
      cache,
      calendar,
      chart: new ChartService(session, () => calendar.options(), this.log),
      offs: [],
      watchlist: [],
      lastSessionKey: '',
      nxtOnly: false,
    };
    try {
      live.watchlist = watchlistSymbols(session);
    } catch (err) {
      this.log.warn('watchlist unreadable', { error: err instanceof Error ? err.message : String(err) });
    }
    live.offs.push(
      session.realtime.on('tick', (t) => {
        if (this.live === live) this.batcher.tick(cache.applyTick(t, session.marketClock.now()));
      }),
      session.realtime.on('book', (b) => {
        if (this.live === live) this.batcher.book(cache.applyBook(b, session.marketClock.now()));
      }),
    );
    this.live = live;
    void calendar.refresh().then(() => this.pollSession());
    this.pollSession();
    this.refreshStreams();
  }

  /** Emits market:sessionChanged when a venue's phase changes, and re-picks stream venues when NXT-only hours begin/end. */
  private pollSession(): void {
    const live = this.live;
    if (!live) return;
    const v = this.sessionView(live);
    const key = `${v.tradingDay}|${v.regime}|${v.krx.phase}|${v.nxt.phase}`;
    if (key === live.lastSessionKey) return;
    live.lastSessionKey = key;
    this.ctx.emit('market:sessionChanged', v);
    const nxtOnly = nxtOnlyNow(v.now, live.calendar.options());
    if (nxtOnly !== live.nxtOnly) {
      live.nxtOnly = nxtOnly;
      this.refreshStreams();
    }
  }

  private sessionView(live: Live): MarketSessionView {
    return marketSessionView(live.session.marketClock.now(), live.calendar.options());
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => this.refreshStreams(), REFRESH_DEBOUNCE_MS);
  }

  private isStreamed(live: Live, symbol: string, venue: QuoteVenue, kind: 'trade' | 'book'): boolean {
    if (live.session.realtime.state().state !== 'connected') return false;
    return live.session.realtime.activeRegistrations().some((r) => r.symbol === symbol && r.venue === venue && r.kind === kind);
  }

  private async ready(): Promise<Live | null> {
    if (this.live) return this.live;
    try {
      await Promise.race([this.sessions.ready(), new Promise((_, reject) => setTimeout(reject, READY_WAIT_MS).unref())]);
    } catch {
      return null;
    }
    return this.live;
  }

  /** The live session plus the symbol's instrument, after the venue rules (paper: KRX only; NXT: eligible only). */
  private async prepare(symbol: string, venue: QuoteVenue): Promise<Result<{ live: Live; info: InstrumentInfo | undefined }>> {
    const live = await this.ready();
    if (!live) return this.unavailable();
    const dir = live.session.instruments;
    const info = dir.ensure ? await dir.ensure(symbol) : dir.get(symbol);
    if (!info && dir.all().length > 0) return fail('NOT_FOUND', `종목 ${symbol}을(를) 찾을 수 없습니다.`, `No instrument ${symbol}.`);
    if (venue !== 'KRX' && live.session.paper) {
      return fail('NOT_ALLOWED', '모의투자는 KRX 시세만 제공합니다.', 'Paper trading has KRX quotes only.');
    }
    if (venue !== 'KRX' && info && !info.nxtEligible) {
      return fail('NOT_ALLOWED', `${info.name}은(는) NXT 거래 종목이 아닙니다.`, `${symbol} does not trade on NXT.`);
    }
    return ok({ live, info });
  }

  private unavailable(): Result<never> {
    const problem = this.sessions.status().problem;
    return fail(
      'UNAVAILABLE',
      problem ? `시세를 사용할 수 없습니다: ${problem.split(' / ')[0]}` : '연결된 환경이 없습니다.',
      problem ? `Market data unavailable: ${problem.split(' / ')[1] ?? problem}` : 'No live environment.',
    );
  }
}

const view = (i: InstrumentInfo): InstrumentView => ({
  symbol: i.symbol,
  name: i.name.slice(0, 100),
  nameEn: i.nameEn.slice(0, 100),
  market: i.market,
  etp: i.etp,
  nxtEligible: i.nxtEligible,
});

/** A symbol the directory does not know (yet): shown by its code. */
const placeholder = (symbol: string): InstrumentInfo => ({ symbol, name: symbol, nameEn: '', market: 'KOSPI', etp: false, nxtEligible: false });
