/**
 * Runs many simulated days of the demo centre under one call policy. Day k draws its
 * visitors from seed `seed + k`, so every policy meets exactly the same visitors, and the
 * learned visit lengths carry from one day to the next as they do on the server.
 */
import { type Centre, DEMO_CENTRE, type ServiceStats, findService } from '@queue/core';
import { DAY_OPENS, DEFAULT_DEMAND, type DemandOptions, generateDay } from './demand';
import type { CallPolicy } from './policies';
import { Random } from './prng';
import { type DayOptions, type VisitRecord, simulateDay } from './simulator';

export interface DaysOptions {
  readonly policy: CallPolicy;
  readonly days: number;
  readonly seed: number;
  readonly estimates: boolean;
  readonly centre?: Centre;
  readonly demand?: DemandOptions;
  readonly estimator?: DayOptions['estimator'];
  /** Between a visit's end and the desk's next call (notes, the next button); none by default. */
  readonly wrapUpMinutes?: number;
  readonly closedAtStart?: DayOptions['closedAtStart'];
  /** Whatever has not happened by midnight does not happen (a day that overruns it). */
  readonly endsAt?: DayOptions['endsAt'];
  readonly advisor?: DayOptions['advisor'];
  /** Desk breaks, the same every day (instants on the simulated date). */
  readonly breaks?: DayOptions['breaks'];
}

/** The visits of each day, in day order. */
export const simulateDays = (options: DaysOptions): VisitRecord[][] => {
  const centre = options.centre ?? DEMO_CENTRE;
  const minutesOf = (code: string): number =>
    findService(centre, code as Parameters<typeof findService>[1])?.expectedMinutes ?? 10;
  let stats: Readonly<Record<string, ServiceStats>> = {};
  const days: VisitRecord[][] = [];
  for (let day = 0; day < options.days; day += 1) {
    const visitors = generateDay(new Random(options.seed + day), minutesOf, options.demand ?? DEFAULT_DEMAND);
    const result = simulateDay({
      centre,
      visitors,
      policy: options.policy,
      opensAt: DAY_OPENS,
      walkMinutes: 0.5,
      ...(options.wrapUpMinutes ? { wrapUpMinutes: options.wrapUpMinutes } : {}),
      ...(options.closedAtStart ? { closedAtStart: options.closedAtStart } : {}),
      ...(options.endsAt !== undefined ? { endsAt: options.endsAt } : {}),
      ...(options.advisor ? { advisor: options.advisor } : {}),
      ...(options.breaks ? { breaks: options.breaks } : {}),
      stats,
      estimates: options.estimates,
      ...(options.estimator ? { estimator: options.estimator } : {}),
    });
    stats = result.finalState.stats;
    days.push([...result.records]);
  }
  return days;
};
