/**
 * Summaries of samples: mean, median, 90th percentile and maximum. The median of an even
 * count is the mean of the two middle values; the 90th percentile is the nearest rank (the
 * smallest sample with at least 90 % of the samples at or below it), so it is always a
 * value that was actually seen.
 */
import type { DurationSummary, Share } from './types';

export const EMPTY_SUMMARY: DurationSummary = { count: 0, mean: null, median: null, p90: null, max: null };

/** Nearest-rank percentile of sorted samples, `fraction` in (0, 1]. */
export const nearestRank = (sorted: ArrayLike<number>, fraction: number): number => {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
};

export const median = (sorted: ArrayLike<number>): number => {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Summarise samples (any order); they are copied, not changed. */
export const summarise = (samples: readonly number[]): DurationSummary => {
  if (samples.length === 0) return EMPTY_SUMMARY;
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    median: median(sorted),
    p90: nearestRank(sorted, 0.9),
    max: sorted[sorted.length - 1] as number,
  };
};

export const shareOf = (met: number, total: number): Share => ({
  met,
  total,
  share: total === 0 ? null : met / total,
});
