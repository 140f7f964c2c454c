/**
 * The market module: symbol search, quotes, 호가, charts, session state, focus and the watchlist over IPC, and
 * the MARKET service for other modules. Needs SESSION (registered before it in modules.ts).
 */
import { defineModule } from '../module';
import { SESSION } from '../session/service';
import { MarketController } from './controller';
import { MARKET } from './service';

export const marketModule = defineModule((ctx) => {
  const sessions = ctx.services.require(SESSION);
  const market = new MarketController(ctx, sessions);
  ctx.services.provide(MARKET, market);
  return {
    name: 'market',
    handlers: {
      'symbols:search': ({ query, limit }) => market.search(query, limit),
      'market:quote': ({ symbol, venue }) => market.quote(symbol, venue),
      'market:book': ({ symbol, venue }) => market.book(symbol, venue),
      'market:chart': ({ symbol, venue, interval, count }) => market.chart(symbol, venue, interval, count),
      'market:session': () => market.marketSession(),
      'market:focus': ({ symbol }) => market.focus(symbol),
      'watchlist:get': () => market.watchlistGet(),
      'watchlist:set': ({ symbols }) => market.watchlistSet(symbols),
    },
    start: () => market.start(),
    stop: () => market.stop(),
  };
});
