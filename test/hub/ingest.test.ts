import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_EVENTS } from '../../apps/hub/src/app';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { ADMIN_TOKEN, call, enrolCentre, events, startHub, type TestEvent, type TestHub } from './support';

let postgres: TestPostgres;
let hub: TestHub;
beforeAll(async () => {
  postgres = await startPostgres();
  hub = await startHub(postgres);
});
afterAll(async () => {
  await hub?.close();
  await postgres?.destroy();
});

const send = (key: string, epoch: string, batch: TestEvent[], extra: Record<string, unknown> = {}) =>
  call(hub.url, 'POST', '/api/hub/events', { token: key, body: { epoch, events: batch, ...extra } });

const stored = async (centreId: string, epoch?: string) =>
  (
    await hub.pool.query<{
      epoch: string;
      seq: string;
      type: string;
      payload: unknown;
      at: Date;
      ticket_id: string;
    }>(
      `SELECT epoch, seq, type, payload, at, ticket_id FROM centre_events
        WHERE centre_id = $1 AND ($2::text IS NULL OR epoch = $2) ORDER BY epoch, seq`,
      [centreId, epoch ?? null],
    )
  ).rows;

const problems = async (centreId: string) =>
  (
    await hub.pool.query<{ epoch: string; kind: string; detail: Record<string, unknown> }>(
      'SELECT epoch, kind, detail FROM sync_problems WHERE centre_id = $1 ORDER BY id',
      [centreId],
    )
  ).rows;

describe('ingest', () => {
  it('acknowledges batches in order; a retried batch changes nothing and gets the same answer', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Holosiiv');
    expect((await send(key, 'e1', events(1, 100))).body).toEqual({
      ok: true,
      data: { acknowledged: 100, diverged: 0 },
    });
    expect((await send(key, 'e1', events(101, 250), { headSeq: 300 })).body.data).toEqual({
      acknowledged: 250,
      diverged: 0,
    });
    const before = await hub.pool.query(
      'SELECT seq, received_at FROM centre_events WHERE centre_id = $1 ORDER BY seq',
      [centreId],
    );
    // Retries: the same batch, an overlapping one, one wholly behind.
    expect((await send(key, 'e1', events(101, 250))).body.data).toEqual({ acknowledged: 250, diverged: 0 });
    expect((await send(key, 'e1', events(50, 120))).body.data).toEqual({ acknowledged: 250, diverged: 0 });
    const after = await hub.pool.query(
      'SELECT seq, received_at FROM centre_events WHERE centre_id = $1 ORDER BY seq',
      [centreId],
    );
    expect(after.rows).toEqual(before.rows);
    // Overlapping and extending.
    expect((await send(key, 'e1', events(240, 300))).body.data).toEqual({ acknowledged: 300, diverged: 0 });

    const rows = await stored(centreId);
    expect(rows.map((row) => Number(row.seq))).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    const sample = events(7, 7)[0];
    expect(rows[6]).toEqual({
      epoch: 'e1',
      seq: '7',
      type: sample?.type,
      payload: sample?.payload,
      at: new Date(sample?.at ?? 0),
      ticket_id: sample?.ticketId,
    });
    expect(await problems(centreId)).toEqual([]);

    const sync = await call(hub.url, 'GET', '/api/hub/sync', { token: key });
    expect(sync.body.data).toEqual({ centreId, streams: [{ epoch: 'e1', firstSeq: 1, acknowledged: 300 }] });
    const overview = await call(hub.url, 'GET', '/api/hub/centres', { token: ADMIN_TOKEN });
    const mine = (
      overview.body.data?.centres as { id: string; streams: unknown[]; lastSeenAt: string }[]
    ).find((centre) => centre.id === centreId);
    expect(mine?.lastSeenAt).toEqual(expect.any(String));
    // headSeq 300 was reported with the batch ending at 250; the later batches reported none.
    expect(mine?.streams).toEqual([
      expect.objectContaining({ epoch: 'e1', firstSeq: 1, lastSeq: 300, headSeq: 300, lag: 0 }),
    ]);
  });

  it('refuses a gap with the expected seq, stores nothing of it, and records it once', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Darnytsia');
    await send(key, 'e1', events(1, 10));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const gap = await send(key, 'e1', events(15, 20));
      expect(gap.status).toBe(409);
      expect(gap.body.error).toEqual(expect.objectContaining({ code: 'GAP', expected: 11 }));
    }
    expect((await stored(centreId)).length).toBe(10);
    expect(await problems(centreId)).toEqual([
      { epoch: 'e1', kind: 'gap', detail: { expected: 11, received: 15 } },
    ]);
    // A centre's first stream starts at 1.
    const newcomer = await enrolCentre(hub.url, 'Newcomer');
    const late = await send(newcomer.key, 'e1', events(5, 6));
    expect(late.body.error).toEqual(expect.objectContaining({ code: 'GAP', expected: 1 }));
    expect((await call(hub.url, 'GET', '/api/hub/sync', { token: newcomer.key })).body.data?.streams).toEqual(
      [],
    );
    // Sending what was missing heals the stream.
    expect((await send(key, 'e1', events(11, 20))).body.data).toEqual({ acknowledged: 20, diverged: 0 });
  });

  it('records a duplicate with other content as diverged and keeps the first copy', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Sviatoshyn');
    await send(key, 'e1', events(1, 10));
    const altered = events(5, 12).map((event) =>
      event.seq === 6 || event.seq === 8 ? { ...event, payload: { changed: true } } : event,
    );
    expect((await send(key, 'e1', altered)).body.data).toEqual({ acknowledged: 12, diverged: 2 });
    // Key order in a payload is no difference: jsonb compares values.
    const reordered = events(3, 3).map((event) => ({
      ...event,
      payload: { number: 'A003', tag: 'a', seq: 3 },
    }));
    expect((await send(key, 'e1', reordered)).body.data).toEqual({ acknowledged: 12, diverged: 0 });
    const rows = await stored(centreId);
    expect(rows.find((row) => row.seq === '6')?.payload).toEqual(events(6, 6)[0]?.payload);
    expect(await problems(centreId)).toEqual([
      { epoch: 'e1', kind: 'diverged', detail: { count: 2, seqs: [6, 8] } },
    ]);
  });

  it('a new epoch after a restore is recorded with both positions and its events kept apart', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Troieshchyna');
    await send(key, 'epoch-1', events(1, 80));
    // Restored from a backup taken at seq 50: the centre continues at 51 under a new epoch,
    // with other events than the lost 51..80 of the first epoch.
    const restored = await send(key, 'epoch-2', events(51, 60, 'b'));
    expect(restored.body.data).toEqual({ acknowledged: 60, diverged: 0 });
    expect(await problems(centreId)).toEqual([
      {
        epoch: 'epoch-2',
        kind: 'restored',
        detail: {
          previousEpoch: 'epoch-1',
          previousLastSeq: 80,
          epoch: 'epoch-2',
          firstSeq: 51,
          restoredFromSeq: 50,
        },
      },
    ]);
    expect((await stored(centreId, 'epoch-1')).length).toBe(80);
    const second = await stored(centreId, 'epoch-2');
    expect(second.map((row) => Number(row.seq))).toEqual(
      Array.from({ length: 10 }, (_, index) => 51 + index),
    );
    expect(second.every((row) => (row.payload as { tag: string }).tag === 'b')).toBe(true);
    // Retrying the first batch of the new epoch records nothing more.
    expect((await send(key, 'epoch-2', events(51, 60, 'b'))).body.data).toEqual({
      acknowledged: 60,
      diverged: 0,
    });
    expect((await problems(centreId)).length).toBe(1);
    // Events before the restored stream's start are refused, not slipped in.
    const before = await send(key, 'epoch-2', events(40, 45, 'b'));
    expect(before.body.error).toEqual(expect.objectContaining({ code: 'BEFORE_STREAM', expected: 61 }));
    const streams = await hub.pool.query(
      `SELECT epoch, first_seq::int, last_seq::int, previous_epoch, previous_last_seq::int, restored_from_seq::int
         FROM centre_streams WHERE centre_id = $1 ORDER BY started_at`,
      [centreId],
    );
    expect(streams.rows).toEqual([
      {
        epoch: 'epoch-1',
        first_seq: 1,
        last_seq: 80,
        previous_epoch: null,
        previous_last_seq: null,
        restored_from_seq: null,
      },
      {
        epoch: 'epoch-2',
        first_seq: 51,
        last_seq: 60,
        previous_epoch: 'epoch-1',
        previous_last_seq: 80,
        restored_from_seq: 50,
      },
    ]);
  });

  it('a centre cannot write another centre’s events: the key decides, the body cannot name a centre', async () => {
    const a = await enrolCentre(hub.url, 'Centre A');
    const b = await enrolCentre(hub.url, 'Centre B');
    await send(a.key, 'shared-epoch', events(1, 5, 'a'));
    // B sends the same epoch name: it lands in B's own stream.
    expect((await send(b.key, 'shared-epoch', events(1, 3, 'b'))).body.data).toEqual({
      acknowledged: 3,
      diverged: 0,
    });
    const smuggled = await call(hub.url, 'POST', '/api/hub/events', {
      token: b.key,
      body: { centreId: a.centreId, epoch: 'shared-epoch', events: events(6, 8, 'b') },
    });
    expect(smuggled.status).toBe(400);
    const ofA = await stored(a.centreId);
    expect(ofA.map((row) => (row.payload as { tag: string }).tag)).toEqual(['a', 'a', 'a', 'a', 'a']);
    expect((await stored(b.centreId)).length).toBe(3);
    expect(await problems(a.centreId)).toEqual([]);
  });

  it('refuses malformed batches: unordered, too many, bad fields', async () => {
    const { key } = await enrolCentre(hub.url, 'Validation');
    const [one, two] = events(1, 2);
    const cases: unknown[] = [
      { epoch: 'e', events: [two, one] },
      { epoch: 'e', events: [one, { ...two, seq: 3 }] },
      { epoch: '', events: [one] },
      { epoch: 'e', events: [{ ...one, seq: 0 }] },
      { epoch: 'e', events: [{ ...one, at: 'yesterday' }] },
      { epoch: 'e', events: [{ ...one, payload: undefined }] },
      { epoch: 'e', events: events(1, MAX_BATCH_EVENTS + 1) },
    ];
    for (const body of cases) {
      const answer = await call(hub.url, 'POST', '/api/hub/events', { token: key, body });
      expect(answer.status, JSON.stringify(body).slice(0, 200)).toBe(400);
    }
    const huge = await fetch(`${hub.url}/api/hub/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ epoch: 'e', events: [{ ...one, payload: 'x'.repeat(9 * 1024 * 1024) }] }),
    });
    expect(huge.status).toBe(413);
    // The full allowance in one batch is fine.
    expect((await send(key, 'e', events(1, MAX_BATCH_EVENTS))).body.data).toEqual({
      acknowledged: MAX_BATCH_EVENTS,
      diverged: 0,
    });
  });
});
