/**
 * Every string the screen shows, Korean first. Each area's `en` must have exactly its `ko` keys (the types
 * enforce it); `{name}` placeholders are filled by `t(key, { name })`.
 */
import { settingsEn, settingsKo } from './dict/settings';
import { shellEn, shellKo } from './dict/shell';
import { tradingEn, tradingKo } from './dict/trading';

export const ko = { ...shellKo, ...tradingKo, ...settingsKo } as const;

export type MessageKey = keyof typeof ko;

export const en: Record<MessageKey, string> = { ...shellEn, ...tradingEn, ...settingsEn };

export const dictionaries = { ko, en } as const;
export type Locale = keyof typeof dictionaries;
