import type { HotkeyAction } from '../../shared/settings/schema';
import type { MessageKey } from '../i18n';

export function actionLabel(a: HotkeyAction): MessageKey {
  return `hotkey.${a}` as MessageKey;
}
