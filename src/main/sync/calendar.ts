/**
 * Which days KRX trades, for the schedule. Real accounts: chk-holiday (kis-api.md §4.11), asked once per
 * KST day — the REST client caches its answer for the day as well, and falls back to the bundled calendar
 * when KIS fails. Paper (no such TR) and demo (the simulator follows the bundled calendar): the calendar in
 * src/shared/market. Until chk-holiday answers, the bundled calendar stands in.
 */
import { isTradingDay as bundledIsTradingDay, type TradingDayFn } from '../../shared/market/calendar';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';

export class TradingCalendar {
  private day: string | null = null;
  private isOpen: TradingDayFn = bundledIsTradingDay;
  private closed = false;

  constructor(
    private readonly session: Pick<ActiveSession, 'environment' | 'rest'>,
    private readonly log: Logger,
  ) {}

  /** The predicate to use now. */
  get tradingDay(): TradingDayFn {
    return this.isOpen;
  }

  /** Called on every schedule check; asks KIS once per trade date. */
  load(today: string): void {
    if (this.day === today) return;
    this.day = today;
    if (this.session.environment !== 'real') return;
    void this.session.rest
      .holidays({ priority: 'background' })
      .then((cal) => {
        if (this.closed || this.day !== today) return;
        // KIS did not answer (the client hands back the bundled calendar): ask again later — the REST client
        // itself waits an hour between failed attempts.
        if (cal.source !== 'kis') this.day = null;
        const open = new Map(cal.days.map((d) => [d.date, d.open]));
        this.isOpen = (ymd) => open.get(ymd) ?? bundledIsTradingDay(ymd);
      })
      .catch((err: unknown) => this.log.warn('holiday calendar unavailable; using the bundled one', { error: err instanceof Error ? err.message : String(err) }));
  }

  close(): void {
    this.closed = true;
  }
}
