/**
 * Runs reports. Closed service days are read from their stored summaries (made once, the
 * first time a report covers the day: a closed day's visits never change); the open day is
 * summarised from its segments on the spot. The maths is the core's.
 */
import type { Centre } from '@queue/core';
import {
  DEFAULT_WAITING_STANDARD_MINUTES,
  type DaySummary,
  type ReportGrouping,
  type ReportQuery,
  buildReportFromSummaries,
  summariseSegments,
} from '@queue/core';
import type { PeopleStore, RatingDetail, ReportStore } from '@queue/db';
import type { ReportView } from '@queue/protocol';
import type { StaffingPlan } from '@queue/core';
import { type StaffingQuery, planStaffing } from './staffing-plan';

const DAY_MS = 86_400_000;
/** Closed days a report may summarise on the spot: a month of a busy centre is a few seconds. */
const ON_THE_SPOT_DAYS = 31;

const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The days `from` to `to`, inclusive. */
const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) days.push(day);
  return days;
};

/** What each grouping reads of a rating (the clock hour needs the visit's arrival). */
const RATING_DETAIL: Record<ReportGrouping, RatingDetail> = {
  total: 'service',
  organisation: 'service',
  service: 'service',
  day: 'day',
  weekday: 'day',
  desk: 'desk',
  operator: 'operator',
  hour: 'arrival',
};

export class ReportService {
  constructor(
    private readonly store: ReportStore,
    private readonly people: PeopleStore,
    private readonly centre: () => Centre,
    /** The service day still open (its visits may change); every earlier day is closed. */
    private readonly openDay: () => string,
    private readonly now: () => number,
    /** Whether the visits' projection is complete (an upgrade may still be rebuilding it). */
    readonly ready: () => boolean = () => true,
  ) {}

  run(query: ReportQuery): ReportView {
    const centre = this.centre();
    const services = new Map(centre.services.map((service) => [service.code as string, service]));
    const open = this.openDay();
    const closedTo = query.to < open ? query.to : shiftDay(open, -1);
    const liveFrom = query.from > open ? query.from : open;
    // The open day first: its segments are read while no other statement is running.
    const live =
      liveFrom <= query.to
        ? summariseSegments(this.store.segmentsBetween(liveFrom, query.to), centre.site.timeZone)
        : [];
    let stored: DaySummary[] = [];
    if (query.from <= closedTo) {
      this.summariseClosedDays(query.from, closedTo, centre.site.timeZone);
      const dimension =
        query.groupBy === 'desk' || query.groupBy === 'operator' || query.groupBy === 'hour'
          ? query.groupBy
          : 'service';
      stored = this.store.summariesBetween(query.from, closedTo, dimension);
    }
    const report = buildReportFromSummaries(
      query,
      [...stored, ...live],
      this.store.ratingsBetween(query.from, query.to, RATING_DETAIL[query.groupBy]),
      {
        timeZone: centre.site.timeZone,
        organisationOf: (code) => services.get(code)?.organisationId,
        waitingStandardMinutes: (code) =>
          services.get(code)?.waitingStandardMinutes ?? DEFAULT_WAITING_STANDARD_MINUTES,
      },
    );
    const operatorNames: Record<string, string> = {};
    if (query.groupBy === 'operator') {
      for (const row of report.rows) {
        const staff = row.key ? this.people.staffById(row.key) : undefined;
        if (staff) operatorNames[row.key] = staff.name;
      }
    }
    return { ...report, operatorNames };
  }

  /** The desks a day needs per hour and organisation, beside those open (see `staffing-plan.ts`). */
  staffing(query: StaffingQuery): StaffingPlan {
    const centre = this.centre();
    return planStaffing(
      {
        store: this.store,
        centre,
        openDay: this.openDay(),
        summarise: (day) => this.summariseClosedDays(day, day, centre.site.timeZone),
      },
      query,
    );
  }

  /**
   * Whether a report over the days `from` to `to` can be answered now: the projection is
   * complete and at most a month of its closed days is still to be summarised on the spot
   * (after an upgrade the background job makes them; a year made at once would hold the
   * queue up for half a minute).
   */
  readyFor(from: string, to: string): boolean {
    if (!this.ready()) return false;
    const closedTo = shiftDay(this.openDay(), -1);
    const last = to < closedTo ? to : closedTo;
    if (from > last) return true;
    const first = this.store.firstDay();
    const start = first && first > from ? first : from;
    if (start > last) return true;
    const missing = daysBetween(start, last).length - this.store.summarisedDays(start, last).size;
    return missing <= ON_THE_SPOT_DAYS;
  }

  /** Summarise and store the closed days of the range that have no summary yet, at most `limit`. */
  summariseClosedDays(from: string, to: string, timeZone: string, limit = Infinity): number {
    const done = this.store.summarisedDays(from, to);
    let made = 0;
    // The latest first: the days a manager asks about first are the recent ones.
    for (const day of daysBetween(from, to).reverse()) {
      if (made >= limit) break;
      if (done.has(day)) continue;
      this.store.saveDay(day, summariseSegments(this.store.segmentsBetween(day, day), timeZone), this.now());
      made += 1;
    }
    return made;
  }

  /**
   * Summarise up to `limit` closed days that have none yet, the latest first, so that reports
   * seldom have to; returns how many were made (0: all caught up).
   */
  catchUp(limit: number): number {
    if (!this.ready()) return 0;
    const first = this.store.firstDay();
    const lastClosed = shiftDay(this.openDay(), -1);
    if (!first || first > lastClosed) return 0;
    return this.summariseClosedDays(first, lastClosed, this.centre().site.timeZone, limit);
  }
}
