/**
 * The terminal's grid: account strip on top; watchlist | quote & book + chart | order ticket; then
 * positions, open orders and fills along the bottom. Grid areas are in styles.css.
 */
import type { MessageKey } from '../i18n';
import { accountStripComponent, panelComponents, type PanelId } from '../panels/registry';
import { AccountStrip } from './AccountStrip';
import { Panel } from './Panel';

const TITLES: Record<PanelId, MessageKey> = {
  watchlist: 'panel.watchlist',
  quote: 'panel.quote',
  chart: 'panel.chart',
  order: 'panel.order',
  positions: 'panel.positions',
  openOrders: 'panel.openOrders',
  fills: 'panel.fills',
};

function Place({ id }: { id: PanelId }) {
  const Content = panelComponents[id];
  return <Panel id={id} titleKey={TITLES[id]}>{Content ? <Content /> : undefined}</Panel>;
}

export function Layout() {
  const Strip = accountStripComponent.current ?? AccountStrip;
  return (
    <main className="layout">
      <Strip />
      <div className="grid">
        <Place id="watchlist" />
        <Place id="quote" />
        <Place id="chart" />
        <Place id="order" />
        <Place id="positions" />
        <Place id="openOrders" />
        <Place id="fills" />
      </div>
    </main>
  );
}
