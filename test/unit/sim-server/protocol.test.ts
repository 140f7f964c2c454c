import { describe, expect, it } from 'vitest';
import type { Personality } from '../../../src/sim/exchange/types';
import { DEFAULT_KNOBS } from '../../../src/sim/server/knobs';
import { handleClientText, SessionState, type ProtocolEnv } from '../../../src/sim/server/ws/protocol';

function env(personality: Personality = 'real', held = new Map<string, SessionState>(), knobs = DEFAULT_KNOBS): ProtocolEnv {
  let n = 0;
  return {
    personality,
    knobs: () => knobs,
    approvalAppkey: (k) => (k === 'good-approval' ? 'APPKEY' : k === 'other-approval' ? 'APPKEY2' : undefined),
    isSymbol: (c) => /^\d{6}$/.test(c),
    isHtsId: (id) => id === 'aegisdemo',
    freshKeyIv: () => ({ key: `k${String(++n).padStart(31, '0')}`, iv: `i${String(n).padStart(15, '0')}` }),
    appkeyHeldElsewhere: (appkey, s) => {
      const h = held.get(appkey);
      return h !== undefined && h !== s;
    },
  };
}

function msg(trId: string, trKey: string, extra: Record<string, unknown> = {}, approval = 'good-approval'): string {
  return JSON.stringify({
    header: { approval_key: approval, custtype: 'P', tr_type: '1', 'content-type': 'utf-8', ...extra },
    body: { input: { tr_id: trId, tr_key: trKey } },
  });
}

function code(r: { replies: string[] }): [string, string, string] {
  const j = JSON.parse(r.replies[0]!) as { body: { rt_cd: string; msg_cd: string; msg1: string } };
  return [j.body.rt_cd, j.body.msg_cd, j.body.msg1];
}

describe('WS subscribe protocol', () => {
  it('acks a subscription with a 32-char key and 16-char iv, encrypt N for market data and Y for notices', () => {
    const s = new SessionState();
    const e = env();
    const a = handleClientText(msg('H0STCNT0', '005930'), s, e);
    const j = JSON.parse(a.replies[0]!);
    expect(j.header).toEqual({ tr_id: 'H0STCNT0', tr_key: '005930', encrypt: 'N' });
    expect(j.body.msg_cd).toBe('OPSP0000');
    expect(j.body.msg1).toBe('SUBSCRIBE SUCCESS');
    expect(j.body.output.key).toHaveLength(32);
    expect(j.body.output.iv).toHaveLength(16);
    expect(a.bound).toBe('APPKEY');
    const n = JSON.parse(handleClientText(msg('H0STCNI0', 'aegisdemo'), s, e).replies[0]!);
    expect(n.header.encrypt).toBe('Y');
    expect(n.body.output.key).not.toBe(j.body.output.key);
  });

  it('keeps encrypt "Y" on error acks of notice TRs (the official helper re-reads it from every ack)', () => {
    const s = new SessionState();
    const e = env();
    handleClientText(msg('H0STCNI0', 'aegisdemo'), s, e);
    const dup = JSON.parse(handleClientText(msg('H0STCNI0', 'aegisdemo'), s, e).replies[0]!);
    expect(dup.body.msg_cd).toBe('OPSP0002');
    expect(dup.header.encrypt).toBe('Y');
  });

  it('answers each misuse with its OPSP code', () => {
    const s = new SessionState();
    const e = env();
    expect(code(handleClientText('{not json', s, e))).toEqual(['1', 'OPSP9999', 'JSON PARSING ERROR : invalid json format']);
    expect(code(handleClientText('{"body":{}}', s, e))[1]).toBe('OPSP9998');
    expect(code(handleClientText(msg('H0STCNT0', '005930', {}, 'bad'), s, e))[1]).toBe('OPSP0011');
    expect(code(handleClientText(msg('H0STCNT0', '005930', { tr_type: '0' }), s, e))[1]).toBe('OPSP8997');
    expect(code(handleClientText(msg('H0STCNT0', '005930', { custtype: 'X' }), s, e))[1]).toBe('OPSP8998');
    expect(code(handleClientText(msg('H0STCNT0', '005930', { custtype: undefined }), s, e))[1]).toBe('OPSP9997');
    expect(code(handleClientText(JSON.stringify({ header: { approval_key: 'good-approval', custtype: 'P', tr_type: '1' }, body: {} }), s, e))[1]).toBe('OPSP9991');
    expect(code(handleClientText(msg('H0XXXXX0', '005930'), s, e))[1]).toBe('OPSP8991');
    expect(code(handleClientText(msg('H0STCNT0', ''), s, e))[1]).toBe('OPSP9990');
    expect(code(handleClientText(msg('H0STCNT0', 'ABC'), s, e))[1]).toBe('OPSP8992');
    expect(code(handleClientText(msg('H0STCNI0', 'someone'), s, e))[1]).toBe('OPSP8992');
    expect(code(handleClientText(msg('H0STCNT0', '005930', { tr_type: '2' }), s, e))).toEqual(['1', 'OPSP0003', 'UNSUBSCRIBE ERROR (not found!)']);
    handleClientText(msg('H0STCNT0', '005930'), s, e);
    expect(code(handleClientText(msg('H0STCNT0', '005930'), s, e))).toEqual(['1', 'OPSP0002', 'ALREADY IN SUBSCRIBE']);
    const un = handleClientText(msg('H0STCNT0', '005930', { tr_type: '2' }), s, e);
    expect(code(un)).toEqual(['0', 'OPSP0001', 'UNSUBSCRIBE SUCCESS']);
    expect(un.removed?.trKey).toBe('005930');
  });

  it('caps registrations per session summed across TRs (41st ok, 42nd OPSP0008)', () => {
    const s = new SessionState();
    const e = env();
    for (let i = 0; i < 41; i++) {
      const tr = i % 2 === 0 ? 'H0STCNT0' : 'H0STASP0';
      expect(code(handleClientText(msg(tr, String(100000 + i)), s, e))[1]).toBe('OPSP0000');
    }
    expect(code(handleClientText(msg('H0STCNI0', 'aegisdemo'), s, e))).toEqual(['1', 'OPSP0008', 'MAX SUBSCRIBE OVER']);
    const nine = env('real', new Map(), { ...DEFAULT_KNOBS, wsMaxRegistrations: 2, wsMaxSubscribeRtCd: '9' });
    const s2 = new SessionState();
    handleClientText(msg('H0STCNT0', '000001'), s2, nine);
    handleClientText(msg('H0STCNT0', '000002'), s2, nine);
    expect(code(handleClientText(msg('H0STCNT0', '000003'), s2, nine))).toEqual(['9', 'OPSP0008', 'MAX SUBSCRIBE OVER']);
  });

  it('refuses a second session for the same appkey with OPSP8996 and closes the newer one', () => {
    const held = new Map<string, SessionState>();
    const e = env('real', held);
    const first = new SessionState();
    handleClientText(msg('H0STCNT0', '005930'), first, e);
    held.set('APPKEY', first);
    const second = new SessionState();
    const r = handleClientText(msg('H0STCNT0', '005930'), second, e);
    expect(code(r)).toEqual(['9', 'OPSP8996', 'ALREADY IN USE appkey']);
    expect(r.close).toBe(true);
    expect(second.appkey).toBeNull();
    // Another appkey may hold its own session.
    expect(code(handleClientText(msg('H0STCNT0', '005930', {}, 'other-approval'), new SessionState(), e))[1]).toBe('OPSP0000');
  });

  it('paper serves only KRX TRs and H0STCNI9', () => {
    const s = new SessionState();
    const e = env('paper');
    expect(code(handleClientText(msg('H0NXCNT0', '005930'), s, e))[1]).toBe('OPSP8991');
    expect(code(handleClientText(msg('H0UNASP0', '005930'), s, e))[1]).toBe('OPSP8991');
    expect(code(handleClientText(msg('H0STCNI0', 'aegisdemo'), s, e))[1]).toBe('OPSP8991');
    expect(code(handleClientText(msg('H0STCNI9', 'aegisdemo'), s, e))[1]).toBe('OPSP0000');
    expect(code(handleClientText(msg('H0STANC0', '005930'), s, e))[1]).toBe('OPSP0000');
    const strict = env('paper', new Map(), { ...DEFAULT_KNOBS, paperRejectAnc: true });
    expect(code(handleClientText(msg('H0STANC0', '000660'), new SessionState(), strict))[1]).toBe('OPSP8991');
    // Real does not know the paper notice TR.
    expect(code(handleClientText(msg('H0STCNI9', 'aegisdemo'), new SessionState(), env('real')))[1]).toBe('OPSP8991');
  });

  it('checks the approval key at session start only: the open session outlives the key', () => {
    let valid = true;
    const e = { ...env(), approvalAppkey: (k: string) => (valid && k === 'good-approval' ? 'APPKEY' : undefined) };
    const s = new SessionState();
    expect(code(handleClientText(msg('H0STCNT0', '005930'), s, e))[1]).toBe('OPSP0000');
    valid = false; // 24 h later
    expect(code(handleClientText(msg('H0STCNT0', '000660'), s, e))[1]).toBe('OPSP0000');
    expect(code(handleClientText(msg('H0STCNT0', '000660'), new SessionState(), e))[1]).toBe('OPSP0011');
  });

  it('treats an echoed PINGPONG as keep-alive without a reply', () => {
    const r = handleClientText(JSON.stringify({ header: { tr_id: 'PINGPONG', datetime: '20261123100000' } }), new SessionState(), env());
    expect(r).toEqual({ replies: [], keepAlive: true });
  });
});
