/**
 * Folds each centre's synced history into `visit_segments`, with core's `SegmentLedger`:
 * the same rules as the centre's own projection, so city reports equal the centre's.
 *
 * It runs after ingest, never inside it (the centre's acknowledgement does not wait for it).
 * One step reads up to `batch` events after the centre's position on its chain, loads the
 * visits they touch, applies them and writes the changed segments and the new position in one
 * transaction, under a per-centre advisory lock, so two hubs never fold the same centre at once
 * and a crash anywhere leaves the position and the rows in step. A position a restore has cut
 * away (the events after it are no longer the centre's history) starts the centre again from
 * scratch: its segments are deleted and the chain is folded anew.
 *
 * Events are the centres' words, not the hub's: a payload that is not the event it claims to
 * be is skipped and counted, never allowed to stop the fold.
 */
import type { QueueEvent, VisitSegment } from '@queue/core';
import { SegmentLedger } from '@queue/core';
import type pg from 'pg';
import { type ChainPosition, chainOf, rangesAfter } from './chain';

export interface ProjectedBatch {
  readonly centreId: string;
  /** The events folded, in chain order. */
  readonly events: readonly QueueEvent[];
  /** True when the centre's projection was started again (a restore cut its position away). */
  readonly rebuilt: boolean;
  readonly skipped: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isInstant = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isNullableInstant = (value: unknown): boolean => value === null || isInstant(value);
const isNullableText = (value: unknown): boolean =>
  value === null || (typeof value === 'string' && value.length <= 200);

/** Whether a segment can be stored as it is: a centre's garbage must not fail the transaction. */
const storable = (segment: VisitSegment): boolean =>
  typeof segment.ticketId === 'string' &&
  segment.ticketId.length > 0 &&
  segment.ticketId.length <= 200 &&
  Number.isSafeInteger(segment.segment) &&
  segment.segment >= 0 &&
  typeof segment.serviceDay === 'string' &&
  DAY.test(segment.serviceDay) &&
  !Number.isNaN(Date.parse(segment.serviceDay)) &&
  typeof segment.serviceCode === 'string' &&
  segment.serviceCode.length <= 200 &&
  typeof segment.source === 'string' &&
  segment.source.length <= 50 &&
  isInstant(segment.enteredAt) &&
  isNullableInstant(segment.firstCalledAt) &&
  isNullableInstant(segment.servingStartedAt) &&
  isNullableInstant(segment.endedAt) &&
  isNullableInstant(segment.appointmentAt) &&
  isNullableText(segment.deskId) &&
  isNullableText(segment.operatorId) &&
  isNullableText(segment.priorityCategory) &&
  (segment.outcome === null ||
    ['completed', 'transferred', 'no-show', 'cancelled'].includes(segment.outcome)) &&
  (segment.priorityConfirmed === 0 || segment.priorityConfirmed === 1);

/** The visits an event touches, for loading their segments first. */
const visitsOf = (event: QueueEvent): string[] => {
  const record = event as unknown as Record<string, unknown>;
  if (event.type === 'ticket:issued') {
    const ticket = record.ticket as Record<string, unknown> | undefined;
    return typeof ticket?.id === 'string' ? [ticket.id] : [];
  }
  if (event.type === 'day:started') {
    const ids = record.expiredTicketIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
  return typeof record.ticketId === 'string' ? [record.ticketId] : [];
};

interface SegmentRow {
  ticket_id: string;
  segment: number;
  service_day: string;
  service_code: string;
  source: string;
  entered_at: string;
  first_called_at: string | null;
  serving_started_at: string | null;
  ended_at: string | null;
  outcome: VisitSegment['outcome'];
  desk_id: string | null;
  operator_id: string | null;
  priority_category: string | null;
  priority_confirmed: number;
  appointment_at: string | null;
}

const nullableNumber = (value: string | null): number | null => (value === null ? null : Number(value));

export const segmentFromRow = (row: SegmentRow): VisitSegment => ({
  ticketId: row.ticket_id,
  segment: row.segment,
  serviceDay: row.service_day,
  serviceCode: row.service_code,
  source: row.source,
  enteredAt: Number(row.entered_at),
  firstCalledAt: nullableNumber(row.first_called_at),
  servingStartedAt: nullableNumber(row.serving_started_at),
  endedAt: nullableNumber(row.ended_at),
  outcome: row.outcome,
  deskId: row.desk_id,
  operatorId: row.operator_id,
  priorityCategory: row.priority_category,
  priorityConfirmed: row.priority_confirmed,
  appointmentAt: nullableNumber(row.appointment_at),
});

/** The columns of a segment row, selected with the day as text. */
export const SEGMENT_COLUMNS = `ticket_id, segment, to_char(service_day, 'YYYY-MM-DD') AS service_day, service_code,
  source, entered_at, first_called_at, serving_started_at, ended_at, outcome, desk_id, operator_id,
  priority_category, priority_confirmed, appointment_at`;

const upsertSegments = async (
  client: pg.PoolClient,
  centreId: string,
  segments: readonly VisitSegment[],
): Promise<void> => {
  if (segments.length === 0) return;
  const column = <T>(pick: (segment: VisitSegment) => T): T[] => segments.map(pick);
  await client.query(
    `INSERT INTO visit_segments (centre_id, ticket_id, segment, service_day, service_code, source, entered_at,
       first_called_at, serving_started_at, ended_at, outcome, desk_id, operator_id, priority_category,
       priority_confirmed, appointment_at)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::date[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
       $9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], $15::smallint[], $16::bigint[])
     ON CONFLICT (centre_id, ticket_id, segment) DO UPDATE SET
       service_day = excluded.service_day, service_code = excluded.service_code, source = excluded.source,
       entered_at = excluded.entered_at, first_called_at = excluded.first_called_at,
       serving_started_at = excluded.serving_started_at, ended_at = excluded.ended_at,
       outcome = excluded.outcome, desk_id = excluded.desk_id, operator_id = excluded.operator_id,
       priority_category = excluded.priority_category, priority_confirmed = excluded.priority_confirmed,
       appointment_at = excluded.appointment_at`,
    [
      centreId,
      column((s) => s.ticketId),
      column((s) => s.segment),
      column((s) => s.serviceDay),
      column((s) => s.serviceCode),
      column((s) => s.source),
      column((s) => s.enteredAt),
      column((s) => s.firstCalledAt),
      column((s) => s.servingStartedAt),
      column((s) => s.endedAt),
      column((s) => s.outcome),
      column((s) => s.deskId),
      column((s) => s.operatorId),
      column((s) => s.priorityCategory),
      column((s) => s.priorityConfirmed),
      column((s) => s.appointmentAt),
    ],
  );
};

/** The lock one centre's fold holds: the hub's constant and a hash of the centre's id. */
const PROJECTION_LOCK = 0x70726f6a; // "proj"

/**
 * One step of one centre's fold; the events it folded (none: the centre is up to date).
 * Runs in its own transaction.
 */
export const projectStep = async (
  pool: pg.Pool,
  centreId: string,
  batch = 5_000,
): Promise<ProjectedBatch> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PROJECTION_LOCK, centreId]);
    const stored = await client.query<{ epoch: string; seq: string }>(
      'SELECT epoch, seq FROM projection_positions WHERE centre_id = $1',
      [centreId],
    );
    const saved = stored.rows[0];
    let position: ChainPosition | undefined = saved
      ? { epoch: saved.epoch, seq: Number(saved.seq) }
      : undefined;
    const chain = await chainOf(client, centreId);
    let ranges = rangesAfter(chain, position);
    let rebuilt = false;
    if (!ranges) {
      await client.query('DELETE FROM day_summaries WHERE centre_id = $1', [centreId]);
      await client.query('DELETE FROM visit_segments WHERE centre_id = $1', [centreId]);
      position = undefined;
      ranges = [...chain];
      rebuilt = true;
    }
    const events: QueueEvent[] = [];
    for (const range of ranges) {
      if (events.length >= batch) break;
      const rows = await client.query<{ seq: string; type: string; payload: unknown }>(
        `SELECT seq, type, payload FROM centre_events
          WHERE centre_id = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq LIMIT $5`,
        [centreId, range.epoch, range.from, range.to, batch - events.length],
      );
      for (const row of rows.rows) {
        const payload = row.payload as QueueEvent;
        // The stored type is the one the ledger trusts; a payload claiming another is garbage.
        events.push(
          payload && typeof payload === 'object' && payload.type === row.type
            ? payload
            : ({ type: 'invalid' } as unknown as QueueEvent),
        );
        position = { epoch: range.epoch, seq: Number(row.seq) };
      }
    }
    if (events.length === 0 && !rebuilt) {
      await client.query('COMMIT');
      return { centreId, events: [], rebuilt, skipped: 0 };
    }

    const ids = [...new Set(events.flatMap(visitsOf))];
    const ledger = new SegmentLedger();
    if (ids.length > 0) {
      const existing = await client.query<SegmentRow>(
        `SELECT ${SEGMENT_COLUMNS} FROM visit_segments WHERE centre_id = $1 AND ticket_id = ANY($2::text[])`,
        [centreId, ids],
      );
      ledger.load(existing.rows.map(segmentFromRow));
    }
    const folded: QueueEvent[] = [];
    let skipped = 0;
    for (const event of events) {
      try {
        ledger.apply(event);
        folded.push(event);
      } catch {
        skipped += 1;
      }
    }
    const touched = ledger.touched();
    const valid = touched.filter(storable);
    skipped += touched.length - valid.length;
    await upsertSegments(client, centreId, valid);
    // A day whose visits changed is summarised again when a report next needs it.
    const days = [...new Set(valid.map((segment) => segment.serviceDay))];
    if (days.length > 0) {
      await client.query('DELETE FROM day_summaries WHERE centre_id = $1 AND service_day = ANY($2::date[])', [
        centreId,
        days,
      ]);
    }
    if (position) {
      await client.query(
        `INSERT INTO projection_positions (centre_id, epoch, seq) VALUES ($1, $2, $3)
         ON CONFLICT (centre_id) DO UPDATE SET epoch = excluded.epoch, seq = excluded.seq, updated_at = now()`,
        [centreId, position.epoch, position.seq],
      );
    } else {
      await client.query('DELETE FROM projection_positions WHERE centre_id = $1', [centreId]);
    }
    await client.query('COMMIT');
    return { centreId, events: folded, rebuilt, skipped };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
