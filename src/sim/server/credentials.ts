/**
 * The simulator's demo credentials. It knows one appkey pair per personality: its own, and the other
 * environment's, so a paper key sent to the real personality can be answered with EGW02004 as KIS does.
 * Values are deterministic from the seed (the simulator is a demo credential issuer; these are not secrets
 * of any real account).
 */
import type { Personality } from '../exchange/types';
import { SeededStream } from './rng';

export interface Credential {
  appkey: string; // 36 chars
  appsecret: string; // 180 chars
  personality: Personality;
}

export function demoCredential(seed: number, personality: Personality): Credential {
  const s = new SeededStream(seed, `credential-${personality}`);
  return { appkey: `PS${s.alnum(34)}`, appsecret: s.alnum(180), personality };
}

export class CredentialBook {
  private readonly byKey = new Map<string, Credential>();

  constructor(readonly personality: Personality, creds: Credential[]) {
    for (const c of creds) this.byKey.set(c.appkey, c);
  }

  lookup(appkey: string): Credential | undefined {
    return this.byKey.get(appkey);
  }
}

export type CredentialCheck =
  | { ok: true; cred: Credential }
  | { ok: false; code: 'EGW00102' | 'EGW00103' | 'EGW00104' | 'EGW00105' | 'EGW02004' };

/**
 * appkey → appsecret, in KIS's order. A key of the other environment: on the real host a paper key is
 * EGW02004 ("실전투자 도메인은 모의투자 앱키로…"); on the paper host a real key is simply unknown (EGW00103).
 */
export function checkCredentials(book: CredentialBook, appkey: unknown, appsecret: unknown): CredentialCheck {
  if (typeof appkey !== 'string' || appkey === '') return { ok: false, code: 'EGW00102' };
  const cred = book.lookup(appkey);
  if (!cred) return { ok: false, code: 'EGW00103' };
  if (cred.personality !== book.personality) return { ok: false, code: book.personality === 'real' ? 'EGW02004' : 'EGW00103' };
  if (typeof appsecret !== 'string' || appsecret === '') return { ok: false, code: 'EGW00104' };
  if (appsecret !== cred.appsecret) return { ok: false, code: 'EGW00105' };
  return { ok: true, cred };
}
