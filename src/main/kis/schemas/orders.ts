/** order-cash / order-rvsecncl replies (kis-api.md §4.1, §4.2); keys already lowercased by the transport. */
import { z } from 'zod';
import type { OrderAck } from '../types';
import { hms, text } from './fields';

export const orderAckSchema = z
  .object({
    msg1: z.string().optional(),
    output: z.object({
      krx_fwdg_ord_orgno: text,
      odno: z.string().transform((s) => s.trim()).pipe(z.string().min(1, 'empty order number')),
      ord_tmd: hms,
    }),
  })
  .transform((b): OrderAck => ({
    orderNo: b.output.odno,
    orgNo: b.output.krx_fwdg_ord_orgno.trim(),
    time: b.output.ord_tmd,
    message: (b.msg1 ?? '').trimEnd(),
  }));
