/**
 * City reports as files (`GET /api/hub/reports/export?from&to&groupBy&centreIds&organisationId&format&lang`):
 * the same CSV and XLSX as a centre's own exports (@queue/report-files), named from the
 * centres' catalogues (a city's centres share one, so a service's name is the same everywhere),
 * with the centres named by their own names when grouped by centre.
 */
import type { Centre, Language } from '@queue/core';
import { reportCsv, reportXlsx } from '@queue/report-files';
import type { ReportView } from '@queue/protocol';
import type pg from 'pg';
import { z } from 'zod';
import { profilesOf } from '../centre-data/profiles';
import { CITY_GROUPINGS, type CityReport, runCityReport } from './city-report';

export const cityExportQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  groupBy: z.enum(CITY_GROUPINGS).default('total'),
  /** Comma-separated centre ids; all centres when absent. */
  centreIds: z
    .string()
    .max(20_000)
    .transform((text) => text.split(',').filter((id) => id.length > 0))
    .optional(),
  organisationId: z.string().min(1).max(100).optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['uk', 'ru', 'en']).default('uk'),
});

export type CityExportQuery = z.infer<typeof cityExportQuerySchema>;

/** One catalogue to name groups by: the centres' services and organisations, the first name winning. */
const namingCatalogue = (catalogues: readonly Centre[]): Centre | undefined => {
  const [first] = catalogues;
  if (!first) return undefined;
  const services = new Map(
    catalogues.flatMap((centre) => centre.services.map((service) => [service.code, service])),
  );
  const organisations = new Map(
    catalogues.flatMap((centre) =>
      centre.organisations.map((organisation) => [organisation.id, organisation]),
    ),
  );
  return { ...first, services: [...services.values()], organisations: [...organisations.values()] };
};

export interface CityFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

export const cityReportFile = async (pool: pg.Pool, query: CityExportQuery): Promise<CityFile> => {
  const report: CityReport = await runCityReport(pool, {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    ...(query.centreIds && query.centreIds.length > 0 ? { centreIds: query.centreIds } : {}),
    ...(query.organisationId ? { organisationId: query.organisationId } : {}),
  });
  const profiles = await profilesOf(pool, report.centreIds);
  const catalogue =
    namingCatalogue([...profiles.values()].map((profile) => profile.catalogue)) ??
    ({ organisations: [], services: [], categories: [], desks: [] } as unknown as Centre);
  const language = query.lang as Language;
  const byCentre = report.groupBy === 'centre';
  // The files know the centre's groupings; by centre, rows are labelled with the centres' names.
  const view: ReportView = {
    ...report,
    groupBy: byCentre ? 'service' : report.groupBy,
    operatorNames: {},
  };
  const groups = byCentre
    ? {
        heading: (messages: { centre: string }) => messages.centre,
        label: (key: string) => report.centreNames[key] ?? key,
      }
    : undefined;
  const name = `city-report-${query.from}-${query.to}-${query.groupBy}`;
  return query.format === 'xlsx'
    ? {
        body: await reportXlsx(view, catalogue, language, groups),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${name}.xlsx`,
      }
    : {
        body: reportCsv(view, catalogue, language, groups),
        contentType: 'text/csv; charset=utf-8',
        fileName: `${name}.csv`,
      };
};
