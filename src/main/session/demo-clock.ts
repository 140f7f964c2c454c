/**
 * Where the demo market's virtual clock starts, so the demo is alive whenever the trader opens it — at 3 a.m.
 * or on a Sunday too. During KRX's continuous session on a trading day it simply starts at the real time; any
 * other time it replays a trading day from 09:30 KST: today's when today is one, else the most recent one
 * (never a future date, so "today" in the demo is a day the trader has already lived).
 */
import { isTradingDay as bundledIsTradingDay, prevTradingDay, type TradingDayFn } from '../../shared/market/calendar';
import { kstEpoch, kstParts } from '../../shared/market/time';

const CONTINUOUS_FROM = 9 * 3600;
/** Leave room before the closing auction: a demo that starts at 15:19 is over in a minute. */
const CONTINUOUS_UNTIL = 15 * 3600;
const REPLAY_FROM = '093000';

export function demoStartTime(realNowMs: number, isTradingDay: TradingDayFn = bundledIsTradingDay): number {
  const p = kstParts(realNowMs);
  if (isTradingDay(p.ymd)) {
    if (p.secondsOfDay >= CONTINUOUS_FROM && p.secondsOfDay < CONTINUOUS_UNTIL) return realNowMs;
    return kstEpoch(p.ymd, REPLAY_FROM);
  }
  return kstEpoch(prevTradingDay(p.ymd, isTradingDay), REPLAY_FROM);
}
