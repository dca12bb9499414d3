// Environment: browser. The console's one i18next instance: English and Swedish, loaded synchronously (both
// dictionaries are bundled), keys are flat strings with dots, so no key or namespace separators.
import i18next from 'i18next';
import type { UiLanguage } from '../../shared/notifications.js';
import { en } from './en.js';
import { sv } from './sv.js';

export const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, sv: { translation: sv } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'sv'],
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders; escaping here too would show &amp; to the agent.
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export function uiLanguage(): UiLanguage {
  return i18n.language === 'sv' ? 'sv' : 'en';
}

/** Switches every `useTranslation` component and every later `t` call; the page's lang follows. */
export function setUiLanguage(language: UiLanguage): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
