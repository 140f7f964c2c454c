/**
 * Holdings reconciliation: inquire-balance is the truth (design.md invariant 4). The portfolio is set to
 * exactly what KIS reports — KRX and NXT lots merged into one row per symbol — and the difference is
 * returned so the sync layer can log it and tell the UI.
 */
import { transaction } from '../open';
import { kstDate } from '../time';
import type { BalanceInput, HoldingChange, HoldingsDiff, Venue } from '../types';
import { refuse, type WriteContext } from './context';
import { loadPosition, splitCost, writePosition, type VenueLot } from './positions';
import * as v from './validate';

interface MergedHolding {
  symbol: string;
  name: string | null;
  qty: number;
  sellable: number;
  cost: number;
  /** Per-venue lots when every row for the symbol named its venue, else null. */
  lots: Map<Venue, { qty: number; cost: number }> | null;
}

function mergeRows(input: BalanceInput): Map<string, MergedHolding> {
  if (!Array.isArray(input.holdings)) refuse('BAD_INPUT', 'holdings must be an array');
  const merged = new Map<string, MergedHolding>();
  for (const h of input.holdings) {
    const symbol = v.symbol(h.symbol);
    const qty = v.int(`${symbol}.qty`, h.qty);
    const sellable = v.int(`${symbol}.sellableQty`, h.sellableQty);
    const cost = v.int(`${symbol}.cost`, h.cost);
    const venue = h.venue === undefined ? null : v.oneOf(`${symbol}.venue`, h.venue, v.VENUES);
    const name = v.optText(`${symbol}.symbolName`, h.symbolName, 100);
    const m = merged.get(symbol);
    if (!m) {
      merged.set(symbol, { symbol, name, qty, sellable, cost, lots: venue ? new Map([[venue, { qty, cost }]]) : null });
      continue;
    }
    // Two rows for one symbol are only meaningful as distinct venue lots; anything else would double-count.
    if (venue === null || m.lots === null || m.lots.has(venue)) {
      refuse('BAD_INPUT', `holding ${symbol} appears twice without distinct venues (would double-count)`);
    }
    m.lots!.set(venue!, { qty, cost });
    m.qty += qty;
    m.sellable += sellable;
    m.cost += cost;
    m.name = m.name ?? name;
  }
  return merged;
}

/** Venue lots for a repaired position when KIS did not split by venue: keep the mirror's split, put the difference on KRX. */
function adjustLots(before: VenueLot[], qty: number, cost: number): VenueLot[] {
  const lots = before.map((l) => ({ venue: l.venue, qty: l.qty, prevAvg: l.qty > 0 ? l.cost / l.qty : 0 }));
  let diff = qty - lots.reduce((a, l) => a + l.qty, 0);
  const avg = qty > 0 ? cost / qty : 0;
  if (diff > 0) {
    const krx = lots.find((l) => l.venue === 'KRX');
    if (krx) krx.qty += diff;
    else lots.push({ venue: 'KRX', qty: diff, prevAvg: avg });
    diff = 0;
  }
  for (const venue of ['KRX', 'NXT'] as const) {
    const lot = lots.find((l) => l.venue === venue);
    if (!lot || diff === 0) continue;
    const take = Math.min(lot.qty, -diff);
    lot.qty -= take;
    diff += take;
  }
  const costs = splitCost(cost, lots);
  return lots.map((l, i) => ({ venue: l.venue, qty: l.qty, cost: costs[i] ?? 0 }));
}

export function replaceHoldingsFromBalance(ctx: WriteContext, input: BalanceInput): HoldingsDiff {
  const asOf = v.int('asOf', input.asOf);
  const merged = mergeRows(input);
  return transaction(ctx.db, (): HoldingsDiff => {
    const diff: HoldingsDiff = { changed: false, added: [], removed: [], updated: [], deferred: [] };
    const mirrored = (ctx.stmt('SELECT symbol FROM portfolio').all() as Array<{ symbol: string }>).map((r) => r.symbol);
    const symbols = new Set([...mirrored, ...merged.keys()]);
    const now = ctx.clock.now();
    for (const symbol of [...symbols].sort()) {
      // A fill stored after the balance was requested is newer than this truth: leave the symbol to the next read.
      const newer = ctx
        .stmt('SELECT 1 FROM trade_executions WHERE trade_date = ? AND symbol = ? AND recorded_at > ? LIMIT 1')
        .get(kstDate(asOf), symbol, asOf);
      if (newer) {
        diff.deferred.push(symbol);
        continue;
      }
      const { row, lots } = loadPosition(ctx, symbol);
      const truth = merged.get(symbol);
      const after = truth && truth.qty > 0 ? truth : null; // KIS keeps sold-out rows with qty 0 until D+2
      const change: HoldingChange = {
        symbol,
        qtyBefore: row?.qty ?? 0,
        qtyAfter: after?.qty ?? 0,
        costBefore: row?.cost ?? 0,
        costAfter: after?.cost ?? 0,
      };
      if (!after) {
        if (!row) continue;
        writePosition(ctx, { symbol, symbolName: null, qty: 0, cost: 0, lots: [] });
        diff.removed.push(change);
        continue;
      }
      const newLots: VenueLot[] = after.lots
        ? [...after.lots].map(([venue, l]) => ({ venue, qty: l.qty, cost: l.cost }))
        : adjustLots(row ? lots : [], after.qty, after.cost);
      writePosition(ctx, {
        symbol,
        symbolName: after.name,
        qty: after.qty,
        cost: after.cost,
        lots: newLots,
        restSellableQty: after.sellable,
        reconciledAt: now,
      });
      if (!row) diff.added.push(change);
      else if (change.qtyBefore !== change.qtyAfter || change.costBefore !== change.costAfter) diff.updated.push(change);
    }
    diff.changed = diff.added.length + diff.removed.length + diff.updated.length > 0;
    return diff;
  });
}
