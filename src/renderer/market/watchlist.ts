/** Adding and removing watchlist symbols (watchlist:set answers the instruments in their new order). */
import type { InstrumentView } from '../../shared/ipc/domains/market';
import { api } from '../api/current';
import { toast } from '../stores/notifications';
import { rememberInstruments, setQuote, useMarket } from '../stores/market';

export async function setWatchlist(symbols: string[]): Promise<void> {
  const client = api();
  if (!client) return;
  const r = await client.call('watchlist:set', { symbols });
  if (!r.ok) {
    toast('bad', { ko: r.message, en: r.messageEn ?? r.message });
    return;
  }
  const known = new Set((useMarket.getState().watchlist ?? []).map((i) => i.symbol));
  useMarket.setState({ watchlist: r.value });
  rememberInstruments(r.value);
  for (const i of r.value) {
    if (known.has(i.symbol)) continue;
    void client.call('market:quote', { symbol: i.symbol, venue: 'KRX' }).then((q) => q.ok && setQuote(q.value));
  }
}

/** ☆ in the quote panel: add the symbol at the end, or take it off. */
export async function toggleWatch(instrument: InstrumentView): Promise<void> {
  const current = (useMarket.getState().watchlist ?? []).map((i) => i.symbol);
  await setWatchlist(current.includes(instrument.symbol) ? current.filter((s) => s !== instrument.symbol) : [...current, instrument.symbol]);
}
