/** Account snapshots: the numbers inquire-balance reports, one row per read — the equity chart's history. */
import { transaction } from '../open';
import { kstDate } from '../time';
import type { AccountSnapshotInput } from '../types';
import type { WriteContext } from './context';
import * as v from './validate';

export type ValidSnapshot = Required<Omit<AccountSnapshotInput, 'orderableCash' | 'realizedToday' | 'netAssets' | 'prevTotalAssets'>> & {
  orderableCash: number | null;
  realizedToday: number | null;
  netAssets: number | null;
  prevTotalAssets: number | null;
};

const MONEY_MIN = -Number.MAX_SAFE_INTEGER;

export function validateSnapshot(s: AccountSnapshotInput): ValidSnapshot {
  return {
    time: v.int('time', s.time),
    cashD0: v.int('cashD0', s.cashD0, MONEY_MIN), // 예수금 can be negative with 미수
    cashD1: v.int('cashD1', s.cashD1, MONEY_MIN),
    cashD2: v.int('cashD2', s.cashD2, MONEY_MIN),
    orderableCash: v.optInt('orderableCash', s.orderableCash, MONEY_MIN),
    totalAssets: v.int('totalAssets', s.totalAssets, MONEY_MIN),
    securitiesValue: v.int('securitiesValue', s.securitiesValue),
    costTotal: v.int('costTotal', s.costTotal),
    unrealizedPnl: v.int('unrealizedPnl', s.unrealizedPnl, MONEY_MIN),
    realizedToday: v.optInt('realizedToday', s.realizedToday, MONEY_MIN),
    netAssets: v.optInt('netAssets', s.netAssets, MONEY_MIN),
    prevTotalAssets: v.optInt('prevTotalAssets', s.prevTotalAssets, MONEY_MIN),
    source: s.source === undefined ? 'balance' : v.oneOf('source', s.source, ['balance', 'fill', 'manual'] as const),
  };
}

export function saveSnapshotRow(ctx: WriteContext, s: ValidSnapshot): number {
  const info = ctx
    .stmt(
      `INSERT INTO account_snapshots (time, trade_date, cash_d0, cash_d1, cash_d2, orderable_cash, total_assets, securities_value,
         cost_total, unrealized_pnl, realized_today, net_assets, prev_total_assets, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.time,
      kstDate(s.time),
      s.cashD0,
      s.cashD1,
      s.cashD2,
      s.orderableCash,
      s.totalAssets,
      s.securitiesValue,
      s.costTotal,
      s.unrealizedPnl,
      s.realizedToday,
      s.netAssets,
      s.prevTotalAssets,
      s.source,
    );
  return Number(info.lastInsertRowid);
}

export function saveAccountSnapshot(ctx: WriteContext, input: AccountSnapshotInput): { snapshotId: number } {
  const s = validateSnapshot(input);
  return transaction(ctx.db, () => ({ snapshotId: saveSnapshotRow(ctx, s) }));
}
