/**
 * The app module: answers app:info, app:health and app:connection, and publishes the first conn:state.
 * The environment is the live one from the session module (SESSION) when it runs, else the core's default;
 * the session module publishes every later conn:state.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { ConnState } from '../shared/ipc/domains/app';
import { ok } from '../shared/ipc/result';
import { defineModule } from './module';
import { SESSION } from './session/service';

export const appModule = defineModule((ctx) => {
  const environment = () => ctx.services.use(SESSION)?.status().environment ?? ctx.environment;
  const initialConnState = (): ConnState => ({
    environment: environment(),
    connection: 'disconnected',
    lastSyncAt: null,
    rateHeadroom: null,
  });

  return {
    name: 'app',
    handlers: {
      'app:info': () => ok({ version: ctx.appVersion, environment: environment(), dataDir: ctx.dataDir }),
      'app:health': async () => {
        const checks = [await dataDirCheck(ctx.dataDir), ...(await ctx.health())];
        return ok({ ok: checks.every((c) => c.ok), checks });
      },
      'app:connection': () => ok(ctx.latest('conn:state') ?? initialConnState()),
    },
    start() {
      if (!ctx.latest('conn:state')) ctx.emit('conn:state', initialConnState());
    },
  };
});

async function dataDirCheck(dataDir: string) {
  try {
    await access(dataDir, constants.W_OK);
    return { name: 'dataDir', ok: true };
  } catch {
    return { name: 'dataDir', ok: false, detail: '데이터 폴더에 쓸 수 없습니다 / data folder is not writable' };
  }
}
