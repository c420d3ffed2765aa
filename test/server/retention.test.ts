/**
 * Personal data retention: notes, transfer comments and completion notes older than the
 * retention period are removed from the tickets table and the event log at start-up (and
 * daily); recent ones stay, and numbers, statuses and the log's shape are untouched.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingSocket, type TestServer, okData, rid, startServer } from './harness';
import { ticketOf } from '@queue/core';
import type { TicketId } from '@queue/core';

const DAY_MS = 86_400_000;

describe('personal data retention', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const read = <T>(sql: string): T[] => {
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      return db.prepare<[], T>(sql).all();
    } finally {
      db.close();
    }
  };

  /** Reception issues a ticket with a note; operator 1 takes it at desk 1 and does `finish`. */
  const visit = async (
    reception: RecordingSocket,
    operator: RecordingSocket,
    tag: string,
    finish: 'complete' | 'transfer',
  ): Promise<string> => {
    const issued = await okData(
      reception.emitWithAck('ticket:issue', {
        requestId: rid(),
        serviceCode: 'bill-explain',
        note: `${tag}-issue-note`,
      }),
    );
    const ticketId = issued.ticket.id;
    await okData(operator.emitWithAck('visit:call', { requestId: rid(), ticketId, reason: 'test' }));
    if (finish === 'transfer') {
      await okData(
        operator.emitWithAck('visit:transfer', {
          requestId: rid(),
          ticketId,
          toServiceCode: 'bill-reconcile',
          comment: `${tag}-transfer-comment`,
        }),
      );
    } else {
      await okData(operator.emitWithAck('visit:start', { requestId: rid(), ticketId }));
      await okData(
        operator.emitWithAck('visit:complete', {
          requestId: rid(),
          ticketId,
          note: `${tag}-completion-note`,
        }),
      );
    }
    return ticketId;
  };

  const staffAtWork = async () => {
    const reception = await server.connect((await server.login('reception', '0000')).token);
    const operator = await server.connect((await server.login('operator1', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    return { reception, operator };
  };

  it('purges old notes at start-up and keeps recent ones', async () => {
    const old = await staffAtWork();
    const oldIds = [await visit(old.reception, old.operator, 'old', 'transfer')];
    oldIds.push(await visit(old.reception, old.operator, 'old', 'complete'));
    server.closeSockets();

    server.clock.advanceMinutes((91 * DAY_MS) / 60_000); // 13 weeks on: a Tuesday again
    const recent = await staffAtWork();
    const recentIds = [await visit(recent.reception, recent.operator, 'recent', 'transfer')];
    recentIds.push(await visit(recent.reception, recent.operator, 'recent', 'complete'));

    const shape = () => ({
      tickets: read(
        'SELECT id, service_day, number, status, service_code, issued_at FROM tickets ORDER BY id',
      ),
      events: read('SELECT seq, type, at, ticket_id, desk_id FROM events ORDER BY seq'),
    });
    const before = shape();
    const text = () => JSON.stringify([read('SELECT data FROM tickets'), read('SELECT payload FROM events')]);
    expect(text()).toContain('old-issue-note');

    await server.restart();
    // The pass runs after the start, a week of history at a time, without holding it up.
    await expect.poll(() => text().includes('old-issue-note'), { timeout: 10_000 }).toBe(false);

    const after = text();
    for (const gone of ['old-issue-note', 'old-transfer-comment', 'old-completion-note']) {
      expect(after).not.toContain(gone);
    }
    for (const kept of ['recent-issue-note', 'recent-transfer-comment', 'recent-completion-note']) {
      expect(after).toContain(kept);
    }
    expect(shape()).toEqual(before);
    for (const id of oldIds) {
      const [row] = read<{ data: string }>(`SELECT data FROM tickets WHERE id = '${id}'`);
      const ticket = JSON.parse(row?.data ?? '{}') as Record<string, unknown>;
      expect(ticket).not.toHaveProperty('note');
      expect(ticket).not.toHaveProperty('transferComment');
      expect(ticket.number).toMatch(/^[А-ЯІЇЄҐ]+-\d{3}$/);
    }
    const live = server.app.queue.state;
    expect(recentIds.map((id) => ticketOf(live, id as TicketId)?.note)).toEqual([
      'recent-issue-note',
      'recent-completion-note',
    ]);

    const passes = read<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'retention:purge' ORDER BY seq",
    ).map((row) => JSON.parse(row.details) as { tickets: number; events: number; days: number });
    expect(passes.every((pass) => pass.days === 90)).toBe(true);
    expect(passes.reduce((sum, pass) => sum + pass.tickets, 0)).toBe(2);
    expect(passes.reduce((sum, pass) => sum + pass.events, 0)).toBeGreaterThanOrEqual(3);

    // The daily pass after that finds nothing more to do, and says so.
    expect(server.app.retention.run()).toMatchObject({ tickets: 0, events: 0 });
  });
});
