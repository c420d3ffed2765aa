/**
 * The audit log is append-only at the database level, pages newest first, and the notes
 * purge removes free text only from rows older than its cut-off, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from './audit-store';
import { openDatabase } from './open';
import { purgeNotes } from './retention';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-audit-'));
  db = openDatabase(join(dir, 'queue.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit store', () => {
  it('refuses to change or delete an entry', () => {
    const audit = new AuditStore(db);
    const seq = audit.append({ at: 1, actor: 'staff:admin', action: 'login', address: '127.0.0.1' });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'staff:nobody' WHERE seq = ?").run(seq)).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(audit.list()).toEqual([
      { seq, at: 1, actor: 'staff:admin', action: 'login', address: '127.0.0.1' },
    ]);
  });

  it('pages backwards and filters by action and actor', () => {
    const audit = new AuditStore(db);
    for (let index = 0; index < 30; index += 1) {
      audit.append({
        at: index,
        actor: index % 2 ? 'staff:admin' : 'staff:operator1',
        action: index % 3 ? 'login' : 'logout',
        details: { index },
      });
    }
    const first = audit.list({ limit: 10 });
    expect(first.map((entry) => entry.details?.index)).toEqual([29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
    const next = audit.list({ limit: 10, before: first.at(-1)?.seq ?? 0 });
    expect(next[0]?.details?.index).toBe(19);
    expect(audit.list({ action: 'logout', limit: 200 })).toHaveLength(10);
    expect(
      audit.list({ action: 'logout', actor: 'staff:admin' }).every((e) => e.actor === 'staff:admin'),
    ).toBe(true);
    expect(audit.list({ limit: 1000 })).toHaveLength(30);
  });
});

describe('notes purge', () => {
  const addTicket = (id: string, issuedAt: number, data: Record<string, unknown>): void => {
    db.prepare(
      `INSERT INTO tickets (id, service_day, number, prefix, sequence, service_code, status, issued_at, data)
       VALUES (?, '2026-11-24', ?, 'А', ?, 'svc', 'completed', ?, ?)`,
    ).run(id, `А-${id}`, Number(id), issuedAt, JSON.stringify({ id, number: `А-${id}`, ...data }));
    db.prepare("INSERT INTO events (type, at, ticket_id, payload) VALUES ('ticket:completed', ?, ?, ?)").run(
      issuedAt,
      id,
      JSON.stringify({ type: 'ticket:completed', ticketId: id, note: data.note, outcome: 'ok' }),
    );
  };

  it('removes notes older than the cut-off, keeps the rest, and records the pass once', () => {
    addTicket('1', 1_000, { note: 'old note', transferComment: 'old comment', status: 'completed' });
    addTicket('2', 5_000, { note: 'new note', status: 'completed' });
    const recorded: unknown[] = [];
    const result = purgeNotes(db, 2_000, (counts) => recorded.push(counts));
    expect(result).toEqual({ tickets: 1, events: 1, before: 2_000 });
    expect(recorded).toEqual([result]);
    const tickets = db.prepare<[], { data: string }>('SELECT data FROM tickets ORDER BY id').all();
    expect(tickets.map((row) => JSON.parse(row.data) as unknown)).toEqual([
      { id: '1', number: 'А-1', status: 'completed' },
      { id: '2', number: 'А-2', note: 'new note', status: 'completed' },
    ]);
    const events = db.prepare<[], { payload: string }>('SELECT payload FROM events ORDER BY seq').all();
    expect(JSON.parse(events[0]?.payload ?? '{}')).toEqual({
      type: 'ticket:completed',
      ticketId: '1',
      outcome: 'ok',
    });
    expect(JSON.parse(events[1]?.payload ?? '{}')).toMatchObject({ note: 'new note' });
    expect(purgeNotes(db, 2_000)).toEqual({ tickets: 0, events: 0, before: 2_000 });
  });

  it('takes a limited pass from the oldest row on, and the next where it stopped', () => {
    addTicket('1', 10_000, { note: 'first', status: 'completed' });
    addTicket('2', 12_000, { note: 'second', status: 'completed' });
    addTicket('3', 30_000, { note: 'recent', status: 'completed' });
    // Never purged before: the pass starts at the oldest row, not at 1970.
    expect(purgeNotes(db, 20_000, undefined, 1_500)).toEqual({ tickets: 1, events: 1, before: 11_500 });
    expect(purgeNotes(db, 20_000, undefined, 1_500)).toEqual({ tickets: 1, events: 1, before: 13_000 });
    expect(purgeNotes(db, 20_000, undefined, 100_000)).toEqual({ tickets: 0, events: 0, before: 20_000 });
    const notes = db.prepare<[], { data: string }>('SELECT data FROM tickets ORDER BY id').all();
    expect(notes.map((row) => (JSON.parse(row.data) as { note?: string }).note)).toEqual([
      undefined,
      undefined,
      'recent',
    ]);
  });
});
