/**
 * The hours of the day a desk serves a service, as intervals of local minutes: the site's
 * hours (a special day replaces the week's), the service's own and the desk's for it.
 */
import { parseClock } from '../calendar';
import type { Centre, Desk, Service, TimeRange, WeeklyHours } from '../centre';
import type { ServiceDay } from '../ids';
import { weekdayOf } from './zoned';

/** A part of a day, in minutes since local midnight. */
export type Interval = readonly [from: number, to: number];
const WHOLE_DAY: readonly Interval[] = [[0, 24 * 60]];

const intervalsOf = (ranges: readonly TimeRange[]): Interval[] =>
  ranges
    .map((range): Interval => [parseClock(range.from), parseClock(range.to)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);

export const intersect = (left: readonly Interval[], right: readonly Interval[]): Interval[] => {
  const result: Interval[] = [];
  for (const [a, b] of left) {
    for (const [c, d] of right) {
      const from = Math.max(a, c);
      const to = Math.min(b, d);
      if (to > from) result.push([from, to]);
    }
  }
  return result.sort((x, y) => x[0] - y[0]);
};

export const weeklyOn = (hours: WeeklyHours | undefined, day: ServiceDay): readonly Interval[] =>
  hours ? intervalsOf(hours[weekdayOf(day)] ?? []) : WHOLE_DAY;

/** The site's hours that day: a special day (holiday, shortened day) replaces the week's. */
export const siteIntervals = (centre: Centre, day: ServiceDay): Interval[] => {
  const special = centre.site.specialDays.find((entry) => entry.date === day);
  return intervalsOf(special ? special.hours : (centre.site.hours[weekdayOf(day)] ?? []));
};

/** Whether the span lies wholly inside one of the intervals. */
export const covers = (intervals: readonly Interval[], from: number, to: number): boolean =>
  intervals.some(([a, b]) => a <= from && to <= b);

export const desksServing = (
  centre: Centre,
  service: Service,
): { desk: Desk; weight: number; hours?: WeeklyHours }[] =>
  centre.desks.flatMap((desk) => {
    const entry = desk.services.find((candidate) => candidate.code === service.code);
    return entry && entry.weight > 0
      ? [{ desk, weight: entry.weight, ...(entry.hours ? { hours: entry.hours } : {}) }]
      : [];
  });

/**
 * The desks serving a service that day, each with the part of the day (minutes since local
 * midnight) it serves it in: the site's hours, the service's and the desk's own for it.
 */
export const servingIntervals = (
  centre: Centre,
  service: Service,
  day: ServiceDay,
): { readonly desk: Desk; readonly weight: number; readonly intervals: readonly Interval[] }[] => {
  const open = intersect(siteIntervals(centre, day), weeklyOn(service.hours, day));
  return desksServing(centre, service).map((entry) => ({
    desk: entry.desk,
    weight: entry.weight,
    intervals: intersect(open, weeklyOn(entry.hours, day)),
  }));
};
