// Catch-up progress on a hand-moved clock: reported at the start, throttled while it runs, null at the end.
import { describe, expect, it } from 'vitest';
import { CatchUpProgress, type CatchUpState } from './catch-up-progress.js';

function progressOnClock() {
  let now = 0;
  const reports: (CatchUpState | null)[] = [];
  const progress = new CatchUpProgress(
    (state) => reports.push(state),
    100,
    () => now,
  );
  return { progress, reports, tick: (ms: number) => (now += ms) };
}

describe('CatchUpProgress', () => {
  it('counts from the start position to the head the hub had when it began, at most once per 100 ms', () => {
    const { progress, reports, tick } = progressOnClock();
    progress.begin(1_000, 6_000);
    progress.advance(1_500); // within 100 ms of the start: not reported
    tick(60);
    progress.advance(2_000);
    tick(40);
    progress.advance(2_500);
    tick(100);
    progress.advance(2_500); // nothing new
    tick(100);
    progress.advance(9_000); // past the head (changes made meanwhile): capped at the total
    progress.end();
    progress.end();
    expect(reports).toEqual([
      { applied: 0, total: 5_000 },
      { applied: 1_500, total: 5_000 },
      { applied: 5_000, total: 5_000 },
      null,
    ]);
  });

  it('says nothing when there is nothing to catch up, and starts over after a reset', () => {
    const { progress, reports, tick } = progressOnClock();
    progress.begin(42, 42);
    progress.advance(43);
    progress.end();
    expect(reports).toEqual([]);

    progress.begin(10, 20);
    tick(200);
    progress.begin(0, 30); // a full resync from 0
    expect(progress.isActive()).toBe(true);
    expect(reports).toEqual([{ applied: 0, total: 10 }, null, { applied: 0, total: 30 }]);
  });
});
