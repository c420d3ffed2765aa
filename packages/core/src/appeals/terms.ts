/**
 * Deadlines of appeals, in the site's own calendar days. A term of N days runs from the day
 * after registration and ends at the end of its last day (so an appeal registered on the
 * 1st with a 10-day term is due by the end of the 11th). Working days are Monday to Friday
 * except the site's holidays (special days with no hours); a centre that opens at weekends
 * still counts them as days off for its terms. A calendar term whose last day is not
 * a working day ends on the next working day, as civil-law terms do.
 */
import type { Site } from '../centre';
import { serviceDayOf } from '../calendar';
import { type Instant, type ServiceDay } from '../ids';
import { addDays, instantAt, weekdayOf } from '../booking/zoned';
import type { AppealDayKind } from './policy';

/** Far enough for any term a policy allows (180 days) through a run of holidays. */
const MAX_STEPS = 2_000;

export const isWorkingDay = (site: Pick<Site, 'specialDays'>, day: ServiceDay): boolean => {
  if (weekdayOf(day) >= 6) return false;
  const special = site.specialDays.find((entry) => entry.date === day);
  return special === undefined || special.hours.length > 0;
};

const nextWorkingDay = (site: Pick<Site, 'specialDays'>, day: ServiceDay): ServiceDay => {
  let current = day;
  for (let step = 0; step < MAX_STEPS && !isWorkingDay(site, current); step += 1) {
    current = addDays(current, 1);
  }
  return current;
};

/** The last day of a term of `days` days counted from the day after `start`. */
export const termEnd = (
  site: Pick<Site, 'specialDays'>,
  start: ServiceDay,
  days: number,
  kind: AppealDayKind,
): ServiceDay => {
  if (days <= 0) return start;
  if (kind === 'calendar') return nextWorkingDay(site, addDays(start, days));
  let current = start;
  let counted = 0;
  for (let step = 0; step < MAX_STEPS && counted < days; step += 1) {
    current = addDays(current, 1);
    if (isWorkingDay(site, current)) counted += 1;
  }
  return current;
};

/** The instant a term's last day ends: the start of the next local day. */
export const endOfDay = (site: Pick<Site, 'timeZone'>, day: ServiceDay): Instant =>
  instantAt(addDays(day, 1), 0, site.timeZone);

/** Whole calendar days from one local day to another (negative when `to` comes first). */
export const daysBetween = (from: ServiceDay, to: ServiceDay): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Whether the last day of a term has passed at `now`, in the site's calendar. */
export const isPast = (site: Pick<Site, 'timeZone'>, day: ServiceDay, now: Instant): boolean =>
  serviceDayOf(now, site.timeZone) > day;
