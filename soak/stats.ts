// Small statistics for the soak's figures: percentiles, medians, a least-squares slope.

/** The p-th percentile (0–100) by nearest rank; null for no samples. */
/** `value` with `digits` decimals (figures are reported, not computed with). */
export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export function median(samples: readonly number[]): number | null {
  return percentile(samples, 50);
}

/** Least-squares slope of y over x; null with fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

/** Splits `items` into three consecutive parts of (nearly) equal length. */
export function thirds<T>(items: readonly T[]): [T[], T[], T[]] {
  const cut1 = Math.floor(items.length / 3);
  const cut2 = Math.floor((2 * items.length) / 3);
  return [items.slice(0, cut1), items.slice(cut1, cut2), items.slice(cut2)];
}
