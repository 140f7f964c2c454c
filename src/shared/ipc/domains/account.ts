/**
 * The account as the mirror knows it: summary, positions (KRX+NXT merged), orders, fills, equity history,
 * the in-app notification log and sync status. Every channel reads the SQLite mirror, never KIS directly
 * (design.md invariant 1).
 */
import { z } from 'zod';
import { epochMs, input, int, noInput, text, won } from '../schemas';
import { channel } from '../spec';
import { bilingualSchema, routeSchema, sideSchema, symbolSchema, venueSchema, ymdSchema } from './common';

export const accountSummarySchema = z.strictObject({
  /** 총평가금액 */
  totalAssets: won,
  /** 예수금 D+0 and D+2 */
  cashD0: won,
  cashD2: won,
  /** 주문가능금액 as of the last sync (the order path re-checks it live). */
  orderableCash: won,
  securitiesValue: won,
  cost: won,
  /** 평가손익 and 수익률 (%) */
  unrealizedPnl: won,
  unrealizedPnlRate: z.number().finite(),
  realizedPnlToday: won,
  feesAndTaxesToday: won,
  asOf: epochMs.nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const positionSchema = z.strictObject({
  symbol: symbolSchema,
  name: text(100),
  qty: int(0, 1e12),
  sellableQty: int(0, 1e12),
  /** Average cost per share; may be fractional (cost / qty). */
  avgPrice: z.number().finite().min(0),
  cost: won,
  lastPrice: won,
  value: won,
  pnl: won,
  pnlRate: z.number().finite(),
  venues: z.array(z.strictObject({ venue: venueSchema, qty: int(0, 1e12) })).max(2),
});
export type Position = z.infer<typeof positionSchema>;

export const ORDER_STATES = ['intent', 'sent', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'unknown', 'failed'] as const;
export const orderStateSchema = z.enum(ORDER_STATES);

export const orderViewSchema = z.strictObject({
  clientOrderId: text(64).nullable(),
  orderNo: text(20).nullable(),
  originalOrderNo: text(20).nullable(),
  symbol: symbolSchema,
  name: text(100),
  side: sideSchema,
  route: routeSchema,
  ordDvsn: text(4),
  qty: int(0, 1e12),
  price: won,
  filledQty: int(0, 1e12),
  avgFillPrice: z.number().finite().min(0),
  remainingQty: int(0, 1e12),
  state: orderStateSchema,
  /** 'terminal' = entered here; 'external' = seen by sync (HTS/MTS). */
  source: z.enum(['terminal', 'external']),
  reason: bilingualSchema.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const fillViewSchema = z.strictObject({
  fillId: text(80),
  orderNo: text(20),
  symbol: symbolSchema,
  name: text(100),
  side: sideSchema,
  qty: int(1, 1e12),
  price: won,
  venue: venueSchema,
  fee: won,
  tax: won,
  time: epochMs,
});
export type FillView = z.infer<typeof fillViewSchema>;

export const notificationSchema = z.strictObject({
  id: int(0, Number.MAX_SAFE_INTEGER),
  kind: z.enum(['fill', 'rejection', 'order', 'system', 'killSwitch']),
  title: bilingualSchema,
  body: bilingualSchema,
  /** The order a click should focus, if any. */
  orderNo: text(20).nullable(),
  time: epochMs,
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const syncStatusSchema = z.strictObject({
  running: z.boolean(),
  lastSyncAt: epochMs.nullable(),
  lastResult: z.enum(['ok', 'partial', 'failed']).nullable(),
  message: text(500).nullable(),
});

export const accountChannels = {
  'account:summary': channel({ input: noInput, output: accountSummarySchema, example: {} }),
  'portfolio:list': channel({ input: noInput, output: z.array(positionSchema).max(5000), example: {} }),
  /** Open orders (accepted, partially filled, unknown). */
  'orders:open': channel({ input: noInput, output: z.array(orderViewSchema).max(5000), example: {} }),
  'orders:today': channel({ input: noInput, output: z.array(orderViewSchema).max(20000), example: {} }),
  'fills:today': channel({ input: noInput, output: z.array(fillViewSchema).max(50000), example: {} }),
  /** The trader's fills in a symbol over a date range — chart markers. */
  'fills:forSymbol': channel({
    input: input({ symbol: symbolSchema, from: ymdSchema, to: ymdSchema }),
    output: z.array(fillViewSchema).max(50000),
    example: { symbol: '005930', from: '20261101', to: '20261130' },
  }),
  /** Daily equity and PnL from account snapshots. */
  'equity:history': channel({
    input: input({ days: int(1, 3650) }),
    output: z.array(z.strictObject({ date: ymdSchema, totalAssets: won, pnl: won, realizedPnl: won })).max(3650),
    example: { days: 90 },
  }),
  'notifications:list': channel({ input: input({ limit: int(1, 500) }), output: z.array(notificationSchema).max(500), example: { limit: 50 } }),
  'sync:status': channel({ input: noInput, output: syncStatusSchema, example: {} }),
  /** A forced full sync (balance, open orders, today's fills) now. */
  'sync:now': channel({ input: noInput, output: syncStatusSchema, example: {} }),
};

export const accountEvents = {
  'account:changed': accountSummarySchema,
  'portfolio:changed': z.array(positionSchema).max(5000),
  /** Something about orders changed; carries the open orders now. */
  'orders:changed': z.array(orderViewSchema).max(5000),
  'fills:new': fillViewSchema,
  'notifications:new': notificationSchema,
  /** The trader clicked an OS notification: the screen focuses that order (or just the log when null). */
  'notifications:clicked': z.strictObject({ id: int(0, Number.MAX_SAFE_INTEGER).nullable(), orderNo: text(20).nullable() }),
  'sync:changed': syncStatusSchema,
};
