/**
 * The session module: environment (demo / paper / real), credentials, arming and settings channels, and the
 * SESSION service every other module reaches the live KIS session through. The lifecycle itself lives in
 * controller.ts; this file is the IPC face of it. Secrets never come back: only "present" and a masked account.
 */
import { ARM_PHRASE } from '../../shared/ipc/domains/session';
import { fail, ok } from '../../shared/ipc/result';
import { PAPER_ENVIRONMENT, REAL_ENVIRONMENT, validateRestBase } from '../kis';
import { defineModule, type ModuleFactory } from '../module';
import { createSecretStore, createTokenCache } from '../secrets';
import { SessionController, type SessionOptions } from './controller';
import { loadCredentials, saveCredentials } from './credentials';
import { SESSION } from './service';

export function createSessionModule(options: SessionOptions = {}): ModuleFactory {
  return defineModule((ctx) => {
    const controller = new SessionController(ctx, options);
    ctx.services.provide(SESSION, controller);
    const log = ctx.logger.child('session');

    /** Forget the cached token/approval key of the credentials being removed: a live token is a credential too. */
    async function forgetTokens(env: 'paper' | 'real'): Promise<void> {
      const loaded = await loadCredentials(controller.credentials, env, log);
      if (!loaded.ok || !loaded.credentials) return;
      const host = options.hosts?.[env] ?? (env === 'real' ? REAL_ENVIRONMENT : PAPER_ENVIRONMENT);
      const store = createSecretStore(ctx.keychain, env);
      for (const kind of ['token', 'approval'] as const) {
        await createTokenCache(store, kind, validateRestBase(host.restBase), loaded.credentials.appkey).clear();
      }
    }

    return {
      name: 'session',
      handlers: {
        'env:status': () => ok(controller.status()),
        'env:switch': async ({ environment }) => ok(await controller.switchTo(environment)),
        'credentials:set': async ({ environment, appkey, appsecret, account, htsId }) => {
          const saved = await saveCredentials(controller.credentials, environment, { appkey, appsecret, account, htsId }, log);
          if (!saved.ok) return fail(saved.code, saved.message, saved.messageEn);
          return ok(await controller.credentialsChanged(environment));
        },
        'credentials:clear': async ({ environment }) => {
          try {
            await forgetTokens(environment);
            await controller.credentials.delete(environment);
          } catch (err) {
            log.warn('keychain delete failed', { environment, error: err instanceof Error ? err.message : String(err) });
            return fail('UNAVAILABLE', 'OS 키체인에서 지울 수 없습니다.', 'Could not delete from the OS keychain.');
          }
          return ok(await controller.credentialsChanged(environment));
        },
        'trading:arm': ({ confirm }) => {
          if (confirm !== ARM_PHRASE) {
            return fail(
              'NOT_ALLOWED',
              `확인 문구가 일치하지 않습니다. "${ARM_PHRASE}"를 정확히 입력하세요.`,
              `The confirmation phrase does not match; type "${ARM_PHRASE}" exactly.`,
            );
          }
          if (controller.status().environment !== 'real') {
            return fail(
              'NOT_ALLOWED',
              '주문 활성화는 실전투자 환경에만 필요합니다 (모의투자·데모는 항상 주문 가능).',
              'Arming applies to real trading only (paper and demo always accept orders).',
            );
          }
          return ok(controller.arm());
        },
        'trading:disarm': () => ok(controller.disarm()),
        'settings:get': () => ok(controller.settings()),
        'settings:set': ({ patch }) => {
          const r = controller.applySettings(patch);
          if (r === null) return fail('UNAVAILABLE', '설정을 아직 불러오지 못했습니다.', 'Settings are not loaded yet.');
          if (r.ok) return ok(r.settings);
          if ('storeError' in r) {
            log.error('settings could not be saved', { error: r.storeError });
            return fail('UNAVAILABLE', '설정을 저장할 수 없습니다.', 'Settings could not be saved.');
          }
          const first = r.issues[0] ?? '';
          const field = first.includes(':') ? first.slice(0, first.indexOf(':')) : '(settings)';
          const detail = first.slice(first.indexOf(':') + 1).trim().slice(0, 200);
          return fail('BAD_INPUT', `설정 오류: ${field} 항목이 올바르지 않습니다 (${detail}). 아무것도 바뀌지 않았습니다.`, `Invalid setting: ${field} — ${detail}. Nothing was changed.`);
        },
      },
      start: () => controller.open(),
      stop: () => controller.close(),
      health: () => controller.health(),
    };
  });
}

export const sessionModule = createSessionModule();
