/**
 * One place for "is this order price acceptable?" — tick grid first, then the daily band — with the numbers a
 * trader needs to fix it (the nearest valid prices, the limits), in Korean and English.
 */
import { roundToTick, tickSize } from './ticks';

export type PriceCheck =
  | { ok: true }
  | {
      ok: false;
      reason: 'notPositive' | 'offTick';
      tick: number;
      below: number;
      above: number;
      message: { ko: string; en: string };
    }
  | { ok: false; reason: 'aboveUpper' | 'belowLower'; upper: number; lower: number; message: { ko: string; en: string } };

const won = (n: number): string => n.toLocaleString('en-US');

export function checkOrderPrice(price: number, instrument: { etp: boolean; upperLimit: number; lowerLimit: number }): PriceCheck {
  const { etp, upperLimit: upper, lowerLimit: lower } = instrument;
  if (!Number.isFinite(price) || price <= 0) {
    const tick = tickSize(1, etp);
    return {
      ok: false,
      reason: 'notPositive',
      tick,
      below: tick,
      above: tick,
      message: { ko: '주문가격은 0보다 커야 합니다.', en: 'The order price must be positive.' },
    };
  }
  const tick = tickSize(price, etp);
  if (!Number.isInteger(price) || price % tick !== 0) {
    const below = roundToTick(price, etp, 'down');
    const above = roundToTick(price, etp, 'up');
    return {
      ok: false,
      reason: 'offTick',
      tick,
      below,
      above,
      message: {
        ko: `${won(price)}원은 호가단위(${won(tick)}원)에 맞지 않습니다. ${won(below)}원 또는 ${won(above)}원으로 주문하세요.`,
        en: `${won(price)} KRW is off the ${won(tick)}-won tick grid; use ${won(below)} or ${won(above)}.`,
      },
    };
  }
  if (price > upper)
    return {
      ok: false,
      reason: 'aboveUpper',
      upper,
      lower,
      message: { ko: `${won(price)}원은 상한가(${won(upper)}원)를 넘습니다.`, en: `${won(price)} KRW is above the upper limit ${won(upper)}.` },
    };
  if (price < lower)
    return {
      ok: false,
      reason: 'belowLower',
      upper,
      lower,
      message: { ko: `${won(price)}원은 하한가(${won(lower)}원)보다 낮습니다.`, en: `${won(price)} KRW is below the lower limit ${won(lower)}.` },
    };
  return { ok: true };
}
