/**
 * Allowed-now checks (router step 4, design.md invariant 7), in the stated order:
 *   2 environment armed — real trading needs `trading:arm` this run; paper and demo are always armed;
 *   3 kill switch — blocks risk-increasing orders: buys, and modifies of buys. Sells and cancels reduce risk on a
 *     cash account and stay allowed while it is engaged.
 * Cancels, cancel-all and the kill switch itself are never gated: reducing risk must always be possible.
 */
import { fail, type Failure } from '../../shared/ipc/result';
import type { Allowance, AllowMap } from '../ipc/types';
import type { ActiveSession, SessionService } from '../session/service';
import { kstStamp } from './refusal';
import type { KillSwitchView } from './kill-switch';
import { normalizeOrderNo } from './target';

export interface GuardDeps {
  sessionService(): SessionService | undefined;
  killSwitch(session: ActiveSession | null): KillSwitchView;
}

const ALLOW: Allowance = { ok: true };

export const noSession = (): Failure =>
  fail('UNAVAILABLE', 'KIS 세션이 아직 준비되지 않았습니다. 잠시 후 다시 시도하세요.', 'The KIS session is not ready yet; try again shortly.');

export function armedCheck(deps: GuardDeps): Allowance {
  const ss = deps.sessionService();
  if (!ss) return noSession();
  if (!ss.armed()) {
    return fail(
      'NOT_ALLOWED',
      '실전 주문이 이번 실행에서 활성화되지 않았습니다. 설정에서 확인 문구를 입력해 실전 주문을 활성화하세요.',
      'Real trading is not armed for this run of the app: arm it in Settings by typing the confirmation phrase.',
    );
  }
  return ALLOW;
}

export function killSwitchBlocksBuy(deps: GuardDeps, session: ActiveSession | null): Failure | null {
  const ks = deps.killSwitch(session);
  if (!ks.engaged) return null;
  const since = ks.engagedAt !== null && ks.engagedAt > 0 ? kstStamp(ks.engagedAt) : '-';
  return fail(
    'NOT_ALLOWED',
    `킬 스위치가 켜져 있어(${since} KST부터) 매수 등 위험을 늘리는 주문을 받지 않습니다. 매도·취소는 가능합니다.`,
    `The kill switch is engaged (since ${since} KST): risk-increasing orders such as buys are blocked. Sells and cancels are allowed.`,
  );
}

export function orderGuards(deps: GuardDeps): Partial<AllowMap> {
  const current = () => deps.sessionService()?.current() ?? null;
  const ticket = (input: { side: 'buy' | 'sell' }): Allowance => {
    const armed = armedCheck(deps);
    if (!armed.ok) return armed;
    return input.side === 'buy' ? (killSwitchBlocksBuy(deps, current()) ?? ALLOW) : ALLOW;
  };
  return {
    'orders:preview': ticket,
    'orders:submit': ticket,
    'orders:modify': (input) => {
      const armed = armedCheck(deps);
      if (!armed.ok) return armed;
      const s = current();
      if (!s) return ALLOW; // the handler answers UNAVAILABLE
      const v =
        input.clientOrderId !== undefined
          ? s.store.reads.orderByClientId(input.clientOrderId)
          : input.orderNo !== undefined
            ? s.store.reads.orderByOrderNo(normalizeOrderNo(input.orderNo))
            : null;
      // An order the journal does not know is looked up live by the handler, which re-checks the side.
      return v?.side === 'buy' ? (killSwitchBlocksBuy(deps, s) ?? ALLOW) : ALLOW;
    },
  };
}
