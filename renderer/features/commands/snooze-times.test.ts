import { describe, expect, it } from 'vitest';
import { fromDateTimeLocal, inOneHour, toDateTimeLocal, tomorrowAtNine } from './snooze-times.js';

describe('snooze times', () => {
  it('offers one hour from now and 9:00 on the next day, in local time', () => {
    const now = new Date(2025, 0, 31, 22, 15);
    expect(inOneHour(now)).toEqual(new Date(2025, 0, 31, 23, 15));
    // Across a month end.
    expect(tomorrowAtNine(now)).toEqual(new Date(2025, 1, 1, 9, 0));
  });

  it('round-trips the datetime-local value and refuses garbage', () => {
    const date = new Date(2025, 5, 3, 7, 5);
    expect(toDateTimeLocal(date)).toBe('2025-06-03T07:05');
    expect(fromDateTimeLocal('2025-06-03T07:05')).toEqual(date);
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('tomorrow')).toBeNull();
  });
});
