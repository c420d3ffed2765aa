/**
 * Retries are safe: a command sent again with the same request id (a lost acknowledgement,
 * a reconnect) gets the first answer back and changes nothing a second time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, type TestServer, okData, rid, startServer, waitFor } from './harness';
import { ticketCount, ticketOf, ticketsOf } from '@queue/core';

describe('idempotent commands', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('answers a retried ticket:issue with the same ticket and issues no second one', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token } = await server.login('supervisor', '2222');
    const staff = await server.connect(token, { record: true });

    const requestId = rid('issue');
    const first = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId, serviceCode: 'bill-reconcile' }),
    );
    const retry = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId, serviceCode: 'bill-reconcile' }),
    );
    expect(retry.ticket.id).toBe(first.ticket.id);
    expect(retry.ticket.number).toBe(first.ticket.number);
    expect(retry).toEqual(first);

    // The same request id is remembered even if the retry's payload differs: the first answer wins.
    const confused = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId, serviceCode: 'bill-explain' }),
    );
    expect(confused.ticket.id).toBe(first.ticket.id);

    // Retries that arrive together, before the first is answered, still act once.
    const burstId = rid('burst');
    const burst = await Promise.all(
      Array.from({ length: 5 }, () =>
        okData(kiosk.emitWithAck('ticket:issue', { requestId: burstId, serviceCode: 'bill-reconcile' })),
      ),
    );
    expect(new Set(burst.map((answer) => answer.ticket.id)).size).toBe(1);
    expect(burst[0]?.ticket.number).toBe('А-002');

    // The next fresh request gets the next number: only two tickets exist.
    const next = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode: 'bill-reconcile' }),
    );
    expect(next.ticket.number).toBe('А-003');
    expect(ticketCount(server.app.queue.state)).toBe(3);

    await waitFor(
      () => staff.events.filter((entry) => entry.event.type === 'ticket:issued').length >= 3,
      3_000,
      'issue events',
    );
    await okData(staff.emitWithAck('sync:snapshot', {}));
    expect(staff.events.filter((entry) => entry.event.type === 'ticket:issued')).toHaveLength(3);
    const snapshot = await okData(staff.emitWithAck('sync:snapshot', {}));
    expect((snapshot.queue ? ticketsOf(snapshot.queue) : []).map((ticket) => ticket.number)).toEqual(
      expect.arrayContaining(['А-001', 'А-002', 'А-003']),
    );
    expect(snapshot.queue ? ticketCount(snapshot.queue) : 0).toBe(3);
  });

  it('keeps request ids apart per principal', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token } = await server.login('reception', '0000');
    const reception = await server.connect(token);
    const requestId = rid('shared');
    const fromKiosk = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId, serviceCode: 'bill-reconcile' }),
    );
    const fromReception = await okData(
      reception.emitWithAck('ticket:issue', { requestId, serviceCode: 'bill-reconcile' }),
    );
    expect(fromReception.ticket.id).not.toBe(fromKiosk.ticket.id);
    expect(fromReception.ticket.number).toBe('А-002');
  });

  it('never answers one command with the remembered answer of another', async () => {
    const { token } = await server.login('admin', 'admin', 'desk-1');
    const admin = await server.connect(token);
    const requestId = rid('reused');
    const issued = await okData(
      admin.emitWithAck('ticket:issue', { requestId, serviceCode: 'bill-reconcile' }),
    );
    expect(issued.ticket.number).toBe('А-001');
    // The same id on a different command is a different request: it is carried out and
    // answered in its own shape, not with the ticket issued above.
    const opened = await okData(admin.emitWithAck('desk:open', { requestId }));
    expect(opened).not.toHaveProperty('estimate');
    expect(opened.desk).toMatchObject({ id: 'desk-1', status: 'open' });
    const called = await okData(admin.emitWithAck('visit:call-next', { requestId }));
    expect(called.ticket?.id).toBe(issued.ticket.id);
    expect(called.desk.currentTicketId).toBe(issued.ticket.id);
  });

  it('answers a retried visit:call-next with the same visit and calls nobody else', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token } = await server.login('operator1', '1111');
    const desk = await server.connect(token, { record: true });
    const first = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
    );
    const second = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
    );
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));

    const requestId = rid('call');
    const called = await okData(desk.emitWithAck('visit:call-next', { requestId }));
    const retried = await okData(desk.emitWithAck('visit:call-next', { requestId }));
    expect(called.ticket?.id).toBe(first.ticket.id);
    expect(retried).toEqual(called);

    const state = server.app.queue.state;
    expect(ticketOf(state, first.ticket.id)?.status).toBe('called');
    expect(ticketOf(state, second.ticket.id)?.status).toBe('waiting');
    expect(ticketOf(state, first.ticket.id)?.callCount).toBe(1);

    // A fresh call-next is refused while the desk has a visitor: the retry did not free it.
    const fresh = await desk.emitWithAck('visit:call-next', { requestId: rid('call') });
    expect(fresh).toMatchObject({ ok: false, error: { code: 'DESK_BUSY' } });

    // Retried start and complete are answered once too.
    const startId = rid('start');
    const completeId = rid('done');
    await okData(desk.emitWithAck('visit:start', { requestId: startId, ticketId: first.ticket.id }));
    await okData(desk.emitWithAck('visit:start', { requestId: startId, ticketId: first.ticket.id }));
    const done = await okData(
      desk.emitWithAck('visit:complete', { requestId: completeId, ticketId: first.ticket.id }),
    );
    const doneAgain = await okData(
      desk.emitWithAck('visit:complete', { requestId: completeId, ticketId: first.ticket.id }),
    );
    expect(doneAgain).toEqual(done);

    await okData(desk.emitWithAck('sync:snapshot', {}));
    await waitFor(
      () => desk.events.some((entry) => entry.event.type === 'ticket:completed'),
      3_000,
      'completion',
    );
    const types = desk.events.map((entry) => entry.event.type);
    expect(types.filter((type) => type === 'ticket:called')).toHaveLength(1);
    expect(types.filter((type) => type === 'ticket:serving-started')).toHaveLength(1);
    expect(types.filter((type) => type === 'ticket:completed')).toHaveLength(1);

    // A refused command is not remembered: the same id may be used again once it can succeed.
    const retryAfterRefusal = rid('call');
    const refused = await desk.emitWithAck('desk:pause', { requestId: retryAfterRefusal, reason: ' ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const next = await okData(desk.emitWithAck('visit:call-next', { requestId: retryAfterRefusal }));
    expect(next.ticket?.id).toBe(second.ticket.id);
  });
  it('answers a retried staff:save with the account it created, not LOGIN_TAKEN', async () => {
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    const save = (requestId: string) =>
      admin.emitWithAck('staff:save', {
        requestId,
        login: 'olena',
        name: 'Олена Коваль',
        roles: ['operator'],
        organisationIds: [],
        active: true,
        secret: 'secret-1',
      });
    const requestId = rid('staff');
    const [first, concurrent] = await Promise.all([okData(save(requestId)), okData(save(requestId))]);
    expect(concurrent).toEqual(first);
    expect(await okData(save(requestId))).toEqual(first);
    // A new request for the same login is a second account, and that is refused.
    expect(await save(rid('staff'))).toMatchObject({ ok: false, error: { code: 'LOGIN_TAKEN' } });
  });

  it("keeps a check-in's request id apart from a walk-in ticket's, and answers its retry with its ticket", async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const requestId = rid('shared');
    const walkIn = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId, serviceCode: 'doc-residence' }),
    );
    const slotAt = Date.parse('2026-11-24T10:45:00+02:00');
    const booked = await fetch(`${server.url}/api/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceCode: 'doc-residence',
        slotAt,
        name: 'Олена Петренко',
        phone: '+380671234567',
        language: 'uk',
      }),
    });
    const { code } = ((await booked.json()) as { data: { booking: { code: string } } }).data.booking;
    server.clock.at = slotAt - 10 * 60_000;

    const checkedIn = await okData(kiosk.emitWithAck('booking:check-in', { requestId, code }));
    expect(checkedIn.ticket.id).not.toBe(walkIn.ticket.id);
    expect(checkedIn.ticket).toMatchObject({ source: 'booking', appointmentAt: slotAt });
    // The kiosk lost that answer and asks again with the same id: the same ticket, not "already".
    expect(await okData(kiosk.emitWithAck('booking:check-in', { requestId, code }))).toEqual(checkedIn);
  });
});
