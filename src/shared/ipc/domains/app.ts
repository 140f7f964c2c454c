/**
 * The app domain: what the shell needs before any market data exists — which build and environment this
 * is, whether the core is healthy, and the connection state shown in the status bar.
 */
import { z } from 'zod';
import { environmentSchema, epochMs, noInput, text } from '../schemas';
import { channel } from '../spec';

export const connectionSchema = z.enum(['connecting', 'connected', 'reconnecting', 'disconnected']);
export type Connection = z.infer<typeof connectionSchema>;

export const connStateSchema = z.strictObject({
  environment: environmentSchema,
  connection: connectionSchema,
  /** When the mirror was last reconciled with KIS (epoch ms), or null before the first sync. */
  lastSyncAt: epochMs.nullable(),
  /** Share of the per-appkey request budget still free right now (0..1), or null when unknown. */
  rateHeadroom: z.number().min(0).max(1).nullable(),
  message: text(500).optional(),
});
export type ConnState = z.infer<typeof connStateSchema>;

const healthCheckSchema = z.strictObject({
  name: text(100),
  ok: z.boolean(),
  detail: text(500).optional(),
});

export const appChannels = {
  /** Version, environment and where this installation keeps its data. */
  'app:info': channel({
    input: noInput,
    output: z.strictObject({
      version: text(50),
      environment: environmentSchema,
      dataDir: text(4096),
    }),
    example: {},
  }),
  /** Self-checks of the core (data folder writable, modules started…). */
  'app:health': channel({
    input: noInput,
    output: z.strictObject({
      ok: z.boolean(),
      checks: z.array(healthCheckSchema).max(100),
    }),
    example: {},
  }),
  /** The latest `conn:state`, so a renderer that (re)loads does not wait for the next change. */
  'app:connection': channel({
    input: noInput,
    output: connStateSchema,
    example: {},
  }),
};

export const appEvents = {
  /** Connection to KIS (or the demo simulator) changed, or a sync finished. */
  'conn:state': connStateSchema,
  /**
   * The global search shortcut brought the window forward: focus symbol search. (A global shortcut takes the
   * key from every window, ours included, so the screen's own handler never sees it.)
   */
  'app:focusSearch': z.strictObject({}),
};
