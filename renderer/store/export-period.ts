// Environment: any. The CSV export's period as the lead picks it (whole local days, both inclusive) and as
// the hub takes it (an instant from, inclusive, to an instant to, exclusive). Pure, so it is tested alone.

/** A calendar date as <input type="date"> holds it: YYYY-MM-DD. */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The hub refuses longer periods (monitorExportArgsSchema). */
export const MAX_EXPORT_DAYS = 366;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function calendarDateOf(date: Date): CalendarDate {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of the date (null for anything that is not a real date). */
function startOfDay(date: CalendarDate): Date | null {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, day);
  // new Date rolls 2025-02-31 over to March: such a date was not real.
  return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === day
    ? start
    : null;
}

/** The last 7 days, today included. */
export function defaultExportDates(now: Date): { from: CalendarDate; to: CalendarDate } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6);
  return { from: calendarDateOf(from), to: calendarDateOf(now) };
}

export type ExportPeriodProblem = 'missing' | 'order' | 'tooLong';

export type ExportPeriod =
  { ok: true; from: string; to: string; fileName: string } | { ok: false; problem: ExportPeriodProblem };

/** From the start of `fromDate` to the end of `toDate`, local time, as the hub's instants. */
export function exportPeriod(fromDate: CalendarDate, toDate: CalendarDate): ExportPeriod {
  const start = startOfDay(fromDate);
  const lastDay = startOfDay(toDate);
  if (!start || !lastDay) return { ok: false, problem: 'missing' };
  if (lastDay < start) return { ok: false, problem: 'order' };
  const end = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1);
  if (end.getTime() - start.getTime() > MAX_EXPORT_DAYS * 86_400_000)
    return { ok: false, problem: 'tooLong' };
  return {
    ok: true,
    from: start.toISOString(),
    to: end.toISOString(),
    // Named after the days the lead chose (the hub's instants are in UTC and end a day later).
    fileName: `conversations-${fromDate}-to-${toDate}.csv`,
  };
}
