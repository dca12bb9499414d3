import { describe, expect, it } from 'vitest';
import { durationStats, medianOf, nearestRank } from './duration-stats.js';

describe('duration statistics (nearest rank)', () => {
  it('takes the value at rank ceil(p/100 × n): always an observed duration', () => {
    expect(durationStats([1200, 180, 600, 360])).toEqual({ count: 4, medianSeconds: 360, p90Seconds: 1200 });
    expect(durationStats([5])).toEqual({ count: 1, medianSeconds: 5, p90Seconds: 5 });
    const tenths = Array.from({ length: 10 }, (_, index) => (index + 1) * 10);
    expect(nearestRank(tenths, 90)).toBe(90);
    expect(nearestRank([...tenths, 110], 90)).toBe(100);
    expect(medianOf([3, 1, 2])).toBe(2);
  });

  it('is null without durations', () => {
    expect(durationStats([])).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
    expect(medianOf([])).toBeNull();
  });
});
