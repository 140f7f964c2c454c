/** One settings:set call with the answer as a note for the form. */
import type { SettingsPatch } from '../../shared/settings/schema';
import { api } from '../api/current';
import { failureText } from '../api/client';
import { useSettings } from '../stores/settings';

export async function savePatch(patch: SettingsPatch, locale: 'ko' | 'en', okText: string): Promise<{ tone: 'good' | 'bad'; text: string }> {
  const client = api();
  if (!client) return { tone: 'bad', text: 'no bridge' };
  const r = await client.call('settings:set', { patch });
  if (r.ok) {
    useSettings.setState({ settings: r.value });
    return { tone: 'good', text: okText };
  }
  return { tone: 'bad', text: failureText(r, locale) };
}
