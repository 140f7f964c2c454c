/**
 * The account module: the account-domain channels (src/shared/ipc/domains/account.ts) over the mirror, and
 * the sync layer that keeps that mirror equal to KIS — one SyncEngine per live session (src/main/sync).
 */
import { defineModule } from '../module';
import { MARKET } from '../market/service';
import { SyncController, type EngineTuning } from '../sync/controller';
import { SYNC } from '../sync/service';
import { accountHandlers } from './handlers';

export function createAccountModule(tuning: EngineTuning = {}) {
  return defineModule((ctx) => {
    // Positions are valued at the market module's streamed prices when it runs (balance prices otherwise).
    const sync = new SyncController(ctx, { marketPrices: () => ctx.services.use(MARKET)?.lastPrices(), ...tuning });
    ctx.services.provide(SYNC, {
      reconcileSoon: (reason) => sync.engine()?.reconcileSoon(reason),
      syncNow: async () => (await sync.engine()?.syncNow('requested by a module')) ?? null,
      status: () => sync.engine()?.status() ?? null,
      journalChanged: () => sync.engine()?.journalChanged(),
    });
    return {
      name: 'account',
      handlers: accountHandlers(sync, ctx.logger.child('account')),
      start: () => sync.start(),
      stop: () => sync.stop(),
      health: () => {
        const engine = sync.engine();
        if (!engine) return [{ name: 'sync', ok: true, detail: 'idle (no session)' }];
        const s = engine.status();
        return [{ name: 'sync', ok: s.lastResult !== 'failed', ...(s.message ? { detail: s.message.slice(0, 500) } : {}) }];
      },
    };
  });
}

export const accountModule = createAccountModule();
