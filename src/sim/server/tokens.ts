/**
 * Access tokens (kis-api.md §2.1, §2.3): 24 h validity (knob tokenValidityMs), the same token and absolute
 * expiry for a repeat call within 6 h, one issuance a minute per appkey (EGW00133), revocation.
 *
 * The 60-s throttle is measured on both clocks and fires only while BOTH say "< 60 s": tests on a frozen
 * virtual clock step the sim clock past it, and a client honestly waiting a real minute also gets through.
 */
import type { Reply } from './envelope';
import { oauthError } from './envelope';
import { kstDateTime } from './kst';
import { REVOKE_OK, MSG } from './messages';
import { SeededStream } from './rng';
import type { StatsCounter } from './stats';
import { checkCredentials, type CredentialBook } from './credentials';

const REUSE_MS = 6 * 3600_000;
const THROTTLE_MS = 60_000;

interface TokenRecord {
  token: string;
  appkey: string;
  issuedAt: number; // sim ms
  expiresAt: number; // sim ms
  revoked: boolean;
}

export type TokenCheck = { ok: true } | { ok: false; code: 'EGW00205' | 'EGW00122' | 'EGW00121' | 'EGW00123' };

export interface TokenDeps {
  seed: number;
  book: CredentialBook;
  simNow: () => number;
  wallNow: () => number;
  validityMs: () => number;
  stats: StatsCounter;
}

export class TokenService {
  private readonly tokens = new Map<string, TokenRecord>();
  /** The token a repeat call within 6 h gets back, per appkey. */
  private readonly current = new Map<string, TokenRecord>();
  private readonly lastAnswered = new Map<string, { sim: number; wall: number }>();
  private readonly stream: SeededStream;

  constructor(private readonly deps: TokenDeps) {
    this.stream = new SeededStream(deps.seed, 'access-token');
  }

  issue(body: Record<string, unknown>): Reply {
    const cred = checkCredentials(this.deps.book, body.appkey, body.appsecret);
    if (!cred.ok) return oauthError(cred.code);
    const appkey = cred.cred.appkey;
    const sim = this.deps.simNow();
    const wall = this.deps.wallNow();
    const last = this.lastAnswered.get(appkey);
    if (last && sim - last.sim < THROTTLE_MS && wall - last.wall < THROTTLE_MS) return oauthError('EGW00133');

    let rec = this.current.get(appkey);
    if (!rec || rec.revoked || sim - rec.issuedAt >= REUSE_MS || sim >= rec.expiresAt) {
      rec = this.mint(appkey, sim);
      this.current.set(appkey, rec);
      this.tokens.set(rec.token, rec);
      this.deps.stats.tokenIssued(appkey);
    }
    this.lastAnswered.set(appkey, { sim, wall });
    this.deps.stats.tokenAnswered(appkey);
    return {
      status: 200,
      body: {
        access_token: rec.token,
        access_token_token_expired: kstDateTime(rec.expiresAt),
        token_type: 'Bearer',
        expires_in: Math.max(0, Math.floor((rec.expiresAt - sim) / 1000)),
      },
    };
  }

  revoke(body: Record<string, unknown>): Reply {
    const cred = checkCredentials(this.deps.book, body.appkey, body.appsecret);
    if (!cred.ok) return oauthError(cred.code);
    const rec = typeof body.token === 'string' ? this.tokens.get(body.token) : undefined;
    if (!rec || rec.appkey !== cred.cred.appkey) {
      return { status: 403, body: { error_code: 'EGW00121', error_description: MSG.EGW00121 } };
    }
    rec.revoked = true;
    // Revocation ends the 6-h reuse; the 60-s issuance throttle still applies.
    if (this.current.get(rec.appkey) === rec) this.current.delete(rec.appkey);
    return { status: 200, body: { ...REVOKE_OK } };
  }

  /** authorization header of a /uapi call, for `appkey`. */
  check(authorization: string | undefined, appkey: string): TokenCheck {
    if (!authorization || !/^bearer\s/i.test(authorization)) return { ok: false, code: 'EGW00205' };
    const token = authorization.replace(/^bearer\s+/i, '').trim();
    if (token === '') return { ok: false, code: 'EGW00122' };
    const rec = this.tokens.get(token);
    if (!rec || rec.appkey !== appkey || rec.revoked) return { ok: false, code: 'EGW00121' };
    if (this.deps.simNow() >= rec.expiresAt) return { ok: false, code: 'EGW00123' };
    return { ok: true };
  }

  private mint(appkey: string, sim: number): TokenRecord {
    const expiresAt = sim + this.deps.validityMs();
    const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'token',
        aud: this.stream.uuid(),
        prdt_cd: '',
        iss: 'unogw',
        exp: Math.floor(expiresAt / 1000),
        iat: Math.floor(sim / 1000),
        jti: appkey,
      }),
    ).toString('base64url');
    const token = `${header}.${payload}.${this.stream.base64url(64)}`;
    return { token, appkey, issuedAt: sim, expiresAt, revoked: false };
  }
}
