/**
 * Visitors' ratings of their finished visits: one per ticket (the first one counts), with
 * the desk and operator that served the visit, for reports. Comments are personal data and
 * are purged by the retention job like notes.
 */
import type Database from 'better-sqlite3';

export interface Rating {
  readonly ticketId: string;
  readonly serviceDay: string;
  readonly serviceCode: string;
  readonly deskId?: string;
  readonly operatorId?: string;
  /** 1 (bad) to 5 (excellent). */
  readonly score: number;
  readonly comment?: string;
  readonly at: number;
}

interface RatingRow {
  ticket_id: string;
  service_day: string;
  service_code: string;
  desk_id: string | null;
  operator_id: string | null;
  score: number;
  comment: string | null;
  at: number;
}

const fromRow = (row: RatingRow): Rating => ({
  ticketId: row.ticket_id,
  serviceDay: row.service_day,
  serviceCode: row.service_code,
  ...(row.desk_id !== null ? { deskId: row.desk_id } : {}),
  ...(row.operator_id !== null ? { operatorId: row.operator_id } : {}),
  score: row.score,
  ...(row.comment !== null ? { comment: row.comment } : {}),
  at: row.at,
});

export class RatingStore {
  constructor(private readonly db: Database.Database) {}

  /** Records a rating; false when the visit was already rated (the first rating stands). */
  add(rating: Rating): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO ratings (ticket_id, service_day, service_code, desk_id, operator_id, score, comment, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING`,
      )
      .run(
        rating.ticketId,
        rating.serviceDay,
        rating.serviceCode,
        rating.deskId ?? null,
        rating.operatorId ?? null,
        rating.score,
        rating.comment ?? null,
        rating.at,
      );
    return result.changes === 1;
  }

  get(ticketId: string): Rating | undefined {
    const row = this.db
      .prepare<[string], RatingRow>('SELECT * FROM ratings WHERE ticket_id = ?')
      .get(ticketId);
    return row ? fromRow(row) : undefined;
  }

  /** Ratings after a place in the table (its rowid), oldest first, with their places: for city sync. */
  since(afterRowid: number, limit: number): { rowid: number; rating: Rating }[] {
    return this.db
      .prepare<[number, number], RatingRow & { rowid: number }>(
        'SELECT rowid, * FROM ratings WHERE rowid > ? ORDER BY rowid LIMIT ?',
      )
      .all(afterRowid, limit)
      .map((row) => ({ rowid: row.rowid, rating: fromRow(row) }));
  }

  /** Ratings of the service days `from` to `to`, inclusive (`YYYY-MM-DD`). */
  between(from: string, to: string): Rating[] {
    return this.db
      .prepare<[string, string], RatingRow>(
        'SELECT * FROM ratings WHERE service_day BETWEEN ? AND ? ORDER BY at',
      )
      .all(from, to)
      .map(fromRow);
  }

  /** Drops comments older than `before`, keeping the scores (personal data retention). */
  purgeCommentsBefore(before: number): number {
    return this.db
      .prepare('UPDATE ratings SET comment = NULL WHERE at < ? AND comment IS NOT NULL')
      .run(before).changes;
  }
}
