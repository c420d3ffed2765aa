/**
 * The reports' projection of the event log: one `visit_segments` row per part of a visit,
 * from the moment the visitor joins a service's queue (issued, or sent on by a transfer or
 * an itinerary) until they leave it (served, transferred on, no-show, cancelled). Written by
 * `QueueStore.commit` inside the same transaction as the events, and rebuilt once from the
 * log for a database that had events before the projection existed.
 */
import type Database from 'better-sqlite3';
import type { QueueEvent } from '@queue/core';

const BACKFILL_MARK = 'visit_segments_backfilled';
const BACKFILL_BATCH = 10_000;

export class SegmentProjection {
  private readonly statements;

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
  }

  /** Apply one event; the caller holds the transaction. */
  apply(event: QueueEvent): void {
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
   * Build the segments of every visit already in the log, once: an upgraded centre keeps
   * its history in reports. Runs in batches, each its own transaction, with the position
   * saved, so an interrupted start resumes rather than repeats. Returns the events read.
   */
  backfill(): number {
    const mark = this.statements.getMark.get(BACKFILL_MARK)?.value;
    if (mark === 'done') return 0;
    let after = mark ? Number(mark) : 0;
    let read = 0;
    for (;;) {
      const done = this.db.transaction((): boolean => {
        const rows = this.statements.eventsAfter.all(after, BACKFILL_BATCH);
        for (const row of rows) this.apply(JSON.parse(row.payload) as QueueEvent);
        read += rows.length;
        after = rows.at(-1)?.seq ?? after;
        const finished = rows.length < BACKFILL_BATCH;
        this.statements.setMark.run(BACKFILL_MARK, finished ? 'done' : String(after));
        return finished;
      })();
      if (done) return read;
    }
  }
}
