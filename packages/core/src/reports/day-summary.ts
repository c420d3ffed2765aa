/**
 * The pre-aggregation that keeps reports fast: a service day's segments reduced to a few
 * hundred summary rows, one per service and grouping key (the service itself, the desk, the
 * operator, the hour of arrival). Counts are summed; durations are kept as whole seconds so
 * that medians and percentiles stay exact. A closed day never changes, so its summary is
 * computed once and stored; a report reads summaries, not millions of segments.
 */
import { localClockFor } from './local-clock';
import type { VisitSegment } from './types';

/** A booked visit counts as on time when first called at most this long after its slot. */
export const BOOKING_PUNCTUALITY_MINUTES = 5;

/** Which grouping a summary row serves; organisation, weekday, day and total come from `service`. */
export const SUMMARY_DIMENSIONS = ['service', 'desk', 'operator', 'hour'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** Whole seconds: a plain array when just summarised, a typed array when read back from storage. */
export type WholeSeconds = readonly number[] | Int32Array;

export interface DaySummary {
  readonly serviceDay: string;
  readonly dimension: SummaryDimension;
  readonly serviceCode: string;
  /** The desk or operator id (empty when none), or the hour `HH`; the service code for `service`. */
  readonly key: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  priorityIssued: number;
  priorityConfirmed: number;
  bookingsCalled: number;
  punctual: number;
  /** Waits of called walk-in segments, whole seconds. */
  readonly walkInWaits: WholeSeconds;
  /** Waits of called booked segments, whole seconds. */
  readonly bookedWaits: WholeSeconds;
  /** Service times of served or transferred segments, whole seconds. */
  readonly serviceTimes: WholeSeconds;
  /** Visits issued by local hour of arrival (24 counts); kept on `service` rows for the chart. */
  readonly arrivalsByHour: readonly number[];
}

/** A summary row while segments are being added to it. */
interface SummaryInProgress extends DaySummary {
  readonly walkInWaits: number[];
  readonly bookedWaits: number[];
  readonly serviceTimes: number[];
  readonly arrivalsByHour: number[];
}

const emptySummary = (
  serviceDay: string,
  dimension: SummaryDimension,
  serviceCode: string,
  key: string,
): SummaryInProgress => ({
  serviceDay,
  dimension,
  serviceCode,
  key,
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  priorityIssued: 0,
  priorityConfirmed: 0,
  bookingsCalled: 0,
  punctual: 0,
  walkInWaits: [],
  bookedWaits: [],
  serviceTimes: [],
  arrivalsByHour: dimension === 'service' ? new Array<number>(24).fill(0) : [],
});

const seconds = (ms: number): number => Math.round(ms / 1000);

const addSegment = (row: SummaryInProgress, segment: VisitSegment): void => {
  if (segment.segment === 0) {
    row.issued += 1;
    if (segment.priorityCategory !== null) {
      row.priorityIssued += 1;
      if (segment.priorityConfirmed === 1) row.priorityConfirmed += 1;
    }
  }
  if (segment.outcome === 'completed') row.served += 1;
  else if (segment.outcome === 'no-show') row.noShow += 1;
  else if (segment.outcome === 'cancelled') row.cancelled += 1;
  else if (segment.outcome === 'transferred') row.transferred += 1;
  if (segment.firstCalledAt !== null) {
    const wait = seconds(segment.firstCalledAt - segment.enteredAt);
    if (segment.source === 'booking') {
      row.bookedWaits.push(wait);
      if (segment.segment === 0 && segment.appointmentAt !== null) {
        row.bookingsCalled += 1;
        if (segment.firstCalledAt <= segment.appointmentAt + BOOKING_PUNCTUALITY_MINUTES * 60_000) {
          row.punctual += 1;
        }
      }
    } else {
      row.walkInWaits.push(wait);
    }
  }
  if (
    (segment.outcome === 'completed' || segment.outcome === 'transferred') &&
    segment.servingStartedAt !== null &&
    segment.endedAt !== null
  ) {
    row.serviceTimes.push(seconds(segment.endedAt - segment.servingStartedAt));
  }
};

/** Summarise segments (of one or many days) into rows by day, dimension, service and key. */
export const summariseSegments = (segments: Iterable<VisitSegment>, timeZone: string): DaySummary[] => {
  const clock = localClockFor(timeZone);
  const rows = new Map<string, SummaryInProgress>();
  const rowFor = (day: string, dimension: SummaryDimension, code: string, key: string): SummaryInProgress => {
    const id = `${day}\u0000${dimension}\u0000${code}\u0000${key}`;
    let row = rows.get(id);
    if (!row) {
      row = emptySummary(day, dimension, code, key);
      rows.set(id, row);
    }
    return row;
  };
  for (const segment of segments) {
    const { serviceDay: day, serviceCode: code } = segment;
    const hour = clock(segment.enteredAt).hour;
    const byService = rowFor(day, 'service', code, code);
    addSegment(byService, segment);
    if (segment.segment === 0) byService.arrivalsByHour[hour] = (byService.arrivalsByHour[hour] ?? 0) + 1;
    addSegment(rowFor(day, 'desk', code, segment.deskId ?? ''), segment);
    addSegment(rowFor(day, 'operator', code, segment.operatorId ?? ''), segment);
    addSegment(rowFor(day, 'hour', code, String(hour).padStart(2, '0')), segment);
  }
  return [...rows.values()];
};
