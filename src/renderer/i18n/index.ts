/** The shell's language: Korean by default, English on request. */
import { create } from 'zustand';
import { dictionaries, type Locale, type MessageKey } from './dictionary';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
  toggle(): void;
}

export const useLocale = create<LocaleState>((set, get) => ({
  locale: 'ko',
  setLocale: (locale) => set({ locale }),
  toggle: () => set({ locale: get().locale === 'ko' ? 'en' : 'ko' }),
}));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template: string = dictionaries[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  return (key, vars) => translate(locale, key, vars);
}

export type { Locale, MessageKey };

/** Picks the trader's language from a message main sent in both. */
export function useBi(): (text: { ko: string; en: string } | null | undefined) => string {
  const locale = useLocale((s) => s.locale);
  return (text) => (text ? text[locale] : '');
}
