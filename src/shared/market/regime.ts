/**
 * Which rule set applies on a trade date (kis-api.md §0.1 REGIME): the KRX after-market / NXT rule change of
 * 2026-09-14. Before it: 'legacy' (KRX 시간외단일가, ORD_DVSN 07). From it: '2026-09' (KRX after-market 16:00–20:00,
 * codes 41–47, NXT GTP 27–29, 07 abolished). Config may override it so both rule sets stay testable.
 */
export type Regime = 'legacy' | '2026-09';

export const REGIME_SWITCH_YMD = '20260914';

export function regimeFor(tradeDateYmd: string, override?: Regime | null): Regime {
  if (override) return override;
  return tradeDateYmd >= REGIME_SWITCH_YMD ? '2026-09' : 'legacy';
}
