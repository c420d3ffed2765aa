/**
 * Random traffic from every kind of client at once (a kiosk, operators at three desks,
 * reception, a display): valid workflows, wrong types, unknown and random ticket ids, 200 KB
 * strings. Afterwards the SQLite file itself, opened read-only, must still hold together:
 * acknowledged tickets exist, numbers are unique per day, desks point at tickets really
 * called or served there (and no ticket at two desks), the event log is in order. And the
 * server still answers.
 */
import type { Ack } from '@queue/protocol';
import Database from 'better-sqlite3';
import fc from 'fast-check';
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
import { type ActorName, DESK_OF, NO_REQUEST_ID, ON_TICKET, type Step, step } from './fuzz-steps';

describe('fuzzing with database invariants', () => {
  let server: TestServer;
  const sockets = {} as Record<ActorName, RecordingSocket>;
  const acknowledged = new Map<string, string>(); // ticket id → number
  /** `event ok` or `event CODE` → how many times, to see that the traffic got somewhere. */
  const outcomes = new Map<string, number>();

  beforeAll(async () => {
    server = await startServer();
    sockets.kiosk = await server.connect(KIOSK_TOKEN);
    sockets.display = await server.connect(DISPLAY_TOKEN);
    sockets.reception = await server.connect((await server.login('reception', '0000')).token, {
      record: true,
    });
    for (const index of [1, 2, 3]) {
      const socket = await server.connect((await server.login(`operator${index}`, '1111')).token);
      sockets[`op${index}` as ActorName] = socket;
      await okData(socket.emitWithAck('desk:open', { requestId: rid() }));
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const send = async (name: string, actor: ActorName, payload: unknown): Promise<void> => {
    const socket = sockets[actor] as unknown as {
      timeout(ms: number): { emitWithAck(name: string, payload: unknown): Promise<Ack<unknown>> };
    };
    const answer = await socket.timeout(10_000).emitWithAck(name, payload);
    expect(answer, name).toHaveProperty('ok');
    const outcome = `${name} ${answer.ok ? 'ok' : answer.error.code}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (!answer.ok) return;
    const data = answer.data as { ticket?: { id: string; number: string }; id?: string; number?: string };
    const ticket = data?.ticket ?? (typeof data?.id === 'string' && data.number ? data : undefined);
    if (ticket?.id && ticket.number) acknowledged.set(ticket.id, ticket.number);
  };

  const run = async (entry: Step): Promise<void> => {
    if (entry.kind === 'clock') return void server.clock.advanceMinutes(entry.minutes);
    if (entry.kind === 'garbage') return send(entry.event, entry.actor, entry.payload);
    const known = [...acknowledged.keys()];
    const desk = DESK_OF[entry.actor];
    const ref = entry.ticket;
    const ticketId =
      'current' in ref
        ? ((desk && server.app.queue.state.desks[desk as never]?.currentTicketId) ??
          known.at(-1) ??
          'abcdefgh12345678')
        : 'known' in ref
          ? (known[ref.known % Math.max(1, known.length)] ?? 'abcdefgh12345678')
          : ref.id;
    const payload: Record<string, unknown> = {
      ...(NO_REQUEST_ID.has(entry.event) ? {} : { requestId: rid('fz') }),
      ...(ON_TICKET.has(entry.event) ? { ticketId } : {}),
      ...entry.fields,
    };
    if (entry.desk !== null) payload.deskId = entry.desk;
    if (entry.corrupt) payload[entry.corrupt[0]] = entry.corrupt[1];
    return send(entry.event, entry.actor, payload);
  };

  const checkInvariants = (): void => {
    const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
    try {
      const tickets = new Map(
        db
          .prepare<[], { id: string; number: string; status: string; data: string }>(
            'SELECT id, number, status, data FROM tickets',
          )
          .all()
          .map((row) => [row.id, row]),
      );
      for (const [id, number] of acknowledged) expect(tickets.get(id)?.number, `ticket ${id}`).toBe(number);
      expect(
        db
          .prepare('SELECT service_day, number FROM tickets GROUP BY service_day, number HAVING COUNT(*) > 1')
          .all(),
      ).toEqual([]);

      const current = new Map<string, string>();
      for (const row of db.prepare<[], { id: string; data: string }>('SELECT id, data FROM desks').all()) {
        const desk = JSON.parse(row.data) as { currentTicketId?: string };
        if (!desk.currentTicketId) continue;
        const ticket = tickets.get(desk.currentTicketId);
        expect(ticket, `current ticket of ${row.id}`).toBeDefined();
        expect(['called', 'serving']).toContain(ticket?.status);
        expect((JSON.parse(ticket?.data ?? '{}') as { deskId?: string }).deskId).toBe(row.id);
        expect(current.get(desk.currentTicketId), `${desk.currentTicketId} at two desks`).toBeUndefined();
        current.set(desk.currentTicketId, row.id);
      }

      // And the other way round: a visitor called or served today is the one at that desk.
      for (const ticket of tickets.values()) {
        if (ticket.status !== 'called' && ticket.status !== 'serving') continue;
        const { deskId } = JSON.parse(ticket.data) as { deskId?: string };
        expect(deskId && current.get(ticket.id), `${ticket.number} ${ticket.status}`).toBe(deskId);
      }

      const seqs = db
        .prepare<[], { seq: number }>('SELECT seq FROM events ORDER BY rowid')
        .all()
        .map((row) => row.seq);
      seqs.forEach((seq, index) => index > 0 && expect(seq).toBeGreaterThan(seqs[index - 1] ?? 0));
    } finally {
      db.close();
    }
    const seen = sockets.reception.events.map((event) => event.seq);
    seen.forEach((seq, index) => index > 0 && expect(seq).toBeGreaterThan(seen[index - 1] ?? 0));
  };

  it('keeps the database consistent under random traffic', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { minLength: 1, maxLength: 5 }), { minLength: 10, maxLength: 30 }),
        async (batches) => {
          // Steps in a batch go out together from their sockets and interleave on the server.
          for (const batch of batches) await Promise.all(batch.map(run));
          checkInvariants();
        },
      ),
      { numRuns: 80, endOnFailure: true },
    );
    // The traffic got somewhere: tickets were issued and visitors called, not only refused.
    for (const progress of ['ticket:issue ok', 'visit:call-next ok', 'desk:open ok']) {
      expect(outcomes.get(progress) ?? 0, progress).toBeGreaterThan(0);
    }
    expect(acknowledged.size).toBeGreaterThan(0);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const snapshot = await okData(sockets.op1.emitWithAck('sync:snapshot', {}));
    expect(snapshot.principal).toMatchObject({ staffId: 'operator1' });
    const issued = await okData(
      sockets.reception.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-explain' }),
    );
    expect(issued.ticket.status).toBe('waiting');
  });
});
