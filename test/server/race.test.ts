/**
 * Twenty desks race for a thousand waiting visitors. Every visitor must be called exactly
 * once: no one skipped, no one called to two desks.
 */
import {
  type Centre,
  DEMO_CENTRE,
  type Desk,
  type TicketId,
  deskId,
  organisationId,
  serviceCode,
  ticketOf,
} from '@queue/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KIOSK_TOKEN,
  type RecordingSocket,
  type TestServer,
  okData,
  rid,
  startServer,
  waitFor,
} from './harness';

const DESKS = 20;
const TICKETS = 1_000;

const raceCentre: Centre = {
  ...DEMO_CENTRE,
  desks: Array.from({ length: DESKS }, (_, index): Desk => ({
    id: deskId(`desk-${index + 1}`),
    number: index + 1,
    name: { uk: `Вікно ${index + 1}`, ru: `Окно ${index + 1}`, en: `Desk ${index + 1}` },
    organisationId: organisationId('centre'),
    services: [{ code: serviceCode('bill-reconcile'), weight: 1 }],
  })),
};

describe('twenty desks racing over a thousand tickets', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ centre: raceCentre });
  });

  afterAll(async () => {
    await server.close();
  });

  it('calls every ticket exactly once', { timeout: 60_000 }, async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token: supervisorToken } = await server.login('supervisor', '2222');
    const watcher = await server.connect(supervisorToken, { record: true });

    // The admin may name any desk at login; each session is then bound to its desk.
    const desks: RecordingSocket[] = await Promise.all(
      Array.from({ length: DESKS }, async (_, index) => {
        const { token, principal } = await server.login('admin', 'admin', `desk-${index + 1}`);
        expect(principal).toMatchObject({ kind: 'staff', deskId: `desk-${index + 1}` });
        return server.connect(token);
      }),
    );

    // Issue in pipelined batches: the kiosk does not wait for one ticket before asking for the next.
    const issued = new Map<string, string>();
    const BATCH = 50;
    for (let start = 0; start < TICKETS; start += BATCH) {
      const answers = await Promise.all(
        Array.from({ length: Math.min(BATCH, TICKETS - start) }, () =>
          okData(
            kiosk.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode: 'bill-reconcile' }),
          ),
        ),
      );
      for (const answer of answers) issued.set(answer.ticket.id, answer.ticket.number);
    }
    expect(issued.size).toBe(TICKETS);
    const numbers = new Set(issued.values());
    expect(numbers.size).toBe(TICKETS);
    expect(numbers.has('А-001')).toBe(true);
    expect(numbers.has('А-1000')).toBe(true);

    await Promise.all(desks.map((desk) => okData(desk.emitWithAck('desk:open', { requestId: rid('open') }))));

    const calledBy = new Map<string, string[]>();
    const record = (ticketId: string, deskName: string): void => {
      calledBy.set(ticketId, [...(calledBy.get(ticketId) ?? []), deskName]);
    };
    const perDesk = await Promise.all(
      desks.map(async (desk, index) => {
        const name = `desk-${index + 1}`;
        let served = 0;
        for (;;) {
          const answer = await desk.emitWithAck('visit:call-next', { requestId: rid('call') });
          if (!answer.ok) {
            expect(answer.error.code).toBe('QUEUE_EMPTY');
            return served;
          }
          const ticket = answer.data.ticket;
          if (!ticket) throw new Error(`${name}: a call answered without a ticket`);
          expect(ticket.deskId).toBe(name);
          expect(answer.data.desk.currentTicketId).toBe(ticket.id);
          record(ticket.id, name);
          await okData(desk.emitWithAck('visit:start', { requestId: rid('start'), ticketId: ticket.id }));
          await okData(desk.emitWithAck('visit:complete', { requestId: rid('done'), ticketId: ticket.id }));
          served += 1;
        }
      }),
    );

    // Every ticket called exactly once, by the desks' own acknowledgements.
    expect(perDesk.reduce((sum, count) => sum + count, 0)).toBe(TICKETS);
    expect(calledBy.size).toBe(TICKETS);
    const twice = [...calledBy].filter(([, by]) => by.length > 1);
    expect(twice).toEqual([]);
    expect([...calledBy.keys()].sort()).toEqual([...issued.keys()].sort());
    // All desks took part in the race.
    expect(perDesk.filter((count) => count > 0).length).toBeGreaterThan(1);

    // And by the log, as a staff client saw it.
    await waitFor(
      () => watcher.events.filter((entry) => entry.event.type === 'ticket:completed').length === TICKETS,
      10_000,
      'all completions on the staff socket',
    );
    const calls = watcher.events.flatMap((entry) =>
      entry.event.type === 'ticket:called' ? [entry.event] : [],
    );
    expect(calls).toHaveLength(TICKETS);
    expect(new Set(calls.map((call) => call.ticketId)).size).toBe(TICKETS);
    for (const call of calls) expect(calledBy.get(call.ticketId)).toEqual([call.deskId]);
    const seqs = watcher.events.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // The server's state agrees: everyone served, every desk free.
    const state = server.app.queue.state;
    for (const id of issued.keys()) expect(ticketOf(state, id as TicketId)?.status).toBe('completed');
    for (let index = 1; index <= DESKS; index += 1) {
      expect(state.desks[deskId(`desk-${index}`)]?.currentTicketId).toBeUndefined();
    }
  });
});
