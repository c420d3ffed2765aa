import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { ADMIN_TOKEN, call, events, startHub, type TestHub } from './support';

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

const ask = async (centreName: string): Promise<{ requestId: string; code: string }> => {
  const answer = await call(hub.url, 'POST', '/api/hub/enrol', { body: { centreName } });
  expect(answer.status).toBe(201);
  return answer.body.data as { requestId: string; code: string };
};

describe('enrolment', () => {
  it('a request is pending until approved; the key is handed over once, and only its hash is kept', async () => {
    const { requestId, code } = await ask('Podil district centre');
    expect(code).toMatch(/^\d{6}$/);
    expect((await call(hub.url, 'GET', `/api/hub/enrol/${requestId}`)).body.data).toEqual({
      status: 'pending',
    });

    const listed = await call(hub.url, 'GET', '/api/hub/admin/enrolments', { token: ADMIN_TOKEN });
    expect(listed.body.data?.requests).toEqual([
      expect.objectContaining({ code, centreName: 'Podil district centre' }),
    ]);

    const approved = await call(hub.url, 'POST', '/api/hub/admin/enrolments/approve', {
      token: ADMIN_TOKEN,
      body: { code, by: 'Olena' },
    });
    expect(approved.status).toBe(200);
    const centreId = (approved.body.data?.centre as { id: string }).id;

    const first = await call(hub.url, 'GET', `/api/hub/enrol/${requestId}`);
    expect(first.body.data).toEqual({ status: 'approved', centreId, key: expect.any(String) });
    const key = first.body.data?.key as string;
    expect(key.length).toBeGreaterThanOrEqual(40);
    expect((await call(hub.url, 'GET', `/api/hub/enrol/${requestId}`)).body.data).toEqual({
      status: 'collected',
      centreId,
    });

    // The database holds no copy of the key, sealed or plain.
    const rows = await hub.pool.query(
      `SELECT r.key_sealed, r.approved_by, c.key_hash FROM enrolment_requests r JOIN centres c ON c.id = r.centre_id WHERE c.id = $1`,
      [centreId],
    );
    expect(rows.rows[0].key_sealed).toBeNull();
    expect(rows.rows[0].approved_by).toBe('Olena');
    expect(JSON.stringify(rows.rows)).not.toContain(key);

    const sent = await call(hub.url, 'POST', '/api/hub/events', {
      token: key,
      body: { epoch: 'e1', events: events(1, 3) },
    });
    expect(sent.body).toEqual({ ok: true, data: { acknowledged: 3, diverged: 0 } });
  });

  it('a rejected request never yields a key, and its code cannot be approved afterwards', async () => {
    const { requestId, code } = await ask('Unknown caller');
    const rejected = await call(hub.url, 'POST', '/api/hub/admin/enrolments/reject', {
      token: ADMIN_TOKEN,
      body: { code },
    });
    expect(rejected.body).toEqual({ ok: true, data: { rejected: true } });
    expect((await call(hub.url, 'GET', `/api/hub/enrol/${requestId}`)).body.data).toEqual({
      status: 'rejected',
    });
    const late = await call(hub.url, 'POST', '/api/hub/admin/enrolments/approve', {
      token: ADMIN_TOKEN,
      body: { code },
    });
    expect(late.status).toBe(404);
  });

  it('a revoked centre is refused from then on', async () => {
    const { requestId, code } = await ask('Obolon');
    await call(hub.url, 'POST', '/api/hub/admin/enrolments/approve', { token: ADMIN_TOKEN, body: { code } });
    const { centreId, key } = (await call(hub.url, 'GET', `/api/hub/enrol/${requestId}`)).body.data as {
      centreId: string;
      key: string;
    };
    expect((await call(hub.url, 'GET', '/api/hub/sync', { token: key })).status).toBe(200);
    const revoked = await call(hub.url, 'POST', '/api/hub/admin/centres/revoke', {
      token: ADMIN_TOKEN,
      body: { centreId },
    });
    expect(revoked.body).toEqual({ ok: true, data: { revoked: true } });
    const refused = await call(hub.url, 'POST', '/api/hub/events', {
      token: key,
      body: { epoch: 'e1', events: events(1, 1) },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('REVOKED');
    expect((await call(hub.url, 'GET', '/api/hub/sync', { token: key })).status).toBe(403);
    const stored = await hub.pool.query('SELECT count(*)::int AS n FROM centre_events WHERE centre_id = $1', [
      centreId,
    ]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('the administrator endpoints want the administrator token; a wrong key is a 401', async () => {
    for (const token of [undefined, 'wrong', `${ADMIN_TOKEN}x`]) {
      const answer = await call(hub.url, 'GET', '/api/hub/centres', token ? { token } : {});
      expect(answer.status).toBe(401);
      const approve = await call(hub.url, 'POST', '/api/hub/admin/enrolments/approve', {
        ...(token ? { token } : {}),
        body: { code: '123456' },
      });
      expect(approve.status).toBe(401);
    }
    const unknown = await call(hub.url, 'POST', '/api/hub/events', {
      token: 'not-a-key',
      body: { epoch: 'e1', events: events(1, 1) },
    });
    expect(unknown.status).toBe(401);
    expect((await call(hub.url, 'GET', '/api/hub/enrol/no-such-request')).status).toBe(404);
  });
});
