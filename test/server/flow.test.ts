/**
 * The happy path end to end: a kiosk issues a ticket, a desk calls it, the hall display
 * hears the call (and nothing private), the visit is served and completed, and each kind
 * of client gets the snapshot it is entitled to.
 */
import { serviceCode, ticketOf } from '@queue/core';
import type { Ack, Snapshot } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, KIOSK_TOKEN, type TestServer, okData, rid, startServer, waitFor } from './harness';

describe('ticket flow', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('issues, calls, announces, serves and completes a ticket', async () => {
    const { token } = await server.login('operator1', '1111');
    const kiosk = await server.connect(KIOSK_TOKEN);
    const desk = await server.connect(token, { record: true });
    const display = await server.connect(DISPLAY_TOKEN, { record: true });

    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile', language: 'uk' }),
    );
    expect(issued.ticket.number).toMatch(/^А-\d{3}$/);
    expect(issued.ticket.number).toBe('А-001');
    expect(issued.ticket.status).toBe('waiting');
    expect(issued.statusPath).toBe(`/t/${issued.ticket.id}`);
    expect(issued.estimate.ahead).toBe(0);

    const opened = await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
    expect(opened.desk).toMatchObject({ id: 'desk-1', status: 'open', operatorId: 'operator1' });

    const called = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.id).toBe(issued.ticket.id);
    expect(called.ticket?.status).toBe('called');
    expect(called.desk.currentTicketId).toBe(issued.ticket.id);

    await waitFor(
      () => display.events.some((entry) => entry.event.type === 'ticket:called'),
      3_000,
      'the call',
    );
    const announced = display.events.filter((entry) => entry.event.type === 'ticket:called');
    expect(announced).toHaveLength(1);
    const call = announced[0]?.event;
    expect(call).toMatchObject({
      type: 'ticket:called',
      number: issued.ticket.number,
      deskId: 'desk-1',
      serviceCode: 'bill-reconcile',
      ticketId: '',
      actor: { kind: 'system' },
    });
    expect(call).not.toHaveProperty('note');
    expect(call).not.toHaveProperty('operatorId');
    expect(call).not.toHaveProperty('outOfOrderReason');
    // The hall sees calls only: no issue, no desk opening.
    expect(display.events.map((entry) => entry.event.type)).toEqual(['ticket:called']);

    const started = await okData(
      desk.emitWithAck('visit:start', { requestId: rid(), ticketId: issued.ticket.id }),
    );
    expect(started.ticket?.status).toBe('serving');

    const completed = await okData(
      desk.emitWithAck('visit:complete', {
        requestId: rid(),
        ticketId: issued.ticket.id,
        outcome: 'resolved',
      }),
    );
    expect(completed.ticket?.status).toBe('completed');
    expect(completed.ticket?.outcome).toBe('resolved');
    expect(completed.desk.currentTicketId).toBeUndefined();

    // Staff saw the whole story, in log order.
    await waitFor(
      () => desk.events.some((entry) => entry.event.type === 'ticket:completed'),
      3_000,
      'completion',
    );
    const types = desk.events.map((entry) => entry.event.type);
    expect(types).toEqual([
      'day:started',
      'ticket:issued',
      'desk:opened',
      'ticket:called',
      'ticket:serving-started',
      'ticket:completed',
    ]);
    const seqs = desk.events.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // Nobody left to call.
    const empty = await desk.emitWithAck('visit:call-next', { requestId: rid() });
    expect(empty).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } });
  });

  it('keeps a reception note away from the hall display', async () => {
    const { token: receptionToken } = await server.login('reception', '0000');
    const { token } = await server.login('operator1', '1111');
    const reception = await server.connect(receptionToken);
    const desk = await server.connect(token, { record: true });
    const display = await server.connect(DISPLAY_TOKEN, { record: true });

    const issued = await okData(
      reception.emitWithAck('ticket:issue', {
        requestId: rid(),
        serviceCode: 'bill-reconcile',
        note: 'Visitor uses a wheelchair; private',
      }),
    );
    expect(issued.ticket.note).toBe('Visitor uses a wheelchair; private');
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
    const called = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.number).toBe(issued.ticket.number);
    await okData(desk.emitWithAck('visit:recall', { requestId: rid(), ticketId: issued.ticket.id }));

    await waitFor(() => display.events.length >= 2, 3_000, 'call and recall');
    expect(display.events.map((entry) => entry.event.type)).toEqual(['ticket:called', 'ticket:recalled']);
    for (const { event } of display.events) {
      expect(JSON.stringify(event)).not.toContain('wheelchair');
      expect(event).toMatchObject({ ticketId: '', number: issued.ticket.number, deskId: 'desk-1' });
    }
    // Staff see the note on the issue event.
    await waitFor(() => desk.events.some((entry) => entry.event.type === 'ticket:recalled'), 3_000, 'recall');
    expect(JSON.stringify(desk.events)).toContain('wheelchair');
  });

  it('gives staff the whole queue in a snapshot and devices only the public view', async () => {
    const { token } = await server.login('operator1', '1111');
    const kiosk = await server.connect(KIOSK_TOKEN);
    const staff = await server.connect(token);
    const display = await server.connect(DISPLAY_TOKEN);

    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-explain' }),
    );
    await okData(staff.emitWithAck('desk:open', { requestId: rid() }));
    await okData(staff.emitWithAck('visit:call-next', { requestId: rid() }));

    const staffSnapshot = await okData(staff.emitWithAck('sync:snapshot', {}));
    expect(staffSnapshot.queue).toBeDefined();
    expect((staffSnapshot.queue && ticketOf(staffSnapshot.queue, issued.ticket.id))?.status).toBe('called');
    expect(staffSnapshot.principal).toMatchObject({ kind: 'staff', staffId: 'operator1', deskId: 'desk-1' });
    expect(staffSnapshot.seq).toBeGreaterThan(0);
    expect(staffSnapshot.recentCalls).toHaveLength(1);

    const displaySnapshot = await okData(display.emitWithAck('sync:snapshot', {}));
    expect(displaySnapshot).not.toHaveProperty('queue');
    expect(displaySnapshot.principal).toMatchObject({ kind: 'device', role: 'display' });
    expect(displaySnapshot.epoch).toBe(staffSnapshot.epoch);
    expect(displaySnapshot.seq).toBe(staffSnapshot.seq);
    expect(displaySnapshot.recentCalls).toEqual([
      expect.objectContaining({ kind: 'call', number: issued.ticket.number, deskId: 'desk-1' }),
    ]);
    expect(JSON.stringify(displaySnapshot)).not.toContain(issued.ticket.id);

    const kioskSnapshot = await okData(kiosk.emitWithAck('sync:snapshot', {}));
    expect(kioskSnapshot).not.toHaveProperty('queue');
    expect(kioskSnapshot.summary.services[serviceCode('bill-explain')]?.waiting).toBe(0);
    expect(kioskSnapshot.centre.desks).toHaveLength(13);

    // A snapshot with no payload at all is fine too.
    const raw = display as unknown as { emitWithAck(name: string): Promise<Ack<Snapshot>> };
    const bare = await okData(raw.emitWithAck('sync:snapshot'));
    expect(bare.epoch).toBe(staffSnapshot.epoch);
  });
});
