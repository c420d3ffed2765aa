/**
 * Crash safety of ingest: the hub (a real child process) killed with SIGKILL in the middle of
 * a stream of batches, many times, at points chosen by a seeded generator; then PostgreSQL
 * itself killed with SIGKILL mid-stream. The sender behaves like a centre: it keeps sending
 * from the last seq the hub acknowledged to it, so a batch committed but never acknowledged
 * is sent again. At the end the hub holds exactly seq 1..N once each.
 */
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { enrolCentre, events, exitOf, freshDatabase, spawnHub, type HubProcess } from './support';

/** A fixed seed: the same kill points every run. */
const SEED = 18;

/** mulberry32: a small, seedable generator. */
const generator = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
};

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.destroy();
});

type Sent = { readonly acknowledged: number } | 'lost';

/** POST a batch; `onSent` runs once the whole request has been written. A dropped connection is 'lost'. */
const postBatch = (
  base: string,
  key: string,
  body: unknown,
  onSent: () => void = () => undefined,
): Promise<Sent> =>
  new Promise((resolveSent) => {
    const payload = JSON.stringify(body);
    const outgoing = request(
      `${base}/api/hub/events`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => resolveSent('lost'));
        response.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              ok: boolean;
              data?: { acknowledged: number };
            };
            resolveSent(answer.ok && answer.data ? { acknowledged: answer.data.acknowledged } : 'lost');
          } catch {
            resolveSent('lost');
          }
        });
      },
    );
    outgoing.on('error', () => resolveSent('lost'));
    outgoing.on('finish', onSent);
    outgoing.end(payload);
  });

/** Run `turns` turns of the event loop (no timers): a seeded, short way into the hub's work. */
const turns = async (count: number): Promise<void> => {
  for (let index = 0; index < count; index += 1)
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
};

/** Wait until the hub's backend is inside a transaction (or `settled` says the request is over). */
const untilInTransaction = async (watcher: pg.Client, settled: () => boolean): Promise<boolean> => {
  while (!settled()) {
    const seen = await watcher.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE application_name = 'queue-hub' AND (state = 'idle in transaction' OR (state = 'active' AND query <> ''))
          AND query NOT ILIKE '%pg_stat_activity%' AND xact_start IS NOT NULL`,
    );
    if ((seen.rowCount ?? 0) > 0) return true;
  }
  return false;
};

/** Wait until the hub has committed the stream up to `seq` (or the request is over). */
const untilCommitted = async (watcher: pg.Client, seq: number, settled: () => boolean): Promise<void> => {
  while (!settled()) {
    const seen = await watcher.query(`SELECT 1 FROM centre_streams WHERE last_seq >= $1`, [seq]);
    if ((seen.rowCount ?? 0) > 0) return;
  }
};

const finalState = async (databaseUrl: string, centreId: string) => {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  try {
    const counts = await pool.query<{ n: number; distinct: number; min: number; max: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct, min(seq)::int AS min, max(seq)::int AS max
         FROM centre_events WHERE centre_id = $1`,
      [centreId],
    );
    const stream = await pool.query<{ last_seq: number }>(
      'SELECT last_seq::int FROM centre_streams WHERE centre_id = $1',
      [centreId],
    );
    const problems = await pool.query('SELECT kind, detail FROM sync_problems WHERE centre_id = $1', [
      centreId,
    ]);
    const payloads = await pool.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM centre_events WHERE centre_id = $1 AND (payload->>'seq')::bigint <> seq`,
      [centreId],
    );
    return {
      ...counts.rows[0],
      lastSeq: stream.rows[0]?.last_seq,
      problems: problems.rows,
      mismatched: payloads.rows[0]?.bad,
    };
  } finally {
    await pool.end();
  }
};

describe('crash safety of ingest', () => {
  it('the hub killed with SIGKILL mid-stream many times: exactly 1..N once each, no gap, no duplicate', async () => {
    const random = generator(SEED);
    const total = 3_000;
    const kills = 12;
    const databaseUrl = await freshDatabase(postgres);
    const watcher = new pg.Client({ connectionString: databaseUrl });
    let hub: HubProcess = await spawnHub(databaseUrl);
    await watcher.connect();
    const outcome = { killed: 0, midTransaction: 0, committedUnacknowledged: 0, retried: 0 };
    try {
      const { centreId, key } = await enrolCentre(hub.url, 'Crash centre');
      let acknowledged = 0;
      while (acknowledged < total) {
        const from = acknowledged + 1;
        const to = Math.min(total, from + Math.floor(random() * 400));
        const body = { epoch: 'crash-epoch', headSeq: total, events: events(from, to) };
        const kill = outcome.killed < kills && random() < 0.45;
        if (!kill) {
          const sent = await postBatch(hub.url, key, body);
          if (sent === 'lost') throw new Error(`A batch was lost with no kill:\n${hub.output()}`);
          acknowledged = sent.acknowledged;
          continue;
        }
        // Kill the hub while this batch is in flight: in its transaction (watched in
        // pg_stat_activity) or a seeded number of event-loop turns after the request was written.
        const roll = random();
        const mode = roll < 0.4 ? 'transaction' : roll < 0.7 ? 'committed' : 'turns';
        const wait = Math.floor(random() * 30);
        let settled = false;
        let sentAll!: () => void;
        const written = new Promise<void>((resolveWritten) => (sentAll = resolveWritten));
        const answer = postBatch(hub.url, key, body, () => sentAll()).then((sent) => {
          settled = true;
          return sent;
        });
        await written;
        if (mode === 'transaction') {
          if (await untilInTransaction(watcher, () => settled)) outcome.midTransaction += 1;
        } else if (mode === 'committed') {
          // Just after the commit; the sender then acts as if the answer never came (the link
          // dropped it), so the committed batch is sent again.
          await untilCommitted(watcher, to, () => settled);
        } else {
          await turns(wait);
        }
        hub.child.kill('SIGKILL');
        await exitOf(hub.child);
        outcome.killed += 1;
        const received = await answer;
        const sent: Sent = mode === 'committed' ? 'lost' : received;
        if (sent !== 'lost') acknowledged = sent.acknowledged;
        hub = await spawnHub(databaseUrl);
        // Where did the kill leave the hub? (Only counted; the sender still resends from its own ack.)
        const position = await watcher.query<{ last_seq: number }>(
          'SELECT last_seq::int FROM centre_streams WHERE centre_id = $1',
          [centreId],
        );
        if (sent === 'lost' && (position.rows[0]?.last_seq ?? 0) > acknowledged)
          outcome.committedUnacknowledged += 1;
        if (sent === 'lost') outcome.retried += 1;
      }
      const state = await finalState(databaseUrl, centreId);
      console.log('hub crash run', outcome);
      expect(outcome.killed).toBe(kills);
      expect(outcome.committedUnacknowledged).toBeGreaterThan(0);
      expect(state).toEqual({
        n: total,
        distinct: total,
        min: 1,
        max: total,
        lastSeq: total,
        problems: [],
        mismatched: 0,
      });
    } finally {
      await watcher.end();
      hub.child.kill('SIGKILL');
      await exitOf(hub.child);
    }
  });

  it('PostgreSQL killed with SIGKILL mid-stream and started again: nothing lost, nothing doubled', async () => {
    const random = generator(SEED + 1);
    const total = 1_500;
    const databaseUrl = await freshDatabase(postgres);
    const hub = await spawnHub(databaseUrl);
    try {
      const { centreId, key } = await enrolCentre(hub.url, 'Database crash centre');
      let acknowledged = 0;
      let crashes = 0;
      let failures = 0;
      while (acknowledged < total) {
        const from = acknowledged + 1;
        const to = Math.min(total, from + Math.floor(random() * 300));
        const body = { epoch: 'db-crash', events: events(from, to) };
        if (crashes < 3 && random() < 0.3) {
          let sentAll!: () => void;
          const written = new Promise<void>((resolveWritten) => (sentAll = resolveWritten));
          const answer = postBatch(hub.url, key, body, () => sentAll());
          await written;
          await turns(Math.floor(random() * 30));
          await postgres.kill();
          crashes += 1;
          const sent = await answer;
          if (sent !== 'lost') acknowledged = sent.acknowledged;
          await postgres.start();
          continue;
        }
        const sent = await postBatch(hub.url, key, body);
        // The hub's pool may still hand out a connection that died with the server: a 500, sent again.
        if (sent !== 'lost') acknowledged = sent.acknowledged;
        else if ((failures += 1) > 50 || hub.child.exitCode !== null) {
          throw new Error(`The hub keeps failing after PostgreSQL restarted:\n${hub.output()}`);
        }
      }
      expect(crashes).toBe(3);
      expect(await finalState(databaseUrl, centreId)).toEqual({
        n: total,
        distinct: total,
        min: 1,
        max: total,
        lastSeq: total,
        problems: [],
        mismatched: 0,
      });
    } finally {
      hub.child.kill('SIGTERM');
      await exitOf(hub.child);
    }
  });
});
