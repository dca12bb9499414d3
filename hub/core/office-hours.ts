// Environment: Node (hub). Whether a moment falls in the configured office hours, in their time zone
// (Intl's time zone data: no dependency).
import type { OfficeHours, Weekday } from '../../shared/settings.js';

/** True if `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The weekday and HH:MM wall-clock time at `atMs` in `timeZone`. */
export function wallClock(atMs: number, timeZone: string): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(atMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: part('weekday').toLowerCase().slice(0, 3) as Weekday,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** Inside a period: from its start (inclusive) to its end (exclusive). Disabled office hours are always open. */
export function isWithinOfficeHours(officeHours: OfficeHours, atMs: number): boolean {
  if (!officeHours.enabled) return true;
  const { day, time } = wallClock(atMs, officeHours.timeZone);
  return officeHours.periods.some(
    (period) => period.day === day && period.start <= time && time < period.end,
  );
}
