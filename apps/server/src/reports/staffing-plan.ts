/**
 * Tomorrow's plan on the server: picks the days, reads their summaries and the compared day's
 * desk events from the reports' tables, and leaves the arithmetic to the core.
 */
import {
  type Centre,
  type DaySummary,
  type StaffingPlan,
  addDays,
  deskOpenShares,
  instantAt,
  serviceDay,
  staffingDays,
  staffingPlan,
} from '@queue/core';
import type { ReportStore } from '@queue/db';

export interface StaffingQuery {
  readonly day: string;
  readonly organisationId?: string;
}

export interface StaffingSources {
  readonly store: ReportStore;
  readonly centre: Centre;
  /** The service day still open; only earlier days are read. */
  readonly openDay: string;
  /** Make sure a closed day has its stored summary. */
  readonly summarise: (day: string) => void;
}

export const planStaffing = (sources: StaffingSources, query: StaffingQuery): StaffingPlan => {
  const { store, centre } = sources;
  const { history, compared } = staffingDays(query.day, sources.openDay);
  const summaries: DaySummary[] = [];
  for (const day of history) {
    sources.summarise(day);
    summaries.push(...store.summariesBetween(day, day, 'hour'));
  }
  const timeZone = centre.site.timeZone;
  const from = instantAt(serviceDay(compared), 0, timeZone);
  const to = instantAt(addDays(serviceDay(compared), 1), 0, timeZone);
  return staffingPlan({
    centre,
    day: query.day,
    historyDays: history,
    summaries,
    comparedDay: compared,
    openShares: deskOpenShares(store.deskEventsBetween(from, to), from, to, timeZone),
    ...(query.organisationId ? { organisationId: query.organisationId } : {}),
  });
};
