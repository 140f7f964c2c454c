/**
 * Step 5: the venue's session at marketClock.now() (KST) and whether the ORD_DVSN is allowed there — the shared
 * `orderAllowed` (§5 venue matrix × session windows × regime × closed days), the very code the renderer and the
 * simulator use. The refusal names the venue, the KST time that failed and the session phase at that time.
 */
import type { Failure } from '../../shared/ipc/result';
import { orderAllowed, sessionAt, type OrderAdmission } from '../../shared/market/sessions';
import type { Regime } from '../../shared/market/regime';
import type { OrderVenue } from '../../shared/market/ordDvsn';
import type { InstrumentInfo } from '../session/service';
import type { Route, TypeMapping } from './mapping';
import { kstClock, notAllowed } from './refusal';

export interface SessionCheckInput {
  route: Route;
  paper: boolean;
  mapping: TypeMapping;
  now: number;
  regime: Regime;
  instrument: InstrumentInfo;
  /** From the live quote: KRX halt for KRX/SOR, NXT halt for NXT. */
  halted: boolean;
}

const venueOf = (route: Route): OrderVenue => (route === 'NXT' ? 'NXT' : 'KRX');

function where(route: Route, now: number): { ko: string; en: string } {
  const venue = venueOf(route);
  const s = sessionAt(venue, now);
  const next = s.nextChangeMs > now ? ` · 다음 변경 ${kstClock(s.nextChangeMs)}` : '';
  const nextEn = s.nextChangeMs > now ? `; next change at ${kstClock(s.nextChangeMs)}` : '';
  return { ko: `${route} ${kstClock(now)} KST · ${s.labelKo}${next}`, en: `${route} at ${kstClock(now)} KST: ${s.labelEn}${nextEn}` };
}

export function checkSession(i: SessionCheckInput): { ok: true; admission: Extract<OrderAdmission, { ok: true }> } | Failure {
  if (i.paper && i.route !== 'KRX') {
    return notAllowed(`모의투자는 KRX 주문만 가능합니다 (요청: ${i.route}).`, `Paper trading routes to KRX only (requested: ${i.route}).`);
  }
  if (!i.mapping.ok) return notAllowed(i.mapping.message.ko, i.mapping.message.en);
  const adm = orderAllowed({
    route: i.route,
    ordDvsn: i.mapping.ordDvsn,
    epochMs: i.now,
    regime: i.regime,
    instrument: {
      etp: i.instrument.etp,
      nxtEligible: i.instrument.nxtEligible,
      halted: i.route !== 'NXT' && i.halted,
      nxtHalted: i.route === 'NXT' && i.halted,
    },
  });
  if (!adm.ok) {
    const w = where(i.route, i.now);
    return notAllowed(`${adm.message.ko} (${w.ko}, 주문구분 ${i.mapping.ordDvsn})`, `${adm.message.en} (${w.en}; ORD_DVSN ${i.mapping.ordDvsn})`);
  }
  if (i.mapping.nxtAfterMarketOnly) {
    const phase = sessionAt('NXT', i.now).phase;
    if (phase !== 'afterAcceptOnly' && phase !== 'afterMarket') {
      const w = where('NXT', i.now);
      return notAllowed(
        `NXT 애프터마켓 주문은 15:30–20:00에만 받습니다 (${w.ko}).`,
        `NXT after-market orders are accepted 15:30–20:00 only (${w.en}).`,
      );
    }
  }
  return { ok: true, admission: adm };
}

/** The current session of the order's venue, for the preview. */
export function sessionLabel(route: Route, now: number): { ko: string; en: string } {
  const s = sessionAt(venueOf(route), now);
  return { ko: `${route} ${s.labelKo}`, en: `${route} ${s.labelEn}` };
}
