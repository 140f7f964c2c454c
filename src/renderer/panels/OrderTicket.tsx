/**
 * 주문: venue KRX/NXT/SOR with the current session, order type, price with tick stepping, quantity in shares / by
 * amount / % of orderable cash, presets, main's preview (fees, taxes, warnings) and the submit button.
 * Keyboard: F1/F2 load the best price and focus quantity; ↑/↓ step the price; Enter submits.
 */
import { useEffect, useRef } from 'react';
import { kstDate } from '../../shared/market/time';
import { formatNumber, formatWon } from '../format/numbers';
import { useBi, useLocale, useT, type MessageKey } from '../i18n';
import { useAccount } from '../stores/account';
import { useMarket } from '../stores/market';
import { useSettingsValue } from '../stores/settings';
import { EmptyState } from '../shell/Panel';
import { buildTicket, draftKey } from '../ticket/build';
import { bestPrice, buildContext } from '../ticket/context';
import { applyQtyPreset, snapTicketPrice, stepTicketPrice } from '../ticket/edit';
import { commissionPpbFor, estimateTicketCosts, type QtyMode, type Route } from '../ticket/math';
import { editTicket, useTicket } from '../ticket/store';
import { submitTicket } from '../ticket/submit';
import { isPriced, ORDER_TYPE_LABELS, ORDER_TYPES, type OrderType } from '../ticket/types';

const ROUTES: Route[] = ['KRX', 'NXT', 'SOR'];
/** Before the session is known, estimate with the newest tax table. */
const LATEST_TAX_DATE = '99991231';
const QTY_MODES: { mode: QtyMode; label: MessageKey }[] = [
  { mode: 'shares', label: 'ticket.mode.shares' },
  { mode: 'amount', label: 'ticket.mode.amount' },
  { mode: 'percent', label: 'ticket.mode.percent' },
];
/** What the ticket offers by default; the rest are in the same list further down. */
const COMMON_TYPES: OrderType[] = ['limit', 'market', 'bestOpposite', 'bestOwn', 'mid', 'limitIOC', 'limitFOK', 'marketIOC', 'marketFOK', 'stopLimit', 'preClose', 'postClose', 'afterMarketLimit'];

export function OrderTicket() {
  const t = useT();
  const bi = useBi();
  const locale = useLocale((s) => s.locale);
  const ticket = useTicket();
  const settings = useSettingsValue();
  // Re-render when what the ticket derives from changes: cash, the best price, the market date.
  useAccount((s) => s.summary?.orderableCash);
  useMarket(() => (ticket.instrument ? bestPrice(ticket.instrument.symbol, ticket.route, ticket.side) : null));
  const today = useMarket((s) => (s.session ? kstDate(s.session.now) : LATEST_TAX_DATE));
  const qtyRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (ticket.focusQty > 0 && qtyRef.current) {
      qtyRef.current.focus();
      qtyRef.current.select();
    }
  }, [ticket.focusQty]);

  if (!ticket.instrument) return <EmptyState domain="market" title={t('ticket.pick')} hint={t('ticket.pick.hint')} />;
  const inst = ticket.instrument;
  const priced = isPriced(ticket.type);
  const built = buildTicket(ticket, buildContext());
  const key = built.ok ? draftKey(built.draft) : null;
  const preview = ticket.preview && ticket.previewKey === key ? ticket.preview : null;
  const problem = ticket.previewProblem && ticket.previewProblem.key === key ? ticket.previewProblem.text : null;
  const estimate = built.ok
    ? estimateTicketCosts({ side: ticket.side, qty: built.qty, price: built.price, route: ticket.route, market: inst.market, etp: inst.etp, dateYmd: today, fees: settings.fees })
    : null;
  const sideClass = ticket.side === 'buy' ? 'buy' : 'sell';

  return (
    <div className={`ticket ticket-${sideClass}`} data-testid="order-ticket">
      <div className="ticket-symbol">
        <span className="ticket-name" data-testid="ticket-symbol">
          {locale === 'en' ? inst.nameEn : inst.name}
        </span>
        <span className="muted">{inst.symbol}</span>
      </div>

      <div className="seg side-seg" role="radiogroup" aria-label={t('ticket.side')}>
        {(['buy', 'sell'] as const).map((side) => (
          <button key={side} type="button" role="radio" aria-checked={ticket.side === side} className={`seg-btn ${side} ${ticket.side === side ? 'on' : ''}`} data-testid={`side-${side}`} onClick={() => editTicket({ side })}>
            {t(side === 'buy' ? 'side.buy' : 'side.sell')}
          </button>
        ))}
      </div>

      <div className="row">
        <span className="row-label">{t('ticket.route')}</span>
        <span className="seg" role="radiogroup" aria-label={t('ticket.route')}>
          {ROUTES.map((r) => (
            <button
              key={r}
              type="button"
              role="radio"
              aria-checked={ticket.route === r}
              className={`seg-btn ${ticket.route === r ? 'on' : ''}`}
              disabled={r !== 'KRX' && !inst.nxtEligible}
              data-testid={`route-${r}`}
              onClick={() => editTicket({ route: r })}
            >
              {r}
            </button>
          ))}
        </span>
      </div>
      <SessionLine route={ticket.route} />

      <label className="row">
        <span className="row-label">{t('ticket.type')}</span>
        <select className="input" value={ticket.type} data-testid="order-type" onChange={(e) => editTicket({ type: e.target.value as OrderType })}>
          {COMMON_TYPES.filter((x) => ORDER_TYPES.includes(x)).map((x) => (
            <option key={x} value={x}>
              {ORDER_TYPE_LABELS[x][locale]}
            </option>
          ))}
        </select>
      </label>

      <div className="row">
        <span className="row-label">{t('ticket.price')}</span>
        <span className="stepper">
          <button type="button" className="step-btn" aria-label={t('ticket.tickDown')} disabled={!priced} onClick={() => stepTicketPrice(-1)}>
            ▼
          </button>
          <input
            className="input num"
            inputMode="numeric"
            data-testid="ticket-price"
            data-hotkeys="submit,priceTickUp,priceTickDown"
            aria-label={t('ticket.price')}
            disabled={!priced}
            value={priced ? ticket.priceText : t('ticket.price.auto')}
            onChange={(e) => editTicket({ priceText: e.target.value })}
            onBlur={snapTicketPrice}
          />
          <button type="button" className="step-btn" aria-label={t('ticket.tickUp')} disabled={!priced} onClick={() => stepTicketPrice(1)}>
            ▲
          </button>
        </span>
      </div>
      {ticket.type === 'stopLimit' && (
        <label className="row">
          <span className="row-label">{t('ticket.stopPrice')}</span>
          <input className="input num" inputMode="numeric" value={ticket.stopPriceText} onChange={(e) => editTicket({ stopPriceText: e.target.value })} />
        </label>
      )}

      <div className="row">
        <span className="row-label">{t('ticket.qty')}</span>
        <span className="seg small" role="radiogroup" aria-label={t('ticket.qtyMode')}>
          {QTY_MODES.map((m) => (
            <button key={m.mode} type="button" role="radio" aria-checked={ticket.qtyMode === m.mode} className={`seg-btn ${ticket.qtyMode === m.mode ? 'on' : ''}`} data-testid={`qty-mode-${m.mode}`} onClick={() => editTicket({ qtyMode: m.mode, qtyText: '' })}>
              {t(m.label)}
            </button>
          ))}
        </span>
      </div>
      <div className="row">
        <input
          ref={qtyRef}
          className="input num qty-input"
          inputMode="numeric"
          data-testid="ticket-qty"
          data-hotkeys="submit,priceTickUp,priceTickDown"
          aria-label={t('ticket.qty')}
          placeholder={t(ticket.qtyMode === 'shares' ? 'ticket.qty.shares' : ticket.qtyMode === 'amount' ? 'ticket.qty.amount' : 'ticket.qty.percent')}
          value={ticket.qtyText}
          onChange={(e) => editTicket({ qtyText: e.target.value })}
        />
        <span className="presets">
          {settings.qtyPresets.map((n, i) => (
            <button key={i} type="button" className="chip" title={`Alt+${i + 1}`} onClick={() => applyQtyPreset(i as 0 | 1 | 2)}>
              {formatNumber(n)}
            </button>
          ))}
        </span>
      </div>
      {built.ok && ticket.qtyMode !== 'shares' && (
        <div className="row hint" data-testid="qty-resolved">
          = {t('ticket.qtyResolved', { qty: formatNumber(built.qty), price: formatNumber(built.price) })}
        </div>
      )}

      <PreviewLines preview={preview} estimate={estimate} problem={problem} side={ticket.side} route={ticket.route} ppb={commissionPpbFor(ticket.route, settings.fees)} />

      <button type="button" className={`submit-btn ${sideClass} ${problem ? 'blocked' : ''}`} title={problem ? bi(problem) : undefined} data-testid="submit-order" disabled={ticket.submitting || !built.ok} onClick={() => void submitTicket()}>
        {ticket.submitting ? t('ticket.sending') : t(ticket.side === 'buy' ? 'ticket.submitBuy' : 'ticket.submitSell')} <kbd>Enter</kbd>
      </button>
      <Outcome builtReason={built.ok ? null : built.reason} />
    </div>
  );
}

function SessionLine({ route }: { route: Route }) {
  const t = useT();
  const bi = useBi();
  const session = useMarket((s) => s.session);
  if (!session) return <div className="row hint">{t('ticket.session.unknown')}</div>;
  const venues = route === 'SOR' ? (['krx', 'nxt'] as const) : route === 'KRX' ? (['krx'] as const) : (['nxt'] as const);
  return (
    <div className="row session-line" data-testid="ticket-session">
      {venues.map((v) => (
        <span key={v} className={session[v].acceptsOrders ? 'session-open' : 'session-closed'}>
          {v.toUpperCase()} {bi(session[v].label)}
          {!session[v].acceptsOrders && ` · ${t('ticket.session.closed')}`}
        </span>
      ))}
    </div>
  );
}

function PreviewLines(p: {
  preview: import('../../shared/ipc/domains/orders').OrderPreview | null;
  estimate: { amount: number; fee: number; tax: number; net: number } | null;
  problem: { ko: string; en: string } | null;
  side: 'buy' | 'sell';
  route: Route;
  ppb: number;
}) {
  const t = useT();
  const bi = useBi();
  const cash = useAccount((s) => s.summary?.orderableCash ?? null);
  const v = p.preview ?? p.estimate;
  return (
    <div className="preview" data-testid="order-preview" data-state={p.preview ? 'preview' : p.estimate ? 'estimate' : 'empty'} data-qty={p.preview?.qty ?? ''} aria-live="polite">
      <div className="preview-row">
        <span>{t('preview.amount')}</span>
        <b>{v ? formatWon(v.amount) : '—'}</b>
      </div>
      <div className="preview-row">
        <span>{t('preview.feeTax')}</span>
        <span>{v ? `${formatWon(v.fee)} · ${formatWon(v.tax)}` : '—'}</span>
      </div>
      <div className="preview-row">
        <span>{t(p.side === 'buy' ? 'preview.totalBuy' : 'preview.totalSell')}</span>
        <b>{p.preview ? formatWon(p.side === 'buy' ? p.preview.total : p.preview.amount - p.preview.fee - p.preview.tax) : p.estimate ? formatWon(p.estimate.net) : '—'}</b>
      </div>
      <div className="preview-row muted">
        <span>{p.side === 'buy' ? t('preview.orderable') : t('preview.sellable')}</span>
        <span data-testid="preview-orderable">
          {p.side === 'buy'
            ? formatWon(p.preview?.orderableCash ?? cash ?? 0)
            : p.preview?.sellableQty !== null && p.preview?.sellableQty !== undefined
              ? `${formatNumber(p.preview.sellableQty)}${t('unit.shares')}`
              : '—'}
        </span>
      </div>
      {p.preview && (
        <div className="preview-row muted">
          <span>{bi(p.preview.ordDvsnName)}</span>
          <span>
            {p.preview.price > 0 ? formatWon(p.preview.price) : ''} · {bi(p.preview.session)}
          </span>
        </div>
      )}
      {!p.preview && p.estimate && !p.problem && <div className="preview-row muted">{t('preview.estimate')}</div>}
      {p.preview?.warnings.map((w) => (
        <div key={w.code} className="preview-warning" data-testid="preview-warning">
          ⚠ {bi(w.message)}
        </div>
      ))}
      {p.problem && (
        <div className="preview-problem" data-testid="preview-problem">
          ⛔ {bi(p.problem)}
        </div>
      )}
    </div>
  );
}

function Outcome({ builtReason }: { builtReason: { ko: string; en: string } | null }) {
  const bi = useBi();
  const outcome = useTicket((s) => s.outcome);
  if (outcome) {
    return (
      <div className={`outcome ${outcome.tone}`} data-testid="ticket-outcome" role="status">
        {bi(outcome.text)}
      </div>
    );
  }
  return builtReason ? <div className="outcome muted">{bi(builtReason)}</div> : null;
}
