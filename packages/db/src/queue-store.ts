/**
 * The queue's persistence: the append-only event log and the read tables that let the
 * server start again where it stopped. One call to `commit` is one SQLite transaction:
 * the events, the tickets and desks they touched, the day's counters and the command's
 * idempotent answer are written together or not at all.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  DeskId,
  DeskState,
  QueueEvent,
  QueueState,
  ServiceCode,
  ServiceDay,
  ServiceStats,
  Ticket,
  TicketId,
} from '@queue/core';
import { deskIdOf, emptyState, ticketIdOf, ticketOf, ticketTableOf } from '@queue/core';
import { type BackfillProgress, SegmentProjection } from './visit-segments';

export interface StoredEvent {
  readonly seq: number;
  readonly event: QueueEvent;
}

/** A command's first answer, kept so that a retry with the same request id gets it again. */
export interface IdempotentAnswer {
  readonly principal: string;
  readonly requestId: string;
  readonly answer: unknown;
}

export class QueueStore {
  readonly epoch: string;
  private readonly statements;
  private readonly segments: SegmentProjection;

  constructor(private readonly db: Database.Database) {
    this.epoch = this.ensureEpoch();
    this.segments = new SegmentProjection(db);
    // A new database is complete at once; an upgraded one is rebuilt in the background (`prepareReports`).
    this.segments.readyIfLogEmpty();
    this.statements = {
      insertEvent: db.prepare(
        'INSERT INTO events (type, at, ticket_id, desk_id, payload) VALUES (?, ?, ?, ?, ?)',
      ),
      upsertTicket: db.prepare(`
        INSERT INTO tickets (id, service_day, number, prefix, sequence, service_code, status, issued_at, data)
        VALUES (@id, @serviceDay, @number, @prefix, @sequence, @serviceCode, @status, @issuedAt, @data)
        ON CONFLICT (id) DO UPDATE SET service_code = excluded.service_code, status = excluded.status,
          data = excluded.data`),
      expireTicket: db.prepare(`
        UPDATE tickets SET status = 'cancelled',
          data = json_set(data, '$.status', 'cancelled', '$.finishedAt', ?)
        WHERE id = ? AND status NOT IN ('completed', 'no-show', 'cancelled')`),
      upsertCounter: db.prepare(`
        INSERT INTO day_counters (service_day, key, value) VALUES (?, ?, ?)
        ON CONFLICT (service_day, key) DO UPDATE SET value = excluded.value`),
      upsertDesk: db.prepare(
        'INSERT INTO desks (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
      ),
      upsertStats: db.prepare(`
        INSERT INTO service_stats (service_code, data) VALUES (?, ?)
        ON CONFLICT (service_code) DO UPDATE SET data = excluded.data`),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      insertAnswer: db.prepare(
        'INSERT INTO idempotency (principal, request_id, answer, created_at) VALUES (?, ?, ?, ?)',
      ),
      getAnswer: db.prepare<[string, string], { answer: string }>(
        'SELECT answer FROM idempotency WHERE principal = ? AND request_id = ?',
      ),
      eventsSince: db.prepare<[number, number], { seq: number; payload: string }>(
        'SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      callsSince: db.prepare<[number, number], { seq: number; payload: string }>(`
        SELECT seq, payload FROM events
        WHERE seq > ? AND type IN ('ticket:called', 'ticket:recalled') ORDER BY seq LIMIT ?`),
      recentCalls: db.prepare<[number], { seq: number; payload: string }>(`
        SELECT seq, payload FROM events
        WHERE type IN ('ticket:called', 'ticket:recalled') ORDER BY seq DESC LIMIT ?`),
      lastSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events'),
      ticketsOfDay: db.prepare<[string], { data: string }>(
        'SELECT data FROM tickets WHERE service_day = ? ORDER BY issued_at',
      ),
      findByNumber: db.prepare<[string, string], { data: string }>(
        'SELECT data FROM tickets WHERE service_day = ? AND number = ?',
      ),
      ticketById: db.prepare<[string], { data: string }>('SELECT data FROM tickets WHERE id = ?'),
      countersOfDay: db.prepare<[string], { key: string; value: number }>(
        'SELECT key, value FROM day_counters WHERE service_day = ?',
      ),
      desks: db.prepare<[], { data: string }>('SELECT data FROM desks'),
      stats: db.prepare<[], { service_code: string; data: string }>(
        'SELECT service_code, data FROM service_stats',
      ),
      pruneAnswers: db.prepare('DELETE FROM idempotency WHERE created_at < ?'),
    };
  }

  /** Whether the reports' projection holds the whole log (false while an upgrade rebuilds it). */
  get reportsReady(): boolean {
    return this.segments.ready;
  }

  /** One batch of that rebuild; call again until `done`. */
  prepareReports(): BackfillProgress {
    return this.segments.backfillBatch();
  }

  private ensureEpoch(): string {
    const row = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'").get();
    if (row) return row.value;
    const epoch = randomUUID();
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(epoch);
    return epoch;
  }

  /** The live state as it was at the last commit. */
  loadState(): QueueState {
    const day = this.statements.getMeta.get('service_day')?.value as ServiceDay | undefined;
    const base = emptyState();
    const desks = Object.fromEntries(
      this.statements.desks.all().map((row) => {
        const desk = JSON.parse(row.data) as DeskState;
        return [desk.id, desk];
      }),
    ) as Record<DeskId, DeskState>;
    const stats = Object.fromEntries(
      this.statements.stats.all().map((row) => [row.service_code, JSON.parse(row.data) as ServiceStats]),
    ) as Record<ServiceCode, ServiceStats>;
    if (!day) return { ...base, desks, stats };
    const ticketTable = ticketTableOf(
      this.statements.ticketsOfDay.all(day).map((row) => JSON.parse(row.data) as Ticket),
    );
    const counters: Record<string, number> = {};
    const issuedToday: Record<string, number> = {};
    for (const { key, value } of this.statements.countersOfDay.all(day)) {
      if (key.startsWith('prefix:')) counters[key.slice(7)] = value;
      else if (key.startsWith('service:')) issuedToday[key.slice(8)] = value;
    }
    return { serviceDay: day, ticketTable, counters, issuedToday, desks, stats };
  }

  /**
   * Append events and the state they led to, in one durable transaction. Returns the events
   * with their sequence numbers.
   */
  commit(events: readonly QueueEvent[], after: QueueState, answer?: IdempotentAnswer): StoredEvent[] {
    return this.commitBatch([{ events, ...(answer ? { answer } : {}) }], after)[0] ?? [];
  }

  /**
   * Several commands' events in one transaction (group commit: one durable write for the
   * commands that arrived together), with `after` the state once all of them are applied.
   * All or nothing: a failure stores none of them. Returns each command's stored events.
   */
  commitBatch(
    batch: readonly { readonly events: readonly QueueEvent[]; readonly answer?: IdempotentAnswer }[],
    after: QueueState,
  ): StoredEvent[][] {
    return this.db.transaction((): StoredEvent[][] => {
      const tickets = new Set<TicketId>();
      const desks = new Set<DeskId>();
      const storedByCommand = batch.map(({ events }) => {
        const stored: StoredEvent[] = [];
        for (const event of events) {
          const ticketId = ticketIdOf(event);
          const deskId = deskIdOf(event);
          const info = this.statements.insertEvent.run(
            event.type,
            event.at,
            ticketId ?? null,
            deskId ?? null,
            JSON.stringify(event),
          );
          stored.push({ seq: Number(info.lastInsertRowid), event });
          this.segments.apply(event);
          if (ticketId) tickets.add(ticketId);
          if (deskId) desks.add(deskId);
          if (event.type === 'day:started') this.startDay(event, after);
          if (event.type === 'ticket:completed') this.saveStats(after);
        }
        return stored;
      });
      for (const id of tickets) {
        const ticket = ticketOf(after, id);
        if (ticket) this.saveTicket(ticket);
      }
      for (const id of desks) {
        const desk = after.desks[id];
        if (desk) this.statements.upsertDesk.run(id, JSON.stringify(desk));
      }
      if (after.serviceDay) {
        this.saveCounters(
          after,
          batch.flatMap(({ events }) => events),
        );
      }
      for (const { answer } of batch) {
        if (!answer) continue;
        this.statements.insertAnswer.run(
          answer.principal,
          answer.requestId,
          JSON.stringify(answer.answer),
          Date.now(),
        );
      }
      return storedByCommand;
    })();
  }

  private startDay(event: Extract<QueueEvent, { type: 'day:started' }>, after: QueueState): void {
    for (const id of event.expiredTicketIds) this.statements.expireTicket.run(event.at, id);
    this.statements.setMeta.run('service_day', event.serviceDay);
    for (const desk of Object.values(after.desks)) {
      this.statements.upsertDesk.run(desk.id, JSON.stringify(desk));
    }
  }

  private saveTicket(ticket: Ticket): void {
    this.statements.upsertTicket.run({
      id: ticket.id,
      serviceDay: ticket.serviceDay,
      number: ticket.number,
      prefix: ticket.prefix,
      sequence: ticket.sequence,
      serviceCode: ticket.serviceCode,
      status: ticket.status,
      issuedAt: ticket.issuedAt,
      data: JSON.stringify(ticket),
    });
  }

  private saveStats(after: QueueState): void {
    for (const [code, stats] of Object.entries(after.stats)) {
      this.statements.upsertStats.run(code, JSON.stringify(stats));
    }
  }

  private saveCounters(after: QueueState, events: readonly QueueEvent[]): void {
    const day = after.serviceDay;
    if (!day) return;
    for (const event of events) {
      if (event.type !== 'ticket:issued') continue;
      const { prefix, serviceCode } = event.ticket;
      this.statements.upsertCounter.run(day, `prefix:${prefix}`, after.counters[prefix] ?? 0);
      this.statements.upsertCounter.run(day, `service:${serviceCode}`, after.issuedToday[serviceCode] ?? 0);
    }
  }

  /** The first answer given to this request, if it was already carried out. */
  answerFor(principal: string, requestId: string): unknown {
    const row = this.statements.getAnswer.get(principal, requestId);
    return row ? (JSON.parse(row.answer) as unknown) : undefined;
  }

  /** Record an answer for a request that changed nothing (a refusal is not stored). */
  rememberAnswer(answer: IdempotentAnswer): void {
    this.statements.insertAnswer.run(
      answer.principal,
      answer.requestId,
      JSON.stringify(answer.answer),
      Date.now(),
    );
  }

  /** Forget answers older than the given instant; retries come within seconds, not days. */
  pruneAnswers(before: number): void {
    this.statements.pruneAnswers.run(before);
  }

  lastSeq(): number {
    return this.statements.lastSeq.get()?.seq ?? 0;
  }

  /** Events after `seq`, at most `limit` of them. */
  eventsSince(seq: number, limit: number): StoredEvent[] {
    return this.statements.eventsSince.all(seq, limit).map(parseStored);
  }

  /** Calls and recalls after `seq`, at most `limit`. */
  callsSince(seq: number, limit: number): StoredEvent[] {
    return this.statements.callsSince.all(seq, limit).map(parseStored);
  }

  /** The latest calls and recalls, oldest first. */
  recentCalls(limit: number): StoredEvent[] {
    return this.statements.recentCalls.all(limit).map(parseStored).reverse();
  }

  findTicketsByNumber(day: ServiceDay, number: string): Ticket[] {
    return this.statements.findByNumber.all(day, number).map((row) => JSON.parse(row.data) as Ticket);
  }

  ticketById(id: string): Ticket | undefined {
    const row = this.statements.ticketById.get(id);
    return row ? (JSON.parse(row.data) as Ticket) : undefined;
  }
}

const parseStored = (row: { seq: number; payload: string }): StoredEvent => ({
  seq: row.seq,
  event: JSON.parse(row.payload) as QueueEvent,
});
