// Environment: browser. Intl formatters, made once per locale and options: constructing one costs far more than
// formatting with it (a profile of opening a 1,000-message transcript spent most of its script time in
// `new Intl.DateTimeFormat` / `new Intl.RelativeTimeFormat`, one per message). Few distinct keys exist (a handful
// of option sets × the UI's locales), so the cache stays small.
const formatters = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  const existing = formatters.get(key);
  if (existing !== undefined) return existing as T;
  const made = make();
  formatters.set(key, made);
  return made;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function relativeTimeFormat(
  locale: string,
  options: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat {
  return cached(
    `relative|${locale}|${JSON.stringify(options)}`,
    () => new Intl.RelativeTimeFormat(locale, options),
  );
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}
