/**
 * The app profile: what belongs to the installation rather than to one environment — the trader's settings
 * and which environment was live last. Kept in its own SQLite file (`<dataDir>/app/aegis.sqlite3`, the
 * store's settings table through its one writer) because the environments' mirrors are separate files, and
 * risk limits or hotkeys must not change when the trader switches from paper to real.
 */
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { environmentSchema, type Environment } from '../../shared/ipc/schemas';
import { defaultSettings, mergeSettings, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings/schema';
import type { Logger } from '../log';
import { DATABASE_FILE_NAME, openStore, type JsonValue, type Store } from '../store';

const SETTINGS_KEY = 'settings';
const ENVIRONMENT_KEY = 'environment';

export const profileFileFor = (dataDir: string): string => join(dataDir, 'app', DATABASE_FILE_NAME);

export interface Profile {
  readonly file: string;
  environment(): Environment | null;
  saveEnvironment(env: Environment): void;
  settings(): Settings;
  /** Validates the merged document; refused → nothing is written. */
  applySettings(patch: SettingsPatch): { ok: true; settings: Settings } | { ok: false; issues: string[] } | { ok: false; storeError: string };
  close(): void;
}

/**
 * A stored document from an older or damaged build is salvaged key by key: every top-level part that still
 * validates is kept, the rest falls back to the defaults (never a crash, never a silently empty profile).
 */
export function salvageSettings(stored: unknown): Settings {
  const defaults = defaultSettings();
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return defaults;
  const whole = settingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  let acc = defaults;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (!(key in defaults)) continue;
    const r = mergeSettings(acc, { [key]: value } as SettingsPatch);
    if (r.ok) acc = r.settings;
  }
  return acc;
}

export function openProfile(dataDir: string, clock: Clock, logger: Logger): Profile {
  const store: Store = openStore(profileFileFor(dataDir), { clock });
  let current = salvageSettings(store.reads.setting(SETTINGS_KEY));
  return {
    file: store.file,
    environment() {
      const parsed = environmentSchema.safeParse(store.reads.setting(ENVIRONMENT_KEY));
      return parsed.success ? parsed.data : null;
    },
    saveEnvironment(env) {
      const r = store.writer.setSetting(ENVIRONMENT_KEY, env);
      if (!r.ok) logger.warn('could not remember the environment', { code: r.code });
    },
    settings: () => current,
    applySettings(patch) {
      const merged = mergeSettings(current, patch);
      if (!merged.ok) return merged;
      const r = store.writer.setSetting(SETTINGS_KEY, merged.settings as unknown as JsonValue);
      if (!r.ok) return { ok: false, storeError: r.message };
      current = merged.settings;
      return merged;
    },
    close: () => store.close(),
  };
}
