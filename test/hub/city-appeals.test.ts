/**
 * Appeals reach the city (the 115 model): a real centre registers appeals, one of which runs
 * past its term; the hub lists every centre's appeals overdue first, per organisation, without
 * the applicant, the text or the summary, and its live view counts them.
 */
import type { CityAppealsView, CityLiveView } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualTimers } from '../support/manual-timers';
import { startPostgres, type TestPostgres } from '../support/postgres';
import {
  type ClientSocket,
  TestClock,
  type TestServer,
  WEEKDAY_10AM,
  okData,
  rid,
  startServer,
} from '../server/harness';
import { ADMIN_TOKEN, call, enrolCentre, startHub, type TestHub } from './support';

const SECRET = 'Олена Коваль, вул. Садова, 3';

let postgres: TestPostgres;
let hub: TestHub;
let server: TestServer;
let admin: ClientSocket;
let centreId: string;
const clock = new TestClock(WEEKDAY_10AM);
const timers = new ManualTimers();

const register = (organisationId: string, serviceCode: string) =>
  okData(
    admin.emitWithAck('appeal:register', {
      requestId: rid('appeal'),
      channel: 'in-person',
      topic: { organisationId, serviceCode },
      summary: `Скарга: ${SECRET}`,
      text: `Заява від ${SECRET}`,
      applicant: { name: 'Олена Коваль', address: 'вул. Садова, 3', phone: '+380 67 123 45 67' },
    }),
  );

const appealsAtHub = async (): Promise<number> =>
  Number((await hub.pool.query<{ n: string }>('SELECT count(*) AS n FROM centre_appeals')).rows[0]?.n);

const syncUntil = async (count: number): Promise<void> => {
  const deadline = Date.now() + 15_000;
  while ((await appealsAtHub()) < count) {
    if (Date.now() > deadline) throw new Error(`the hub has ${await appealsAtHub()} appeals, not ${count}`);
    timers.fire();
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 10));
  }
  await hub.settled();
};

beforeAll(async () => {
  postgres = await startPostgres();
  hub = await startHub(postgres);
  const enrolled = await enrolCentre(hub.url, 'Podil');
  centreId = enrolled.centreId;
  server = await startServer({ clock, timers, hub: { url: hub.url, key: enrolled.key } });
  admin = await server.connect((await server.login('admin', 'admin')).token);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await hub?.close();
  await postgres?.destroy();
});

describe('appeals at the city hub', () => {
  it('are listed overdue first, per centre and organisation, without personal data', async () => {
    const late = await register('heat', 'heat-consult');
    // Three weeks later the first is past every term; two new ones are not.
    clock.advanceMinutes(21 * 24 * 60);
    await register('heat', 'heat-consult');
    await register('water', 'water-consult');
    await syncUntil(3);

    const answer = await call(hub.url, 'GET', '/api/hub/appeals', { token: ADMIN_TOKEN });
    expect(answer.status).toBe(200);
    const view = answer.body.data as unknown as CityAppealsView;
    expect(view.appeals).toHaveLength(3);
    expect(view.appeals[0]).toMatchObject({ number: late.appeal.number, urgency: 'overdue', centreId });
    expect(view.appeals.slice(1).every((appeal) => appeal.urgency !== 'overdue')).toBe(true);
    expect(view.totals).toEqual(
      expect.arrayContaining([
        { centreId, organisationId: 'heat', open: 2, overdue: 1, dueSoon: expect.any(Number) },
        { centreId, organisationId: 'water', open: 1, overdue: 0, dueSoon: expect.any(Number) },
      ]),
    );
    const stored = await hub.pool.query('SELECT * FROM centre_appeals');
    expect(JSON.stringify(stored.rows)).not.toMatch(/Коваль|Садова|380/);

    const byOrganisation = await call(hub.url, 'GET', '/api/hub/appeals?organisationId=water', {
      token: ADMIN_TOKEN,
    });
    expect((byOrganisation.body.data as unknown as CityAppealsView).appeals).toHaveLength(1);
    expect((await call(hub.url, 'GET', '/api/hub/appeals')).status).toBe(401);
    expect((await call(hub.url, 'GET', '/api/hub/appeals?all=yes', { token: ADMIN_TOKEN })).status).toBe(400);

    const live = (await call(hub.url, 'GET', '/api/hub/live', { token: ADMIN_TOKEN })).body
      .data as unknown as CityLiveView;
    expect(live.centres[0]?.appeals).toMatchObject({ open: 3, overdue: 1 });
  });

  it('follow the journal: an appeal dismissed at the centre leaves the open list', async () => {
    const view = (await call(hub.url, 'GET', '/api/hub/appeals', { token: ADMIN_TOKEN })).body
      .data as unknown as CityAppealsView;
    const water = view.appeals.find((appeal) => appeal.organisationId === 'water')!;
    // Three weeks on the test clock outlived the first session.
    admin = await server.connect((await server.login('admin', 'admin')).token);
    await okData(
      admin.emitWithAck('appeal:dismiss', {
        requestId: rid('dismiss'),
        appealId: water.id,
        ground: 'unreadable',
      }),
    );
    const deadline = Date.now() + 15_000;
    for (;;) {
      const row = await hub.pool.query<{ status: string }>(
        'SELECT status FROM centre_appeals WHERE appeal_id = $1',
        [water.id],
      );
      if (row.rows[0]?.status === 'dismissed') break;
      if (Date.now() > deadline) throw new Error(`still ${row.rows[0]?.status}`);
      timers.fire();
      await new Promise((resolveSoon) => setTimeout(resolveSoon, 10));
    }
    const open = (await call(hub.url, 'GET', '/api/hub/appeals', { token: ADMIN_TOKEN })).body
      .data as unknown as CityAppealsView;
    expect(open.appeals.map((appeal) => appeal.id)).not.toContain(water.id);
    const all = (await call(hub.url, 'GET', '/api/hub/appeals?all=1', { token: ADMIN_TOKEN })).body
      .data as unknown as CityAppealsView;
    expect(all.appeals.find((appeal) => appeal.id === water.id)?.urgency).toBe('closed');
  });
});
