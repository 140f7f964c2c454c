/**
 * Which component fills which panel place. Empty for now: the shell shows an honest empty state for every
 * place. A panel issue adds one line here, e.g. `watchlist: WatchlistPanel`.
 */
import type { ComponentType } from 'react';

export const PANEL_IDS = ['watchlist', 'quote', 'chart', 'order', 'positions', 'openOrders', 'fills'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const panelComponents: Partial<Record<PanelId, ComponentType>> = {};

/** The account-summary strip above the panels; the shell's placeholder (shell/AccountStrip.tsx) until set. */
export const accountStripComponent: { current: ComponentType | null } = { current: null };
