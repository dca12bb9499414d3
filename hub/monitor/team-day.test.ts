import { describe, expect, it } from 'vitest';
import { dayStartOf, hourStartOf, localTimeAt, nextDayStart } from './team-day.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** Reference: walk back minute by minute while the local date stays the same (slow, obviously right). */
function firstMinuteOfLocalDay(atMs: number, timeZone: string): number {
  const dateOf = (ms: number) => {
    const { year, month, day } = localTimeAt(ms, timeZone);
    return `${year}-${month}-${day}`;
  };
  const today = dateOf(atMs);
  let start = atMs - (atMs % 60_000);
  for (let step = 0; step < 26 * 60 && dateOf(start - 60_000) === today; step++) start -= 60_000;
  return start;
}

describe('the team day in a time zone', () => {
  it('starts at local midnight in Stockholm, winter and summer, with a moment just before midnight in the day before', () => {
    expect(iso(dayStartOf(at('2026-03-10T10:30:00Z'), 'Europe/Stockholm'))).toBe('2026-03-09T23:00:00.000Z');
    expect(iso(dayStartOf(at('2026-03-09T22:59:59.999Z'), 'Europe/Stockholm'))).toBe(
      '2026-03-08T23:00:00.000Z',
    );
    expect(iso(dayStartOf(at('2026-03-09T23:00:00.000Z'), 'Europe/Stockholm'))).toBe(
      '2026-03-09T23:00:00.000Z',
    );
    expect(iso(dayStartOf(at('2026-07-01T12:00:00Z'), 'Europe/Stockholm'))).toBe('2026-06-30T22:00:00.000Z');
  });

  it('is DST-safe: 23 hours on the spring day and 25 on the autumn day in Stockholm', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00Z). Midnight was still CET.
    const spring = dayStartOf(at('2026-03-29T20:00:00Z'), 'Europe/Stockholm');
    expect(iso(spring)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(nextDayStart(spring, 'Europe/Stockholm'))).toBe('2026-03-29T22:00:00.000Z');
    // 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00Z). Midnight was still CEST.
    const autumn = dayStartOf(at('2026-10-25T22:30:00Z'), 'Europe/Stockholm');
    expect(iso(autumn)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(nextDayStart(autumn, 'Europe/Stockholm'))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('starts at the first instant of the day when DST skips midnight (Santiago)', () => {
    // 6 September 2026: 00:00 -04 becomes 01:00 -03 (04:00Z); the day has no midnight.
    expect(iso(dayStartOf(at('2026-09-06T15:00:00Z'), 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(nextDayStart(at('2026-09-05T04:00:00Z'), 'America/Santiago'))).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('agrees with a minute-by-minute walk, all year, in zones with DST, half-hour offsets and none', () => {
    const zones = [
      'Europe/Stockholm',
      'America/Santiago',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'UTC',
      'America/St_Johns',
    ];
    const start = at('2026-01-01T00:17:23.456Z');
    for (const timeZone of zones) {
      // Every 61 hours and 7 minutes: all hours of the day, every part of the year.
      for (let moment = start; moment < start + 366 * 86_400_000; moment += 61 * 3_600_000 + 7 * 60_000) {
        expect(iso(dayStartOf(moment, timeZone)), `${timeZone} at ${iso(moment)}`).toBe(
          iso(firstMinuteOfLocalDay(moment, timeZone)),
        );
      }
    }
  });

  it('starts hours at local :00, also where the offset has half hours', () => {
    expect(iso(hourStartOf(at('2026-03-10T10:59:59.999Z'), 'Europe/Stockholm'))).toBe(
      '2026-03-10T10:00:00.000Z',
    );
    expect(iso(hourStartOf(at('2026-03-10T10:29:00Z'), 'Asia/Kolkata'))).toBe('2026-03-10T09:30:00.000Z');
    expect(iso(hourStartOf(at('2026-03-10T10:30:00Z'), 'Asia/Kolkata'))).toBe('2026-03-10T10:30:00.000Z');
  });
});
