/**
 * Step 7: the trader's own risk limits from Settings (src/shared/settings/schema.ts), in this order:
 * max order value → max quantity → max open positions (new buys) → daily realized-loss limit (buys) → symbol
 * blacklist (buys). Sells are risk-reducing on a cash account, so only the size limits apply to them.
 * The position and P&L numbers come from the mirror (the limits are the terminal's own policy, not KIS's).
 */
import type { Failure } from '../../shared/ipc/result';
import type { Settings } from '../../shared/settings/schema';
import type { StoreReads } from '../store';
import { notAllowed, num, wonEn, wonKo } from './refusal';

export interface RiskInput {
  symbol: string;
  name: string;
  side: 'buy' | 'sell';
  qty: number;
  /** qty × price (unpriced: × the live last price). */
  amount: number;
}

/** Symbols the account holds or is buying (open, in flight or unknown buys): what "open positions" counts. */
export function positionSymbols(reads: StoreReads): Set<string> {
  return new Set(reads.positionSymbols());
}

export function checkRiskLimits(i: RiskInput, risk: Settings['risk'], reads: StoreReads): Failure | null {
  if (i.amount > risk.maxOrderValue) {
    return notAllowed(
      `주문금액 ${wonKo(i.amount)}이 1회 최대 주문금액 ${wonKo(risk.maxOrderValue)}을 넘습니다.`,
      `Order value ${wonEn(i.amount)} exceeds the maximum order value of ${wonEn(risk.maxOrderValue)}.`,
    );
  }
  if (i.qty > risk.maxOrderQty) {
    return notAllowed(
      `주문수량 ${num(i.qty)}주가 1회 최대 주문수량 ${num(risk.maxOrderQty)}주를 넘습니다.`,
      `Quantity ${num(i.qty)} exceeds the maximum order quantity of ${num(risk.maxOrderQty)}.`,
    );
  }
  if (i.side === 'sell') return null;
  const held = positionSymbols(reads);
  if (!held.has(i.symbol) && held.size >= risk.maxOpenPositions) {
    return notAllowed(
      `보유·매수 중인 종목이 ${num(held.size)}개로 최대 보유 종목 수 ${num(risk.maxOpenPositions)}개에 도달해 새 종목을 매수할 수 없습니다.`,
      `${num(held.size)} positions are open or being bought, at the limit of ${num(risk.maxOpenPositions)}: no new symbol can be bought.`,
    );
  }
  const realized = reads.accountSummary().realizedToday.net;
  const loss = -realized;
  if (loss > 0 && loss >= risk.dailyLossLimit) {
    return notAllowed(
      `오늘 실현손실 ${wonKo(loss)}이 일일 손실 한도 ${wonKo(risk.dailyLossLimit)}에 도달해 매수할 수 없습니다.`,
      `Today's realized loss of ${wonEn(loss)} has reached the daily loss limit of ${wonEn(risk.dailyLossLimit)}: buying is blocked.`,
    );
  }
  if (risk.blacklist.includes(i.symbol)) {
    return notAllowed(
      `매수 금지 종목입니다: ${i.name} (${i.symbol}). 설정의 매수 금지 목록에서 빼야 매수할 수 있습니다.`,
      `${i.name} (${i.symbol}) is on the buy blacklist in Settings.`,
    );
  }
  return null;
}
