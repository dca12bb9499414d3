// Environment: browser. Dates and durations for the active locale, through Intl only.
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-cache.js';
import { currentLocale } from './t.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 minutes ago", "yesterday" … relative to `now`. */
export function formatRelative(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const rtf = relativeTimeFormat(currentLocale(), { numeric: 'auto', style: 'long' });
  if (abs < 45 * SECOND) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}

/** Full date and time, for `title` tooltips. */
export function formatAbsolute(iso: string): string {
  return dateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** A compact elapsed time: "42s", "4m 12s", "1h 5m", "2d 3h". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / SECOND));
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    numberFormat(currentLocale(), { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${unit(days, 'day')} ${unit(hours, 'hour')}`;
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
  if (minutes > 0) return `${unit(minutes, 'minute')} ${unit(seconds, 'second')}`;
  return unit(seconds, 'second');
}

/** A short clock time for compact rows: "14:05". */
export function formatClock(iso: string): string {
  return dateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A short date and time for things further away than today: "Tue 14 Jan, 09:00". */
export function formatDateTimeShort(iso: string): string {
  return dateTimeFormat(currentLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A weekday's name in the UI language, Monday first (index 0..6). */
export function weekdayName(index: number, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return dateTimeFormat(currentLocale(), { weekday: width }).format(new Date(2024, 0, 1 + index));
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size on disk for people: "2.4 MB", "830 kB", "512 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(currentLocale(), {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0,
  }).format(value);
}
