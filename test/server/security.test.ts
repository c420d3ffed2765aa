/**
 * The refusals the security issue lists, each checked to be refused AND in the audit log:
 * an unpaired client, a kiosk token trying desk commands, a display token trying to issue,
 * an operator acting at another desk, a brute-force login; and ended sessions losing their
 * live connections (logout, expiry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  type RecordingSocket,
  type TestServer,
  okData,
  rid,
  startServer,
} from './harness';
import { auditOf, dropped, postJson } from './pairing-support';

describe('refused and logged', () => {
  let server: TestServer;
  let admin: RecordingSocket;

  beforeAll(async () => {
    server = await startServer({ tickMs: 50 });
    admin = await server.connect((await server.login('admin', 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  it('an unpaired client cannot connect', async () => {
    await expect(server.connect(undefined)).rejects.toThrow('UNAUTHENTICATED');
    expect(await auditOf(admin, 'connection:refused')).toContainEqual(
      expect.objectContaining({
        actor: 'unknown',
        details: { reason: 'token' },
        address: expect.any(String),
      }),
    );
  });

  it('a kiosk token cannot run desk or visit commands', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    for (const [name, payload] of [
      ['desk:open', { requestId: rid(), deskId: 'desk-1' }],
      ['visit:call-next', { requestId: rid(), deskId: 'desk-1' }],
    ] as const) {
      const answer = await (kiosk.emitWithAck as (event: string, body: unknown) => Promise<unknown>)(
        name,
        payload,
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const forbidden = await auditOf(admin, 'command:forbidden');
    expect(forbidden).toContainEqual(
      expect.objectContaining({ actor: 'device:kiosk-1', target: 'desk:open' }),
    );
    expect(forbidden).toContainEqual(
      expect.objectContaining({ actor: 'device:kiosk-1', target: 'visit:call-next' }),
    );
  });

  it('a display token cannot issue tickets', async () => {
    const display = await server.connect(DISPLAY_TOKEN);
    const answer = await display.emitWithAck('ticket:issue', {
      requestId: rid(),
      serviceCode: 'bill-explain',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await auditOf(admin, 'command:forbidden')).toContainEqual(
      expect.objectContaining({
        actor: 'device:display-1',
        target: 'ticket:issue',
        address: expect.any(String),
      }),
    );
  });

  it('an operator cannot act at another desk', async () => {
    const operator = await server.connect((await server.login('operator6', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    const answer = await operator.emitWithAck('visit:call-next', { requestId: rid(), deskId: 'desk-7' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await auditOf(admin, 'command:forbidden')).toContainEqual(
      expect.objectContaining({ actor: 'staff:operator6', target: 'visit:call-next' }),
    );
  });

  it('a brute-force login is slowed down', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await postJson(`${server.url}/api/session`, {
        login: 'operator8',
        secret: `${1000 + attempt}`,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(await auditOf(admin, 'login:failed')).toContainEqual(
      expect.objectContaining({ actor: 'login:operator8' }),
    );
    expect(await auditOf(admin, 'login:throttled')).toContainEqual(
      expect.objectContaining({ actor: 'login:operator8' }),
    );
  });

  it('logging out closes that session’s live connections at once', async () => {
    const { token } = await server.login('operator9', '1111');
    const first = await server.connect(token);
    const second = await server.connect(token);
    const other = await server.connect((await server.login('operator10', '1111')).token);
    const drops = [dropped(first), dropped(second)];
    await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await Promise.all(drops)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(other.connected).toBe(true);
    await expect(server.connect(token)).rejects.toThrow('UNAUTHENTICATED');
    expect(await auditOf(admin, 'logout')).toContainEqual(
      expect.objectContaining({ actor: 'staff:operator9' }),
    );
  });

  it('a session past its time loses its connection at the next tick', async () => {
    const { token, expiresAt } = await server.login('operator11', '1111');
    const operator = await server.connect(token);
    const drop = dropped(operator);
    server.clock.at = expiresAt + 1;
    expect(await drop).toBe('io server disconnect');
    // The administrator's own session ended too; a fresh one reads the log.
    const fresh = await server.connect((await server.login('admin', 'admin')).token);
    expect(await auditOf(fresh, 'session:closed')).toContainEqual(
      expect.objectContaining({ actor: 'staff:operator11', details: { reason: 'credential-ended' } }),
    );
  });
});
