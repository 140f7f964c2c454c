/**
 * Settings, the environment status (demo / paper / real, armed, credentials present) and the kill switch — the
 * things that decide what the trader may do. Seeded by invoke, kept fresh by settings:changed / env:changed /
 * risk:changed. Until main answers, components use the defaults (never a made-up environment).
 */
import { create } from 'zustand';
import type { EnvStatus } from '../../shared/ipc/domains/session';
import { defaultSettings, type Settings } from '../../shared/settings/schema';
import type { ChannelOutput } from '../api/types';

export type RiskState = ChannelOutput<'risk:state'>;

interface SettingsStore {
  settings: Settings | null;
  env: EnvStatus | null;
  risk: RiskState | null;
}

export const useSettings = create<SettingsStore>(() => ({ settings: null, env: null, risk: null }));

const DEFAULTS = defaultSettings();

/** The settings in force: main's, or the defaults until they arrive. */
export function settingsNow(): Settings {
  return useSettings.getState().settings ?? DEFAULTS;
}

export function useSettingsValue(): Settings {
  return useSettings((s) => s.settings ?? DEFAULTS);
}
