/**
 * How pressing an open appeal is, for the journal's colours and the supervisor's monitor:
 * overdue (red) once its answer term, or, while nobody is named for it, its hand-over term
 * has passed; due soon (amber) on the last day of a term or the day before.
 */
import type { Site } from '../centre';
import { serviceDayOf } from '../calendar';
import type { Instant, ServiceDay } from '../ids';
import { type Appeal, isClosedAppeal } from './appeal';
import { daysBetween } from './terms';

export type AppealUrgency = 'closed' | 'overdue' | 'due-soon' | 'on-time';

/** The term that matters now: hand-over while the appeal is unassigned, else the answer. */
export const currentDueDay = (appeal: Appeal): ServiceDay =>
  appeal.status === 'registered' && appeal.classifyDueDay < appeal.answerDueDay
    ? appeal.classifyDueDay
    : appeal.answerDueDay;

export const appealUrgency = (appeal: Appeal, now: Instant, site: Pick<Site, 'timeZone'>): AppealUrgency => {
  if (isClosedAppeal(appeal)) return 'closed';
  const today = serviceDayOf(now, site.timeZone);
  const left = daysBetween(today, currentDueDay(appeal));
  if (left < 0) return 'overdue';
  return left <= 1 ? 'due-soon' : 'on-time';
};

/** Whether a closed appeal was closed by the end of its answer term (extended term included). */
export const closedOnTime = (appeal: Appeal, site: Pick<Site, 'timeZone'>): boolean | undefined =>
  appeal.closedAt === undefined
    ? undefined
    : serviceDayOf(appeal.closedAt, site.timeZone) <= appeal.answerDueDay;
