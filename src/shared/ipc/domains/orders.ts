/**
 * Order entry. Everything the renderer sends is re-validated in main (design.md invariant 7 and issue 6):
 * schema → armed → kill switch → symbol → session/ORD_DVSN → tick/band → risk limits → live cash + quote.
 * `orders:preview` answers exactly what `orders:submit` would send, without sending.
 */
import { z } from 'zod';
import { epochMs, input, int, noInput, text, won } from '../schemas';
import { channel } from '../spec';
import { bilingualSchema, routeSchema, sideSchema, symbolSchema } from './common';
import { orderStateSchema } from './account';

/** Order types in the trader's words; main maps them to ORD_DVSN per venue and regime (kis-api.md §5). */
export const ORDER_TYPES = ['limit', 'market', 'bestOpposite', 'bestOwn', 'limitIOC', 'limitFOK', 'marketIOC', 'marketFOK', 'mid', 'stopLimit', 'preClose', 'postClose', 'afterMarketLimit'] as const;
export const orderTypeSchema = z.enum(ORDER_TYPES);

/** The seeds' tick-offset orders: normal buy −2, urgent buy 0, take-profit +2, stop 0, emergency −1 (capped ±3%). */
export const SMART_KINDS = ['normalBuy', 'urgentBuy', 'takeProfit', 'stop', 'emergency'] as const;
export const smartKindSchema = z.enum(SMART_KINDS);

export const orderTicketSchema = input({
  symbol: symbolSchema,
  side: sideSchema,
  route: routeSchema,
  type: orderTypeSchema,
  qty: int(1, 100_000_000),
  /** Required for priced types unless `smart` picks it; ignored for unpriced ones. */
  price: won.optional(),
  stopPrice: won.optional(),
  smart: smartKindSchema.optional(),
  /** Hand the order to the unfilled-order manager (cancel + reprice toward the market). */
  chase: z.boolean().optional(),
  /**
   * The same key twice inside the duplicate window is refused, not sent twice (double click, repeated
   * hotkey, replayed IPC). The renderer makes one per ticket submission.
   */
  idempotencyKey: text(64, 8).regex(/^[A-Za-z0-9_-]+$/),
  /** The trader confirmed a confirmation dialog for this ticket. */
  confirmed: z.boolean().optional(),
});
export type OrderTicket = z.infer<typeof orderTicketSchema>;

export const warningSchema = z.strictObject({ code: text(40), message: bilingualSchema });

export const previewSchema = z.strictObject({
  symbol: symbolSchema,
  name: text(100),
  side: sideSchema,
  route: routeSchema,
  ordDvsn: text(4),
  ordDvsnName: bilingualSchema,
  /** The price that would be sent (after tick rounding / NXT market→limit / smart offset); 0 for unpriced. */
  price: won,
  qty: int(1, 100_000_000),
  amount: won,
  fee: won,
  tax: won,
  /** The cash effect: buy = amount + fee (cash needed); sell = amount − fee − tax (net proceeds). */
  total: won,
  /** Live from KIS (inquire-psbl-order nrcvb_buy_amt) for buys; null for sells. */
  orderableCash: won.nullable(),
  sellableQty: int(0, 1e12).nullable(),
  session: bilingualSchema,
  warnings: z.array(warningSchema).max(20),
  needsConfirmation: z.boolean(),
});
export type OrderPreview = z.infer<typeof previewSchema>;

export const submitResultSchema = z.strictObject({
  clientOrderId: text(64),
  state: orderStateSchema,
  orderNo: text(20).nullable(),
  preview: previewSchema,
  message: bilingualSchema,
});
export type SubmitResult = z.infer<typeof submitResultSchema>;

const orderRef = { clientOrderId: text(64).optional(), orderNo: z.string().regex(/^\d{1,10}$/).optional() };

export const riskStateSchema = z.strictObject({
  killSwitch: z.boolean(),
  engagedAt: epochMs.nullable(),
  armed: z.boolean(),
});

export const ordersChannels = {
  'orders:preview': channel({
    input: orderTicketSchema,
    output: previewSchema,
    // Every optional field is set, so the generic junk tests derive wrong types from real values.
    example: { symbol: '005930', side: 'buy', route: 'KRX', type: 'stopLimit', qty: 10, price: 72000, stopPrice: 71900, chase: false, confirmed: false, idempotencyKey: 'ticket-0001' },
  }),
  'orders:submit': channel({
    input: orderTicketSchema,
    output: submitResultSchema,
    // Every optional field is set, so the generic junk tests derive wrong types from real values.
    example: { symbol: '005930', side: 'buy', route: 'KRX', type: 'stopLimit', qty: 10, price: 72000, stopPrice: 71900, chase: false, confirmed: false, idempotencyKey: 'ticket-0001' },
  }),
  'orders:modify': channel({
    input: input({ ...orderRef, price: won.optional(), qty: int(1, 100_000_000).optional(), idempotencyKey: text(64, 8).regex(/^[A-Za-z0-9_-]+$/) }),
    output: submitResultSchema,
    example: { orderNo: '0000000001', price: 72000, qty: 5, idempotencyKey: 'modify-0001' },
  }),
  'orders:cancel': channel({
    input: input({ ...orderRef, qty: int(1, 100_000_000).optional(), idempotencyKey: text(64, 8).regex(/^[A-Za-z0-9_-]+$/) }),
    output: submitResultSchema,
    example: { orderNo: '0000000001', qty: 5, idempotencyKey: 'cancel-0001' },
  }),
  /** Cancels every open order on both venues. */
  'orders:cancelAll': channel({
    input: noInput,
    output: z.strictObject({ requested: int(0, 100000), cancelled: int(0, 100000), failed: int(0, 100000), message: bilingualSchema }),
    example: {},
  }),
  'risk:state': channel({ input: noInput, output: riskStateSchema, example: {} }),
  /** engage=true: at once, cancels everything and blocks risk-increasing orders until released; survives restarts. */
  'risk:killSwitch': channel({
    input: input({ engage: z.boolean() }),
    output: riskStateSchema,
    example: { engage: true },
  }),
};

export const ordersEvents = {
  'risk:changed': riskStateSchema,
  /** One step of the unfilled-order manager or the journal, for the visible order log. */
  'orders:journal': z.strictObject({ clientOrderId: text(64), step: text(60), message: bilingualSchema, time: epochMs }),
};
