/**
 * The hub's ingest against PostgreSQL's own floor: one enrolled centre posts its log in
 * batches of 1,000 over HTTP to a hub in-process (createHubApp, migrated), one batch after
 * the other, exactly as the centre's sender does; then the same rows go into a plain table
 * with the same columns and indexes (no foreign key, no stream bookkeeping) by batched
 * multi-row INSERT, one statement per batch, into the same server. Also: how long the hub's
 * projection takes to fold the whole log into visit segments after the last batch.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createHubApp } from '../../apps/hub/src/app';
import { migrate } from '../../apps/hub/src/migrations';
import type { WireEvent } from '../../apps/server/src/city/hub-sender';
import { enrolCentre } from '../../scripts/demo-city/hub-api';
import type { ThrowawayPostgres } from '../../scripts/lib/throwaway-postgres';
import { monotonicMs } from '../lib/processes';

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const EPOCH = 'bench-epoch-1';
const COLUMNS = 7;

export interface IngestResult {
  readonly events: number;
  readonly hubPerSecond: number;
  readonly plainPerSecond: number;
  /** From the last batch acknowledged until the projection had folded every event; undefined if it did not in time. */
  readonly projectionSeconds: number | undefined;
}

const batches = (log: readonly WireEvent[], size: number): WireEvent[][] =>
  Array.from({ length: Math.ceil(log.length / size) }, (_, index) =>
    log.slice(index * size, (index + 1) * size),
  );

const postAll = async (
  hubUrl: string,
  key: string,
  log: readonly WireEvent[],
  size: number,
): Promise<number> => {
  const started = monotonicMs();
  const head = log.length;
  for (const events of batches(log, size)) {
    const response = await fetch(`${hubUrl}/api/hub/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ epoch: EPOCH, headSeq: head, events }),
    });
    const answer = (await response.json()) as { ok: boolean; data?: { acknowledged: number } };
    const last = events.at(-1)?.seq;
    if (!answer.ok || answer.data?.acknowledged !== last) {
      throw new Error(`The hub did not acknowledge the batch up to ${last}: ${JSON.stringify(answer)}`);
    }
  }
  return (monotonicMs() - started) / 1000;
};

const insertPlain = async (pool: pg.Pool, log: readonly WireEvent[], size: number): Promise<number> => {
  await pool.query('CREATE TABLE plain_events (LIKE centre_events INCLUDING DEFAULTS INCLUDING INDEXES)');
  const started = monotonicMs();
  for (const events of batches(log, size)) {
    const values = events.map((_, row) => {
      const base = row * COLUMNS;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::jsonb)`;
    });
    const params = events.flatMap((event) => [
      'plain-centre',
      EPOCH,
      event.seq,
      event.type,
      new Date(event.at).toISOString(),
      event.ticketId ?? null,
      JSON.stringify(event.payload),
    ]);
    await pool.query(
      `INSERT INTO plain_events (centre_id, epoch, seq, type, at, ticket_id, payload) VALUES ${values.join(', ')}`,
      params,
    );
  }
  return (monotonicMs() - started) / 1000;
};

/** Poll (not sleep) until the projection has read up to `seq`, for at most `ms`. */
const projectionCaughtUp = async (pool: pg.Pool, seq: number, ms: number): Promise<number | undefined> => {
  const started = monotonicMs();
  while (monotonicMs() - started < ms) {
    const row = (await pool.query<{ seq: string }>('SELECT seq FROM projection_positions LIMIT 1')).rows[0];
    if (row && Number(row.seq) >= seq) return (monotonicMs() - started) / 1000;
    await new Promise((resolvePoll) => setTimeout(resolvePoll, 50));
  }
  return undefined;
};

export const benchIngest = async (
  postgres: ThrowawayPostgres,
  log: readonly WireEvent[],
  batchSize: number,
): Promise<IngestResult> => {
  const pool = new pg.Pool({ connectionString: await postgres.createDatabase('bench_ingest'), max: 10 });
  pool.on('error', () => undefined);
  await migrate(pool);
  const { server } = createHubApp({ pool, adminToken: ADMIN_TOKEN });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const { key } = await enrolCentre(hubUrl, ADMIN_TOKEN, 'Bench centre');
    const hubSeconds = await postAll(hubUrl, key, log, batchSize);
    const projectionSeconds = await projectionCaughtUp(pool, log.length, 10 * 60_000);
    const plainSeconds = await insertPlain(pool, log, batchSize);
    return {
      events: log.length,
      hubPerSecond: log.length / hubSeconds,
      plainPerSecond: log.length / plainSeconds,
      projectionSeconds,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolveClose) => server.close(resolveClose));
    await pool.end();
  }
};
