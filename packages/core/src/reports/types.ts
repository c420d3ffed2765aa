/**
 * What reports are made of and what they answer. A visit is split into segments: one per
 * queue it joined (its service at the time), ending when it left that queue.
 */

/** How a segment ended; `null` while it is still in progress. */
export type SegmentOutcome = 'completed' | 'transferred' | 'no-show' | 'cancelled';

/** One part of a visit, as the database's `visit_segments` projection keeps it. Times in epoch ms. */
export interface VisitSegment {
  readonly ticketId: string;
  /** 0 for the part that began when the ticket was issued, then 1, 2… after each hand-over. */
  readonly segment: number;
  /** The visit's site-local service day, `YYYY-MM-DD`. */
  readonly serviceDay: string;
  readonly serviceCode: string;
  /** `booking` for pre-booked visits; every other source is a walk-in. */
  readonly source: string;
  /** When the visitor joined this queue: the ticket's issue, or the hand-over that began the part. */
  readonly enteredAt: number;
  readonly firstCalledAt: number | null;
  /** The latest start of service (a postponed visitor who comes back starts again). */
  readonly servingStartedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: SegmentOutcome | null;
  readonly deskId: string | null;
  readonly operatorId: string | null;
  readonly priorityCategory: string | null;
  /** 1 when staff confirmed the priority claim, else 0. */
  readonly priorityConfirmed: number;
  readonly appointmentAt: number | null;
}

/** A visitor's rating, with when the visit arrived (for hour and weekday grouping). */
export interface RatedVisit {
  readonly ticketId: string;
  readonly serviceDay: string;
  readonly serviceCode: string;
  readonly deskId: string | null;
  readonly operatorId: string | null;
  /** The score, or the sum of the scores when the row stands for `count` ratings. */
  readonly score: number;
  /** The ticket's issue time; null when its segments are gone. */
  readonly arrivedAt: number | null;
  /** Ratings this row stands for (a report that needs no clock hour reads them added up); 1 when absent. */
  readonly count?: number;
}

export const REPORT_GROUPINGS = [
  'total',
  'organisation',
  'service',
  'desk',
  'operator',
  'hour',
  'weekday',
  'day',
] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** Mean, median, 90th percentile and maximum of durations, in seconds; null without samples. */
export interface DurationSummary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

/** How many of `total` met a target, and the share (0..1; null when `total` is 0). */
export interface Share {
  readonly met: number;
  readonly total: number;
  readonly share: number | null;
}

export interface ReportFigures {
  /** Visits issued (first segments). */
  readonly issued: number;
  /** Segments that ended served ('completed'), including a step of an itinerary. */
  readonly served: number;
  readonly noShow: number;
  readonly cancelled: number;
  /** Segments that ended by a transfer to another service or desk. */
  readonly transferred: number;
  /** Per segment: joining the queue to the first call. */
  readonly wait: DurationSummary;
  /** Per served or transferred segment: start of service to its end. */
  readonly service: DurationSummary;
  /** Walk-in segments called within their service's waiting standard. */
  readonly withinStandard: Share;
  /** Booked visits first called at most 5 minutes after the slot. */
  readonly punctual: Share;
  readonly priorityIssued: number;
  readonly priorityConfirmed: number;
  readonly ratings: { readonly count: number; readonly mean: number | null };
}

export interface ReportRow {
  /** The group's key: an organisation id, service code, desk id, operator id, `HH`, ISO weekday or day. */
  readonly key: string;
  readonly figures: ReportFigures;
}

/** Visits by how long they waited: `upToMinutes` is the bucket's upper bound (null: longer). */
export interface WaitBucket {
  readonly upToMinutes: number | null;
  readonly count: number;
}

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGrouping;
  readonly organisationId?: string;
  readonly rows: readonly ReportRow[];
  readonly total: ReportFigures;
  /** Visits issued by site-local hour of arrival, index 0 to 23. */
  readonly arrivalsByHour: readonly number[];
  /** Visits issued by ISO weekday of arrival, index 0 (Monday) to 6 (Sunday). */
  readonly arrivalsByWeekday: readonly number[];
  readonly waitDistribution: readonly WaitBucket[];
}
