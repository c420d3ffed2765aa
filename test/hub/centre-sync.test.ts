/**
 * A real centre server (SQLite) shipping its event log to a real hub (PostgreSQL): what
 * arrives, in what order, without personal notes; the hub down for a while; a revoked key;
 * a centre restored from a backup. The sender runs on ManualTimers: a test fires them when
 * it chooses and waits for conditions, never for the clock.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { QueueEvent } from '@queue/core';
import type { HubSyncState } from '@queue/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrolAtHub } from '../../apps/server/src/city/enrol-command';
import { withoutPersonalData } from '../../apps/server/src/city/hub-sender';
import { restoreBackup } from '../../apps/server/src/restore';
import { ManualTimers } from '../support/manual-timers';
import { startPostgres, type TestPostgres } from '../support/postgres';
import {
  KIOSK_TOKEN,
  type ClientSocket,
  type TestServer,
  okData,
  rid,
  startServer,
  tempDir,
} from '../server/harness';
import { ADMIN_TOKEN, type TestHub, call, enrolCentre, startHub } from './support';

const SECRET = 'Ivanenko, phone +380670000000';

let postgres: TestPostgres;
let hub: TestHub;
const servers: TestServer[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
  hub = await startHub(postgres);
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  await hub.start().catch(() => undefined);
});
afterAll(async () => {
  await hub?.close();
  await postgres?.destroy();
});

interface Centre {
  readonly server: TestServer;
  readonly timers: ManualTimers;
  readonly kiosk: ClientSocket;
  readonly admin: ClientSocket;
}

const openCentre = async (
  key: string,
  options: { databaseFile?: string; timers?: ManualTimers } = {},
): Promise<Centre> => {
  const timers = options.timers ?? new ManualTimers();
  const server = await startServer({
    timers,
    hub: { url: hub.url, key },
    ...(options.databaseFile ? { databaseFile: options.databaseFile } : {}),
  });
  servers.push(server);
  const kiosk = await server.connect(KIOSK_TOKEN);
  const admin = await server.connect((await server.login('admin', 'admin')).token);
  return { server, timers, kiosk, admin };
};

const status = (centre: Centre): Promise<HubSyncState> => okData(centre.admin.emitWithAck('hub:status', {}));

/** Fire the timers until the state satisfies `done` (each fire is one scheduled run or retry). */
const driveUntil = async (
  centre: Centre,
  done: (state: HubSyncState) => boolean,
  what: string,
): Promise<HubSyncState> => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await status(centre);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(state)}`);
    centre.timers.fire();
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 10));
  }
};

const caughtUp = (centre: Centre) =>
  driveUntil(
    centre,
    (state) => state.behind === 0 && state.lastError === undefined && state.lastSentAt !== undefined,
    'caught up',
  );

const issue = async (centre: Centre, count: number): Promise<void> => {
  for (let index = 0; index < count; index += 1) {
    await okData(centre.kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'doc-copy' }));
  }
};

/** The centre's own log, read from its SQLite file. */
const centreLog = (file: string): { seq: number; event: QueueEvent }[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { seq: number; payload: string }>('SELECT seq, payload FROM events ORDER BY seq')
      .all()
      .map((row) => ({ seq: row.seq, event: JSON.parse(row.payload) as QueueEvent }));
  } finally {
    db.close();
  }
};

const centreEpoch = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'").get()?.value ?? '';
  } finally {
    db.close();
  }
};

const hubEvents = async (centreId: string, epoch?: string) =>
  (
    await hub.pool.query<{ epoch: string; seq: string; type: string; payload: unknown }>(
      `SELECT epoch, seq, type, payload FROM centre_events
        WHERE centre_id = $1 AND ($2::text IS NULL OR epoch = $2) ORDER BY epoch, seq`,
      [centreId, epoch ?? null],
    )
  ).rows.map((row) => ({ ...row, seq: Number(row.seq) }));

describe('npm run hub:enrol', () => {
  it('prints the code, waits for the approval and returns the key the hub accepts', async () => {
    const lines: string[] = [];
    let approved = false;
    const enrolled = await enrolAtHub({
      hub: `${hub.url}/`,
      name: 'Pechersk',
      print: (line) => lines.push(line),
      // Each poll's pause is where the city administrator approves, once the code was printed.
      sleep: async () => {
        if (approved) return;
        const code = /approve: (\d{6})$/.exec(lines.find((line) => line.includes('approve:')) ?? '')?.[1];
        expect(code).toMatch(/^\d{6}$/);
        const answer = await call(hub.url, 'POST', '/api/hub/admin/enrolments/approve', {
          token: ADMIN_TOKEN,
          body: { code },
        });
        expect(answer.status).toBe(200);
        approved = true;
      },
    });
    expect(approved).toBe(true);
    expect((await call(hub.url, 'GET', '/api/hub/sync', { token: enrolled.key })).status).toBe(200);
  });
});

describe('a centre ships its event log to the hub', () => {
  it('sends exactly its events, in order, without personal notes', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Podil');
    const centre = await openCentre(key);
    expect(await status(centre)).toMatchObject({ configured: true, hubUrl: hub.url });

    const issued = await okData(
      centre.kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'doc-copy' }),
    );
    await issue(centre, 2);
    const operator = await centre.server.connect((await centre.server.login('operator1', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    const called = await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.id).toBe(issued.ticket.id);
    const ticketId = issued.ticket.id;
    await okData(operator.emitWithAck('visit:start', { requestId: rid(), ticketId }));
    await okData(operator.emitWithAck('visit:complete', { requestId: rid(), ticketId, note: SECRET }));
    const second = await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
    const secondId = second.ticket?.id ?? '';
    await okData(operator.emitWithAck('visit:start', { requestId: rid(), ticketId: secondId }));
    await okData(
      operator.emitWithAck('visit:transfer', {
        requestId: rid(),
        ticketId: secondId,
        toServiceCode: 'doc-copy',
        comment: SECRET,
      }),
    );

    const state = await caughtUp(centre);
    const log = centreLog(centre.server.databaseFile);
    expect(log.map((entry) => entry.event.type)).toEqual(
      expect.arrayContaining(['ticket:issued', 'ticket:called', 'ticket:completed', 'ticket:transferred']),
    );
    expect(JSON.stringify(log)).toContain(SECRET);
    expect(state).toMatchObject({ lastAcknowledgedSeq: log.length, headSeq: log.length, behind: 0 });

    const received = await hubEvents(centreId);
    expect(received.map((row) => row.seq)).toEqual(log.map((entry) => entry.seq));
    expect(received.every((row) => row.epoch === centreEpoch(centre.server.databaseFile))).toBe(true);
    expect(received.map((row) => row.type)).toEqual(log.map((entry) => entry.event.type));
    expect(received.map((row) => row.payload)).toEqual(
      log.map((entry) => JSON.parse(JSON.stringify(withoutPersonalData(entry.event))) as unknown),
    );
    expect(JSON.stringify(received)).not.toContain('Ivanenko');
    const lag = await call(hub.url, 'GET', '/api/hub/sync', { token: key });
    expect(JSON.stringify(lag.body.data)).toContain(`"acknowledged":${log.length}`);
  });

  it('keeps issuing while the hub is down, and catches up when it is back: nothing lost or doubled', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Obolon');
    const centre = await openCentre(key);
    await issue(centre, 3);
    const before = await caughtUp(centre);

    await hub.stop();
    for (let round = 0; round < 4; round += 1) {
      // Each command answers at once; the sender fails in the background and backs off.
      await issue(centre, 5);
      await driveUntil(centre, (state) => state.lastError !== undefined && state.behind > 0, 'a failure');
    }
    const down = await status(centre);
    expect(down.lastError).toMatch(/could not be reached/);
    expect(down.lastAcknowledgedSeq).toBe(before.lastAcknowledgedSeq);
    expect(down.behind).toBe(down.headSeq - before.lastAcknowledgedSeq);
    expect(down.behind).toBeGreaterThanOrEqual(20);

    await hub.start();
    const after = await caughtUp(centre);
    expect(after.behind).toBe(0);
    expect(after.lastError).toBeUndefined();
    const log = centreLog(centre.server.databaseFile);
    const received = await hubEvents(centreId);
    expect(received.map((row) => row.seq)).toEqual(log.map((entry) => entry.seq));
    expect(after.lastAcknowledgedSeq).toBe(log.length);
  });

  it('a revoked key: the state shows the refusal and the centre keeps working', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Darnytsia');
    const centre = await openCentre(key);
    await issue(centre, 2);
    await caughtUp(centre);
    await call(hub.url, 'POST', '/api/hub/admin/centres/revoke', { token: ADMIN_TOKEN, body: { centreId } });

    await issue(centre, 2);
    const refused = await driveUntil(centre, (state) => state.lastError !== undefined, 'the refusal');
    expect(refused.lastError).toMatch(/403 REVOKED/);
    expect(refused.lastErrorAt).toBeTypeOf('number');
    expect(refused.behind).toBeGreaterThan(0);
    // Issuing and calling as before.
    await issue(centre, 1);
    const operator = await centre.server.connect((await centre.server.login('operator1', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    expect(
      (await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }))).ticket,
    ).toBeDefined();
    centre.timers.fire();
    const still = await status(centre);
    expect(still.lastError).toMatch(/403 REVOKED/);
    expect(still.behind).toBe(still.headSeq - refused.lastAcknowledgedSeq);
  });

  it('resumes from where the hub stands after a GAP, and never skips past its own log', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Troieshchyna');
    const centre = await openCentre(key);
    await issue(centre, 4);
    const synced = await caughtUp(centre);
    const epoch = centreEpoch(centre.server.databaseFile);

    // The hub restored from an older backup: it holds only seqs 1..2 of this stream.
    await hub.pool.query('DELETE FROM centre_events WHERE centre_id = $1 AND seq > 2', [centreId]);
    await hub.pool.query('UPDATE centre_streams SET last_seq = 2 WHERE centre_id = $1', [centreId]);
    await issue(centre, 2);
    const resumed = await caughtUp(centre);
    expect(resumed.lastAcknowledgedSeq).toBe(synced.lastAcknowledgedSeq + 2);
    const log = centreLog(centre.server.databaseFile);
    expect((await hubEvents(centreId, epoch)).map((row) => row.seq)).toEqual(log.map((entry) => entry.seq));

    // The hub's stream starts past everything this database holds: reported, not skipped.
    await hub.pool.query('UPDATE centre_streams SET first_seq = 500, last_seq = 600 WHERE centre_id = $1', [
      centreId,
    ]);
    await issue(centre, 1);
    const ahead = await driveUntil(centre, (state) => state.lastError !== undefined, 'the error');
    expect(ahead.lastError).toMatch(/expects seq 601 next, but this centre's log ends at/);
    expect(ahead.lastAcknowledgedSeq).toBe(resumed.lastAcknowledgedSeq);
    expect(ahead.behind).toBe(1);
    await issue(centre, 1);
  });

  it('a centre restored from a backup ships its new epoch; the hub records the restore', async () => {
    const { centreId, key } = await enrolCentre(hub.url, 'Sviatoshyn');
    const dir = tempDir('restore');
    const file = join(dir, 'queue.sqlite');
    const backup = join(dir, 'backup.sqlite');

    let centre = await openCentre(key, { databaseFile: file });
    await issue(centre, 3);
    const atBackup = await caughtUp(centre);
    await centre.server.close();
    servers.splice(0);
    const oldEpoch = centreEpoch(file);
    copyFileSync(file, backup);

    centre = await openCentre(key, { databaseFile: file });
    await issue(centre, 4);
    const lost = await caughtUp(centre);
    expect(lost.lastAcknowledgedSeq).toBeGreaterThan(atBackup.lastAcknowledgedSeq);
    // The hub has counted the visits the restore will lose: it must take them back.
    await hub.settled();
    const counted = await hub.pool.query('SELECT 1 FROM visit_segments WHERE centre_id = $1', [centreId]);
    expect(counted.rowCount).toBe(7);
    await centre.server.close();
    servers.splice(0);

    restoreBackup(backup, file);
    const newEpoch = centreEpoch(file);
    expect(newEpoch).not.toBe(oldEpoch);
    centre = await openCentre(key, { databaseFile: file });
    await issue(centre, 2);
    const restored = await caughtUp(centre);
    const log = centreLog(file);
    expect(restored.lastAcknowledgedSeq).toBe(log.length);

    // The new stream starts right after what the backup held as acknowledged.
    const fresh = await hubEvents(centreId, newEpoch);
    expect(fresh.map((row) => row.seq)).toEqual(
      log.filter((entry) => entry.seq > atBackup.lastAcknowledgedSeq).map((entry) => entry.seq),
    );
    expect((await hubEvents(centreId, oldEpoch)).map((row) => row.seq)).toEqual(
      Array.from({ length: lost.lastAcknowledgedSeq }, (_, index) => index + 1),
    );
    const problems = (
      await hub.pool.query<{ epoch: string; kind: string; detail: Record<string, unknown> }>(
        'SELECT epoch, kind, detail FROM sync_problems WHERE centre_id = $1 ORDER BY id',
        [centreId],
      )
    ).rows;
    expect(problems).toEqual([
      {
        epoch: newEpoch,
        kind: 'restored',
        detail: {
          previousEpoch: oldEpoch,
          previousLastSeq: lost.lastAcknowledgedSeq,
          epoch: newEpoch,
          firstSeq: atBackup.lastAcknowledgedSeq + 1,
          restoredFromSeq: atBackup.lastAcknowledgedSeq,
        },
      },
    ]);

    // The city counts the visits the centre has: the backup's and the new ones, never the lost.
    await hub.settled();
    const own = await okData(
      centre.admin.emitWithAck('report:run', { from: '2026-11-24', to: '2026-11-24', groupBy: 'service' }),
    );
    expect(own.total.issued).toBe(5);
    const city = await call(hub.url, 'POST', '/api/hub/reports', {
      token: ADMIN_TOKEN,
      body: { from: '2026-11-24', to: '2026-11-24', groupBy: 'service', centreIds: [centreId] },
    });
    expect(city.body.data?.rows).toEqual(own.rows);
    expect(city.body.data?.total).toEqual(own.total);
  });
});
