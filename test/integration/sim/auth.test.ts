import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { Kis, startTestSim } from './kis';

let sims: SimHandle[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});
async function sim(opts: Parameters<typeof startTestSim>[0] = {}): Promise<SimHandle> {
  const s = await startTestSim(opts);
  sims.push(s);
  return s;
}

const PRICE = ['quotations/inquire-price', 'FHKST01010100', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930' }] as const;

describe('tokenP over the wire', () => {
  it('issues once, throttles within 60 s with HTTP 403 EGW00133, reuses the same token within 6 h', async () => {
    const s = await sim();
    const k = new Kis(s);
    const first = await k.login();
    expect(first).toMatchObject({ token_type: 'Bearer', expires_in: 86400, access_token_token_expired: '2026-11-24 10:00:00' });
    expect(typeof first.expires_in).toBe('number');
    const again = await k.oauth('/oauth2/tokenP', { grant_type: 'client_credentials', appkey: s.appkey, appsecret: s.appsecret });
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ error_code: 'EGW00133', error_description: '접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)' });
    s.clock.advance(2 * 3600_000);
    const reused = await k.login();
    expect(reused.access_token).toBe(first.access_token);
    expect(reused.access_token_token_expired).toBe(first.access_token_token_expired);
    expect(reused.expires_in).toBe(86400 - 7200);
    expect(s.stats.tokenIssuances(s.appkey)).toBe(1);
    s.clock.advance(5 * 3600_000);
    expect((await k.login()).access_token).not.toBe(first.access_token);
    expect(s.stats.tokenIssuances()).toBe(2);
  });

  it('refuses bad credentials with 403 and the OAuth shape', async () => {
    const s = await sim();
    const k = new Kis(s);
    const badKey = await k.oauth('/oauth2/tokenP', { grant_type: 'client_credentials', appkey: 'PSnope', appsecret: s.appsecret });
    expect(badKey).toMatchObject({ status: 403, body: { error_code: 'EGW00103' } });
    const badSecret = await k.oauth('/oauth2/tokenP', { grant_type: 'client_credentials', appkey: s.appkey, appsecret: 'nope' });
    expect(badSecret).toMatchObject({ status: 403, body: { error_code: 'EGW00105' } });
    expect(s.stats.tokenIssuances()).toBe(0);
  });

  it('revokeP invalidates the token (EGW00121 on the next call)', async () => {
    const s = await sim();
    const k = await Kis.connect(s);
    expect((await k.get(...PRICE)).status).toBe(200);
    const r = await k.oauth('/oauth2/revokeP', { appkey: s.appkey, appsecret: s.appsecret, token: k.token });
    expect(r).toMatchObject({ status: 200, body: { code: 200, message: '접근토큰 폐기에 성공하였습니다' } });
    const after = await k.get(...PRICE);
    expect(after.status).toBe(500);
    expect(after.body).toEqual({ rt_cd: '1', msg_cd: 'EGW00121', msg1: '유효하지 않은 token 입니다.' });
  });

  it('expired tokens answer EGW00123 (validity knob), and forceTokenExpiredCalls for N calls', async () => {
    const s = await sim({ knobs: { tokenValidityMs: 10 * 60_000 } });
    const k = await Kis.connect(s);
    s.knobs.set({ forceTokenExpiredCalls: 2 });
    expect((await k.get(...PRICE)).body.msg_cd).toBe('EGW00123');
    expect((await k.get(...PRICE)).body.msg_cd).toBe('EGW00123');
    expect((await k.get(...PRICE)).body.rt_cd).toBe('0');
    s.clock.advance(10 * 60_000);
    const expired = await k.get(...PRICE);
    expect(expired.status).toBe(500);
    expect(expired.body).toEqual({ rt_cd: '1', msg_cd: 'EGW00123', msg1: '기간이 만료된 token 입니다.' });
  });
});

describe('response headers', () => {
  it('every all-lowercase header name is a Python identifier (the official helper makes a namedtuple of them)', async () => {
    const s = await sim();
    const k = await Kis.connect(s);
    const url = new URL(`${s.rest}/uapi/domestic-stock/v1/trading/inquire-balance`);
    url.search = new URLSearchParams({ ...k.account(), AFHR_FLPR_YN: 'N', INQR_DVSN: '02', UNPR_DVSN: '01', PRCS_DVSN: '00' }).toString();
    const raw = await new Promise<string[]>((resolve, reject) => {
      get(url, { headers: k.headers('TTTC8434R', { tr_cont: '' }) }, (res) => {
        res.resume();
        resolve(res.rawHeaders.filter((_, i) => i % 2 === 0));
      }).on('error', reject);
    });
    const lower = raw.filter((n) => n === n.toLowerCase());
    expect(lower).toEqual(expect.arrayContaining(['tr_id', 'tr_cont', 'gt_uid']));
    for (const n of lower) expect(n).toMatch(/^[a-z_][a-z0-9_]*$/);
    expect(raw).toContain('Content-Type');
  });
});

describe('/oauth2/Approval and /uapi/hashkey', () => {
  it('issues UUID approval keys from secretkey, one per second', async () => {
    const s = await sim();
    const k = new Kis(s);
    const key = await k.approvalKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const burst = await k.oauth('/oauth2/Approval', { grant_type: 'client_credentials', appkey: s.appkey, secretkey: s.appsecret });
    expect(burst).toMatchObject({ status: 500, body: { rt_cd: '1', msg_cd: 'EGW00201', msg1: '초당 거래건수를 초과하였습니다.' } });
    const noSecret = await k.oauth('/oauth2/Approval', { grant_type: 'client_credentials', appkey: s.appkey });
    expect(noSecret).toMatchObject({ status: 403, body: { error_code: 'EGW00104', error_description: 'AppSecret은 필수입니다.' } });
    expect(s.stats.approvalIssuances(s.appkey)).toBe(1);
  });

  it('serves a hashkey and, with validateHashkey, refuses orders without the right one', async () => {
    const s = await sim({ knobs: { validateHashkey: true } });
    const k = await Kis.connect(s);
    const body = JSON.stringify({ ...k.account(), PDNO: '005930', ORD_DVSN: '00', ORD_QTY: '1', ORD_UNPR: '60000', EXCG_ID_DVSN_CD: 'KRX' });
    const h = await fetch(`${s.rest}/uapi/hashkey`, { method: 'POST', headers: { 'content-type': 'application/json', appkey: s.appkey, appsecret: s.appsecret }, body });
    const { HASH } = (await h.json()) as { HASH: string };
    expect(HASH).toMatch(/^[0-9a-f]{64}$/);
    expect((await k.post('trading/order-cash', 'TTTC0012U', body)).body.msg_cd).toBe('EGW00131');
    expect((await k.post('trading/order-cash', 'TTTC0012U', body, { hashkey: HASH })).body.msg_cd).toBe('APBK0013');
  });
});

describe('gateway header checks', () => {
  it('answers each missing or wrong header with its EGW code, HTTP 500, rt_cd "1"', async () => {
    const s = await sim();
    const k = await Kis.connect(s);
    const url = `${s.rest}/uapi/domestic-stock/v1/quotations/inquire-price?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930`;
    const call = async (patch: Record<string, string | undefined>) => {
      const h: Record<string, string> = {};
      for (const [key, v] of Object.entries({ ...k.headers('FHKST01010100'), ...patch })) if (v !== undefined) h[key] = v;
      const r = await fetch(url, { headers: h });
      return { status: r.status, body: (await r.json()) as { rt_cd: string; msg_cd: string; msg1: string } };
    };
    expect(await call({ appkey: undefined })).toEqual({ status: 500, body: { rt_cd: '1', msg_cd: 'EGW00102', msg1: 'AppKey는 필수입니다.' } });
    expect((await call({ appkey: 'PSunknown' })).body.msg_cd).toBe('EGW00103');
    expect((await call({ appsecret: undefined })).body.msg_cd).toBe('EGW00104');
    expect((await call({ appsecret: 'wrong' })).body.msg_cd).toBe('EGW00105');
    expect((await call({ authorization: k.token })).body.msg_cd).toBe('EGW00205');
    expect((await call({ authorization: 'Bearer nope' })).body.msg_cd).toBe('EGW00121');
    expect((await call({ custtype: undefined })).body.msg_cd).toBe('EGW00208');
    expect((await call({ tr_id: 'VTTC8434R' })).body.msg_cd).toBe('EGW00206');
    expect((await call({ tr_id: 'FHKST01010100' })).body.rt_cd).toBe('0');
  });

  it('refuses the paper appkey on the real personality with EGW02004', async () => {
    const s = await sim();
    const k = new Kis(s, s.otherEnv.appkey, s.otherEnv.appsecret);
    const token = await k.oauth('/oauth2/tokenP', { grant_type: 'client_credentials', appkey: s.otherEnv.appkey, appsecret: s.otherEnv.appsecret });
    expect(token).toMatchObject({ status: 403, body: { error_code: 'EGW02004' } });
    const r = await k.get(...PRICE);
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ rt_cd: '1', msg_cd: 'EGW02004', msg1: '실전투자 도메인은 모의투자 앱키로 호출하실 수 없습니다.' });
  });

  it('knob egwHttpStatus sends gateway errors with HTTP 200', async () => {
    const s = await sim({ knobs: { egwHttpStatus: 200 } });
    const k = await Kis.connect(s);
    const r = await k.get('quotations/inquire-price', 'TTTC9999R', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930' });
    expect(r.status).toBe(200);
    expect(r.body.msg_cd).toBe('EGW00206');
  });
});

describe('rate limit', () => {
  it('real: 18 in a second pass, the 19th is EGW00201', async () => {
    const s = await sim();
    const k = await Kis.connect(s);
    const replies = [];
    for (let i = 0; i < 19; i++) replies.push(k.get(...PRICE));
    const all = await Promise.all(replies);
    const limited = all.filter((r) => r.body.msg_cd === 'EGW00201');
    expect(all.filter((r) => r.body.rt_cd === '0')).toHaveLength(18);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.status).toBe(500);
    expect(limited[0]!.body).toEqual({ rt_cd: '1', msg_cd: 'EGW00201', msg1: '초당 거래건수를 초과하였습니다.' });
    expect(s.stats.rateLimited()).toBe(1);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await k.get(...PRICE)).body.rt_cd).toBe('0');
  });

  it('paper: the second call within a second is EGW00201; newAppkeyRate caps a real key at 3/s', async () => {
    const p = await sim({ personality: 'paper' });
    const k = await Kis.connect(p);
    const [a, b] = await Promise.all([k.get(...PRICE), k.get(...PRICE)]);
    expect([a.body.msg_cd, b.body.msg_cd].sort()).toEqual(['EGW00201', 'MCA00000']);
    const r = await sim({ knobs: { newAppkeyRate: 3 } });
    const kr = await Kis.connect(r);
    const four = await Promise.all([0, 1, 2, 3].map(() => kr.get(...PRICE)));
    expect(four.filter((x) => x.body.msg_cd === 'EGW00201')).toHaveLength(1);
  });

  it('a rate-limit storm forces EGW00201 on its routes until the sim time passes', async () => {
    const s = await sim();
    const k = await Kis.connect(s);
    s.knobs.set({ rateLimitStorm: { untilMs: s.clock.now() + 5000, probability: 0, routes: ['FHKST01010100'] } });
    expect((await k.get(...PRICE)).body.msg_cd).toBe('EGW00201');
    expect((await k.get('quotations/inquire-asking-price-exp-ccn', 'FHKST01010200', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930' })).body.rt_cd).toBe('0');
    s.clock.advance(5000);
    expect((await k.get(...PRICE)).body.rt_cd).toBe('0');
    s.knobs.set({ rateLimitStorm: null, spuriousRateLimitProb: 1 });
    expect((await k.get(...PRICE)).body.msg_cd).toBe('EGW00201');
  });
});
