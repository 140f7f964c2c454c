/**
 * Pure KRX/NXT market rules shared by the simulator, main's order re-validation and the renderer (design invariant 8).
 * Everything takes epoch ms / YYYYMMDD and works in KST whatever the machine's time zone.
 *
 * - time.ts      KST conversion (kstParts, kstDate, kstTime, kstEpoch, parseKstIso, addDays …)
 * - regime.ts    regimeFor(tradeDate, override) — 'legacy' | '2026-09' (switch 2026-09-14)
 * - calendar.ts  bundled fallback KRX holiday calendar 2025–2027 (chk-holiday wins on real): isTradingDay, next/prev …
 * - sessions.ts  session calendars as data per venue/regime; sessionAt(); orderAllowed() = §5 matrix × sessions
 * - ordDvsn.ts   the ORD_DVSN table (names, venues, regimes, unpriced, IOC/FOK)
 * - ticks.ts     tickSize, isOnTick, roundToTick, stepTicks
 * - band.ts      priceBand (±30% on the grid), withinBand
 * - priceCheck.ts checkOrderPrice — tick then band, with the numbers to show
 * - fees.ts      commission per venue, sell tax by market and date, estimateCosts — integer won, bigint products
 */
export * from './time';
export * from './regime';
export * from './calendar';
export * from './ordDvsn';
export * from './sessions';
export * from './ticks';
export * from './band';
export * from './priceCheck';
export * from './fees';
