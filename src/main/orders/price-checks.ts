/**
 * Step 6: the tick grid (shared ticks.ts — ETF/ETN flat 5 원) and the day's ±30% band, read live from the quote
 * (stck_llam..stck_mxpr; kis-api.md §9.3 DECISION: the client never computes limits). A price off the grid is
 * refused with the two nearest valid prices, never silently rounded: a rounded buy could pay more than the trader
 * typed.
 */
import type { Failure } from '../../shared/ipc/result';
import { isOnTick, roundToTick, tickSize } from '../../shared/market/ticks';
import { notAllowed, wonEn, wonKo } from './refusal';

export interface Band {
  lower: number;
  upper: number;
}

export function checkTick(price: number, etp: boolean, what: { ko: string; en: string } = { ko: '주문가격', en: 'Price' }): Failure | null {
  if (isOnTick(price, etp)) return null;
  const tick = tickSize(price, etp);
  const down = roundToTick(price, etp, 'down');
  const up = roundToTick(price, etp, 'up');
  return notAllowed(
    `${what.ko} ${wonKo(price)}이 호가단위(${wonKo(tick)})에 맞지 않습니다. ${wonKo(down)} 또는 ${wonKo(up)}으로 입력하세요.`,
    `${what.en} ${wonEn(price)} is not on the tick grid (tick ${wonEn(tick)}); use ${wonEn(down)} or ${wonEn(up)}.`,
  );
}

export function checkBand(price: number, band: Band, what: { ko: string; en: string } = { ko: '주문가격', en: 'Price' }): Failure | null {
  if (band.upper > 0 && price > band.upper) {
    return notAllowed(
      `${what.ko} ${wonKo(price)}이 상한가 ${wonKo(band.upper)}보다 높습니다 (가격제한폭 ±30%).`,
      `${what.en} ${wonEn(price)} is above the upper limit ${wonEn(band.upper)} (±30% daily band).`,
    );
  }
  if (band.lower > 0 && price < band.lower) {
    return notAllowed(
      `${what.ko} ${wonKo(price)}이 하한가 ${wonKo(band.lower)}보다 낮습니다 (가격제한폭 ±30%).`,
      `${what.en} ${wonEn(price)} is below the lower limit ${wonEn(band.lower)} (±30% daily band).`,
    );
  }
  return null;
}

export const STOP_PRICE = { ko: '감시가격(스톱)', en: 'Stop price' };
