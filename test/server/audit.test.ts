/**
 * Privileged actions land in the audit log, which only administrators may read: logins
 * (good, bad, throttled), logouts, refused connections and commands, board edits, ticket
 * cancellations, service changes and reprints, and a supervisor acting at another desk.
 */
import type { AuditRecord } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, type RecordingSocket, type TestServer, okData, rid, startServer } from './harness';

describe('audit log', () => {
  let server: TestServer;
  let admin: RecordingSocket;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin', 'desk-1')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  const entries = async (action?: string): Promise<AuditRecord[]> => [
    ...(await okData(admin.emitWithAck('audit:list', { limit: 200, ...(action ? { action } : {}) }))),
  ];

  const post = (body: unknown) =>
    fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('records logins, failures, back-offs and logouts', async () => {
    const { token } = await server.login('operator2', '1111');
    await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post({ login: 'operator3', secret: 'wrong-pin-7391' })).status).toBe(401);
    }
    expect((await post({ login: 'operator3', secret: '1111' })).status).toBe(429);

    expect(await entries('login')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'staff:admin', target: 'desk:desk-1', address: expect.any(String) }),
        expect.objectContaining({ actor: 'staff:operator2', target: 'desk:desk-2' }),
      ]),
    );
    expect(await entries('logout')).toEqual([expect.objectContaining({ actor: 'staff:operator2' })]);
    const failed = await entries('login:failed');
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ actor: 'login:operator3', details: { knownLogin: true } });
    expect(await entries('login:throttled')).toEqual([
      expect.objectContaining({ actor: 'login:operator3', details: { retryAfterMs: expect.any(Number) } }),
    ]);
    // The password tried is never written anywhere in the log.
    expect(JSON.stringify(await entries())).not.toContain('wrong-pin-7391');
  });

  it('records refused connections, folding a flood into one entry', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(server.connect('not-a-valid-token-at-all')).rejects.toThrow('UNAUTHENTICATED');
    }
    expect(await entries('connection:refused')).toEqual([
      expect.objectContaining({
        actor: 'unknown',
        details: { reason: 'token' },
        address: expect.any(String),
      }),
    ]);
  });

  it('records ticket cancellations, service changes, reprints and board edits', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const first = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-explain' }),
    );
    const second = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-explain' }),
    );
    await okData(
      admin.emitWithAck('ticket:cancel', {
        requestId: rid(),
        ticketId: first.ticket.id,
        reason: 'Іван пішов',
      }),
    );
    await okData(
      admin.emitWithAck('ticket:change-service', {
        requestId: rid(),
        ticketId: second.ticket.id,
        serviceCode: 'bill-reconcile',
        reason: 'wrong tile',
      }),
    );
    // No kiosk printer is driven by this server: the reprint is refused, and still recorded.
    await admin.emitWithAck('ticket:reprint', { requestId: rid(), ticketId: second.ticket.id });
    await okData(admin.emitWithAck('board:update', { requestId: rid(), boardId: 'hall', muted: true }));

    expect(await entries('ticket:cancel')).toEqual([
      expect.objectContaining({
        actor: 'staff:admin',
        target: `ticket:${first.ticket.id}`,
        details: { ok: true, number: first.ticket.number },
      }),
    ]);
    expect(await entries('ticket:change-service')).toEqual([
      expect.objectContaining({ details: { ok: true, serviceCode: 'bill-reconcile' } }),
    ]);
    expect(await entries('ticket:reprint')).toEqual([
      expect.objectContaining({ details: { ok: false, code: 'PRINTER_UNAVAILABLE' } }),
    ]);
    expect(await entries('board:update')).toEqual([
      expect.objectContaining({ target: 'board:hall', details: { ticker: false, info: false, muted: true } }),
    ]);
    // Free text typed by staff (a reason naming a visitor) stays out of the permanent log.
    expect(JSON.stringify(await entries())).not.toContain('Іван');
  });

  it('records a supervisor acting at another desk, but not an operator at their own', async () => {
    const operator = await server.connect((await server.login('operator5', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    await okData(admin.emitWithAck('desk:pause', { requestId: rid(), deskId: 'desk-5', reason: 'meeting' }));
    expect(await entries('desk:open')).toEqual([]);
    expect(await entries('desk:pause')).toEqual([
      expect.objectContaining({ actor: 'staff:admin', target: 'desk:desk-5', details: { ok: true } }),
    ]);
  });

  it('refuses the log to everyone but administrators, and records the attempts', async () => {
    const operator = await server.connect((await server.login('operator6', '1111')).token);
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    for (const socket of [operator, supervisor, kiosk]) {
      expect(await socket.emitWithAck('audit:list', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    await operator.emitWithAck('audit:list', {});
    const forbidden = await entries('command:forbidden');
    expect(
      forbidden
        .filter((entry) => entry.target === 'audit:list')
        .map((entry) => entry.actor)
        .sort(),
    ).toEqual(['device:kiosk-1', 'staff:operator6', 'staff:supervisor']);
  });

  it('pages backwards through the log', async () => {
    const all = await entries();
    const page = await okData(admin.emitWithAck('audit:list', { limit: 3 }));
    expect(page.map((entry) => entry.seq)).toEqual(all.slice(0, 3).map((entry) => entry.seq));
    const next = await okData(admin.emitWithAck('audit:list', { limit: 3, before: page[2]?.seq ?? 0 }));
    expect(next.map((entry) => entry.seq)).toEqual(all.slice(3, 6).map((entry) => entry.seq));
    expect(await admin.emitWithAck('audit:list', { limit: 201 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});
