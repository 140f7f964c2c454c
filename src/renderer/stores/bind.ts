/**
 * Feeds every store from main: invoke snapshots first, then events. Snapshots are re-read when the environment
 * changes or the connection comes back (a reconnect may have missed events). Returns one unbind function.
 */
import type { ScreenApi } from '../api/types';
import { useLocale } from '../i18n';
import { focusSymbol, refreshCombinedBook } from '../market/focus';
import { focusOrder } from '../orders/focus-order';
import { addChartFill, applyChartTicks } from './chart';
import { createCoalescer, type FrameScheduler } from './coalescer';
import { addFill, setFills, useAccount } from './account';
import { applyBooks, applyTicks, rememberInstruments, setQuote, useMarket } from './market';
import { addNotification, setNotifications } from './notifications';
import { setOpenOrders } from './orders';
import { useSettings } from './settings';
import { useConnection } from './connection';
import { requestSearchFocus } from './ui';
import { reportProblem } from './availability';

export interface BindOptions {
  /** Frame scheduler for the tick coalescer (requestAnimationFrame by default). */
  schedule?: FrameScheduler;
}

export function bindStores(api: ScreenApi, options: BindOptions = {}): () => void {
  const offs: Array<() => void> = [];
  let alive = true;
  const coalescer = createCoalescer(
    {
      ticks(batch) {
        applyTicks(batch);
        applyChartTicks(batch);
      },
      books: applyBooks,
    },
    options.schedule,
  );

  const unavailable = (r: { message: string; messageEn?: string }) => ({ ko: r.message, en: r.messageEn ?? r.message });

  async function loadAccount(): Promise<void> {
    const [summary, positions, open, fills, notes, equity, sync] = await Promise.all([
      api.call('account:summary', {}),
      api.call('portfolio:list', {}),
      api.call('orders:open', {}),
      api.call('fills:today', {}),
      api.call('notifications:list', { limit: 200 }),
      api.call('equity:history', { days: 90 }),
      api.call('sync:status', {}),
    ]);
    if (!alive) return;
    useAccount.setState({
      ...(summary.ok ? { summary: summary.value } : {}),
      ...(positions.ok ? { positions: positions.value } : {}),
      ...(equity.ok ? { equity: equity.value } : {}),
      ...(sync.ok ? { sync: sync.value } : {}),
      problem: summary.ok ? null : unavailable(summary),
    });
    if (fills.ok) setFills(fills.value);
    if (open.ok) setOpenOrders(open.value);
    if (notes.ok) setNotifications(notes.value);
    reportProblem('positions', positions.ok ? null : positions);
    reportProblem('orders', open.ok ? null : open);
    reportProblem('fills', fills.ok ? null : fills);
    reportProblem('notifications', notes.ok ? null : notes);
    reportProblem('equity', equity.ok ? null : equity);
  }

  async function loadMarket(): Promise<void> {
    const [session, watchlist] = await Promise.all([api.call('market:session', {}), api.call('watchlist:get', {})]);
    if (!alive) return;
    if (session.ok) useMarket.setState({ session: session.value });
    reportProblem('market', watchlist.ok ? null : watchlist);
    if (!watchlist.ok) return;
    useMarket.setState({ watchlist: watchlist.value });
    rememberInstruments(watchlist.value);
    // The first symbol of the watchlist is where a new trader starts looking.
    if (!useMarket.getState().focus && watchlist.value[0]) void focusSymbol(watchlist.value[0]);
    await Promise.all(
      watchlist.value.map(async (i) => {
        const q = await api.call('market:quote', { symbol: i.symbol, venue: 'KRX' });
        if (alive && q.ok) setQuote(q.value);
      }),
    );
  }

  async function loadSettings(): Promise<void> {
    const [settings, env, risk] = await Promise.all([api.call('settings:get', {}), api.call('env:status', {}), api.call('risk:state', {})]);
    if (!alive) return;
    useSettings.setState({
      ...(settings.ok ? { settings: settings.value } : {}),
      ...(env.ok ? { env: env.value } : {}),
      ...(risk.ok ? { risk: risk.value } : {}),
    });
    if (settings.ok) useLocale.getState().setLocale(settings.value.language);
  }

  const loadAll = () => Promise.all([loadSettings(), loadAccount(), loadMarket()]);

  offs.push(
    api.on('settings:changed', (s) => {
      useSettings.setState({ settings: s });
      useLocale.getState().setLocale(s.language);
    }),
    api.on('env:changed', (env) => {
      const before = useSettings.getState().env?.environment;
      useSettings.setState({ env });
      if (before !== undefined && before !== env.environment) {
        // Another environment is another account and another mirror: nothing of the old one may linger.
        useAccount.setState({ summary: null, positions: null, fills: null, equity: null, sync: null, problem: null });
        setOpenOrders([]);
        useMarket.setState({ focus: null, quotes: {}, books: {}, last: {}, tape: [] });
        void loadAll();
      }
    }),
    api.on('risk:changed', (risk) => useSettings.setState({ risk })),
    api.on('account:changed', (summary) => useAccount.setState({ summary, problem: null })),
    api.on('portfolio:changed', (positions) => useAccount.setState({ positions })),
    api.on('orders:changed', (open) => setOpenOrders(open)),
    api.on('fills:new', (fill) => {
      addFill(fill);
      addChartFill(fill);
    }),
    api.on('notifications:new', (n) => addNotification(n)),
    api.on('notifications:clicked', (c) => focusOrder(c.orderNo)),
    api.on('app:focusSearch', () => requestSearchFocus()),
    api.on('sync:changed', (sync) => useAccount.setState({ sync })),
    api.on('market:ticks', (ticks) => coalescer.ticks(ticks)),
    api.on('market:bookChanged', (book) => coalescer.book(book)),
    api.on('market:sessionChanged', (session) => useMarket.setState({ session })),
  );

  // A connection that comes back may have missed events: read the snapshots again.
  let wasConnected = useConnection.getState().conn?.connection === 'connected';
  offs.push(
    useConnection.subscribe((s) => {
      const connected = s.conn?.connection === 'connected';
      if (connected && !wasConnected) void loadAll();
      wasConnected = connected;
    }),
  );

  // The combined book is not streamed; refresh it while its tab is open.
  const unTimer = setInterval(() => {
    if (useMarket.getState().venue === 'UN') void refreshCombinedBook();
  }, 1000);
  offs.push(() => clearInterval(unTimer));

  void loadAll();
  return () => {
    alive = false;
    coalescer.flush();
    for (const off of offs) off();
  };
}
