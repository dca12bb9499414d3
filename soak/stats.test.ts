import { describe, expect, it } from 'vitest';
import { parseSoakArgs, SoakUsageError } from './soak-args.js';
import { median, percentile, slope, thirds } from './stats.js';

describe('soak statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(median([])).toBeNull();
  });

  it('fits a slope and splits into thirds', () => {
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 1 }])).toBeNull();
    expect(thirds([1, 2, 3, 4, 5, 6, 7])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6, 7],
    ]);
  });
});

describe('soak arguments', () => {
  it('reads durations in seconds or minutes and refuses nonsense', () => {
    const { options, json } = parseSoakArgs([
      '--consoles',
      '3',
      '--duration',
      '5m',
      '--think',
      '2s',
      '--json',
    ]);
    expect(options).toMatchObject({ consoles: 3, shoppers: 1000, durationS: 300, thinkS: 2 });
    expect(json).toBe(true);
    expect(() => parseSoakArgs(['--consoles', '0'])).toThrow(SoakUsageError);
    expect(() => parseSoakArgs(['--duration', 'soon'])).toThrow(SoakUsageError);
    expect(() => parseSoakArgs(['--nope'])).toThrow(SoakUsageError);
  });
});
