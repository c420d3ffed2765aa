/**
 * Closed days' summaries for city reports: a centre's day is closed once the centre has
 * visits of a later day (its rollover, which closes the day's last visits, comes before the
 * next day's first ticket in its log). A report reads a closed day's stored summary, or makes
 * and stores it; the open days are summarised from their segments each time. The projection
 * drops a centre's summaries when it folds the centre again, and the summaries of any day it
 * touches; `catchUpSummaries` makes missing ones in the background, a few days at a time.
 */
import { type DaySummary, type VisitSegment, summariseSegments } from '@queue/core';
import type pg from 'pg';
import { SEGMENT_COLUMNS, segmentFromRow } from '../projection/projector';

export const STORED_DIMENSIONS = ['service', 'hour'] as const;
type StoredDimension = (typeof STORED_DIMENSIONS)[number];

type Queryable = Pick<pg.Pool, 'query'>;

const DAY_MS = 86_400_000;
const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) days.push(day);
  return days;
};

/** The centre's latest service day with any visit; days before it are closed. */
const lastDayOf = async (client: Queryable, centreId: string): Promise<string | undefined> => {
  const result = await client.query<{ day: string | null }>(
    `SELECT to_char(max(service_day), 'YYYY-MM-DD') AS day FROM visit_segments WHERE centre_id = $1`,
    [centreId],
  );
  return result.rows[0]?.day ?? undefined;
};

const segmentsOf = async (
  client: Queryable,
  centreId: string,
  days: readonly string[],
): Promise<Map<string, VisitSegment[]>> => {
  const byDay = new Map<string, VisitSegment[]>(days.map((day) => [day, []]));
  if (days.length === 0) return byDay;
  const rows = await client.query(
    `SELECT ${SEGMENT_COLUMNS} FROM visit_segments WHERE centre_id = $1 AND service_day = ANY($2::date[])`,
    [centreId, days],
  );
  for (const row of rows.rows) {
    const segment = segmentFromRow(row);
    byDay.get(segment.serviceDay)?.push(segment);
  }
  return byDay;
};

/** Summarise and store these closed days (those already stored are left as they are). */
const storeDays = async (
  client: Queryable,
  centreId: string,
  days: readonly string[],
  timeZone: string,
): Promise<DaySummary[]> => {
  const made: DaySummary[] = [];
  const byDay = await segmentsOf(client, centreId, days);
  for (const [day, segments] of byDay) {
    const rows = summariseSegments(segments, timeZone);
    made.push(...rows);
    for (const dimension of STORED_DIMENSIONS) {
      await client.query(
        `INSERT INTO day_summaries (centre_id, service_day, dimension, rows) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT DO NOTHING`,
        [centreId, day, dimension, JSON.stringify(rows.filter((row) => row.dimension === dimension))],
      );
    }
  }
  return made;
};

/**
 * A centre's summary rows of the period, for the dimensions a city report reads: stored for
 * closed days (made now where missing), fresh for the open ones.
 */
export const summariesOf = async (
  client: Queryable,
  centreId: string,
  from: string,
  to: string,
  timeZone: string,
  dimensions: readonly StoredDimension[],
  /** False while the centre's zone is not known (no profile yet): nothing is stored. */
  store = true,
): Promise<DaySummary[]> => {
  const lastDay = await lastDayOf(client, centreId);
  if (!lastDay || lastDay < from) return [];
  const closedTo = to < lastDay ? to : shiftDay(lastDay, -1);
  const summaries: DaySummary[] = [];
  if (from <= closedTo) {
    const stored = await client.query<{ service_day: string; rows: DaySummary[] }>(
      `SELECT to_char(service_day, 'YYYY-MM-DD') AS service_day, rows FROM day_summaries
        WHERE centre_id = $1 AND service_day BETWEEN $2 AND $3 AND dimension = ANY($4::text[])`,
      [centreId, from, closedTo, dimensions],
    );
    const have = new Set<string>();
    for (const row of stored.rows) {
      have.add(row.service_day);
      summaries.push(...row.rows);
    }
    const missing = daysBetween(from, closedTo).filter((day) => !have.has(day));
    const made = store
      ? await storeDays(client, centreId, missing, timeZone)
      : [...(await segmentsOf(client, centreId, missing)).values()].flatMap((segments) =>
          summariseSegments(segments, timeZone),
        );
    summaries.push(...made.filter((row) => (dimensions as readonly string[]).includes(row.dimension)));
  }
  const openFrom = from > lastDay ? from : lastDay;
  if (openFrom <= to) {
    const open = await client.query(
      `SELECT ${SEGMENT_COLUMNS} FROM visit_segments WHERE centre_id = $1 AND service_day BETWEEN $2 AND $3`,
      [centreId, openFrom, to],
    );
    summaries.push(
      ...summariseSegments(open.rows.map(segmentFromRow), timeZone).filter((row) =>
        (dimensions as readonly string[]).includes(row.dimension),
      ),
    );
  }
  return summaries;
};

/**
 * Make up to `limit` missing closed-day summaries of one centre, oldest first; returns how
 * many days were made (0: all caught up).
 */
export const catchUpSummaries = async (
  client: Queryable,
  centreId: string,
  timeZone: string,
  limit: number,
): Promise<number> => {
  const missing = await client.query<{ day: string }>(
    `SELECT DISTINCT to_char(s.service_day, 'YYYY-MM-DD') AS day FROM visit_segments s
      WHERE s.centre_id = $1
        AND s.service_day < (SELECT max(service_day) FROM visit_segments WHERE centre_id = $1)
        AND NOT EXISTS (SELECT 1 FROM day_summaries d
                         WHERE d.centre_id = $1 AND d.service_day = s.service_day AND d.dimension = 'service')
      ORDER BY day LIMIT $2`,
    [centreId, limit],
  );
  const days = missing.rows.map((row) => row.day);
  await storeDays(client, centreId, days, timeZone);
  return days.length;
};
