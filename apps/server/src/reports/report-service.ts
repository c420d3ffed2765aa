/**
 * Runs reports: reads the period's segments and ratings and hands them to the core's maths
 * with what it needs of the current configuration.
 */
import type { Centre } from '@queue/core';
import { DEFAULT_WAITING_STANDARD_MINUTES, type ReportQuery, buildReport } from '@queue/core';
import type { PeopleStore, ReportStore } from '@queue/db';
import type { ReportView } from '@queue/protocol';

export class ReportService {
  constructor(
    private readonly store: ReportStore,
    private readonly people: PeopleStore,
    private readonly centre: () => Centre,
  ) {}

  run(query: ReportQuery): ReportView {
    const centre = this.centre();
    const services = new Map(centre.services.map((service) => [service.code as string, service]));
    const report = buildReport(
      query,
      this.store.segmentsBetween(query.from, query.to),
      this.store.ratingsBetween(query.from, query.to),
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
}
