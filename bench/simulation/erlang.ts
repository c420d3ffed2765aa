/**
 * Erlang C (M/M/c): the probability that an arrival waits and the mean wait, for checking
 * the simulator against the exact answer on a pooled single-service queue.
 */

/** Probability of waiting with `c` servers and offered load `a` = λ/μ (Erlangs); 1 when unstable. */
export const erlangC = (c: number, a: number): number => {
  if (a >= c) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k += 1) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
};

export interface ErlangResult {
  /** Probability that a visitor waits at all. */
  readonly waitProbability: number;
  /** Mean wait in the queue, minutes (Infinity when unstable). */
  readonly meanWaitMinutes: number;
  /** Probability that the wait exceeds `t` minutes. */
  readonly waitOver: (minutes: number) => number;
}

/** The M/M/c queue with arrivals per hour, mean service minutes and `c` desks. */
export const mmc = (arrivalsPerHour: number, serviceMinutes: number, c: number): ErlangResult => {
  const lambda = arrivalsPerHour / 60;
  const mu = 1 / serviceMinutes;
  const a = lambda / mu;
  if (a >= c) return { waitProbability: 1, meanWaitMinutes: Infinity, waitOver: () => 1 };
  const pw = erlangC(c, a);
  const drain = c * mu - lambda;
  return {
    waitProbability: pw,
    meanWaitMinutes: pw / drain,
    waitOver: (minutes) => pw * Math.exp(-drain * minutes),
  };
};
