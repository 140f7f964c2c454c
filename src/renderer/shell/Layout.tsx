/**
 * The trader's screen: account summary on top, then the resizable grid — the watchlist down the left, 현재가/호가
 * with the tape, the chart over positions, open orders and fills, the order ticket over the PnL chart and the
 * notification log.
 */
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { Grid } from '../layout/Grid';
import type { GridSpec } from '../layout/geometry';
import { AccountSummary } from '../panels/AccountSummary';
import { CandleChart, ChartTabs } from '../panels/Chart';
import { EquityChart } from '../panels/Equity';
import { Fills } from '../panels/Fills';
import { Notifications } from '../panels/Notifications';
import { OpenOrders } from '../panels/OpenOrders';
import { OrderTicket } from '../panels/OrderTicket';
import { Positions } from '../panels/Positions';
import { QuotePanel, VenueTabs } from '../panels/Quote';
import { Watchlist } from '../panels/Watchlist';
import { Panel } from './Panel';

export const PANEL_IDS = ['watchlist', 'quote', 'chart', 'order', 'positions', 'openOrders', 'fills', 'equity', 'notifications'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const GRID: GridSpec = {
  areas: [
    ['watchlist', 'quote', 'chart', 'chart', 'order'],
    ['watchlist', 'quote', 'positions', 'positions', 'equity'],
    ['watchlist', 'quote', 'openOrders', 'fills', 'notifications'],
  ],
  cols: [21, 20, 22, 17, 20],
  rows: [56, 20, 24],
};

const PANELS: Record<PanelId, { title: MessageKey; body: () => ReactNode; actions?: () => ReactNode }> = {
  watchlist: { title: 'panel.watchlist', body: () => <Watchlist /> },
  quote: { title: 'panel.quote', body: () => <QuotePanel />, actions: () => <VenueTabs /> },
  chart: { title: 'panel.chart', body: () => <CandleChart />, actions: () => <ChartTabs /> },
  order: { title: 'panel.order', body: () => <OrderTicket /> },
  positions: { title: 'panel.positions', body: () => <Positions /> },
  openOrders: { title: 'panel.openOrders', body: () => <OpenOrders /> },
  fills: { title: 'panel.fills', body: () => <Fills /> },
  equity: { title: 'panel.equity', body: () => <EquityChart /> },
  notifications: { title: 'panel.notifications', body: () => <Notifications /> },
};

export function Layout() {
  return (
    <main className="layout">
      <AccountSummary />
      <Grid spec={GRID}>
        {PANEL_IDS.map((id) => {
          const p = PANELS[id];
          return (
            <Panel key={id} id={id} titleKey={p.title} actions={p.actions?.()}>
              {p.body()}
            </Panel>
          );
        })}
      </Grid>
    </main>
  );
}
