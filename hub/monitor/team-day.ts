// Environment: Node (hub). The team's day and hours in the office-hours time zone, from Intl's time zone data:
// "today" starts at local midnight (or at the day's first instant when a DST change skips midnight), and
// hours start at local :00, whatever the offset (including half-hour zones and DST days of 23 or 25 hours).

export const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading at `atMs` in `timeZone`. */
export function localTimeAt(atMs: number, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(atMs));
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? NaN);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at `atMs` (ms). */
function offsetAt(atMs: number, timeZone: string): number {
  const local = localTimeAt(atMs, timeZone);
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wallAsUtc - (atMs - (((atMs % 1000) + 1000) % 1000));
}

const sameDate = (a: LocalTime, b: LocalTime) => a.year === b.year && a.month === b.month && a.day === b.day;

/** The first instant of the local day that contains `atMs`. */
export function dayStartOf(atMs: number, timeZone: string): number {
  const today = localTimeAt(atMs, timeZone);
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day);
  // Midnight is at wall time 00:00 minus the offset in force then. That offset is one of those around: now's,
  // a day ago's (DST changed since midnight), or the one at the first guess. Of the candidates that fall on
  // today, the earliest is the day's start (after a skipped midnight that is the moment of the change).
  const guess = midnightAsUtc - offsetAt(atMs, timeZone);
  const offsets = new Set([
    offsetAt(atMs, timeZone),
    offsetAt(atMs - 25 * HOUR_MS, timeZone),
    offsetAt(guess, timeZone),
  ]);
  const candidates = [...offsets]
    .map((offset) => midnightAsUtc - offset)
    .filter((candidate) => candidate <= atMs && sameDate(localTimeAt(candidate, timeZone), today));
  if (candidates.length === 0) return guess;
  return Math.min(...candidates);
}

/** The first instant of the next local day after the one starting at `dayStartMs` (days last 23 to 25 hours). */
export function nextDayStart(dayStartMs: number, timeZone: string): number {
  return dayStartOf(dayStartMs + 27 * HOUR_MS, timeZone);
}

/** The start of the local hour that contains `atMs` (local :00:00). */
export function hourStartOf(atMs: number, timeZone: string): number {
  const local = localTimeAt(atMs, timeZone);
  const intoSecond = ((atMs % 1000) + 1000) % 1000;
  return atMs - intoSecond - (local.minute * 60 + local.second) * 1000;
}
