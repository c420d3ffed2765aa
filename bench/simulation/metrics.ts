/**
 * The figures a centre is judged by, from simulated visits: mean and 90th-percentile wait,
 * the share served within the 15-minute standard, and the longest wait of an ordinary
 * visitor (a walk-in without priority). A wait runs from taking the ticket (or from the slot,
 * for a booked visitor who came early) to the first call; visitors who never came are left out.
 */
import { mean, percentile } from '../lib/stats';
import type { VisitRecord } from './simulator';

const MS_PER_MINUTE = 60_000;
export const WAITING_STANDARD_MINUTES = 15;

export const waitMinutes = (record: VisitRecord): number | undefined => {
  if (record.calledAt === undefined) return undefined;
  const from = Math.max(record.issuedAt, record.visitor.appointmentAt ?? record.issuedAt);
  return Math.max(0, record.calledAt - from) / MS_PER_MINUTE;
};

export const isOrdinary = (record: VisitRecord): boolean =>
  !record.visitor.priority && record.visitor.appointmentAt === undefined;

export interface WaitMetrics {
  readonly served: number;
  readonly meanWait: number;
  readonly p90Wait: number;
  readonly withinStandard: number;
  readonly longestOrdinary: number;
  readonly meanPriorityWait: number;
  /** Booked visitors called within 5 minutes of their slot. */
  readonly bookedOnTime: number;
  /** Visitors never called before the day ended (should be none). */
  readonly unserved: number;
}

export const waitMetrics = (records: readonly VisitRecord[]): WaitMetrics => {
  const served = records.filter((record) => record.calledAt !== undefined && !record.visitor.noShow);
  const waits = served.map((record) => waitMinutes(record) ?? 0);
  const ordinary = served.filter(isOrdinary).map((record) => waitMinutes(record) ?? 0);
  const priority = served
    .filter((record) => record.visitor.priority)
    .map((record) => waitMinutes(record) ?? 0);
  const booked = served
    .filter((record) => record.visitor.appointmentAt !== undefined)
    .map((record) => waitMinutes(record) ?? 0);
  return {
    served: served.length,
    meanWait: mean(waits),
    p90Wait: percentile(waits, 90),
    withinStandard:
      waits.filter((wait) => wait <= WAITING_STANDARD_MINUTES).length / Math.max(1, waits.length),
    longestOrdinary: Math.max(0, ...ordinary),
    meanPriorityWait: mean(priority),
    bookedOnTime: booked.filter((wait) => wait <= 5).length / Math.max(1, booked.length),
    unserved: records.filter((record) => record.refused === undefined && record.calledAt === undefined)
      .length,
  };
};
