/** The session-aware cadence in KST, whatever the machine's time zone. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, dueWork, inSession } from '../../../src/main/sync/schedule';
import { isTradingDay } from '../../../src/shared/market/calendar';
import { kstEpoch } from '../../../src/shared/market/time';

const at = (ymd: string, hms: string) => kstEpoch(ymd, hms);

describe('schedule', () => {
  it('in session from NXT’s 08:00 pre-market to its 20:00 close on trading days only', () => {
    expect(inSession(at('20261123', '075959'), isTradingDay)).toBe(false);
    expect(inSession(at('20261123', '080000'), isTradingDay)).toBe(true);
    expect(inSession(at('20261123', '100000'), isTradingDay)).toBe(true);
    expect(inSession(at('20261123', '195959'), isTradingDay)).toBe(true);
    expect(inSession(at('20261123', '200000'), isTradingDay)).toBe(false);
    expect(inSession(at('20261122', '100000'), isTradingDay)).toBe(false); // Sunday
    expect(inSession(at('20261225', '100000'), isTradingDay)).toBe(false); // 성탄절
    expect(inSession(at('20261123', '100000'), () => false)).toBe(false); // chk-holiday says closed
  });

  it('balance every minute in session and every ten outside; orders every minute in session only', () => {
    const t = at('20261123', '100000');
    const never = { balanceAt: null, ordersAt: null };
    expect(dueWork(t, never, true, true)).toEqual({ balance: true, orders: true });
    expect(dueWork(t, never, false, false)).toEqual({ balance: true, orders: false });
    const just = { balanceAt: t - 59_999, ordersAt: t - 59_999 };
    expect(dueWork(t, just, true, true)).toEqual({ balance: false, orders: false });
    const minute = { balanceAt: t - 60_000, ordersAt: t - 60_000 };
    expect(dueWork(t, minute, true, true)).toEqual({ balance: true, orders: true });
    expect(dueWork(t, minute, false, false)).toEqual({ balance: false, orders: false });
    expect(dueWork(t, { balanceAt: t - DEFAULT_CADENCE.balanceOutsideMs, ordersAt: t - 1 }, false, false)).toEqual({ balance: true, orders: false });
  });

  it('once more, orders included, right after the session ends; a clock moved backwards counts as due', () => {
    const t = at('20261123', '200001');
    expect(dueWork(t, { balanceAt: t - 1000, ordersAt: t - 1000 }, false, true)).toEqual({ balance: true, orders: true });
    expect(dueWork(t, { balanceAt: t + 5000, ordersAt: t + 5000 }, true, true)).toEqual({ balance: true, orders: true });
  });
});
