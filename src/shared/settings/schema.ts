/**
 * The trader's settings: one validated document. Main stores it and re-validates every change with these
 * schemas; the renderer changes it only through `settings:set` with a patch. Defaults are what a careful
 * Korean retail trader would start with.
 *
 * Shapes carry no defaults on purpose: a patch must say only what it changes, so a missing key in a patch can
 * never reset a stored value. `mergeSettings` applies a patch one level deep and re-validates the whole.
 */
import { z } from 'zod';

const won = z.number().int().min(0).max(1_000_000_000_000);
export const symbolCodeSchema = z.string().regex(/^(\d{6}|Q\d{6})$/, '종목코드는 6자리 숫자입니다 / a symbol code is 6 digits');

/** Hotkey actions; bindings are KeyboardEvent-style strings such as "F1", "Ctrl+Shift+K", "Alt+ArrowUp". */
export const HOTKEY_ACTIONS = [
  'focusSearch',
  'buyAtBest',
  'sellAtBest',
  'priceTickUp',
  'priceTickDown',
  'qtyPreset1',
  'qtyPreset2',
  'qtyPreset3',
  'submit',
  'cancelSelected',
  'cancelAll',
  'switchVenue',
  'showCheatSheet',
  'killSwitch',
] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

const riskSchema = z.strictObject({
  /** One order's value (qty × price) may not exceed this (원). */
  maxOrderValue: won,
  maxOrderQty: z.number().int().min(1).max(10_000_000),
  /** A buy that would open a new position is refused when this many are already held. */
  maxOpenPositions: z.number().int().min(1).max(1000),
  /** Risk-increasing orders stop once today's realized loss reaches this (원, positive). */
  dailyLossLimit: won,
  /** Symbols that may never be bought from this terminal (the seeds' unwanted 한국전력 buy). */
  blacklist: z.array(symbolCodeSchema).max(500),
});
const confirmSchema = z.strictObject({
  /** Ask for a confirmation above this order value (원). 0 = always. */
  aboveValue: won,
  /** Always confirm in real trading unless the trader turns it off. */
  alwaysInReal: z.boolean(),
});
const smartSchema = z.strictObject({
  /** Unfilled-order manager: seconds before cancel-and-reprice one tick toward the market. */
  repriceAfterSec: z.number().int().min(5).max(3600),
  maxReprices: z.number().int().min(0).max(10),
  /** After the last reprice, send a market order (KRX only). Off unless the trader allows it. */
  marketFallback: z.boolean(),
});
const feesSchema = z.strictObject({
  /** Commission in parts per 10^9 of the amount: 140527 = 0.0140527 %. */
  krxPpb: z.number().int().min(0).max(10_000_000),
  nxtPpb: z.number().int().min(0).max(10_000_000),
});
const hotkeysSchema = z.strictObject(
  Object.fromEntries(HOTKEY_ACTIONS.map((a) => [a, z.string().min(1).max(40)])) as Record<HotkeyAction, z.ZodString>,
);
const notificationsSchema = z.strictObject({ fills: z.boolean(), rejections: z.boolean(), sound: z.boolean() });

export const settingsSchema = z.strictObject({
  language: z.enum(['ko', 'en']),
  risk: riskSchema,
  confirm: confirmSchema,
  smart: smartSchema,
  fees: feesSchema,
  hotkeys: hotkeysSchema,
  /** Quantity presets for qtyPreset1..3 (shares). */
  qtyPresets: z.array(z.number().int().min(1).max(1_000_000)).length(3),
  /** Global (OS-wide) shortcuts are opt-in; window-scoped by default. */
  globalShortcuts: z.boolean(),
  notifications: notificationsSchema,
  /** Value NXT symbols at NXT prices (inquire-balance AFHR_FLPR_YN=X). */
  nxtView: z.boolean(),
  /** KIS gives new real appkeys 3 req/s for their first 3 days. */
  newAppkeyMode: z.boolean(),
  /** Panel sizes/placement, owned by the renderer; validated only for shape and size. */
  layout: z.record(z.string().max(40), z.number().min(0).max(10_000)),
});
export type Settings = z.output<typeof settingsSchema>;

/** A change: any top-level key; object-valued keys may themselves be partial. */
export const settingsPatchSchema = z.strictObject({
  language: settingsSchema.shape.language.optional(),
  risk: riskSchema.partial().optional(),
  confirm: confirmSchema.partial().optional(),
  smart: smartSchema.partial().optional(),
  fees: feesSchema.partial().optional(),
  hotkeys: hotkeysSchema.partial().optional(),
  qtyPresets: settingsSchema.shape.qtyPresets.optional(),
  globalShortcuts: z.boolean().optional(),
  notifications: notificationsSchema.partial().optional(),
  nxtView: z.boolean().optional(),
  newAppkeyMode: z.boolean().optional(),
  layout: settingsSchema.shape.layout.optional(),
});
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export function defaultSettings(): Settings {
  return {
    language: 'ko',
    risk: { maxOrderValue: 50_000_000, maxOrderQty: 10_000, maxOpenPositions: 30, dailyLossLimit: 5_000_000, blacklist: [] },
    confirm: { aboveValue: 10_000_000, alwaysInReal: true },
    smart: { repriceAfterSec: 30, maxReprices: 3, marketFallback: false },
    fees: { krxPpb: 140_527, nxtPpb: 139_527 },
    hotkeys: {
      focusSearch: 'Ctrl+K',
      buyAtBest: 'F1',
      sellAtBest: 'F2',
      priceTickUp: 'ArrowUp',
      priceTickDown: 'ArrowDown',
      qtyPreset1: 'Alt+1',
      qtyPreset2: 'Alt+2',
      qtyPreset3: 'Alt+3',
      submit: 'Enter',
      cancelSelected: 'Delete',
      cancelAll: 'Ctrl+Shift+X',
      switchVenue: 'F4',
      showCheatSheet: 'F12',
      killSwitch: 'Ctrl+Shift+K',
    },
    qtyPresets: [1, 10, 100],
    globalShortcuts: false,
    notifications: { fills: true, rejections: true, sound: true },
    nxtView: false,
    newAppkeyMode: false,
    layout: {},
  };
}

/** Applies a patch one level deep and validates the result; an invalid result is an error, never stored. */
export function mergeSettings(current: Settings, patch: SettingsPatch): { ok: true; settings: Settings } | { ok: false; issues: string[] } {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const prev = (current as Record<string, unknown>)[key];
    merged[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && prev !== null && typeof prev === 'object' && !Array.isArray(prev) && key !== 'layout'
        ? { ...(prev as object), ...(value as object) }
        : value;
  }
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  // Two actions on one key would make one of them unreachable.
  const seen = new Map<string, string>();
  for (const [action, key] of Object.entries(parsed.data.hotkeys)) {
    const norm = key.toLowerCase();
    if (seen.has(norm)) return { ok: false, issues: [`hotkeys.${action}: "${key}" is already used by ${seen.get(norm)}`] };
    seen.set(norm, action);
  }
  return { ok: true, settings: parsed.data };
}
