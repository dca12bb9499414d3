import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-cache.js';

describe('Intl formatter cache', () => {
  it('hands out one formatter per locale and options', () => {
    const options = { dateStyle: 'medium', timeStyle: 'medium' } as const;
    expect(dateTimeFormat('en-GB', options)).toBe(dateTimeFormat('en-GB', { ...options }));
    expect(relativeTimeFormat('sv-SE', { numeric: 'auto' })).toBe(
      relativeTimeFormat('sv-SE', { numeric: 'auto' }),
    );
  });

  it('keeps locales and options apart', () => {
    expect(relativeTimeFormat('sv-SE', { numeric: 'auto' }).format(-1, 'day')).toBe('i går');
    expect(relativeTimeFormat('en-GB', { numeric: 'auto' }).format(-1, 'day')).toBe('yesterday');
    const narrow = numberFormat('en-GB', { style: 'unit', unit: 'second', unitDisplay: 'narrow' });
    const long = numberFormat('en-GB', { style: 'unit', unit: 'second', unitDisplay: 'long' });
    expect(narrow.format(2)).not.toBe(long.format(2));
  });
});
