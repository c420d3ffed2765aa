/**
 * Device pairing end to end over real HTTP and sockets: a new device asks, shows a code,
 * waits; an administrator approves (or rejects) it; its secret then works as its token until
 * it is revoked, which drops its live connection at once. Desk terminals bind staff logins
 * to their desk. Every refusal is in the audit log. The server proves who it is by signing a
 * screen's challenge with its own key.
 */
import { get as getHttp } from 'node:http';
import { checkIdentityProof, newChallenge } from '@queue/discovery';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingSocket, type TestServer, okData, rid, startServer } from './harness';
import { askPairing, auditOf, dropped, loginOn, pairingStatus, postJson } from './pairing-support';

describe('device pairing', () => {
  let server: TestServer;
  let admin: RecordingSocket;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  it('pairs a kiosk: code shown, approved by an administrator, the secret becomes its token', async () => {
    const ticket = await askPairing(server.url, 'kiosk');
    expect(ticket.code).toMatch(/^\d{6}$/);
    expect(ticket.autoApproved).toBe(false);
    // Before approval the secret opens nothing.
    await expect(server.connect(ticket.secret)).rejects.toThrow('UNAUTHENTICATED');
    expect(await pairingStatus(server.url, ticket.secret)).toEqual({ status: 'pending' });

    const waiting = await okData(admin.emitWithAck('device:list-requests', {}));
    expect(waiting).toContainEqual(
      expect.objectContaining({ code: ticket.code, kind: 'kiosk', hint: 'test agent' }),
    );
    // The secret is never shown to the administrator.
    expect(JSON.stringify(waiting)).not.toContain(ticket.secret);

    const device = await okData(
      admin.emitWithAck('device:approve', {
        code: `${ticket.code.slice(0, 3)} ${ticket.code.slice(3)}`,
        role: 'kiosk',
        name: 'Kiosk by the door',
      }),
    );
    expect(device).toMatchObject({ role: 'kiosk', name: 'Kiosk by the door', online: false });
    expect(await pairingStatus(server.url, ticket.secret)).toMatchObject({
      status: 'approved',
      role: 'kiosk',
    });

    const kiosk = await server.connect(ticket.secret);
    const snapshot = await okData(kiosk.emitWithAck('sync:snapshot', {}));
    expect(snapshot.principal).toMatchObject({ kind: 'device', deviceId: device.id, role: 'kiosk' });
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-explain' }));
    const listed = await okData(admin.emitWithAck('device:list', {}));
    expect(listed.find((entry) => entry.id === device.id)).toMatchObject({
      online: true,
      lastSeenAt: expect.any(Number),
    });

    // A code is answered once.
    const again = await admin.emitWithAck('device:approve', { code: ticket.code, role: 'kiosk', name: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await auditOf(admin, 'pairing:requested')).toContainEqual(
      expect.objectContaining({ target: `pairing:${ticket.code}`, address: expect.any(String) }),
    );
    expect(await auditOf(admin, 'device:approve')).toContainEqual(
      expect.objectContaining({ actor: 'staff:admin', target: `device:${device.id}` }),
    );
  });

  it('refuses a wrong secret, and a code once rejected or expired', async () => {
    const wrong = await postJson(`${server.url}/api/pairing/status`, { secret: 'x'.repeat(43) });
    expect(wrong.status).toBe(404);

    const rejected = await askPairing(server.url, 'display');
    await okData(admin.emitWithAck('device:reject', { code: rejected.code }));
    expect(await pairingStatus(server.url, rejected.secret)).toEqual({ status: 'rejected' });
    await expect(server.connect(rejected.secret)).rejects.toThrow('UNAUTHENTICATED');
    expect(await auditOf(admin, 'device:reject')).toContainEqual(
      expect.objectContaining({ target: `pairing:${rejected.code}` }),
    );

    const late = await askPairing(server.url, 'display');
    server.clock.advanceMinutes(16);
    expect(await pairingStatus(server.url, late.secret)).toEqual({ status: 'expired' });
    const answer = await admin.emitWithAck('device:approve', {
      code: late.code,
      role: 'display',
      name: 'Board',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await okData(admin.emitWithAck('device:list-requests', {}))).not.toContainEqual(
      expect.objectContaining({ code: late.code }),
    );
  });

  it('lets only administrators answer, list or revoke, and audits the others', async () => {
    const ticket = await askPairing(server.url, 'kiosk');
    const operator = await server.connect((await server.login('operator4', '1111')).token);
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    for (const socket of [operator, supervisor]) {
      expect(
        await socket.emitWithAck('device:approve', { code: ticket.code, role: 'kiosk', name: 'Mine now' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await socket.emitWithAck('device:list', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await socket.emitWithAck('device:revoke', { deviceId: 'kiosk-1' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await pairingStatus(server.url, ticket.secret)).toEqual({ status: 'pending' });
    const forbidden = await auditOf(admin, 'command:forbidden');
    expect(forbidden).toContainEqual(
      expect.objectContaining({
        actor: 'staff:operator4',
        target: 'device:approve',
        address: expect.any(String),
      }),
    );
    expect(forbidden).toContainEqual(
      expect.objectContaining({ actor: 'staff:supervisor', target: 'device:revoke' }),
    );
  });

  it('tells administrators, and only them, when the device lists change', async () => {
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    let adminPushes = 0;
    let supervisorPushes = 0;
    admin.on('devices:changed', () => (adminPushes += 1));
    supervisor.on('devices:changed', () => (supervisorPushes += 1));

    const ticket = await askPairing(server.url, 'display');
    await expect.poll(() => adminPushes).toBe(1);
    const device = await okData(
      admin.emitWithAck('device:approve', { code: ticket.code, role: 'display', name: 'Hall board' }),
    );
    await expect.poll(() => adminPushes).toBe(2);
    const board = await server.connect(ticket.secret);
    await expect.poll(() => adminPushes).toBe(3);
    board.disconnect();
    await expect.poll(() => adminPushes).toBe(4);
    const listed = await okData(admin.emitWithAck('device:list', {}));
    expect(listed.find((entry) => entry.id === device.id)).toMatchObject({ online: false });
    await okData(admin.emitWithAck('device:rename', { deviceId: device.id, name: 'Board by the door' }));
    await expect.poll(() => adminPushes).toBe(5);
    await okData(admin.emitWithAck('device:revoke', { deviceId: device.id }));
    await expect.poll(() => adminPushes).toBe(6);
    expect(supervisorPushes).toBe(0);
    admin.off('devices:changed');
    supervisor.disconnect();
  });

  it('rate-limits pairing requests per address, so codes cannot be farmed', async () => {
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 12 && !limited; attempt += 1) {
      const response = await postJson(`${server.url}/api/pairing`, { kind: 'kiosk' });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('retry-after')).toBe('60');
    expect(await auditOf(admin, 'pairing:refused')).toContainEqual(
      expect.objectContaining({ actor: 'unknown', details: { reason: 'rate' }, address: expect.any(String) }),
    );
    const bad = await postJson(`${server.url}/api/pairing`, { kind: 'admin' });
    expect(bad.status).toBe(400);
  });
});

describe('revocation and desk terminals', () => {
  let server: TestServer;
  let admin: RecordingSocket;

  const pairAs = async (kind: 'kiosk' | 'desk', deskId?: string) => {
    const ticket = await askPairing(server.url, kind);
    const device = await okData(
      admin.emitWithAck('device:approve', {
        code: ticket.code,
        role: kind,
        name: `${kind} under test`,
        ...(deskId ? { deskId } : {}),
      }),
    );
    return { token: ticket.secret, device };
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin')).token);
  });
  afterEach(() => {
    server.clock.advanceMinutes(1);
  });
  afterAll(async () => {
    await server.close();
  });

  it('revoking a device drops its live connection at once and refuses it afterwards', async () => {
    const { token, device } = await pairAs('kiosk');
    const kiosk = await server.connect(token);
    const drop = dropped(kiosk);
    const revoked = await okData(admin.emitWithAck('device:revoke', { deviceId: device.id }));
    expect(revoked.revokedAt).toEqual(expect.any(Number));
    expect(await drop).toBe('io server disconnect');
    await expect(server.connect(token)).rejects.toThrow('UNAUTHENTICATED');
    expect(await pairingStatus(server.url, token)).toEqual({ status: 'rejected' });
    expect(await auditOf(admin, 'device:revoke')).toContainEqual(
      expect.objectContaining({ actor: 'staff:admin', target: `device:${device.id}` }),
    );
    expect(await auditOf(admin, 'connection:refused')).toContainEqual(
      expect.objectContaining({ details: { reason: 'token' } }),
    );
  });

  it('binds logins on a desk terminal to its desk, and refuses another desk', async () => {
    const { token } = await pairAs('desk', 'desk-3');
    // A desk terminal's token is for logins only: it cannot act on a socket of its own.
    await expect(server.connect(token)).rejects.toThrow('UNAUTHENTICATED');

    const own = await loginOn(server.url, { login: 'operator3', secret: '1111', terminal: token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ ok: true, data: { principal: { deskId: 'desk-3' } } });
    // operator1 belongs to desk-1, but on this terminal works at desk-3...
    const placed = await loginOn(server.url, { login: 'operator1', secret: '1111', terminal: token });
    expect(placed.body).toMatchObject({ ok: true, data: { principal: { deskId: 'desk-3' } } });
    // ...and cannot ask for another desk here.
    const elsewhere = await loginOn(server.url, {
      login: 'operator1',
      secret: '1111',
      deskId: 'desk-1',
      terminal: token,
    });
    expect(elsewhere.status).toBe(403);
    expect(await auditOf(admin, 'login:refused')).toContainEqual(
      expect.objectContaining({
        actor: 'staff:operator1',
        details: expect.objectContaining({ reason: 'terminal-desk' }),
      }),
    );
  });

  it('revoking a desk terminal ends the sessions opened on it and their connections', async () => {
    const { token, device } = await pairAs('desk', 'desk-5');
    const login = await loginOn(server.url, { login: 'operator5', secret: '1111', terminal: token });
    if (!login.body.ok) throw new Error('login failed');
    const operator = await server.connect(login.body.data.token);
    const drop = dropped(operator);
    await okData(admin.emitWithAck('device:revoke', { deviceId: device.id }));
    expect(await drop).toBe('io server disconnect');
    await expect(server.connect(login.body.data.token)).rejects.toThrow('UNAUTHENTICATED');
    const again = await loginOn(server.url, { login: 'operator5', secret: '1111', terminal: token });
    expect(again.status).toBe(403);
    expect(await auditOf(admin, 'login:refused')).toContainEqual(
      expect.objectContaining({ details: { reason: 'revoked-terminal' } }),
    );
  });

  it('refuses to give a kiosk a desk', async () => {
    const ticket = await askPairing(server.url, 'kiosk');
    const answer = await admin.emitWithAck('device:approve', {
      code: ticket.code,
      role: 'kiosk',
      name: 'Kiosk',
      deskId: 'desk-1',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const unknown = await admin.emitWithAck('device:approve', {
      code: ticket.code,
      role: 'desk',
      name: 'Desk',
      deskId: 'desk-99',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_DESK' } });
  });
});

describe('browsers that are not the server’s own machine', () => {
  let server: TestServer;
  let trusted = true;

  beforeAll(async () => {
    // The administrator logs in on the server's own machine; every later login comes from afar.
    server = await startServer({ pairing: { unpairedLoginsFrom: () => trusted } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('must pair before staff can log in, and the refusals are audited', async () => {
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    trusted = false;
    const policy = await fetch(`${server.url}/api/terminal`);
    expect(await policy.json()).toEqual({ ok: true, data: { pairingRequired: true } });
    expect((await loginOn(server.url, { login: 'operator2', secret: '1111' })).status).toBe(403);
    // A made-up terminal token is no better.
    const forged = await loginOn(server.url, {
      login: 'operator2',
      secret: '1111',
      terminal: 'f'.repeat(43),
    });
    expect(forged.status).toBe(403);
    const refusals = await auditOf(admin, 'login:refused');
    expect(refusals).toContainEqual(
      expect.objectContaining({ actor: 'login:operator2', details: { reason: 'unpaired-terminal' } }),
    );
    expect(refusals).toContainEqual(expect.objectContaining({ details: { reason: 'revoked-terminal' } }));

    const ticket = await askPairing(server.url, 'desk');
    await okData(admin.emitWithAck('device:approve', { code: ticket.code, role: 'desk', name: 'Desk 2' }));
    // A terminal without a desk of its own: staff choose their desk as before.
    const paired = await loginOn(server.url, { login: 'operator2', secret: '1111', terminal: ticket.secret });
    expect(paired.body).toMatchObject({ ok: true, data: { principal: { deskId: 'desk-2' } } });
  });
});

describe('demo mode', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ pairing: { autoApproveLoopback: true } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('approves requests from the server’s own machine at once, and says so', async () => {
    const ticket = await askPairing(server.url, 'display');
    expect(ticket.autoApproved).toBe(true);
    expect(await pairingStatus(server.url, ticket.secret)).toMatchObject({
      status: 'approved',
      role: 'display',
    });
    const display = await server.connect(ticket.secret);
    const snapshot = await okData(display.emitWithAck('sync:snapshot', {}));
    expect(snapshot.principal).toMatchObject({ kind: 'device', role: 'display' });
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    expect(await auditOf(admin, 'device:approve')).toContainEqual(
      expect.objectContaining({ actor: 'system', details: expect.objectContaining({ auto: true }) }),
    );
  });
});

describe('the server’s identity', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  /** The identity answer, on a connection of its own (a restarted server closes pooled ones). */
  const identityAnswer = (
    base: string,
    query: string,
  ): Promise<{ status: number; json: unknown; cache?: string }> =>
    new Promise((resolveAnswer, reject) => {
      getHttp(`${base}/api/identity${query}`, { agent: false }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () =>
          resolveAnswer({
            status: response.statusCode ?? 0,
            json: JSON.parse(text) as unknown,
            ...(response.headers['cache-control'] ? { cache: response.headers['cache-control'] } : {}),
          }),
        );
      }).on('error', reject);
    });

  const prove = async (challenge: string, base = server.url): Promise<unknown> => {
    const answer = await identityAnswer(base, `?challenge=${challenge}`);
    expect(answer).toMatchObject({ status: 200, cache: 'no-store' });
    return (answer.json as { data: unknown }).data;
  };

  it('signs a screen’s challenge with a key of its own, the one named in the pairing answer', async () => {
    const challenge = newChallenge();
    const check = checkIdentityProof(await prove(challenge), challenge);
    expect(check).toMatchObject({ ok: true, server: { fingerprint: server.app.identity.fingerprint } });
    const ticket = await askPairing(server.url, 'kiosk');
    expect(ticket).toMatchObject({ server: server.app.identity });
    // A proof is for its own challenge only: replaying it for another one fails.
    expect(checkIdentityProof(await prove(challenge), newChallenge())).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('keeps its key across restarts, so paired screens still know it', async () => {
    const before = server.app.identity;
    await server.restart();
    expect(server.app.identity).toEqual(before);
    const challenge = newChallenge();
    const check = checkIdentityProof(await prove(challenge), challenge);
    expect(check.ok && check.server.fingerprint).toBe(before.fingerprint);
  });

  it('is another server to a screen paired with this one', async () => {
    const other = await startServer();
    try {
      const challenge = newChallenge();
      const mine = checkIdentityProof(await prove(challenge), challenge);
      if (!mine.ok) throw new Error('no proof');
      const proof = await prove(challenge, other.url);
      expect(other.app.identity.fingerprint).not.toBe(server.app.identity.fingerprint);
      expect(checkIdentityProof(proof, challenge, mine.server)).toMatchObject({
        ok: false,
        reason: 'mismatch',
      });
    } finally {
      await other.close();
    }
  });

  it('refuses a missing or malformed challenge', async () => {
    for (const query of [
      '',
      '?challenge=short',
      `?challenge=${'x'.repeat(129)}`,
      '?challenge=a%20b%20c%20d%20e%20f%20g%20h',
    ]) {
      expect((await identityAnswer(server.url, query)).status).toBe(400);
    }
  });
});
