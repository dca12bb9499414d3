// Environment: any. The snooze choices: in one hour, tomorrow at 9:00 (local time), or a picked time, and the
// `datetime-local` input's value format.

const HOUR_MS = 60 * 60 * 1000;

export function inOneHour(now: Date): Date {
  return new Date(now.getTime() + HOUR_MS);
}

/** 09:00 on the next calendar day in the agent's own time zone. */
export function tomorrowAtNine(now: Date): Date {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
  return next;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` in local time, what `<input type="datetime-local">` reads and writes. */
export function toDateTimeLocal(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Parses a `datetime-local` value as local time; null when empty or invalid. */
export function fromDateTimeLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, 0, 0);
  return Number.isNaN(date.getTime()) ? null : date;
}
