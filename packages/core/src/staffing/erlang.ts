/**
 * Erlang C (M/M/c): how many desks a stream of visitors needs so that few wait longer than
 * the standard. Poisson arrivals, exponential visit lengths, one shared queue, first come
 * first served; P(W > t) = C(c, a) · e^{−(cμ − λ)t}.
 */

/** Probability that an arrival waits at all, with `c` servers and offered load `a` = λ/μ; 1 when unstable. */
export const erlangC = (c: number, a: number): number => {
  if (a <= 0) return 0;
  if (c <= 0 || a >= c) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k += 1) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
};

export interface QueueLoad {
  /** Mean arrivals per hour (fractional: an average over several days). */
  readonly arrivalsPerHour: number;
  /** Mean visit length, minutes. */
  readonly serviceMinutes: number;
}

/** Offered load in Erlangs: the desks that would be busy all the time. */
export const offeredLoad = (load: QueueLoad): number =>
  load.arrivalsPerHour <= 0 || load.serviceMinutes <= 0
    ? 0
    : (load.arrivalsPerHour / 60) * load.serviceMinutes;

/** Probability that a visitor waits longer than `minutes` with `desks` desks (1 when unstable). */
export const waitOverProbability = (load: QueueLoad, desks: number, minutes: number): number => {
  const a = offeredLoad(load);
  if (a === 0) return 0;
  if (desks <= a) return 1;
  const lambda = load.arrivalsPerHour / 60;
  const mu = 1 / load.serviceMinutes;
  return erlangC(desks, a) * Math.exp(-(desks * mu - lambda) * Math.max(0, minutes));
};

/** Share of visitors allowed to wait longer than the standard: 20%, i.e. 80% served within it. */
export const DEFAULT_STAFFING_TARGET = 0.2;
/** No answer above this many desks for one group: the load is beyond any real hall. */
export const MAX_PLANNED_DESKS = 500;

export interface DesksNeededOptions {
  /** The largest share allowed to wait longer than the standard, 0 < target < 1. */
  readonly target?: number;
  readonly maxDesks?: number;
}

export interface DesksNeeded {
  readonly desks: number;
  /** P(W > standard) with that many desks. */
  readonly waitOverStandard: number;
  /** True when even `maxDesks` does not meet the target (`desks` is then `maxDesks`). */
  readonly capped: boolean;
}

/**
 * The smallest number of desks c with P(W > standard) ≤ target. No arrivals need no desk.
 * Erlang B is carried from c − 1 to c, so the search is linear in the answer.
 */
export const desksNeeded = (
  load: QueueLoad,
  standardMinutes: number,
  options: DesksNeededOptions = {},
): DesksNeeded => {
  const target = options.target ?? DEFAULT_STAFFING_TARGET;
  const maxDesks = options.maxDesks ?? MAX_PLANNED_DESKS;
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be between 0 and 1, not ${target}`);
  const a = offeredLoad(load);
  if (a === 0) return { desks: 0, waitOverStandard: 0, capped: false };
  const lambda = load.arrivalsPerHour / 60;
  const mu = 1 / load.serviceMinutes;
  const t = Math.max(0, standardMinutes);
  let b = 1;
  for (let c = 1; c <= maxDesks; c += 1) {
    b = (a * b) / (c + a * b);
    if (c <= a) continue;
    const rho = a / c;
    const waits = b / (1 - rho + rho * b);
    const over = waits * Math.exp(-(c * mu - lambda) * t);
    if (over <= target) return { desks: c, waitOverStandard: over, capped: false };
  }
  return { desks: maxDesks, waitOverStandard: waitOverProbability(load, maxDesks, t), capped: true };
};
