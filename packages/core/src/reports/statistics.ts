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

/** From this many samples on, whole seconds are counted rather than sorted. */
const COUNT_FROM = 2_048;
/** Counting pays while the range is not much larger than the samples: a week of seconds. */
const MOST_COUNTED = 7 * 24 * 3_600;

/**
 * The same summary by counting: for whole non-negative numbers (seconds, here) up to a week,
 * the k-th smallest is found by walking a table of counts instead of sorting; a year of a busy
 * centre's waits is 1.8 million samples. Undefined when a sample is not such a number. The
 * sum is exact either way (whole numbers far below 2^53), so the figures are identical.
 */
export const summariseWholeSeconds = (samples: ArrayLike<number>): DurationSummary | undefined =>
  countedSummary([samples], samples.length);

/** `summariseWholeSeconds` over samples held in several arrays (`count` in all), none copied. */
const countedSummary = (chunks: readonly ArrayLike<number>[], count: number): DurationSummary | undefined => {
  if (count === 0) return EMPTY_SUMMARY;
  let max = 0;
  let sum = 0;
  for (const chunk of chunks) {
    for (let index = 0; index < chunk.length; index += 1) {
      const value = chunk[index] as number;
      if (!Number.isInteger(value) || value < 0 || value > MOST_COUNTED) return undefined;
      if (value > max) max = value;
      sum += value;
    }
  }
  const counts = new Uint32Array(max + 1);
  for (const chunk of chunks) {
    for (let index = 0; index < chunk.length; index += 1) {
      const value = chunk[index] as number;
      counts[value] = (counts[value] as number) + 1;
    }
  }
  const nth = (index: number): number => {
    let seen = 0;
    for (let value = 0; value <= max; value += 1) {
      seen += counts[value] as number;
      if (seen > index) return value;
    }
    return max;
  };
  const middle = Math.floor(count / 2);
  return {
    count,
    mean: sum / count,
    median: count % 2 === 1 ? nth(middle) : (nth(middle - 1) + nth(middle)) / 2,
    p90: nth(Math.max(1, Math.ceil(0.9 * count)) - 1),
    max,
  };
};

/** The summary by sorting a copy: any numbers. */
const sortedSummary = (chunks: readonly ArrayLike<number>[], count: number): DurationSummary => {
  const sorted = new Float64Array(count);
  let offset = 0;
  for (const chunk of chunks) {
    for (let index = 0; index < chunk.length; index += 1) sorted[offset++] = chunk[index] as number;
  }
  sorted.sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count,
    mean: sum / count,
    median: median(sorted),
    p90: nearestRank(sorted, 0.9),
    max: sorted[count - 1] as number,
  };
};

/**
 * Summarise the samples of several arrays as one (a report's group gathers a day summary's
 * arrays without copying them); none is changed.
 */
export const summariseChunks = (chunks: readonly ArrayLike<number>[]): DurationSummary => {
  let count = 0;
  for (const chunk of chunks) count += chunk.length;
  if (count === 0) return EMPTY_SUMMARY;
  return (count >= COUNT_FROM ? countedSummary(chunks, count) : undefined) ?? sortedSummary(chunks, count);
};

/** Summarise samples (any order); they are copied, not changed. */
export const summarise = (samples: ArrayLike<number>): DurationSummary => summariseChunks([samples]);

export const shareOf = (met: number, total: number): Share => ({
  met,
  total,
  share: total === 0 ? null : met / total,
});
