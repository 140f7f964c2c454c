/**
 * Credentials as the session sees them: saved to and read from the OS keychain (src/main/secrets), and
 * described to the renderer only as "present" plus a masked account number (design.md invariant 6).
 */
import type { EnvStatus } from '../../shared/ipc/domains/session';
import { registerSecret, type Logger } from '../log';
import { CredentialValidationError, type CredentialStore, type StoredCredentials } from '../secrets';
import { maskAccount } from './build';

export type CredentialEnvironment = 'paper' | 'real';
export type CredentialsStatus = EnvStatus['credentials'];

export const noCredentials = (): CredentialsStatus => ({
  paper: { present: false, accountMasked: null },
  real: { present: false, accountMasked: null },
});

/** Registers every part of a credential set with the log redactor before anything could log it. */
export function registerCredentialSecrets(c: StoredCredentials): void {
  for (const s of [c.appkey, c.appsecret, c.htsId, c.account.cano, `${c.account.cano}${c.account.productCode}`, `${c.account.cano}-${c.account.productCode}`])
    registerSecret(s);
}

export type LoadResult = { ok: true; credentials: StoredCredentials | null } | { ok: false; message: string };

export async function loadCredentials(store: CredentialStore, env: CredentialEnvironment, logger: Logger): Promise<LoadResult> {
  try {
    const c = await store.load(env);
    if (c) registerCredentialSecrets(c);
    return { ok: true, credentials: c };
  } catch (err) {
    logger.warn('keychain read failed', { environment: env, error: err instanceof Error ? err.message : String(err) });
    return {
      ok: false,
      message: 'OS 키체인을 읽을 수 없습니다. 키체인이 잠겨 있지 않은지 확인하세요. / Could not read the OS keychain; make sure it is unlocked.',
    };
  }
}

/** What the status shows for both environments; a keychain that cannot be read shows "not present". */
export async function readCredentialsStatus(store: CredentialStore, logger: Logger): Promise<CredentialsStatus> {
  const status = noCredentials();
  for (const env of ['paper', 'real'] as const) {
    const r = await loadCredentials(store, env, logger);
    if (r.ok && r.credentials) status[env] = { present: true, accountMasked: maskAccount(r.credentials.account) };
  }
  return status;
}

export interface CredentialsInput {
  appkey: string;
  appsecret: string;
  /** 'NNNNNNNN-NN' (already checked by the channel schema). */
  account: string;
  htsId: string;
}

export type SaveResult = { ok: true } | { ok: false; code: 'BAD_INPUT' | 'UNAVAILABLE'; message: string; messageEn: string };

export async function saveCredentials(store: CredentialStore, env: CredentialEnvironment, input: CredentialsInput, logger: Logger): Promise<SaveResult> {
  const [cano = '', productCode = ''] = input.account.split('-');
  const credentials: StoredCredentials = { appkey: input.appkey, appsecret: input.appsecret, account: { cano, productCode }, htsId: input.htsId };
  registerCredentialSecrets(credentials);
  try {
    await store.save(env, credentials);
    return { ok: true };
  } catch (err) {
    if (err instanceof CredentialValidationError) {
      return { ok: false, code: 'BAD_INPUT', message: `자격 증명 오류: ${err.field} 항목이 올바르지 않습니다.`, messageEn: `Invalid credentials: ${err.field} is not valid.` };
    }
    logger.warn('keychain write failed', { environment: env, error: err instanceof Error ? err.message : String(err) });
    return {
      ok: false,
      code: 'UNAVAILABLE',
      message: 'OS 키체인에 저장할 수 없습니다. 키체인이 잠겨 있지 않은지 확인하세요.',
      messageEn: 'Could not save to the OS keychain; make sure it is unlocked.',
    };
  }
}

export function missingCredentialsProblem(env: CredentialEnvironment): string {
  return env === 'real'
    ? '실전투자 API 키가 없습니다. 설정에서 앱키·앱시크릿·계좌번호·HTS ID를 입력하세요. / No real-trading API credentials: enter the appkey, appsecret, account and HTS ID in Settings.'
    : '모의투자 API 키가 없습니다. 설정에서 앱키·앱시크릿·계좌번호·HTS ID를 입력하세요. / No paper-trading API credentials: enter the appkey, appsecret, account and HTS ID in Settings.';
}
