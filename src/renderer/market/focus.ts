/**
 * Looking at a symbol: tell main (market:focus gives it realtime trades + 호가 priority), load its quotes and
 * books per venue, its chart and the trader's fills in it, and put it in the ticket.
 */
import type { InstrumentView } from '../../shared/ipc/domains/market';
import { addDays, kstDate } from '../../shared/market/time';
import { api } from '../api/current';
import { useChart, type ChartInterval } from '../stores/chart';
import { applyBooks, rememberInstruments, setQuote, useMarket, type QuoteVenue } from '../stores/market';
import { prefillPrice } from '../ticket/edit';
import { setTicketInstrument } from '../ticket/store';

let generation = 0;

export async function focusSymbol(instrument: InstrumentView): Promise<void> {
  const client = api();
  const mine = ++generation;
  rememberInstruments([instrument]);
  const venue = !instrument.nxtEligible && useMarket.getState().venue === 'NXT' ? 'KRX' : useMarket.getState().venue;
  useMarket.setState({ focus: instrument, tape: [], venue });
  setTicketInstrument(instrument);
  if (!client) return;
  void client.call('market:focus', { symbol: instrument.symbol });
  const venues: QuoteVenue[] = instrument.nxtEligible ? ['KRX', 'NXT'] : ['KRX'];
  await Promise.all([
    ...venues.map(async (v) => {
      const [q, b] = await Promise.all([client.call('market:quote', { symbol: instrument.symbol, venue: v }), client.call('market:book', { symbol: instrument.symbol, venue: v })]);
      if (mine !== generation) return;
      if (q.ok) setQuote(q.value);
      if (b.ok) applyBooks([b.value]);
      if (q.ok && v === 'KRX') prefillPrice(instrument.symbol, q.value.price);
    }),
    venue === 'UN' ? refreshCombinedBook() : Promise.resolve(),
    loadChart(instrument.symbol, useChart.getState().interval, venue),
  ]);
}

/** The combined (KRX+NXT) book is not streamed: it is read on demand while its tab is open. */
export async function refreshCombinedBook(): Promise<void> {
  const client = api();
  const focus = useMarket.getState().focus;
  if (!client || !focus) return;
  const [q, b] = await Promise.all([client.call('market:quote', { symbol: focus.symbol, venue: 'UN' }), client.call('market:book', { symbol: focus.symbol, venue: 'UN' })]);
  if (useMarket.getState().focus?.symbol !== focus.symbol) return;
  if (q.ok) setQuote(q.value);
  if (b.ok) applyBooks([b.value]);
}

export function setQuoteVenue(venue: QuoteVenue): void {
  useMarket.setState({ venue });
  const focus = useMarket.getState().focus;
  if (venue === 'UN') void refreshCombinedBook();
  if (focus) void loadChart(focus.symbol, useChart.getState().interval, venue);
}

let chartGeneration = 0;
const DAILY_BARS = 120;
const SPARSE_BARS = 5;
const SPARSE_RETRY_MS = 3000;
const SPARSE_RETRIES = 5;

export async function loadChart(symbol: string, interval: ChartInterval, venue: QuoteVenue, retries = SPARSE_RETRIES): Promise<void> {
  const client = api();
  const mine = ++chartGeneration;
  useChart.setState({ symbol, interval, venue, loading: true, problem: null, ...(useChart.getState().symbol !== symbol ? { bars: [], fills: [] } : {}) });
  if (!client) return;
  const count = interval === '1m' ? 400 : DAILY_BARS;
  let r = await client.call('market:chart', { symbol, venue, interval, count });
  // Not every source has a combined (UN) chart: fall back to KRX rather than show nothing.
  if (!r.ok && venue === 'UN') r = await client.call('market:chart', { symbol, venue: 'KRX', interval, count });
  if (mine !== chartGeneration) return;
  if (!r.ok) {
    useChart.setState({ loading: false, bars: [], problem: { ko: r.message, en: r.messageEn ?? r.message } });
    return;
  }
  const bars = [...r.value].sort((a, b) => a.time - b.time);
  useChart.setState({ bars, loading: false });
  // Little or nothing yet (a session still warming up, a backfill refused by the rate limit at start-up): ask again
  // shortly; the live ticks keep the bars that are there current meanwhile.
  if (bars.length < SPARSE_BARS && retries > 0) {
    setTimeout(() => {
      const c = useChart.getState();
      if (mine === chartGeneration && c.symbol === symbol && c.bars.length < SPARSE_BARS) void loadChart(symbol, interval, venue, retries - 1);
    }, SPARSE_RETRY_MS);
  }
  const to = kstDate(useMarket.getState().session?.now ?? bars[bars.length - 1]?.time ?? 0);
  const from = interval === '1m' ? to : bars[0] ? kstDate(bars[0].time) : addDays(to, -180);
  const f = await client.call('fills:forSymbol', { symbol, from, to });
  if (mine !== chartGeneration) return;
  if (f.ok) useChart.setState({ fills: f.value });
}
