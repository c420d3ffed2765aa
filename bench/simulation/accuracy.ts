/**
 * How well a wait estimate predicted the real wait: mean absolute error, relative RMSE
 * (root mean square error over the mean real wait) and, for a range, how often the real
 * wait fell inside it. Pure, over (estimate, real) pairs in minutes.
 */
export interface Prediction {
  readonly expected: number;
  readonly real: number;
  readonly low?: number;
  readonly high?: number;
}

export interface Accuracy {
  readonly count: number;
  readonly meanAbsoluteError: number;
  readonly relativeRmse: number;
  /** Share of real waits inside [low, high]; NaN when no ranges were given. */
  readonly inRange: number;
  /** Mean of (estimate - real): positive means the estimate runs high. */
  readonly bias: number;
}

export const accuracy = (predictions: readonly Prediction[]): Accuracy => {
  const n = predictions.length;
  if (n === 0) {
    return { count: 0, meanAbsoluteError: NaN, relativeRmse: NaN, inRange: NaN, bias: NaN };
  }
  let absolute = 0;
  let squared = 0;
  let realSum = 0;
  let bias = 0;
  let ranged = 0;
  let inside = 0;
  for (const { expected, real, low, high } of predictions) {
    absolute += Math.abs(expected - real);
    squared += (expected - real) ** 2;
    bias += expected - real;
    realSum += real;
    if (low !== undefined && high !== undefined) {
      ranged += 1;
      // The range is shown in whole minutes: a real wait of 4.4 fits "up to 4".
      if (real >= low - 0.5 && real <= high + 0.5) inside += 1;
    }
  }
  return {
    count: n,
    meanAbsoluteError: absolute / n,
    relativeRmse: Math.sqrt(squared / n) / Math.max(realSum / n, 1e-9),
    inRange: ranged === 0 ? NaN : inside / ranged,
    bias: bias / n,
  };
};
