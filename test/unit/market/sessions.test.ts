import { describe, expect, it } from 'vitest';
import { ORD_DVSN_TABLE, ordDvsnCodesFor } from '../../../src/shared/market/ordDvsn';
import { orderAllowed, sessionAt, type OrderAdmissionInput } from '../../../src/shared/market/sessions';
import { kstEpoch, parseKstIso } from '../../../src/shared/market/time';

const LEGACY_DAY = '20260910'; // Thursday, legacy regime
const NEW_DAY = '20261123'; // Monday, 2026-09 regime
const at = (ymd: string, hhmmss: string): number => kstEpoch(ymd, hhmmss);
const stock = { etp: false, nxtEligible: true };
const etf = { etp: true, nxtEligible: false };
const krxOnly = { etp: false, nxtEligible: false };

function allowed(over: Partial<OrderAdmissionInput> & { epochMs: number }): ReturnType<typeof orderAllowed> {
  return orderAllowed({ route: 'KRX', ordDvsn: '00', instrument: stock, ...over });
}
function reason(over: Partial<OrderAdmissionInput> & { epochMs: number }): string {
  const r = allowed(over);
  return r.ok ? 'ok' : r.reason;
}

describe('sessionAt', () => {
  it('walks the KRX day (legacy)', () => {
    const phases = ['082959', '083000', '085959', '090000', '151959', '152000', '153000', '154000', '160000', '175959', '180000'].map(
      (t) => sessionAt('KRX', at(LEGACY_DAY, t)).phase,
    );
    expect(phases).toEqual([
      'closed',
      'preOpenAuction',
      'preOpenAuction',
      'continuous',
      'continuous',
      'closingAuction',
      'closed',
      'afterHoursClose',
      'afterHoursSingle',
      'afterHoursSingle',
      'closed',
    ]);
  });

  it('has the KRX after-market 16:00–20:00 in the 2026-09 regime', () => {
    const s = sessionAt('KRX', at(NEW_DAY, '170000'));
    expect(s.phase).toBe('afterMarket');
    expect(s.matching).toBe(true);
    expect(s.marketClass).toBe('3');
    expect(sessionAt('KRX', at(NEW_DAY, '200000')).phase).toBe('closed');
    expect(sessionAt('KRX', at(NEW_DAY, '073000'), { krxPreMarket: true }).phase).toBe('preMarket');
    expect(sessionAt('KRX', at(NEW_DAY, '073000')).phase).toBe('closed');
  });

  it('walks the NXT day with its halts', () => {
    const legacy = ['075959', '080000', '085000', '090015', '090030', '151959', '152500', '153500', '154000', '195959', '200000'].map(
      (t) => sessionAt('NXT', at(LEGACY_DAY, t)).phase,
    );
    expect(legacy).toEqual(['closed', 'preMarket', 'halt', 'halt', 'continuous', 'continuous', 'halt', 'afterAcceptOnly', 'afterMarket', 'afterMarket', 'closed']);
    // 2026-09: a 30-s single-price call after the morning halt (knob, default on).
    expect(sessionAt('NXT', at(NEW_DAY, '090015')).phase).toBe('preOpenAuction');
    expect(sessionAt('NXT', at(NEW_DAY, '090015'), { nxtPostHaltAuction: false }).phase).toBe('halt');
  });

  it('reports labels and the next change, also across weekends and holidays', () => {
    const s = sessionAt('NXT', at(NEW_DAY, '152500'));
    expect(s.labelKo).toBe('휴장(거래 중단)');
    expect(s.acceptsOrders).toBe(false);
    expect(s.nextChangeMs).toBe(at(NEW_DAY, '153000'));
    const fri = sessionAt('KRX', at('20261120', '210000'));
    expect(fri.phase).toBe('closed');
    expect(fri.nextChangeMs).toBe(at('20261123', '083000'));
    const sat = sessionAt('NXT', parseKstIso('2026-11-21T10:00:00+09:00')!);
    expect(sat.tradingDay).toBe(false);
    expect(sat.nextChangeMs).toBe(at('20261123', '080000'));
    expect(sessionAt('KRX', at('20260217', '100000')).phase).toBe('closed'); // 설날
  });
});

describe('orderAllowed — NXT time edges (issue 6)', () => {
  const nxt = (t: string, day = NEW_DAY, code = '00') => reason({ route: 'NXT', ordDvsn: code, epochMs: at(day, t) });
  it('refuses in halts and accepts after-market orders from 15:30', () => {
    expect(nxt('075959')).toBe('session');
    expect(nxt('080000')).toBe('ok');
    expect(nxt('084959')).toBe('ok');
    expect(nxt('085000')).toBe('session');
    expect(nxt('085500')).toBe('session');
    expect(nxt('090015', LEGACY_DAY)).toBe('session');
    expect(nxt('090030', LEGACY_DAY)).toBe('ok');
    expect(nxt('152500')).toBe('session');
    expect(nxt('152959')).toBe('session');
    expect(nxt('153000')).toBe('ok');
    expect(nxt('153500')).toBe('ok');
    expect(nxt('195959')).toBe('ok');
    expect(nxt('200000')).toBe('session');
  });
  it('accepts the 2026-09 post-halt call at 09:00:15 only with the knob on', () => {
    expect(nxt('090015')).toBe('ok');
    expect(reason({ route: 'NXT', epochMs: at(NEW_DAY, '090015'), nxtPostHaltAuction: false })).toBe('session');
  });
});

describe('orderAllowed — §5 matrix', () => {
  const t = at(NEW_DAY, '100000');
  it('refuses closed days first', () => {
    expect(reason({ epochMs: at('20261121', '100000') })).toBe('closedDay');
    expect(reason({ epochMs: at('20260925', '100000'), ordDvsn: 'zz' })).toBe('closedDay');
  });
  it('applies the venue columns', () => {
    expect(reason({ route: 'NXT', ordDvsn: '01', epochMs: t })).toBe('venue');
    expect(reason({ route: 'SOR', ordDvsn: '01', epochMs: t })).toBe('ok');
    expect(reason({ route: 'SOR', ordDvsn: '02', epochMs: t })).toBe('venue');
    expect(reason({ route: 'SOR', ordDvsn: '21', epochMs: t })).toBe('venue');
    expect(reason({ route: 'NXT', ordDvsn: '21', epochMs: t })).toBe('ok');
    expect(reason({ route: 'NXT', ordDvsn: '05', epochMs: t })).toBe('venue');
    expect(reason({ ordDvsn: '08', epochMs: t })).toBe('unknownOrdDvsn');
  });
  it('applies the regime column', () => {
    expect(reason({ ordDvsn: '07', epochMs: at(NEW_DAY, '163000'), instrument: krxOnly })).toBe('regime');
    expect(reason({ ordDvsn: '07', epochMs: at(LEGACY_DAY, '163000'), instrument: krxOnly })).toBe('ok');
    expect(reason({ ordDvsn: '07', epochMs: at(LEGACY_DAY, '163000'), instrument: stock })).toBe('nxtTradable');
    expect(reason({ ordDvsn: '41', epochMs: at(LEGACY_DAY, '163000') })).toBe('regime');
    expect(reason({ route: 'NXT', ordDvsn: '27', epochMs: at(LEGACY_DAY, '081000') })).toBe('regime');
    // Same instant, override flips the rule set.
    expect(reason({ ordDvsn: '07', epochMs: at(NEW_DAY, '163000'), instrument: krxOnly, regimeOverride: 'legacy' })).toBe('ok');
  });
  it('takes 41–47 only on KRX 16:00–20:00 and never for ETPs', () => {
    for (const code of ['41', '42', '43', '44', '45', '46', '47']) {
      expect(reason({ ordDvsn: code, epochMs: at(NEW_DAY, '160000') }), code).toBe('ok');
      expect(reason({ ordDvsn: code, epochMs: at(NEW_DAY, '195959') }), code).toBe('ok');
      expect(reason({ ordDvsn: code, epochMs: at(NEW_DAY, '155959') }), code).toBe('session');
      expect(reason({ ordDvsn: code, epochMs: at(NEW_DAY, '200000') }), code).toBe('session');
      expect(reason({ ordDvsn: code, epochMs: at(NEW_DAY, '170000'), instrument: etf }), code).toBe('etp');
      expect(reason({ route: 'NXT', ordDvsn: code, epochMs: at(NEW_DAY, '170000') }), code).toBe('venue');
      expect(reason({ route: 'SOR', ordDvsn: code, epochMs: at(NEW_DAY, '170000') }), code).toBe('venue');
    }
  });
  it('takes GTP 27–29 on NXT 08:00–08:50 only', () => {
    for (const code of ['27', '28', '29']) {
      expect(reason({ route: 'NXT', ordDvsn: code, epochMs: at(NEW_DAY, '080000') })).toBe('ok');
      expect(reason({ route: 'NXT', ordDvsn: code, epochMs: at(NEW_DAY, '085000') })).toBe('session');
      expect(reason({ route: 'NXT', ordDvsn: code, epochMs: at(NEW_DAY, '100000') })).toBe('session');
      expect(reason({ route: 'KRX', ordDvsn: code, epochMs: at(NEW_DAY, '080000') })).toBe('venue');
    }
  });
  it('times the KRX after-hours codes', () => {
    expect(reason({ ordDvsn: '05', epochMs: at(NEW_DAY, '083500') })).toBe('ok');
    expect(reason({ ordDvsn: '05', epochMs: at(NEW_DAY, '084000') })).toBe('session');
    expect(reason({ ordDvsn: '06', epochMs: at(NEW_DAY, '154000') })).toBe('ok');
    expect(reason({ ordDvsn: '06', epochMs: at(NEW_DAY, '153500') })).toBe('session');
    expect(reason({ ordDvsn: '00', epochMs: at(NEW_DAY, '083000') })).toBe('ok');
    expect(reason({ ordDvsn: '00', epochMs: at(NEW_DAY, '152959') })).toBe('ok');
    expect(reason({ ordDvsn: '00', epochMs: at(NEW_DAY, '153000') })).toBe('session');
  });
  it('routes SOR to whichever venue is open, and checks NXT eligibility after the session', () => {
    const pre = allowed({ route: 'SOR', epochMs: at(NEW_DAY, '081000') });
    expect(pre).toEqual({ ok: true, regime: '2026-09', venues: ['NXT'] });
    expect(allowed({ route: 'SOR', epochMs: at(NEW_DAY, '100000') })).toEqual({ ok: true, regime: '2026-09', venues: ['KRX', 'NXT'] });
    expect(reason({ route: 'SOR', epochMs: at(NEW_DAY, '081000'), instrument: krxOnly })).toBe('session');
    expect(reason({ route: 'NXT', epochMs: at(NEW_DAY, '100000'), instrument: krxOnly })).toBe('nxtIneligible');
    expect(reason({ route: 'NXT', epochMs: at(NEW_DAY, '085500'), instrument: krxOnly })).toBe('session');
    expect(reason({ route: 'NXT', epochMs: at(NEW_DAY, '100000'), instrument: { ...stock, nxtHalted: true } })).toBe('nxtHalted');
    expect(reason({ route: 'KRX', epochMs: at(NEW_DAY, '100000'), instrument: { ...stock, halted: true } })).toBe('halted');
  });
  it('every code in the table has a consistent row', () => {
    for (const r of ORD_DVSN_TABLE) {
      expect(r.routes.length).toBeGreaterThan(0);
      expect(r.regimes.length).toBeGreaterThan(0);
    }
    expect(ordDvsnCodesFor('NXT', 'legacy')).toEqual(['00', '03', '04', '11', '12', '13', '14', '15', '16', '21', '22', '23', '24']);
    expect(ordDvsnCodesFor('SOR', '2026-09')).toEqual(['00', '01', '03', '04', '11', '12', '13', '14', '15', '16']);
  });
});
