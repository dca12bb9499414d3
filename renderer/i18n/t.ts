// Environment: browser. The tiny translation function: looks a key up in the active dictionary and fills
// `{name}` placeholders. Issue 3 adds a language by adding a dictionary and calling setLocale.
import { en, type Dictionary, type MessageKey } from './en.js';

const dictionaries: Record<string, Dictionary> = { en };
let activeLocale = 'en';

export function setLocale(locale: string): void {
  if (dictionaries[locale]) activeLocale = locale;
}

/** The BCP 47 tag for Intl formatters. */
export function currentLocale(): string {
  return activeLocale;
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const template = (dictionaries[activeLocale] ?? en)[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type { MessageKey };
