/**
 * The trading calendar and session rules the market channels use, per environment: the simulator's own
 * calendar and regime knobs in demo; chk-holiday (KIS, cached per day by the REST client) on real; the bundled
 * KRX calendar on paper and whenever KIS has not answered.
 */
import type { MarketSessionView } from '../../shared/ipc/domains/market';
import { isTradingDay as bundledIsTradingDay } from '../../shared/market/calendar';
import { sessionAt, type SessionOptions, type SessionState } from '../../shared/market/sessions';
import { kstDate } from '../../shared/market/time';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';

export interface MarketCalendar {
  options(): SessionOptions;
  /** Fetch the KIS calendar when it is due (real only); never rejects. */
  refresh(): Promise<void>;
}

export function marketCalendar(session: ActiveSession, logger: Logger): MarketCalendar {
  const sim = session.sim;
  if (sim) {
    return {
      options: () => {
        const k = sim.knobs.get();
        return {
          isTradingDay: (ymd) => sim.exchange.isTradingDay(ymd),
          regimeOverride: k.regimeOverride,
          krxPreMarket: k.krxPreMarket,
          nxtPostHaltAuction: k.nxtPostHaltAuction,
        };
      },
      refresh: async () => undefined,
    };
  }
  let kisDays = new Map<string, boolean>();
  let fetchedOn = '';
  const isTradingDay = (ymd: string) => kisDays.get(ymd) ?? bundledIsTradingDay(ymd);
  return {
    options: () => ({ isTradingDay }),
    async refresh() {
      const today = kstDate(session.marketClock.now());
      if (session.paper || fetchedOn === today) return;
      try {
        const cal = await session.rest.holidays({ priority: 'background' });
        if (cal.source === 'kis') {
          kisDays = new Map(cal.days.map((d) => [d.date, d.open]));
          fetchedOn = today;
        }
      } catch (err) {
        logger.warn('holiday calendar unavailable; using the bundled one', { error: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}

function venueView(s: SessionState): MarketSessionView['krx'] {
  return { phase: s.phase, label: { ko: s.labelKo, en: s.labelEn }, acceptsOrders: s.acceptsOrders, nextChangeAt: s.nextChangeMs };
}

export function marketSessionView(nowMs: number, opts: SessionOptions): MarketSessionView {
  const krx = sessionAt('KRX', nowMs, opts);
  const nxt = sessionAt('NXT', nowMs, opts);
  return { tradingDay: krx.tradingDay, regime: krx.regime, krx: venueView(krx), nxt: venueView(nxt), now: nowMs };
}
