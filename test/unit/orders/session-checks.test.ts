/** Step 5 on its own: route × ORD_DVSN × session at a KST instant, with the time and phase in the refusal. */
import { describe, expect, it } from 'vitest';
import { mapOrderType } from '../../../src/main/orders/mapping';
import { checkSession } from '../../../src/main/orders/session-checks';
import type { InstrumentInfo } from '../../../src/main/session/service';
import { regimeFor } from '../../../src/shared/market/regime';
import { kstDate, parseKstIso } from '../../../src/shared/market/time';

const samsung: InstrumentInfo = { symbol: '005930', name: '삼성전자', nameEn: 'Samsung Electronics', market: 'KOSPI', etp: false, nxtEligible: true };
const kodex: InstrumentInfo = { symbol: '069500', name: 'KODEX 200', nameEn: 'KODEX 200', market: 'KOSPI', etp: true, nxtEligible: false };

function at(iso: string, route: 'KRX' | 'NXT' | 'SOR', type: Parameters<typeof mapOrderType>[0] = 'limit', o: { paper?: boolean; inst?: InstrumentInfo; halted?: boolean } = {}) {
  const now = parseKstIso(iso)!;
  const regime = regimeFor(kstDate(now));
  return checkSession({ route, paper: o.paper ?? false, mapping: mapOrderType(type, route, regime, 'buy'), now, regime, instrument: o.inst ?? samsung, halted: o.halted ?? false });
}

describe('checkSession', () => {
  it('NXT: refused at 08:55 (halt) and 15:25 (closing halt), accepted at 15:35 (after-market acceptance) and 10:00', () => {
    const early = at('2026-11-23T08:55:00+09:00', 'NXT');
    expect(early).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    if (!early.ok) {
      expect(early.message).toContain('08:55:00');
      expect(early.message).toContain('NXT');
      expect(early.messageEn).toContain('08:55:00 KST');
    }
    const closing = at('2026-11-23T15:25:00+09:00', 'NXT');
    expect(closing.ok).toBe(false);
    if (!closing.ok) expect(closing.message).toContain('15:25:00');
    expect(at('2026-11-23T15:35:00+09:00', 'NXT')).toMatchObject({ ok: true, admission: { venues: ['NXT'] } });
    expect(at('2026-11-23T10:00:00+09:00', 'NXT')).toMatchObject({ ok: true });
    // The NXT main market opens at 09:00:30 in the legacy regime (no post-halt call).
    expect(at('2026-06-15T09:00:10+09:00', 'NXT').ok).toBe(false);
    expect(at('2026-06-15T09:00:30+09:00', 'NXT').ok).toBe(true);
  });

  it('after-market limit on NXT only in NXT after-market hours; KRX 41 from 16:00 and never for an ETF', () => {
    expect(at('2026-11-23T10:00:00+09:00', 'NXT', 'afterMarketLimit').ok).toBe(false);
    expect(at('2026-11-23T15:35:00+09:00', 'NXT', 'afterMarketLimit').ok).toBe(true);
    expect(at('2026-11-23T16:30:00+09:00', 'KRX', 'afterMarketLimit').ok).toBe(true);
    expect(at('2026-11-23T15:00:00+09:00', 'KRX', 'afterMarketLimit').ok).toBe(false);
    const etf = at('2026-11-23T16:30:00+09:00', 'KRX', 'afterMarketLimit', { inst: kodex });
    expect(etf.ok === false && etf.messageEn).toMatch(/ETF/);
  });

  it('closed days, paper KRX-only, the §5 matrix (SOR mid-point), and halts', () => {
    const saturday = at('2026-11-21T10:00:00+09:00', 'KRX');
    expect(saturday.ok === false && saturday.message).toContain('거래일이 아닙니다');
    expect(at('2026-11-23T10:00:00+09:00', 'NXT', 'limit', { paper: true })).toMatchObject({ ok: false, message: expect.stringContaining('모의투자는 KRX') });
    const sorMid = at('2026-11-23T10:00:00+09:00', 'SOR', 'mid');
    expect(sorMid.ok === false && sorMid.message).toContain('주문구분 21');
    expect(at('2026-11-23T10:00:00+09:00', 'KRX', 'limit', { halted: true }).ok).toBe(false);
    // SOR with KRX halted still reaches NXT.
    expect(at('2026-11-23T10:00:00+09:00', 'SOR', 'limit', { halted: true })).toMatchObject({ ok: true, admission: { venues: ['NXT'] } });
  });
});
