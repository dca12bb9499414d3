import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type OfficeHours } from '../../shared/settings.js';
import { isKnownTimeZone, isWithinOfficeHours, wallClock } from './office-hours.js';

const weekdays: OfficeHours = { ...DEFAULT_SETTINGS.officeHours, enabled: true };

describe('office hours', () => {
  it('reads the wall clock in the configured zone, across summer time', () => {
    // 2026-01-12 is a Monday; Stockholm is UTC+1 in January and UTC+2 in July.
    expect(wallClock(Date.parse('2026-01-12T07:30:00Z'), 'Europe/Stockholm')).toEqual({
      day: 'mon',
      time: '08:30',
    });
    expect(wallClock(Date.parse('2026-07-13T06:30:00Z'), 'Europe/Stockholm')).toEqual({
      day: 'mon',
      time: '08:30',
    });
    expect(wallClock(Date.parse('2026-01-11T23:30:00Z'), 'Europe/Stockholm')).toEqual({
      day: 'mon',
      time: '00:30',
    });
  });

  it('is open from a period start up to (not at) its end, and closed on days without one', () => {
    expect(isWithinOfficeHours(weekdays, Date.parse('2026-01-12T06:59:00Z'))).toBe(false); // 07:59
    expect(isWithinOfficeHours(weekdays, Date.parse('2026-01-12T07:00:00Z'))).toBe(true); // 08:00
    expect(isWithinOfficeHours(weekdays, Date.parse('2026-01-12T15:59:00Z'))).toBe(true); // 16:59
    expect(isWithinOfficeHours(weekdays, Date.parse('2026-01-12T16:00:00Z'))).toBe(false); // 17:00
    expect(isWithinOfficeHours(weekdays, Date.parse('2026-01-17T10:00:00Z'))).toBe(false); // Saturday
    expect(isWithinOfficeHours({ ...weekdays, enabled: false }, Date.parse('2026-01-17T10:00:00Z'))).toBe(
      true,
    );
  });

  it('knows real time zones only', () => {
    expect(isKnownTimeZone('Europe/Stockholm')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
