/**
 * The report maths: figures per group over a period's visit segments and ratings.
 *
 * Definitions (also in docs/reports.md):
 * - issued: first segments (one per ticket); in desk and operator groups, the first segment
 *   is counted where it ended.
 * - served / no-show / cancelled / transferred: segments by how they ended.
 * - waiting time: per segment that was called, joining this queue to the first call there
 *   (a transferred visitor's second part waits from the transfer, not from the ticket's issue;
 *   a postponed visitor's wait ends at the first call, before the postponement).
 * - service time: per served or transferred segment that started service, its last start
 *   to its end.
 * - within standard: walk-in segments whose wait was at most their service's standard.
 * - punctual: booked visits whose first call came at most 5 minutes after the slot.
 */
import { localClockFor } from './local-clock';
import { EMPTY_SUMMARY, shareOf, summarise } from './statistics';
import type {
  RatedVisit,
  Report,
  ReportFigures,
  ReportGrouping,
  ReportRow,
  VisitSegment,
  WaitBucket,
} from './types';

/** A booked visit counts as on time when first called at most this long after its slot. */
export const BOOKING_PUNCTUALITY_MINUTES = 5;

/** Upper bounds of the wait-distribution buckets, in minutes; the last bucket is open. */
export const WAIT_BUCKET_MINUTES = [5, 10, 15, 20, 30, 45, 60] as const;

export interface ReportQuery {
  /** First and last service day, inclusive, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGrouping;
  /** Only visits to this organisation's services. */
  readonly organisationId?: string;
}

/** What the maths needs to know of the centre. */
export interface ReportContext {
  readonly timeZone: string;
  readonly organisationOf: (serviceCode: string) => string | undefined;
  readonly waitingStandardMinutes: (serviceCode: string) => number;
}

const MINUTE_MS = 60_000;

class GroupTotals {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  transferred = 0;
  readonly waits: number[] = [];
  readonly services: number[] = [];
  withinStandard = 0;
  walkInsCalled = 0;
  punctual = 0;
  bookingsCalled = 0;
  priorityIssued = 0;
  priorityConfirmed = 0;
  ratings = 0;
  scoreSum = 0;

  add(segment: VisitSegment, standardMinutes: number): void {
    if (segment.segment === 0) {
      this.issued += 1;
      if (segment.priorityCategory !== null) {
        this.priorityIssued += 1;
        if (segment.priorityConfirmed === 1) this.priorityConfirmed += 1;
      }
    }
    switch (segment.outcome) {
      case 'completed':
        this.served += 1;
        break;
      case 'no-show':
        this.noShow += 1;
        break;
      case 'cancelled':
        this.cancelled += 1;
        break;
      case 'transferred':
        this.transferred += 1;
        break;
      case null:
        break;
    }
    if (segment.firstCalledAt !== null) {
      const wait = segment.firstCalledAt - segment.enteredAt;
      this.waits.push(wait / 1000);
      if (segment.source === 'booking') {
        if (segment.segment === 0 && segment.appointmentAt !== null) {
          this.bookingsCalled += 1;
          if (segment.firstCalledAt <= segment.appointmentAt + BOOKING_PUNCTUALITY_MINUTES * MINUTE_MS) {
            this.punctual += 1;
          }
        }
      } else {
        this.walkInsCalled += 1;
        if (wait <= standardMinutes * MINUTE_MS) this.withinStandard += 1;
      }
    }
    if (
      (segment.outcome === 'completed' || segment.outcome === 'transferred') &&
      segment.servingStartedAt !== null &&
      segment.endedAt !== null
    ) {
      this.services.push((segment.endedAt - segment.servingStartedAt) / 1000);
    }
  }

  rate(score: number): void {
    this.ratings += 1;
    this.scoreSum += score;
  }

  figures(): ReportFigures {
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      wait: this.waits.length > 0 ? summarise(this.waits) : EMPTY_SUMMARY,
      service: this.services.length > 0 ? summarise(this.services) : EMPTY_SUMMARY,
      withinStandard: shareOf(this.withinStandard, this.walkInsCalled),
      punctual: shareOf(this.punctual, this.bookingsCalled),
      priorityIssued: this.priorityIssued,
      priorityConfirmed: this.priorityConfirmed,
      ratings: { count: this.ratings, mean: this.ratings === 0 ? null : this.scoreSum / this.ratings },
    };
  }
}

/** The group of a segment or rating; `at` is its arrival (null when unknown). */
type Keyer = (
  serviceDay: string,
  serviceCode: string,
  deskId: string | null,
  operatorId: string | null,
  at: number | null,
) => string;

const keyerFor = (groupBy: ReportGrouping, context: ReportContext): Keyer => {
  const clock = localClockFor(context.timeZone);
  switch (groupBy) {
    case 'total':
      return () => 'total';
    case 'organisation':
      return (_day, serviceCode) => context.organisationOf(serviceCode) ?? '';
    case 'service':
      return (_day, serviceCode) => serviceCode;
    case 'desk':
      return (_day, _service, deskId) => deskId ?? '';
    case 'operator':
      return (_day, _service, _desk, operatorId) => operatorId ?? '';
    case 'hour':
      return (_day, _service, _desk, _operator, at) =>
        at === null ? '' : String(clock(at).hour).padStart(2, '0');
    case 'weekday':
      return (_day, _service, _desk, _operator, at) => (at === null ? '' : String(clock(at).weekday));
    case 'day':
      return (serviceDay) => serviceDay;
    default: {
      const exhaustive: never = groupBy;
      return exhaustive;
    }
  }
};

const bucketOf = (waitMinutes: number): number => {
  const index = WAIT_BUCKET_MINUTES.findIndex((bound) => waitMinutes <= bound);
  return index === -1 ? WAIT_BUCKET_MINUTES.length : index;
};

/** The report over segments and ratings already limited to the period's service days (read once, in one pass). */
export const buildReport = (
  query: ReportQuery,
  segments: Iterable<VisitSegment>,
  ratings: Iterable<RatedVisit>,
  context: ReportContext,
): Report => {
  const inScope = (serviceCode: string): boolean =>
    query.organisationId === undefined || context.organisationOf(serviceCode) === query.organisationId;
  const keyOf = keyerFor(query.groupBy, context);
  const clock = localClockFor(context.timeZone);
  const groups = new Map<string, GroupTotals>();
  const total = new GroupTotals();
  const groupFor = (key: string): GroupTotals => {
    let group = groups.get(key);
    if (!group) {
      group = new GroupTotals();
      groups.set(key, group);
    }
    return group;
  };
  const arrivalsByHour = new Array<number>(24).fill(0);
  const arrivalsByWeekday = new Array<number>(7).fill(0);
  const waitCounts = new Array<number>(WAIT_BUCKET_MINUTES.length + 1).fill(0);
  const standards = new Map<string, number>();

  for (const segment of segments) {
    if (!inScope(segment.serviceCode)) continue;
    let standard = standards.get(segment.serviceCode);
    if (standard === undefined) {
      standard = context.waitingStandardMinutes(segment.serviceCode);
      standards.set(segment.serviceCode, standard);
    }
    const key = keyOf(
      segment.serviceDay,
      segment.serviceCode,
      segment.deskId,
      segment.operatorId,
      segment.enteredAt,
    );
    groupFor(key).add(segment, standard);
    total.add(segment, standard);
    if (segment.segment === 0) {
      const local = clock(segment.enteredAt);
      arrivalsByHour[local.hour] = (arrivalsByHour[local.hour] ?? 0) + 1;
      arrivalsByWeekday[local.weekday - 1] = (arrivalsByWeekday[local.weekday - 1] ?? 0) + 1;
    }
    if (segment.firstCalledAt !== null) {
      const bucket = bucketOf((segment.firstCalledAt - segment.enteredAt) / MINUTE_MS);
      waitCounts[bucket] = (waitCounts[bucket] ?? 0) + 1;
    }
  }
  for (const rating of ratings) {
    if (!inScope(rating.serviceCode)) continue;
    groupFor(
      keyOf(rating.serviceDay, rating.serviceCode, rating.deskId, rating.operatorId, rating.arrivedAt),
    ).rate(rating.score);
    total.rate(rating.score);
  }

  const rows: ReportRow[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key, figures: group.figures() }));
  const waitDistribution: WaitBucket[] = waitCounts.map((count, index) => ({
    upToMinutes: WAIT_BUCKET_MINUTES[index] ?? null,
    count,
  }));
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    ...(query.organisationId !== undefined ? { organisationId: query.organisationId } : {}),
    rows,
    total: total.figures(),
    arrivalsByHour,
    arrivalsByWeekday,
    waitDistribution,
  };
};
