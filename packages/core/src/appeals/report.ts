/**
 * The appeals report: for the appeals received in a period, grouped by organisation, topic,
 * class, channel or responsible person, how many came, how many were answered, on time, how
 * long it took, and how many were decided in the applicant's favour. Days to answer count
 * calendar days from the day received to the day closed (same day = 0), so they mean the
 * same whatever the centre's day kind; "on time" is against the appeal's own term.
 */
import type { Site } from '../centre';
import { serviceDayOf } from '../calendar';
import type { Instant, ServiceDay } from '../ids';
import { nearestRank } from '../reports/statistics';
import { type Appeal, isClosedAppeal } from './appeal';
import { daysBetween } from './terms';
import { appealUrgency } from './urgency';

export const APPEAL_REPORT_DIMENSIONS = [
  'total',
  'organisation',
  'topic',
  'class',
  'channel',
  'person',
] as const;
export type AppealReportDimension = (typeof APPEAL_REPORT_DIMENSIONS)[number];

export interface AppealReportRow {
  /** The group: an organisation id, a service code (or `organisation:<id>`), a class, a channel, a staff id, or `total`. */
  readonly key: string;
  readonly received: number;
  /** Closed with an answer on the merits. */
  readonly answered: number;
  /** Closed on one of the grounds, without an answer on the merits. */
  readonly dismissed: number;
  /** Share of the closed ones closed within their term, percent to one decimal; null when none closed. */
  readonly onTimePercent: number | null;
  readonly meanDaysToClose: number | null;
  readonly p90DaysToClose: number | null;
  readonly extended: number;
  readonly forwarded: number;
  /** Still open, and past their term at the report's instant (as the journal colours them). */
  readonly overdueNow: number;
  /** Share of the answered ones decided wholly in the applicant's favour, percent to one decimal. */
  readonly applicantFavourPercent: number | null;
}

export const APPEAL_REPORT_COLUMNS = [
  'received',
  'answered',
  'dismissed',
  'onTimePercent',
  'meanDaysToClose',
  'p90DaysToClose',
  'extended',
  'forwarded',
  'overdueNow',
  'applicantFavourPercent',
] as const satisfies readonly (keyof AppealReportRow)[];

export interface AppealReportQuery {
  readonly from: ServiceDay;
  readonly to: ServiceDay;
  readonly dimension: AppealReportDimension;
  readonly now: Instant;
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

const keyOf = (appeal: Appeal, dimension: AppealReportDimension): string => {
  switch (dimension) {
    case 'total':
      return 'total';
    case 'organisation':
      return appeal.assignee?.organisationId ?? appeal.topic.organisationId;
    case 'topic':
      return appeal.topic.serviceCode ?? `organisation:${appeal.topic.organisationId}`;
    case 'class':
      return appeal.appealClass ?? 'unclassified';
    case 'channel':
      return appeal.channel;
    case 'person':
      return appeal.assignee?.staffId ?? 'unassigned';
  }
};

const row = (
  key: string,
  appeals: readonly Appeal[],
  site: Pick<Site, 'timeZone'>,
  now: Instant,
): AppealReportRow => {
  let answered = 0;
  let dismissed = 0;
  let onTime = 0;
  let favour = 0;
  let overdueNow = 0;
  const days: number[] = [];
  for (const appeal of appeals) {
    if (isClosedAppeal(appeal) && appeal.closedAt !== undefined) {
      const closedDay = serviceDayOf(appeal.closedAt, site.timeZone);
      days.push(daysBetween(appeal.receivedDay, closedDay));
      if (closedDay <= appeal.answerDueDay) onTime += 1;
      if (appeal.resolution?.kind === 'answered') {
        answered += 1;
        if (appeal.resolution.favour === 'applicant') favour += 1;
      } else dismissed += 1;
    } else if (appealUrgency(appeal, now, site) === 'overdue') overdueNow += 1;
  }
  days.sort((a, b) => a - b);
  const mean =
    days.length === 0
      ? null
      : Math.round((days.reduce((sum, value) => sum + value, 0) / days.length) * 10) / 10;
  return {
    key,
    received: appeals.length,
    answered,
    dismissed,
    onTimePercent: percent(onTime, days.length),
    meanDaysToClose: mean,
    p90DaysToClose: days.length === 0 ? null : nearestRank(days, 0.9),
    extended: appeals.filter((appeal) => appeal.extension !== undefined).length,
    forwarded: appeals.filter((appeal) => appeal.forwarded !== undefined).length,
    overdueNow,
    applicantFavourPercent: percent(favour, answered),
  };
};

/** Rows by group, largest first (then by key), with the total last. */
export const buildAppealReport = (
  appeals: readonly Appeal[],
  query: AppealReportQuery,
  site: Pick<Site, 'timeZone'>,
): { readonly rows: readonly AppealReportRow[]; readonly total: AppealReportRow } => {
  const inPeriod = appeals.filter(
    (appeal) => appeal.receivedDay >= query.from && appeal.receivedDay <= query.to,
  );
  const groups = new Map<string, Appeal[]>();
  for (const appeal of inPeriod) {
    const key = keyOf(appeal, query.dimension);
    groups.set(key, [...(groups.get(key) ?? []), appeal]);
  }
  const rows = [...groups]
    .map(([key, members]) => row(key, members, site, query.now))
    .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
  return { rows, total: row('total', inPeriod, site, query.now) };
};
