/**
 * Environment (demo / paper / real), credentials, arming of real trading, and settings.
 * Credentials are write-only from the renderer: they go to the OS keychain through main and only
 * "is there a key" and a masked account number ever come back (design.md invariant 6).
 */
import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../../settings/schema';
import { environmentSchema, input, noInput, text } from '../schemas';
import { channel } from '../spec';

/** The phrase the trader types to arm real trading for this run of the app. */
export const ARM_PHRASE = '실전 주문 활성화';

const credentialStatus = z.strictObject({
  present: z.boolean(),
  /** e.g. "5012****-01"; never the full number. */
  accountMasked: text(20).nullable(),
});

export const envStatusSchema = z.strictObject({
  environment: environmentSchema,
  /** Real orders go out only while armed; paper and demo are always armed. */
  armed: z.boolean(),
  credentials: z.strictObject({ paper: credentialStatus, real: credentialStatus }),
  /** Set while switching or when the environment cannot start (e.g. missing credentials). */
  problem: text(500).nullable(),
});
export type EnvStatus = z.infer<typeof envStatusSchema>;

export const sessionChannels = {
  'env:status': channel({ input: noInput, output: envStatusSchema, example: {} }),
  /** Switches the whole terminal (KIS connection, mirror database, realtime) to another environment. */
  'env:switch': channel({
    input: input({ environment: environmentSchema }),
    output: envStatusSchema,
    example: { environment: 'demo' },
  }),
  /** Saves credentials to the OS keychain. Never readable back. */
  'credentials:set': channel({
    input: input({
      environment: z.enum(['paper', 'real']),
      appkey: text(64, 16),
      appsecret: text(400, 32),
      /** 'NNNNNNNN-NN' (8-digit account + 2-digit product code). */
      account: z.string().regex(/^\d{8}-\d{2}$/, '계좌번호는 12345678-01 형식입니다 / account format is 12345678-01'),
      htsId: text(32, 1).regex(/^[A-Za-z0-9_.-]+$/),
    }),
    output: envStatusSchema,
    example: { environment: 'paper', appkey: 'PSabcdefghijklmnop1234', appsecret: 'x'.repeat(40), account: '50123456-01', htsId: 'demo01' },
  }),
  'credentials:clear': channel({
    input: input({ environment: z.enum(['paper', 'real']) }),
    output: envStatusSchema,
    example: { environment: 'paper' },
  }),
  /** Arms real trading for this run of the app; `confirm` must equal ARM_PHRASE. */
  'trading:arm': channel({ input: input({ confirm: text(50) }), output: envStatusSchema, example: { confirm: ARM_PHRASE } }),
  'trading:disarm': channel({ input: noInput, output: envStatusSchema, example: {} }),
  'settings:get': channel({ input: noInput, output: settingsSchema, example: {} }),
  'settings:set': channel({ input: input({ patch: settingsPatchSchema }), output: settingsSchema, example: { patch: { language: 'en' } } }),
};

export const sessionEvents = {
  'env:changed': envStatusSchema,
  'settings:changed': settingsSchema,
};
