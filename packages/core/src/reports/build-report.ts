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
 * - weekday: of the service day (the local day the ticket was issued); hour: of joining the queue.
 * Durations are whole seconds (see `day-summary.ts`).
 */
import { type DaySummary, type SummaryDimension, type WholeSeconds, summariseSegments } from './day-summary';
import { localClockFor } from './local-clock';
import { shareOf, summariseChunks } from './statistics';
import type {
  RatedVisit,
  Report,
  ReportFigures,
  ReportGrouping,
  ReportRow,
  VisitSegment,
  WaitBucket,
} from './types';

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
  /**
   * Maps a group's key to the row it counts in (the city hub: a centre's own service code,
   * namespaced apart from other centres', back to the plain code, or to the centre); the key
   * itself when absent.
   */
  readonly groupKey?: (key: string) => string;
}

class GroupTotals {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  transferred = 0;
  /** The rows' own arrays, gathered by reference and summarised once (a year is millions). */
  private readonly waits: WholeSeconds[] = [];
  private readonly services: WholeSeconds[] = [];
  withinStandard = 0;
  walkInsCalled = 0;
  punctual = 0;
  bookingsCalled = 0;
  priorityIssued = 0;
  priorityConfirmed = 0;
  ratings = 0;
  scoreSum = 0;

  /** Add a summary row, `withinStandard` of whose walk-in waits met their standard. */
  add(row: DaySummary, withinStandard: number): void {
    this.issued += row.issued;
    this.served += row.served;
    this.noShow += row.noShow;
    this.cancelled += row.cancelled;
    this.transferred += row.transferred;
    this.priorityIssued += row.priorityIssued;
    this.priorityConfirmed += row.priorityConfirmed;
    this.bookingsCalled += row.bookingsCalled;
    this.punctual += row.punctual;
    this.withinStandard += withinStandard;
    this.walkInsCalled += row.walkInWaits.length;
    if (row.walkInWaits.length > 0) this.waits.push(row.walkInWaits);
    if (row.bookedWaits.length > 0) this.waits.push(row.bookedWaits);
    if (row.serviceTimes.length > 0) this.services.push(row.serviceTimes);
  }

  rate(scoreSum: number, count = 1): void {
    this.ratings += count;
    this.scoreSum += scoreSum;
  }

  figures(): ReportFigures {
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      wait: summariseChunks(this.waits),
      service: summariseChunks(this.services),
      withinStandard: shareOf(this.withinStandard, this.walkInsCalled),
      punctual: shareOf(this.punctual, this.bookingsCalled),
      priorityIssued: this.priorityIssued,
      priorityConfirmed: this.priorityConfirmed,
      ratings: { count: this.ratings, mean: this.ratings === 0 ? null : this.scoreSum / this.ratings },
    };
  }
}

/** ISO weekday of a calendar day `YYYY-MM-DD`. */
const weekdayOfDay = (day: string): number => {
  const days = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  return ((((days + 3) % 7) + 7) % 7) + 1;
};

/** The summary rows a grouping reads, and the group of each. */
const groupingOf = (
  groupBy: ReportGrouping,
  context: ReportContext,
): { dimension: SummaryDimension; keyOf: (row: DaySummary) => string } => {
  switch (groupBy) {
    case 'total':
      return { dimension: 'service', keyOf: () => 'total' };
    case 'organisation':
      return { dimension: 'service', keyOf: (row) => context.organisationOf(row.serviceCode) ?? '' };
    case 'service':
      return { dimension: 'service', keyOf: (row) => row.serviceCode };
    case 'weekday':
      return { dimension: 'service', keyOf: (row) => String(weekdayOfDay(row.serviceDay)) };
    case 'day':
      return { dimension: 'service', keyOf: (row) => row.serviceDay };
    case 'desk':
    case 'operator':
    case 'hour':
      return { dimension: groupBy, keyOf: (row) => row.key };
    default: {
      const exhaustive: never = groupBy;
      return exhaustive;
    }
  }
};

/** The group of a rating, by the same rules as the visits it rates. */
const ratingKeyOf = (groupBy: ReportGrouping, context: ReportContext): ((rating: RatedVisit) => string) => {
  const clock = localClockFor(context.timeZone);
  switch (groupBy) {
    case 'total':
      return () => 'total';
    case 'organisation':
      return (rating) => context.organisationOf(rating.serviceCode) ?? '';
    case 'service':
      return (rating) => rating.serviceCode;
    case 'desk':
      return (rating) => rating.deskId ?? '';
    case 'operator':
      return (rating) => rating.operatorId ?? '';
    case 'hour':
      return (rating) =>
        rating.arrivedAt === null ? '' : String(clock(rating.arrivedAt).hour).padStart(2, '0');
    case 'weekday':
      return (rating) => String(weekdayOfDay(rating.serviceDay));
    case 'day':
      return (rating) => rating.serviceDay;
    default: {
      const exhaustive: never = groupBy;
      return exhaustive;
    }
  }
};

const BUCKET_BOUNDS_SECONDS = WAIT_BUCKET_MINUTES.map((minutes) => minutes * 60);

/** Count each wait into its bucket of the distribution. */
const countIntoBuckets = (waits: WholeSeconds, counts: number[]): void => {
  for (let index = 0; index < waits.length; index += 1) {
    const wait = waits[index] as number;
    let bucket = 0;
    while (bucket < BUCKET_BOUNDS_SECONDS.length && wait > (BUCKET_BOUNDS_SECONDS[bucket] as number))
      bucket += 1;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
};

/** How many of the waits are at most `standardSeconds`. */
const countWithin = (waits: WholeSeconds, standardSeconds: number): number => {
  let within = 0;
  for (let index = 0; index < waits.length; index += 1)
    if ((waits[index] as number) <= standardSeconds) within += 1;
  return within;
};

/**
 * The report from day summaries (stored ones for closed days, fresh ones for today) and the
 * period's ratings; each summary row is read once.
 */
export const buildReportFromSummaries = (
  query: ReportQuery,
  summaries: Iterable<DaySummary>,
  ratings: Iterable<RatedVisit>,
  context: ReportContext,
): Report => {
  const inScope = (serviceCode: string): boolean =>
    query.organisationId === undefined || context.organisationOf(serviceCode) === query.organisationId;
  const grouping = groupingOf(query.groupBy, context);
  const groups = new Map<string, GroupTotals>();
  const total = new GroupTotals();
  const regroup = context.groupKey ?? ((key: string) => key);
  const groupFor = (ungrouped: string): GroupTotals => {
    const key = regroup(ungrouped);
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
  const standardOf = (code: string): number => {
    let standard = standards.get(code);
    if (standard === undefined) {
      standard = context.waitingStandardMinutes(code) * 60;
      standards.set(code, standard);
    }
    return standard;
  };

  for (const row of summaries) {
    if (!inScope(row.serviceCode)) continue;
    const isService = row.dimension === 'service';
    const isGrouped = row.dimension === grouping.dimension;
    if (!isService && !isGrouped) continue;
    const within = countWithin(row.walkInWaits, standardOf(row.serviceCode));
    if (isService) {
      row.arrivalsByHour.forEach((count, hour) => {
        arrivalsByHour[hour] = (arrivalsByHour[hour] ?? 0) + count;
      });
      const weekday = weekdayOfDay(row.serviceDay) - 1;
      arrivalsByWeekday[weekday] = (arrivalsByWeekday[weekday] ?? 0) + row.issued;
      total.add(row, within);
      countIntoBuckets(row.walkInWaits, waitCounts);
      countIntoBuckets(row.bookedWaits, waitCounts);
    }
    if (isGrouped) groupFor(grouping.keyOf(row)).add(row, within);
  }
  const ratingKey = ratingKeyOf(query.groupBy, context);
  for (const rating of ratings) {
    if (!inScope(rating.serviceCode)) continue;
    groupFor(ratingKey(rating)).rate(rating.score, rating.count);
    total.rate(rating.score, rating.count);
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

/** The report straight from segments (summarised on the way) and ratings. */
export const buildReport = (
  query: ReportQuery,
  segments: Iterable<VisitSegment>,
  ratings: Iterable<RatedVisit>,
  context: ReportContext,
): Report => buildReportFromSummaries(query, summariseSegments(segments, context.timeZone), ratings, context);
