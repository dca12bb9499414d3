// Environment: browser. The UI language from the agent's preference ('system' follows the system locale),
// applied to i18next, the page's lang and every Intl format.
import { languageFromLocale, type UiLanguage } from '../../shared/notifications.js';
import type { Preferences } from '../../shared/desk-api.js';
import { setUiLanguage } from '../i18n/i18n.js';
import type { DeskStore } from '../store/create-desk-store.js';

export function resolveLanguage(
  preference: Preferences['language'],
  systemLocale: string | undefined,
): UiLanguage {
  return preference === 'system' ? languageFromLocale(systemLocale) : preference;
}

export function followLanguagePreference(
  store: DeskStore,
  systemLocale: () => string | undefined,
): () => void {
  const apply = () => setUiLanguage(resolveLanguage(store.getState().preferences.language, systemLocale()));
  apply();
  return store.subscribe((state, previous) => {
    if (state.preferences.language !== previous.preferences.language) apply();
  });
}
