/**
 * The account as the mirror knows it (design.md invariant 1: the screen reads the mirror through IPC):
 * summary, positions, today's fills, equity history and the sync status.
 */
import { create } from 'zustand';
import type { AccountSummary, FillView, Position } from '../../shared/ipc/domains/account';
import type { ChannelOutput } from '../api/types';

export type EquityPoint = ChannelOutput<'equity:history'>[number];
export type SyncStatus = ChannelOutput<'sync:status'>;

interface AccountStore {
  summary: AccountSummary | null;
  positions: Position[] | null;
  fills: FillView[] | null;
  equity: EquityPoint[] | null;
  sync: SyncStatus | null;
  /** Why the account cannot be shown (e.g. the account module is not running), in both languages. */
  problem: { ko: string; en: string } | null;
}

export const useAccount = create<AccountStore>(() => ({ summary: null, positions: null, fills: null, equity: null, sync: null, problem: null }));

const MAX_FILLS = 2000;

/** A fill notice may arrive twice (event + the next snapshot): keyed by fillId, newest first. */
export function addFill(fill: FillView): void {
  useAccount.setState((s) => {
    const list = s.fills ?? [];
    if (list.some((f) => f.fillId === fill.fillId)) return s;
    return { fills: [fill, ...list].sort((a, b) => b.time - a.time).slice(0, MAX_FILLS) };
  });
}

export function setFills(fills: FillView[]): void {
  useAccount.setState({ fills: [...fills].sort((a, b) => b.time - a.time).slice(0, MAX_FILLS) });
}
