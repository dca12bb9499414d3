// Environment: Node (hub). Median and 90th percentile of durations, nearest-rank: the value at rank
// ceil(p/100 × n) of the sorted list, always one that was actually observed.
import type { DurationStats } from '../../shared/monitor.js';

/** The nearest-rank `percent` percentile of ascending `sorted`, or null when it is empty. */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function durationStats(seconds: readonly number[]): DurationStats {
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianSeconds: nearestRank(sorted, 50),
    p90Seconds: nearestRank(sorted, 90),
  };
}

export function medianOf(seconds: readonly number[]): number | null {
  return nearestRank(
    [...seconds].sort((a, b) => a - b),
    50,
  );
}
