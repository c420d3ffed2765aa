/**
 * The audit log of privileged actions: who logged in (or failed to), who cancelled or moved
 * a ticket, edited a board, acted at someone else's desk, was refused. The table is
 * append-only (triggers refuse UPDATE and DELETE), so this store only appends and reads.
 */
import type Database from 'better-sqlite3';

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  /** `staff:<id>`, `device:<id>`, `login:<name>` for a login not yet known, or `system`. */
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly address?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

export interface AuditQuery {
  /** Entries strictly before this sequence number (paging backwards). */
  readonly before?: number;
  /** At most this many, newest first (50 by default, 200 at most). */
  readonly limit?: number;
  readonly action?: string;
  readonly actor?: string;
}

export const AUDIT_PAGE_MAX = 200;

interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
  address: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  action: row.action,
  ...(row.target !== null ? { target: row.target } : {}),
  ...(row.details !== null ? { details: JSON.parse(row.details) as Record<string, unknown> } : {}),
  ...(row.address !== null ? { address: row.address } : {}),
});

export class AuditStore {
  private readonly insert;
  private readonly select;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, actor, action, target, details, address) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.select = db.prepare<
      [{ before: number; action: string | null; actor: string | null; limit: number }],
      AuditRow
    >(`
      SELECT seq, at, actor, action, target, details, address FROM audit_log
      WHERE seq < @before AND (@action IS NULL OR action = @action) AND (@actor IS NULL OR actor = @actor)
      ORDER BY seq DESC LIMIT @limit`);
  }

  /** Append one entry; returns its sequence number. */
  append(entry: NewAuditEntry): number {
    const info = this.insert.run(
      entry.at,
      entry.actor,
      entry.action,
      entry.target ?? null,
      entry.details === undefined ? null : JSON.stringify(entry.details),
      entry.address ?? null,
    );
    return Number(info.lastInsertRowid);
  }

  /** A page of entries, newest first. */
  list(query: AuditQuery = {}): AuditEntry[] {
    const limit = Math.max(1, Math.min(AUDIT_PAGE_MAX, Math.floor(query.limit ?? 50)));
    return this.select
      .all({
        before: query.before ?? Number.MAX_SAFE_INTEGER,
        action: query.action ?? null,
        actor: query.actor ?? null,
        limit,
      })
      .map(toEntry);
  }
}
