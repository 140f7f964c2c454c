/** Finds the instrument of a symbol code (positions, orders and fills carry only code and name). */
import type { InstrumentView } from '../../shared/ipc/domains/market';
import { api } from '../api/current';
import { rememberInstruments, useMarket } from '../stores/market';
import { focusSymbol } from './focus';

export async function instrumentOf(symbol: string): Promise<InstrumentView | null> {
  const known = useMarket.getState().names[symbol];
  if (known) return known;
  const client = api();
  if (!client) return null;
  const r = await client.call('symbols:search', { query: symbol, limit: 5 });
  const found = r.ok ? r.value.find((i) => i.symbol === symbol) : undefined;
  if (!found) return null;
  rememberInstruments([found]);
  return found;
}

export async function focusCode(symbol: string): Promise<void> {
  const i = await instrumentOf(symbol);
  if (i) await focusSymbol(i);
}
