/**
 * Reading what reports need: the visit segments and ratings of a range of service days.
 * Rows come back already shaped as the core's types; a month is one range scan of the
 * `visit_segments_day` index.
 */
import type Database from 'better-sqlite3';
import type { RatedVisit, VisitSegment } from '@queue/core';

export class ReportStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      segments: db.prepare<[string, string], VisitSegment>(`
        SELECT ticket_id AS ticketId, segment, service_day AS serviceDay, service_code AS serviceCode, source,
          entered_at AS enteredAt, first_called_at AS firstCalledAt, serving_started_at AS servingStartedAt,
          ended_at AS endedAt, outcome, desk_id AS deskId, operator_id AS operatorId,
          priority_category AS priorityCategory, priority_confirmed AS priorityConfirmed,
          appointment_at AS appointmentAt
        FROM visit_segments WHERE service_day BETWEEN ? AND ?`),
      ratings: db.prepare<[string, string], RatedVisit>(`
        SELECT r.ticket_id AS ticketId, r.service_day AS serviceDay, r.service_code AS serviceCode,
          r.desk_id AS deskId, r.operator_id AS operatorId, r.score, s.entered_at AS arrivedAt
        FROM ratings r LEFT JOIN visit_segments s ON s.ticket_id = r.ticket_id AND s.segment = 0
        WHERE r.service_day BETWEEN ? AND ?`),
    };
  }

  /**
   * Segments of the service days `from` to `to`, inclusive, read as they are consumed (a year
   * is millions of rows: they are never all in memory at once). Consume it before the next
   * statement on this connection.
   */
  segmentsBetween(from: string, to: string): IterableIterator<VisitSegment> {
    return this.statements.segments.iterate(from, to);
  }

  ratingsBetween(from: string, to: string): RatedVisit[] {
    return this.statements.ratings.all(from, to);
  }
}
