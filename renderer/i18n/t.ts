// Environment: browser. `t` for code outside React (the store's messages in words, helpers called while
// rendering). Components use react-i18next's `useTranslation()` so they re-render when the language changes.
import { i18n, uiLanguage } from './i18n.js';
import type { MessageKey } from './en.js';

export const t = i18n.t.bind(i18n);

/** The BCP 47 tag for Intl formatters. */
export function currentLocale(): string {
  return uiLanguage() === 'sv' ? 'sv-SE' : 'en';
}

export type { MessageKey };
