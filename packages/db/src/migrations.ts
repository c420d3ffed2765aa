/**
 * Numbered, append-only schema migrations tracked with `PRAGMA user_version`. A database
 * written by a newer version of the server is refused rather than damaged.
 */
import type Database from 'better-sqlite3';

/** A step of the schema: SQL, or code where SQL alone cannot be run twice safely. */
export type Migration = string | ((db: Database.Database) => void);

export const MIGRATIONS: readonly Migration[] = [
  // 1: the event log, read tables of the live queue, configuration, people and devices.
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    ticket_id TEXT,
    desk_id TEXT,
    payload TEXT NOT NULL
  );
  CREATE INDEX events_ticket ON events(ticket_id);
  CREATE INDEX events_type_seq ON events(type, seq);

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    service_day TEXT NOT NULL,
    number TEXT NOT NULL,
    prefix TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    service_code TEXT NOT NULL,
    status TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (service_day, prefix, sequence)
  );
  CREATE INDEX tickets_day_number ON tickets(service_day, number);

  CREATE TABLE day_counters (
    service_day TEXT NOT NULL,
    key TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (service_day, key)
  );

  CREATE TABLE desks (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE service_stats (service_code TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE config (id INTEGER PRIMARY KEY CHECK (id = 1), centre TEXT NOT NULL, updated_at INTEGER NOT NULL);

  CREATE TABLE idempotency (
    principal TEXT NOT NULL,
    request_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (principal, request_id)
  );

  CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    desk_id TEXT,
    secret_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    desk_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  `,
  // 2: boards became part of the centre's configuration; older configurations have none.
  `
  UPDATE config SET centre = json_set(centre, '$.boards', json('[]'))
  WHERE json_type(centre, '$.boards') IS NULL;
  `,
  // 3: kiosks (and their printers) became part of the configuration; older ones have none.
  `
  UPDATE config SET centre = json_set(centre, '$.kiosks', json('[]'))
  WHERE json_type(centre, '$.kiosks') IS NULL;
  `,
  // 4: the audit log of privileged actions. Append-only: the triggers refuse any change or
  // deletion, so that neither a bug nor a retention job can rewrite who did what. Written to be
  // safe to run again over a database whose version number was set back.
  `
  CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT CHECK (details IS NULL OR json_valid(details)),
    address TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_log_action_seq ON audit_log(action, seq);
  CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  -- The retention job purges notes by age: these keep its daily pass to one day of rows.
  CREATE INDEX IF NOT EXISTS events_at ON events(at);
  CREATE INDEX IF NOT EXISTS tickets_issued_at ON tickets(issued_at);
  `,
  // 5: visitors' ratings of finished visits, one per ticket, kept with the desk and operator
  // that served them so that reports can attribute them.
  `
  CREATE TABLE IF NOT EXISTS ratings (
    ticket_id TEXT PRIMARY KEY,
    service_day TEXT NOT NULL,
    service_code TEXT NOT NULL,
    desk_id TEXT,
    operator_id TEXT,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ratings_day ON ratings(service_day);
  `,
  // 6: device pairing. Requests from new devices waiting for an administrator (the device's
  // secret only as a hash; it becomes the device's token once approved), the desk a paired
  // desk terminal is bound to and when a device was last seen, and the terminal each staff
  // session was opened on (revoking the terminal ends them).
  `
  CREATE TABLE IF NOT EXISTS pairing_requests (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'desk')),
    hint TEXT,
    address TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    device_id TEXT
  );
  CREATE INDEX IF NOT EXISTS pairing_requests_code ON pairing_requests(code, status);
  CREATE TABLE IF NOT EXISTS device_profiles (
    device_id TEXT PRIMARY KEY REFERENCES devices(id),
    desk_id TEXT,
    last_seen_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS session_terminals (
    token_hash TEXT PRIMARY KEY,
    device_id TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS session_terminals_device ON session_terminals(device_id);
  `,
  // 7 (administration): the organisations a member of staff works for, kept beside the staff
  // table so that it needs no change; absent rows mean none.
  `
  CREATE TABLE IF NOT EXISTS staff_organisations (
    staff_id TEXT PRIMARY KEY REFERENCES staff(id),
    organisation_ids TEXT NOT NULL CHECK (json_valid(organisation_ids))
  );
  `,
  // 8: pre-booked visits. The code is the visitor's only credential; name and phone are
  // personal data, cleared by the retention job once the visit is long past.
  `
  CREATE TABLE IF NOT EXISTS bookings (
    code TEXT PRIMARY KEY,
    service_code TEXT NOT NULL,
    service_day TEXT NOT NULL,
    slot_at INTEGER NOT NULL,
    name TEXT,
    phone TEXT,
    language TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('booked', 'checked-in', 'cancelled', 'missed')),
    late INTEGER NOT NULL DEFAULT 0,
    ticket_id TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS bookings_slot ON bookings(service_code, slot_at);
  CREATE INDEX IF NOT EXISTS bookings_day ON bookings(service_day);
  CREATE INDEX IF NOT EXISTS bookings_phone_day ON bookings(phone, service_day);
  `,
  // 9: the reports' projection: one row per part of a visit (from joining a queue to leaving
  // it: served, transferred on, no-show, cancelled), written with the events that make it.
  // Reports scan one range of service days, so the service day leads the index.
  `
  CREATE TABLE IF NOT EXISTS visit_segments (
    ticket_id TEXT NOT NULL,
    segment INTEGER NOT NULL,
    service_day TEXT NOT NULL,
    service_code TEXT NOT NULL,
    source TEXT NOT NULL,
    entered_at INTEGER NOT NULL,
    first_called_at INTEGER,
    serving_started_at INTEGER,
    ended_at INTEGER,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('completed', 'transferred', 'no-show', 'cancelled')),
    desk_id TEXT,
    operator_id TEXT,
    priority_category TEXT,
    priority_confirmed INTEGER NOT NULL DEFAULT 0,
    appointment_at INTEGER,
    PRIMARY KEY (ticket_id, segment)
  );
  CREATE INDEX IF NOT EXISTS visit_segments_day ON visit_segments(service_day);
  -- Closed days summarised once for reports (see @queue/core reports/day-summary.ts):
  -- durations as little-endian int32 seconds in the BLOBs.
  CREATE TABLE IF NOT EXISTS report_day_summaries (
    service_day TEXT NOT NULL,
    dimension TEXT NOT NULL,
    service_code TEXT NOT NULL,
    key TEXT NOT NULL,
    issued INTEGER NOT NULL,
    served INTEGER NOT NULL,
    no_show INTEGER NOT NULL,
    cancelled INTEGER NOT NULL,
    transferred INTEGER NOT NULL,
    priority_issued INTEGER NOT NULL,
    priority_confirmed INTEGER NOT NULL,
    bookings_called INTEGER NOT NULL,
    punctual INTEGER NOT NULL,
    walk_in_waits BLOB NOT NULL,
    booked_waits BLOB NOT NULL,
    service_times BLOB NOT NULL,
    arrivals_by_hour BLOB NOT NULL,
    PRIMARY KEY (service_day, dimension, service_code, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS report_summarised_days (service_day TEXT PRIMARY KEY, at INTEGER NOT NULL);
  `,
  // 10: the address a public booking was made from, for the per-address limits and a
  // supervisor's view of bursts (personal data: cleared with the name and phone). Bookings
  // made before take theirs from the audit log, which has always recorded it.
  (db) => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(bookings)').all();
    if (!columns.some((column) => column.name === 'source_address')) {
      db.exec('ALTER TABLE bookings ADD COLUMN source_address TEXT');
    }
    db.exec(`
      UPDATE bookings SET source_address = (
        SELECT address FROM audit_log
        WHERE action = 'booking:create' AND target = 'booking:' || bookings.code
        ORDER BY seq LIMIT 1
      ) WHERE created_by = 'visitor' AND source_address IS NULL;
      CREATE INDEX IF NOT EXISTS bookings_public ON bookings(created_by, created_at);
    `);
  },
  // 11: the appeals journal. `appeals` is the read table (the appeal folded from its events,
  // in `data`, with the columns the journal filters on); the applicant's personal data sits
  // in its own columns, never in an event, so the retention pass can clear it alone.
  // Partners' Open311 keys are kept hashed, like device tokens.
  `
  CREATE TABLE IF NOT EXISTS appeals (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    number TEXT NOT NULL UNIQUE,
    tracking_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    appeal_class TEXT,
    organisation_id TEXT NOT NULL,
    assignee_id TEXT,
    received_at INTEGER NOT NULL,
    received_day TEXT NOT NULL,
    answer_due_day TEXT NOT NULL,
    closed_at INTEGER,
    partner_id TEXT,
    partner_request TEXT,
    data TEXT NOT NULL,
    applicant_name TEXT,
    applicant_address TEXT,
    applicant_phone TEXT,
    applicant_email TEXT,
    personal_purged_at INTEGER,
    UNIQUE (year, sequence)
  );
  CREATE INDEX IF NOT EXISTS appeals_open ON appeals(status, answer_due_day);
  CREATE INDEX IF NOT EXISTS appeals_received ON appeals(received_day);
  CREATE INDEX IF NOT EXISTS appeals_assignee ON appeals(assignee_id, status);
  CREATE INDEX IF NOT EXISTS appeals_partner ON appeals(partner_id, received_at);
  -- A partner's own reference names one appeal: a retried filing finds it.
  CREATE UNIQUE INDEX IF NOT EXISTS appeals_partner_request ON appeals(partner_id, partner_request)
    WHERE partner_request IS NOT NULL;
  CREATE TABLE IF NOT EXISTS appeal_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    appeal_id TEXT NOT NULL REFERENCES appeals(id),
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS appeal_events_appeal ON appeal_events(appeal_id, seq);
  CREATE TABLE IF NOT EXISTS partner_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
  );
  `,
  // 12: reports read one dimension of the day summaries at a time, but the key led with the
  // day, so a year's range scan read every dimension's rows (and their overflow pages) to keep
  // a quarter of them: the dimension leads now, so that each is one contiguous range. The
  // summaries are derived from the visits' projection and made again in the background (and
  // on the spot for a report that needs a day before then). Ratings are added up per day,
  // service, desk and operator from a covering index, without visiting the table.
  `
  DROP TABLE IF EXISTS report_day_summaries;
  DELETE FROM report_summarised_days;
  CREATE TABLE report_day_summaries (
    dimension TEXT NOT NULL,
    service_day TEXT NOT NULL,
    service_code TEXT NOT NULL,
    key TEXT NOT NULL,
    issued INTEGER NOT NULL,
    served INTEGER NOT NULL,
    no_show INTEGER NOT NULL,
    cancelled INTEGER NOT NULL,
    transferred INTEGER NOT NULL,
    priority_issued INTEGER NOT NULL,
    priority_confirmed INTEGER NOT NULL,
    bookings_called INTEGER NOT NULL,
    punctual INTEGER NOT NULL,
    walk_in_waits BLOB NOT NULL,
    booked_waits BLOB NOT NULL,
    service_times BLOB NOT NULL,
    arrivals_by_hour BLOB NOT NULL,
    PRIMARY KEY (dimension, service_day, service_code, key)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS ratings_grouped ON ratings(service_day, service_code, desk_id, operator_id, score);
  DROP INDEX IF EXISTS ratings_day;
  `,
  // 13: nothing reads the log by ticket (a ticket's story is its read row and its report
  // segments), and the index on the ticket's random id put a page anywhere in its tree into
  // every durable commit.
  `
  DROP INDEX IF EXISTS events_ticket;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  readonly code = 'NEWER_DATABASE';
  constructor(found: number) {
    super(`The database is from a newer version (schema ${found}, this server knows ${SCHEMA_VERSION}).`);
  }
}

/** Bring the schema up to date, one migration per transaction. */
/** Bring the schema up to `target` (this server's, unless a test wants an older one). */
export const migrate = (db: Database.Database, target = SCHEMA_VERSION): void => {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  for (let version = current; version < target; version += 1) {
    db.transaction(() => {
      const step = MIGRATIONS[version] ?? '';
      if (typeof step === 'function') step(db);
      else db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
};
