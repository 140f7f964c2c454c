import { describe, expect, it } from 'vitest';
import { ApprovalService } from '../../../src/sim/server/approval';
import { checkCredentials, CredentialBook, demoCredential } from '../../../src/sim/server/credentials';
import { StatsCounter } from '../../../src/sim/server/stats';
import { TokenService } from '../../../src/sim/server/tokens';

const START = Date.parse('2026-11-23T10:00:00+09:00');

function setup(seed = 1) {
  const real = demoCredential(seed, 'real');
  const paper = demoCredential(seed, 'paper');
  const book = new CredentialBook('real', [real, paper]);
  const t = { sim: START, wall: 1_000_000 };
  const stats = new StatsCounter();
  const tokens = new TokenService({ seed, book, simNow: () => t.sim, wallNow: () => t.wall, validityMs: () => 24 * 3600_000, stats });
  const approvals = new ApprovalService(seed, book, () => t.sim, () => t.wall, () => 500, stats);
  return { real, paper, book, t, stats: stats.view(), tokens, approvals };
}

type TokenBody = { access_token: string; access_token_token_expired: string; expires_in: number; token_type: string };

describe('access tokens', () => {
  it('issues a Bearer token with an absolute KST expiry and expires_in as a number', () => {
    const { real, tokens, stats } = setup();
    const r = tokens.issue({ grant_type: 'client_credentials', appkey: real.appkey, appsecret: real.appsecret });
    expect(r.status).toBe(200);
    const b = r.body as TokenBody;
    expect(b.token_type).toBe('Bearer');
    expect(b.access_token_token_expired).toBe('2026-11-24 10:00:00');
    expect(b.expires_in).toBe(86400);
    expect(b.access_token.length).toBeLessThanOrEqual(350);
    expect(stats.tokenIssuances(real.appkey)).toBe(1);
  });

  it('answers a second call within 60 s with HTTP 403 EGW00133, then reuses the token within 6 h', () => {
    const { real, tokens, t, stats } = setup();
    const body = { appkey: real.appkey, appsecret: real.appsecret };
    const first = tokens.issue(body).body as TokenBody;
    t.sim += 30_000;
    t.wall += 30_000;
    expect(tokens.issue(body)).toEqual({
      status: 403,
      body: { error_code: 'EGW00133', error_description: '접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)' },
    });
    t.sim += 3600_000; // sim clock past the minute: allowed even though only 30 s of wall time passed
    const again = tokens.issue(body).body as TokenBody;
    expect(again.access_token).toBe(first.access_token);
    expect(again.access_token_token_expired).toBe(first.access_token_token_expired);
    expect(again.expires_in).toBe(86400 - 3630);
    expect(stats.tokenIssuances(real.appkey)).toBe(1);
    expect(stats.tokenRequests(real.appkey)).toBe(2);
    t.sim += 6 * 3600_000;
    const fresh = tokens.issue(body).body as TokenBody;
    expect(fresh.access_token).not.toBe(first.access_token);
    expect(stats.tokenIssuances(real.appkey)).toBe(2);
  });

  it('lets a client that waited a real minute through even on a frozen sim clock', () => {
    const { real, tokens, t } = setup();
    const body = { appkey: real.appkey, appsecret: real.appsecret };
    tokens.issue(body);
    t.wall += 60_000;
    expect(tokens.issue(body).status).toBe(200);
  });

  it('refuses bad credentials with the OAuth shape', () => {
    const { real, paper, tokens } = setup();
    expect(tokens.issue({ appkey: 'nope', appsecret: real.appsecret })).toMatchObject({ status: 403, body: { error_code: 'EGW00103' } });
    expect(tokens.issue({ appkey: real.appkey, appsecret: 'x' })).toMatchObject({ status: 403, body: { error_code: 'EGW00105' } });
    expect(tokens.issue({ appkey: real.appkey })).toMatchObject({ status: 403, body: { error_code: 'EGW00104' } });
    expect(tokens.issue({})).toMatchObject({ status: 403, body: { error_code: 'EGW00102' } });
    expect(tokens.issue({ appkey: paper.appkey, appsecret: paper.appsecret })).toMatchObject({ status: 403, body: { error_code: 'EGW02004' } });
  });

  it('checks bearer tokens: missing scheme, unknown, other appkey, expired, revoked', () => {
    const { real, tokens, t } = setup();
    const token = (tokens.issue({ appkey: real.appkey, appsecret: real.appsecret }).body as TokenBody).access_token;
    expect(tokens.check(`Bearer ${token}`, real.appkey)).toEqual({ ok: true });
    expect(tokens.check(`bearer ${token}`, real.appkey)).toEqual({ ok: true });
    expect(tokens.check(token, real.appkey)).toEqual({ ok: false, code: 'EGW00205' });
    expect(tokens.check(undefined, real.appkey)).toEqual({ ok: false, code: 'EGW00205' });
    expect(tokens.check('Bearer ', real.appkey)).toEqual({ ok: false, code: 'EGW00122' });
    expect(tokens.check('Bearer abc', real.appkey)).toEqual({ ok: false, code: 'EGW00121' });
    expect(tokens.check(`Bearer ${token}`, 'PSother')).toEqual({ ok: false, code: 'EGW00121' });
    t.sim += 24 * 3600_000;
    expect(tokens.check(`Bearer ${token}`, real.appkey)).toEqual({ ok: false, code: 'EGW00123' });
  });

  it('revocation invalidates the token and ends 6-h reuse, the 60-s throttle still applies', () => {
    const { real, tokens, t } = setup();
    const body = { appkey: real.appkey, appsecret: real.appsecret };
    const token = (tokens.issue(body).body as TokenBody).access_token;
    expect(tokens.revoke({ ...body, token })).toEqual({ status: 200, body: { code: 200, message: '접근토큰 폐기에 성공하였습니다' } });
    expect(tokens.check(`Bearer ${token}`, real.appkey)).toEqual({ ok: false, code: 'EGW00121' });
    expect(tokens.issue(body).status).toBe(403);
    t.sim += 61_000;
    const next = (tokens.issue(body).body as TokenBody).access_token;
    expect(next).not.toBe(token);
  });

  it('mints the same tokens for the same seed and different ones for another seed', () => {
    const a = setup(7);
    const b = setup(7);
    const c = setup(8);
    const tok = (s: ReturnType<typeof setup>) => (s.tokens.issue({ appkey: s.real.appkey, appsecret: s.real.appsecret }).body as TokenBody).access_token;
    expect(tok(a)).toBe(tok(b));
    expect(tok(c)).not.toBe(tok(setup(7)));
    expect(a.real.appkey).toHaveLength(36);
    expect(a.real.appsecret).toHaveLength(180);
  });
});

describe('approval keys', () => {
  it('takes secretkey (not appsecret), issues UUID-shaped keys bound to the appkey, 1 per second', () => {
    const { real, approvals, t, stats } = setup();
    expect(approvals.issue({ grant_type: 'client_credentials', appkey: real.appkey, appsecret: real.appsecret })).toEqual({
      status: 403,
      body: { error_code: 'EGW00104', error_description: 'AppSecret은 필수입니다.' },
    });
    const r = approvals.issue({ grant_type: 'client_credentials', appkey: real.appkey, secretkey: real.appsecret });
    const key = (r.body as { approval_key: string }).approval_key;
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(approvals.owner(key)?.appkey).toBe(real.appkey);
    expect(approvals.issue({ appkey: real.appkey, secretkey: real.appsecret })).toEqual({
      status: 500,
      body: { rt_cd: '1', msg_cd: 'EGW00201', msg1: '초당 거래건수를 초과하였습니다.' },
    });
    t.wall += 1000;
    expect(approvals.issue({ appkey: real.appkey, secretkey: real.appsecret }).status).toBe(200);
    expect(stats.approvalIssuances(real.appkey)).toBe(2);
    t.sim += 24 * 3600_000;
    expect(approvals.owner(key)).toBeUndefined();
    expect(approvals.owner('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});

describe('credentials', () => {
  it('a real key on the paper host is unknown, a paper key on the real host is EGW02004', () => {
    const real = demoCredential(1, 'real');
    const paper = demoCredential(1, 'paper');
    expect(checkCredentials(new CredentialBook('paper', [real, paper]), real.appkey, real.appsecret)).toEqual({ ok: false, code: 'EGW00103' });
    expect(checkCredentials(new CredentialBook('real', [real, paper]), paper.appkey, paper.appsecret)).toEqual({ ok: false, code: 'EGW02004' });
    expect(checkCredentials(new CredentialBook('paper', [real, paper]), paper.appkey, paper.appsecret).ok).toBe(true);
  });
});
