/**
 * "Press twice to confirm" for destructive keys (cancel all): the first press arms, a second press of the same
 * key within the window fires. Pure: the caller passes the time, so tests need no timers.
 */
export const DOUBLE_PRESS_WINDOW_MS = 1500;

export type DoublePressOutcome = 'armed' | 'fire';

export interface DoublePress {
  press(nowMs: number): DoublePressOutcome;
  /** Armed and waiting for the second press at this time? */
  armedAt(nowMs: number): boolean;
  reset(): void;
}

export function createDoublePress(windowMs: number = DOUBLE_PRESS_WINDOW_MS): DoublePress {
  let firstAt: number | null = null;
  return {
    press(now) {
      if (firstAt !== null && now - firstAt <= windowMs && now >= firstAt) {
        firstAt = null;
        return 'fire';
      }
      firstAt = now;
      return 'armed';
    },
    armedAt: (now) => firstAt !== null && now - firstAt <= windowMs && now >= firstAt,
    reset() {
      firstAt = null;
    },
  };
}
