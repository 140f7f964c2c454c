/**
 * 현재가/호가: the focused symbol's quote per venue (KRX / NXT / 통합) with a 10-level 호가창 — click a price to load
 * it into the ticket — and the trade tape.
 */
import { memo } from 'react';
import type { BookView, QuoteView, TradeTick } from '../../shared/ipc/domains/market';
import { directionAgainst, directionOf, formatChange, formatNumber, formatRate } from '../format/numbers';
import { hms } from '../format/time';
import { useLocale, useT } from '../i18n';
import { setQuoteVenue } from '../market/focus';
import { toggleWatch } from '../market/watchlist';
import { pickQuote, quoteKey, useMarket, type QuoteVenue } from '../stores/market';
import { EmptyState } from '../shell/Panel';
import { loadPrice } from '../ticket/edit';

const VENUES: QuoteVenue[] = ['KRX', 'NXT', 'UN'];

export function VenueTabs() {
  const t = useT();
  const venue = useMarket((s) => s.venue);
  const nxt = useMarket((s) => s.focus?.nxtEligible ?? true);
  return (
    <span className="tabs" role="tablist" aria-label={t('quote.venue')}>
      {VENUES.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={venue === v}
          className={venue === v ? 'tab active' : 'tab'}
          disabled={v !== 'KRX' && !nxt}
          data-testid={`venue-tab-${v}`}
          onClick={() => setQuoteVenue(v)}
        >
          {v === 'UN' ? t('venue.UN') : v}
        </button>
      ))}
    </span>
  );
}

export function QuotePanel() {
  const t = useT();
  const focus = useMarket((s) => s.focus);
  const venue = useMarket((s) => s.venue);
  const quote = useMarket((s) => (s.focus ? pickQuote(s.quotes, s.focus.symbol, venue) : null));
  const book = useMarket((s) => (s.focus ? s.books[quoteKey(s.focus.symbol, venue)] : undefined));
  if (!focus) return <EmptyState domain="market" title={t('quote.pick')} hint={t('quote.pick.hint')} />;
  return (
    <div className="quote" data-testid="quote-panel">
      <QuoteHead quote={quote} />
      {book ? <Book book={book} prevClose={quote?.prevClose ?? 0} /> : <EmptyState title={venue === 'NXT' && !focus.nxtEligible ? t('quote.nxtNotEligible') : t('empty.loading')} />}
      <Tape venue={venue} prevClose={quote?.prevClose ?? 0} />
    </div>
  );
}

function QuoteHead({ quote }: { quote: QuoteView | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const focus = useMarket((s) => s.focus);
  const watched = useMarket((s) => (s.focus ? (s.watchlist ?? []).some((i) => i.symbol === s.focus?.symbol) : false));
  if (!focus) return null;
  const dir = quote ? directionOf(quote.change) : 'flat';
  return (
    <div className="quote-head">
      <div className="quote-title">
        <span className="quote-name" data-testid="quote-name">
          {locale === 'en' ? focus.nameEn : focus.name}
        </span>
        <span className="muted">{focus.symbol}</span>
        <span className="muted">{focus.market}</span>
        {quote?.halted && <span className="badge bad">{t('quote.halted')}</span>}
        <button type="button" className={`watch-btn ${watched ? 'on' : ''}`} data-testid="watch-toggle" aria-pressed={watched} title={t(watched ? 'watchlist.remove' : 'watchlist.add')} onClick={() => void toggleWatch(focus)}>
          {watched ? '★' : '☆'} {t('watchlist.short')}
        </button>
      </div>
      <div className="quote-price-line">
        <span className={`quote-price ${dir}`} data-testid="quote-price">
          {quote ? formatNumber(quote.price) : '—'}
        </span>
        {quote && (
          <>
            <span className={dir}>{formatChange(quote.change)}</span>
            <span className={dir}>{formatRate(quote.changeRate)}</span>
          </>
        )}
      </div>
      {quote && (
        <div className="quote-stats">
          <Stat label={t('quote.open')} value={quote.open} ref0={quote.prevClose} />
          <Stat label={t('quote.high')} value={quote.high} ref0={quote.prevClose} />
          <Stat label={t('quote.low')} value={quote.low} ref0={quote.prevClose} />
          <Stat label={t('quote.upper')} value={quote.upperLimit} ref0={quote.prevClose} />
          <Stat label={t('quote.lower')} value={quote.lowerLimit} ref0={quote.prevClose} />
          <span>
            <span className="muted">{t('quote.volume')}</span> {formatNumber(quote.volume)}
          </span>
        </div>
      )}
    </div>
  );
}

function Stat({ label, value, ref0 }: { label: string; value: number; ref0: number }) {
  return (
    <span>
      <span className="muted">{label}</span> <span className={directionAgainst(value, ref0)}>{value > 0 ? formatNumber(value) : '—'}</span>
    </span>
  );
}

const Book = memo(function Book({ book, prevClose }: { book: BookView; prevClose: number }) {
  const t = useT();
  const maxQty = Math.max(1, ...book.asks.map((l) => l.qty), ...book.bids.map((l) => l.qty));
  // Asks are shown highest first (the best ask sits just above the best bid).
  const asks = [...book.asks].slice(0, 10).reverse();
  const bids = book.bids.slice(0, 10);
  const level = (side: 'ask' | 'bid', price: number, qty: number, i: number) => (
    <tr key={`${side}${i}`} className={`book-${side}`}>
      <td className="book-qty ask-qty">
        {side === 'ask' && qty > 0 && (
          <>
            <span className="qty-bar ask-bar" style={{ width: `${(qty / maxQty) * 100}%` }} />
            <span className="qty-num">{formatNumber(qty)}</span>
          </>
        )}
      </td>
      <td className={`book-price ${directionAgainst(price, prevClose)}`}>
        {price > 0 ? (
          <button type="button" className="price-btn" data-testid={`book-${side}-${side === 'ask' ? asks.length - 1 - i : i}`} title={t('book.clickToLoad')} onClick={() => loadPrice(price)}>
            {formatNumber(price)}
          </button>
        ) : (
          ''
        )}
      </td>
      <td className="book-qty bid-qty">
        {side === 'bid' && qty > 0 && (
          <>
            <span className="qty-bar bid-bar" style={{ width: `${(qty / maxQty) * 100}%` }} />
            <span className="qty-num">{formatNumber(qty)}</span>
          </>
        )}
      </td>
    </tr>
  );
  return (
    <table className="book" data-testid="order-book">
      <thead>
        <tr>
          <th>{t('book.askQty')}</th>
          <th>{t('book.price')}</th>
          <th>{t('book.bidQty')}</th>
        </tr>
      </thead>
      <tbody>
        {asks.map((l, i) => level('ask', l.price, l.qty, i))}
        {bids.map((l, i) => level('bid', l.price, l.qty, i))}
      </tbody>
      <tfoot>
        <tr>
          <td className="book-total">{formatNumber(book.totalAskQty)}</td>
          <td className="muted">{book.expectedPrice ? `${t('book.expected')} ${formatNumber(book.expectedPrice)}` : t('book.total')}</td>
          <td className="book-total">{formatNumber(book.totalBidQty)}</td>
        </tr>
      </tfoot>
    </table>
  );
});

function Tape({ venue, prevClose }: { venue: QuoteVenue; prevClose: number }) {
  const t = useT();
  const tape = useMarket((s) => s.tape);
  const rows = (venue === 'UN' ? tape : tape.filter((x) => x.venue === venue)).slice(0, 40);
  return (
    <div className="tape">
      <table className="table tape-table" data-testid="trade-tape">
        <thead>
          <tr>
            <th className="l">{t('tape.time')}</th>
            <th>{t('col.price')}</th>
            <th>{t('tape.qty')}</th>
            <th>{t('tape.venue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted c">
                {t('tape.empty')}
              </td>
            </tr>
          ) : (
            rows.map((x) => <TapeRow key={tapeKey(x)} tick={x} prevClose={prevClose} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Stable row identity across frames (new trades prepend): React moves rows instead of rewriting them all. */
const tapeKeys = new WeakMap<TradeTick, string>();
let tapeSeq = 0;
function tapeKey(t: TradeTick): string {
  let k = tapeKeys.get(t);
  if (!k) tapeKeys.set(t, (k = `t${++tapeSeq}`));
  return k;
}

const TapeRow = memo(function TapeRow({ tick, prevClose }: { tick: TradeTick; prevClose: number }) {
  return (
    <tr>
      <td className="l muted">{hms(tick.time)}</td>
      <td className={directionAgainst(tick.price, prevClose)}>{formatNumber(tick.price)}</td>
      <td className={tick.side === 'buy' ? 'up' : tick.side === 'sell' ? 'down' : ''}>{formatNumber(tick.qty)}</td>
      <td className="muted">{tick.venue}</td>
    </tr>
  );
});
