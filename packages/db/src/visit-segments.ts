/**
 * The reports' projection of the event log: one `visit_segments` row per part of a visit,
 * from the moment the visitor joins a service's queue (issued, or sent on by a transfer or
 * an itinerary) until they leave it (served, transferred on, no-show, cancelled). Written by
 * `QueueStore.commit` inside the same transaction as the events, and rebuilt once from the
 * log for a database that had events before the projection existed. That rebuild runs in
 * batches while the server serves (`backfillBatch`): until it is done, new events are left
 * to it too (it reads the log up to its end), and reports say they are being prepared.
 */
import type Database from 'better-sqlite3';
import type { QueueEvent } from '@queue/core';

const BACKFILL_MARK = 'visit_segments_backfilled';
const BACKFILL_BATCH = 10_000;

/** How far a rebuild has come. */
export interface BackfillProgress {
  /** Events read by this batch. */
  readonly read: number;
  /** The last event read (its `seq`). */
  readonly upTo: number;
  readonly done: boolean;
}

export class SegmentProjection {
  private readonly statements;
  private done: boolean;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insert: db.prepare(`
        INSERT OR IGNORE INTO visit_segments (ticket_id, segment, service_day, service_code, source, entered_at,
          priority_category, priority_confirmed, appointment_at)
        VALUES (@ticketId, @segment, @serviceDay, @serviceCode, @source, @enteredAt,
          @priorityCategory, @priorityConfirmed, @appointmentAt)`),
      // The next segment copies the visit's fixed facts from the segment that just ended.
      continueWith: db.prepare(`
        INSERT OR IGNORE INTO visit_segments (ticket_id, segment, service_day, service_code, source, entered_at,
          priority_category, priority_confirmed, appointment_at)
        SELECT ticket_id, segment + 1, service_day, ?, source, ?, priority_category, priority_confirmed, appointment_at
        FROM visit_segments WHERE ticket_id = ? ORDER BY segment DESC LIMIT 1`),
      called: db.prepare(`
        UPDATE visit_segments SET first_called_at = COALESCE(first_called_at, ?), desk_id = ?,
          operator_id = COALESCE(?, operator_id)
        WHERE ticket_id = ? AND ended_at IS NULL`),
      servingStarted: db.prepare(
        'UPDATE visit_segments SET serving_started_at = ?, desk_id = ? WHERE ticket_id = ? AND ended_at IS NULL',
      ),
      end: db.prepare(`
        UPDATE visit_segments SET ended_at = ?, outcome = ?, desk_id = COALESCE(?, desk_id)
        WHERE ticket_id = ? AND ended_at IS NULL`),
      serviceChanged: db.prepare(
        'UPDATE visit_segments SET service_code = ? WHERE ticket_id = ? AND ended_at IS NULL',
      ),
      priorityReviewed: db.prepare(
        'UPDATE visit_segments SET priority_confirmed = ? WHERE ticket_id = ? AND priority_category IS NOT NULL',
      ),
      getMark: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMark: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      eventsAfter: db.prepare<[number, number], { seq: number; payload: string }>(
        'SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
    };
    this.done = this.statements.getMark.get(BACKFILL_MARK)?.value === 'done';
  }

  /** Whether every event of the log is in the projection. */
  get ready(): boolean {
    return this.done;
  }

  /** A log with no events needs no rebuild: the projection is complete from the start. */
  readyIfLogEmpty(): void {
    if (!this.done && this.statements.eventsAfter.all(0, 1).length === 0) this.backfillBatch();
  }

  /** Apply one event; the caller holds the transaction. Left to the rebuild while it runs. */
  apply(event: QueueEvent): void {
    if (!this.done) return;
    this.project(event);
  }

  private project(event: QueueEvent): void {
    const s = this.statements;
    switch (event.type) {
      case 'ticket:issued': {
        const { ticket } = event;
        s.insert.run({
          ticketId: ticket.id,
          segment: 0,
          serviceDay: ticket.serviceDay,
          serviceCode: ticket.serviceCode,
          source: ticket.source,
          enteredAt: ticket.issuedAt,
          priorityCategory: ticket.priority?.category ?? null,
          priorityConfirmed: ticket.priority?.confirmed ? 1 : 0,
          appointmentAt: ticket.appointmentAt ?? null,
        });
        return;
      }
      case 'ticket:called':
        s.called.run(event.at, event.deskId, event.operatorId ?? null, event.ticketId);
        return;
      case 'ticket:serving-started':
        s.servingStarted.run(event.at, event.deskId, event.ticketId);
        return;
      case 'ticket:completed':
        s.end.run(event.at, 'completed', event.deskId, event.ticketId);
        if (event.next) s.continueWith.run(event.next.serviceCode, event.at, event.ticketId);
        return;
      case 'ticket:transferred':
        s.end.run(event.at, 'transferred', event.deskId, event.ticketId);
        s.continueWith.run(event.to.serviceCode, event.at, event.ticketId);
        return;
      case 'ticket:no-show':
        s.end.run(event.at, 'no-show', event.deskId, event.ticketId);
        return;
      case 'ticket:cancelled':
        s.end.run(event.at, 'cancelled', event.deskId ?? null, event.ticketId);
        return;
      case 'ticket:service-changed':
        s.serviceChanged.run(event.serviceCode, event.ticketId);
        return;
      case 'ticket:priority-reviewed':
        s.priorityReviewed.run(event.confirmed ? 1 : 0, event.ticketId);
        return;
      case 'day:started':
        // Visits still open when the day ends are closed by the rollover: cancelled.
        for (const id of event.expiredTicketIds) s.end.run(event.at, 'cancelled', null, id);
        return;
      case 'ticket:recalled':
      case 'ticket:postponed':
      case 'ticket:resumed':
      case 'desk:opened':
      case 'desk:paused':
      case 'desk:resumed':
      case 'desk:closed':
        return;
      default: {
        const exhaustive: never = event;
        return exhaustive;
      }
    }
  }

  /**
   * One batch of the rebuild of every visit already in the log (an upgraded centre keeps its
   * history in reports), in its own transaction with the position saved, so an interrupted
   * start resumes rather than repeats.
   */
  backfillBatch(batch = BACKFILL_BATCH): BackfillProgress {
    if (this.done) return { read: 0, upTo: 0, done: true };
    return this.db.transaction((): BackfillProgress => {
      const mark = this.statements.getMark.get(BACKFILL_MARK)?.value;
      const after = mark ? Number(mark) : 0;
      const rows = this.statements.eventsAfter.all(after, batch);
      for (const row of rows) this.project(JSON.parse(row.payload) as QueueEvent);
      const upTo = rows.at(-1)?.seq ?? after;
      const finished = rows.length < batch;
      this.statements.setMark.run(BACKFILL_MARK, finished ? 'done' : String(upTo));
      this.done = finished;
      return { read: rows.length, upTo, done: finished };
    })();
  }

  /** The whole rebuild at once (tools and tests); returns the events read. */
  backfill(): number {
    let read = 0;
    for (;;) {
      const progress = this.backfillBatch();
      read += progress.read;
      if (progress.done) return read;
    }
  }
}
