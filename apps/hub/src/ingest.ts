/**
 * Ingest: a centre's batch of events for one stream (centre, epoch), taken in one
 * transaction. The centre's row is locked first (with its `last_seen_at`), so one centre's
 * batches are taken one at a time and a new epoch is detected without a race; the stream's row
 * is then created if new (INSERT … ON CONFLICT DO NOTHING) and locked (SELECT … FOR UPDATE).
 *
 * - A batch starting past `last_seq + 1` is a gap: recorded, refused with the expected seq,
 *   nothing stored. The hub never papers over a hole.
 * - The events go in with one multi-row INSERT from arrays (unnest) ON CONFLICT DO NOTHING;
 *   rows that already existed are compared with the batch (type, at, ticket, payload) and a
 *   difference is recorded as 'diverged' (the first copy stays).
 * - `last_seq` advances to the batch's end; the answer is `{ acknowledged: last_seq }`.
 *   A retried batch inserts nothing and gets the same answer: delivery is at-least-once and
 *   ingest idempotent by (centre, epoch, seq).
 * - The first batch of a new epoch when the centre has an earlier stream means the centre's
 *   database was restored from a backup: recorded as 'restored' with both streams' positions,
 *   the new stream starting at the batch's first seq (a restored file keeps its numbers).
 *   The events of the two streams are kept apart by epoch.
 */
import type pg from 'pg';

export interface IncomingEvent {
  readonly seq: number;
  readonly type: string;
  /** Milliseconds since the epoch (as the centre stores it) or an ISO date-time. */
  readonly at: number | string;
  readonly ticketId?: string | null | undefined;
  readonly payload: unknown;
}

export interface Batch {
  readonly epoch: string;
  /** Ordered, contiguous seqs (the schema checks). May be empty: a report of `headSeq` only. */
  readonly events: readonly IncomingEvent[];
  /** The centre's newest seq in this epoch when it sent the batch: the hub shows the lag. */
  readonly headSeq?: number | undefined;
}

export type IngestResult =
  | { readonly ok: true; readonly acknowledged: number | null; readonly diverged: number }
  | { readonly ok: false; readonly reason: 'gap' | 'before-stream'; readonly expected: number }
  | { readonly ok: false; readonly reason: 'revoked' };

const iso = (at: number | string): string => new Date(at).toISOString();

interface StreamRow {
  readonly first_seq: string;
  readonly last_seq: string;
}

export const ingestBatch = async (pool: pg.Pool, centreId: string, batch: Batch): Promise<IngestResult> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await ingestIn(client, centreId, batch);
    await client.query(result.ok || result.reason !== 'revoked' ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

const recordProblem = (
  client: pg.PoolClient,
  centreId: string,
  epoch: string,
  kind: 'gap' | 'diverged' | 'restored',
  detail: Record<string, unknown>,
): Promise<unknown> =>
  // The same problem reported again (a centre retrying the same refused batch) is kept once.
  client.query(
    `INSERT INTO sync_problems (centre_id, epoch, kind, detail)
     SELECT $1, $2, $3, $4::jsonb
      WHERE NOT EXISTS (SELECT 1 FROM sync_problems WHERE centre_id = $1 AND epoch = $2 AND kind = $3 AND detail = $4::jsonb)`,
    [centreId, epoch, kind, JSON.stringify(detail)],
  );

const ingestIn = async (client: pg.PoolClient, centreId: string, batch: Batch): Promise<IngestResult> => {
  const { epoch, events } = batch;
  // Lock the centre (and note it was seen); a revoke committed meanwhile wins.
  const centre = await client.query(
    'UPDATE centres SET last_seen_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [centreId],
  );
  if (centre.rowCount === 0) return { ok: false, reason: 'revoked' };

  const first = events[0]?.seq;
  const lockStream = async (): Promise<StreamRow | undefined> =>
    (
      await client.query<StreamRow>(
        'SELECT first_seq, last_seq FROM centre_streams WHERE centre_id = $1 AND epoch = $2 FOR UPDATE',
        [centreId, epoch],
      )
    ).rows[0];

  let stream = await lockStream();
  if (!stream) {
    if (first === undefined) return { ok: true, acknowledged: null, diverged: 0 };
    const previous = (
      await client.query<{ epoch: string; last_seq: string }>(
        `SELECT epoch, last_seq FROM centre_streams WHERE centre_id = $1 AND epoch <> $2
          ORDER BY started_at DESC, epoch DESC LIMIT 1`,
        [centreId, epoch],
      )
    ).rows[0];
    if (!previous && first !== 1) {
      // A centre's first stream starts at its first event.
      await recordProblem(client, centreId, epoch, 'gap', { expected: 1, received: first });
      return { ok: false, reason: 'gap', expected: 1 };
    }
    await client.query(
      `INSERT INTO centre_streams (centre_id, epoch, first_seq, last_seq, previous_epoch, previous_last_seq, restored_from_seq)
       VALUES ($1, $2, $3::bigint, $3::bigint - 1, $4, $5::bigint, $6::bigint) ON CONFLICT DO NOTHING`,
      [
        centreId,
        epoch,
        first,
        previous?.epoch ?? null,
        previous ? Number(previous.last_seq) : null,
        previous ? first - 1 : null,
      ],
    );
    if (previous) {
      await recordProblem(client, centreId, epoch, 'restored', {
        previousEpoch: previous.epoch,
        previousLastSeq: Number(previous.last_seq),
        epoch,
        firstSeq: first,
        restoredFromSeq: first - 1,
      });
    }
    stream = await lockStream();
    if (!stream) throw new Error('The stream row vanished inside its own transaction.');
  }

  const firstSeq = Number(stream.first_seq);
  let lastSeq = Number(stream.last_seq);
  let diverged = 0;
  if (first !== undefined) {
    if (first < firstSeq) {
      return { ok: false, reason: 'before-stream', expected: lastSeq + 1 };
    }
    if (first > lastSeq + 1) {
      await recordProblem(client, centreId, epoch, 'gap', { expected: lastSeq + 1, received: first });
      return { ok: false, reason: 'gap', expected: lastSeq + 1 };
    }
    // One statement for the whole batch. The CTE's final SELECT sees the table as it was
    // before the INSERT, so the join finds exactly the rows that already existed.
    const changed = await client.query<{ seq: string }>(
      `WITH incoming AS (
         SELECT * FROM unnest($3::bigint[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
           AS t(seq, type, at, ticket_id, payload)
       ), inserted AS (
         INSERT INTO centre_events (centre_id, epoch, seq, type, at, ticket_id, payload)
         SELECT $1, $2, seq, type, at, ticket_id, payload::jsonb FROM incoming
         ON CONFLICT DO NOTHING
         RETURNING seq
       )
       SELECT i.seq FROM incoming i
         JOIN centre_events e ON e.centre_id = $1 AND e.epoch = $2 AND e.seq = i.seq
        WHERE (e.type, e.at, e.ticket_id, e.payload) IS DISTINCT FROM (i.type, i.at, i.ticket_id, i.payload::jsonb)
        ORDER BY i.seq`,
      [
        centreId,
        epoch,
        events.map((event) => event.seq),
        events.map((event) => event.type),
        events.map((event) => iso(event.at)),
        events.map((event) => event.ticketId ?? null),
        events.map((event) => JSON.stringify(event.payload ?? null)),
      ],
    );
    diverged = changed.rowCount ?? 0;
    if (diverged > 0) {
      const seqs = changed.rows.map((row) => Number(row.seq));
      await recordProblem(client, centreId, epoch, 'diverged', {
        count: diverged,
        seqs: seqs.slice(0, 100),
      });
    }
    const last = events[events.length - 1]?.seq ?? lastSeq;
    lastSeq = Math.max(lastSeq, last);
  }
  await client.query(
    `UPDATE centre_streams SET last_seq = $3, updated_at = now(),
            head_seq = coalesce($4, head_seq),
            head_reported_at = CASE WHEN $4::bigint IS NULL THEN head_reported_at ELSE now() END
      WHERE centre_id = $1 AND epoch = $2`,
    [centreId, epoch, lastSeq, batch.headSeq ?? null],
  );
  return { ok: true, acknowledged: lastSeq, diverged };
};

export interface StreamView {
  readonly epoch: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly headSeq: number | null;
  /** head − last, when the centre reported its head. */
  readonly lag: number | null;
  readonly startedAt: string;
  readonly previousEpoch: string | null;
  readonly previousLastSeq: number | null;
  readonly restoredFromSeq: number | null;
}

export interface ProblemView {
  readonly epoch: string;
  readonly kind: 'gap' | 'diverged' | 'restored';
  readonly detail: unknown;
  readonly at: string;
}

export interface CentreView {
  readonly id: string;
  readonly name: string;
  readonly enrolledAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
  readonly streams: readonly StreamView[];
  /** The newest problems first (at most 50 per centre). */
  readonly problems: readonly ProblemView[];
}

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/** Every centre with its streams (newest first), positions, lag and problems. */
export const centresOverview = async (pool: pg.Pool): Promise<CentreView[]> => {
  const [centres, streams, problems] = await Promise.all([
    pool.query<{
      id: string;
      name: string;
      enrolled_at: Date;
      revoked_at: Date | null;
      last_seen_at: Date | null;
    }>('SELECT id, name, enrolled_at, revoked_at, last_seen_at FROM centres ORDER BY name, id'),
    pool.query<{
      centre_id: string;
      epoch: string;
      first_seq: string;
      last_seq: string;
      head_seq: string | null;
      started_at: Date;
      previous_epoch: string | null;
      previous_last_seq: string | null;
      restored_from_seq: string | null;
    }>('SELECT * FROM centre_streams ORDER BY centre_id, started_at DESC'),
    pool.query<{ centre_id: string; epoch: string; kind: ProblemView['kind']; detail: unknown; at: Date }>(
      `SELECT centre_id, epoch, kind, detail, at FROM (
         SELECT *, row_number() OVER (PARTITION BY centre_id ORDER BY id DESC) AS n FROM sync_problems
       ) p WHERE n <= 50 ORDER BY centre_id, id DESC`,
    ),
  ]);
  return centres.rows.map((centre) => ({
    id: centre.id,
    name: centre.name,
    enrolledAt: centre.enrolled_at.toISOString(),
    revokedAt: centre.revoked_at?.toISOString() ?? null,
    lastSeenAt: centre.last_seen_at?.toISOString() ?? null,
    streams: streams.rows
      .filter((row) => row.centre_id === centre.id)
      .map((row) => {
        const lastSeq = Number(row.last_seq);
        const headSeq = num(row.head_seq);
        return {
          epoch: row.epoch,
          firstSeq: Number(row.first_seq),
          lastSeq,
          headSeq,
          lag: headSeq === null ? null : Math.max(0, headSeq - lastSeq),
          startedAt: row.started_at.toISOString(),
          previousEpoch: row.previous_epoch,
          previousLastSeq: num(row.previous_last_seq),
          restoredFromSeq: num(row.restored_from_seq),
        };
      }),
    problems: problems.rows
      .filter((row) => row.centre_id === centre.id)
      .map((row) => ({ epoch: row.epoch, kind: row.kind, detail: row.detail, at: row.at.toISOString() })),
  }));
};

/** A centre's own streams and the hub's position in each: where to resume after a restart. */
export const positionsOf = async (
  pool: pg.Pool,
  centreId: string,
): Promise<{ epoch: string; firstSeq: number; acknowledged: number }[]> => {
  const result = await pool.query<{ epoch: string; first_seq: string; last_seq: string }>(
    'SELECT epoch, first_seq, last_seq FROM centre_streams WHERE centre_id = $1 ORDER BY started_at DESC',
    [centreId],
  );
  return result.rows.map((row) => ({
    epoch: row.epoch,
    firstSeq: Number(row.first_seq),
    acknowledged: Number(row.last_seq),
  }));
};
