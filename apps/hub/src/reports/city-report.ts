/**
 * City reports: the centres' own report maths (core `summariseSegments` and
 * `buildReportFromSummaries`, docs/reports.md) over the hub's copy of their visit segments
 * (closed days read from their stored summaries, day-summaries.ts) and ratings, for any set of centres and period. One centre's figures equal its own report's
 * exactly: the same rows, the same rules, the same code.
 *
 * Several centres in one report: each centre's service codes are namespaced apart
 * (`<centre>\u001f<code>`), so each visit is judged by its own centre's waiting standard and
 * organisation, and the groups are then mapped back to plain codes (by service), to the centre
 * (by centre), or kept (organisation, day, hour, weekday). Hours are each centre's local hours;
 * the hour of a rating is read in the first centre's time zone (a city's centres share one).
 */
import {
  DEFAULT_WAITING_STANDARD_MINUTES,
  type DaySummary,
  type RatedVisit,
  type Report,
  type ServiceCode,
  buildReportFromSummaries,
  findService,
} from '@queue/core';
import type pg from 'pg';
import { z } from 'zod';
import { type CentreProfile, profilesOf } from '../centre-data/profiles';
import { summariesOf } from './day-summaries';

export const CITY_GROUPINGS = [
  'total',
  'centre',
  'organisation',
  'service',
  'day',
  'hour',
  'weekday',
] as const;
export type CityGrouping = (typeof CITY_GROUPINGS)[number];

export const cityReportQuerySchema = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    groupBy: z.enum(CITY_GROUPINGS).default('total'),
    centreIds: z.array(z.string().min(1).max(100)).min(1).max(1_000).optional(),
    organisationId: z.string().min(1).max(100).optional(),
  })
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, {
    message: 'at most three years at once',
    path: ['to'],
  });

export type CityReportQuery = z.input<typeof cityReportQuerySchema>;

export interface CityReport extends Omit<Report, 'groupBy'> {
  readonly groupBy: CityGrouping;
  readonly centreIds: readonly string[];
  readonly centreNames: Readonly<Record<string, string>>;
}

const SEPARATOR = '\u001f';
const centreOfKey = (key: string): string => key.slice(0, key.indexOf(SEPARATOR));
const codeOfKey = (key: string): string => key.slice(key.indexOf(SEPARATOR) + 1);

const namespaced = (centreId: string, row: DaySummary): DaySummary => ({
  ...row,
  serviceCode: `${centreId}${SEPARATOR}${row.serviceCode}`,
  key: row.dimension === 'service' ? `${centreId}${SEPARATOR}${row.key}` : row.key,
});

export const runCityReport = async (pool: pg.Pool, input: CityReportQuery): Promise<CityReport> => {
  const query = cityReportQuerySchema.parse(input);
  const centres = await pool.query<{ id: string; name: string }>(
    query.centreIds
      ? 'SELECT id, name FROM centres WHERE id = ANY($1::text[]) ORDER BY id'
      : 'SELECT id, name FROM centres ORDER BY id',
    query.centreIds ? [query.centreIds] : [],
  );
  const ids = centres.rows.map((row) => row.id);
  const profiles = await profilesOf(pool, ids);
  const catalogueOf = (centreId: string): CentreProfile['catalogue'] | undefined =>
    profiles.get(centreId)?.catalogue;

  const summaries: DaySummary[] = [];
  const ratings: RatedVisit[] = [];
  for (const centreId of ids) {
    const timeZone = catalogueOf(centreId)?.site.timeZone ?? 'UTC';
    const dimensions = query.groupBy === 'hour' ? (['service', 'hour'] as const) : (['service'] as const);
    for (const row of await summariesOf(
      pool,
      centreId,
      query.from,
      query.to,
      timeZone,
      dimensions,
      profiles.has(centreId),
    )) {
      summaries.push(namespaced(centreId, row));
    }
    const rated = await pool.query<{
      ticket_id: string;
      service_day: string;
      service_code: string;
      desk_id: string | null;
      operator_id: string | null;
      score: number;
      arrived_at: string | null;
    }>(
      `SELECT r.ticket_id, to_char(r.service_day, 'YYYY-MM-DD') AS service_day, r.service_code, r.desk_id,
              r.operator_id, r.score, s.entered_at AS arrived_at
         FROM ratings r LEFT JOIN visit_segments s
           ON s.centre_id = r.centre_id AND s.ticket_id = r.ticket_id AND s.segment = 0
        WHERE r.centre_id = $1 AND r.service_day BETWEEN $2 AND $3`,
      [centreId, query.from, query.to],
    );
    for (const row of rated.rows) {
      ratings.push({
        ticketId: row.ticket_id,
        serviceDay: row.service_day,
        serviceCode: `${centreId}${SEPARATOR}${row.service_code}`,
        deskId: row.desk_id,
        operatorId: row.operator_id,
        score: row.score,
        arrivedAt: row.arrived_at === null ? null : Number(row.arrived_at),
      });
    }
  }

  const serviceOf = (key: string) =>
    findService(catalogueOf(centreOfKey(key)) ?? ({ services: [] } as never), codeOfKey(key) as ServiceCode);
  const groupBy = query.groupBy === 'centre' ? 'service' : query.groupBy;
  const groupKey =
    query.groupBy === 'centre' ? centreOfKey : query.groupBy === 'service' ? codeOfKey : undefined;
  const report = buildReportFromSummaries(
    {
      from: query.from,
      to: query.to,
      groupBy,
      ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    },
    summaries,
    ratings,
    {
      timeZone: catalogueOf(ids[0] ?? '')?.site.timeZone ?? 'UTC',
      organisationOf: (key) => serviceOf(key)?.organisationId,
      waitingStandardMinutes: (key) =>
        serviceOf(key)?.waitingStandardMinutes ?? DEFAULT_WAITING_STANDARD_MINUTES,
      ...(groupKey ? { groupKey } : {}),
    },
  );
  return {
    ...report,
    groupBy: query.groupBy,
    centreIds: ids,
    centreNames: Object.fromEntries(
      centres.rows.map((row) => [row.id, catalogueOf(row.id)?.site.name.uk ?? row.name]),
    ),
  };
};
