/**
 * Personal data retention: the free-text notes staff and visitors leave on tickets (an issue
 * note, a transfer comment, a completion note) may name people or their affairs, so they are
 * removed from the read tables and from the event payloads once older than the retention
 * period. Numbers, services, statuses and times stay: statistics need them and they are not
 * personal. A watermark in `meta` keeps each pass to the rows that aged since the last one.
 */
import type Database from 'better-sqlite3';

export interface PurgeResult {
  /** Tickets whose note or transfer comment was removed. */
  readonly tickets: number;
  /** Events whose note or comment was removed. */
  readonly events: number;
  readonly before: number;
}

const WATERMARK = 'retention_purged_before';

/** The time of the oldest ticket or event (both indexed), or `otherwise` when there is none. */
const oldestRow = (db: Database.Database, otherwise: number): number => {
  const { at } = db
    .prepare<[], { at: number | null }>(
      'SELECT MIN(at) AS at FROM (SELECT MIN(issued_at) AS at FROM tickets UNION ALL SELECT MIN(at) FROM events)',
    )
    .get() ?? { at: null };
  return at ?? otherwise;
};

/**
 * Remove notes older than `target` (epoch ms), or the first `spanMs` of history still to do,
 * in one transaction with `record`, which is given the counts and how far the pass got
 * (`before`; the caller writes its audit entry there, so both happen or neither).
 */
export const purgeNotes = (
  db: Database.Database,
  target: number,
  record?: (result: PurgeResult) => void,
  /** At most this much history in one pass (a first pass over years holds the writer up). */
  spanMs = Infinity,
): PurgeResult =>
  db.transaction((): PurgeResult => {
    const row = db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get(WATERMARK);
    // Never purged: from the oldest row, so that a limited pass starts where the history does.
    const from = row ? Number(row.value) : oldestRow(db, target);
    const before = Math.min(target, from + spanMs);
    if (before <= from) {
      const result = { tickets: 0, events: 0, before: Math.max(from, target) };
      record?.(result);
      return result;
    }
    const tickets = db
      .prepare(
        `UPDATE tickets SET data = json_remove(data, '$.note', '$.transferComment')
         WHERE issued_at >= ? AND issued_at < ?
           AND (json_type(data, '$.note') IS NOT NULL OR json_type(data, '$.transferComment') IS NOT NULL)`,
      )
      .run(from, before).changes;
    // `+type`: the day's range of `events_at` is the narrow one; by type it was every
    // issued, completed and transferred event of the log (2 s over a million visits).
    const events = db
      .prepare(
        `UPDATE events SET payload = json_remove(payload, '$.note', '$.comment', '$.ticket.note',
           '$.ticket.transferComment')
         WHERE at >= ? AND at < ?
           AND +type IN ('ticket:issued', 'ticket:completed', 'ticket:transferred')
           AND (json_type(payload, '$.note') IS NOT NULL OR json_type(payload, '$.comment') IS NOT NULL
             OR json_type(payload, '$.ticket.note') IS NOT NULL
             OR json_type(payload, '$.ticket.transferComment') IS NOT NULL)`,
      )
      .run(from, before).changes;
    db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(WATERMARK, String(before));
    const result = { tickets, events, before };
    record?.(result);
    return result;
  })();
