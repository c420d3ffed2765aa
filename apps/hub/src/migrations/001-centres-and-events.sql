-- 001: centres, their enrolment, and the events they ship.
--
-- The hub is a copy of every centre's event log (packages/db: the centre's `events` table),
-- kept per stream: a stream is (centre, epoch), the epoch being the UUID a centre's database
-- gets when it is created or restored from a backup (apps/server/src/restore.ts). Within a
-- stream the centre's `seq` is contiguous; (centre_id, epoch, seq) is the idempotency key of
-- the sync protocol (docs/city.md).

-- A centre enrolled at the hub. Only the sha-256 of its key is kept (hex); a revoked centre
-- keeps its rows (its events stay in the city's history) but its key is refused.
CREATE TABLE centres (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  key_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz
);

-- A centre asking to join. `id` is what the centre polls with; `code` is what it shows its
-- administrator, who reads it to the city administrator. The key is generated when the
-- request is made: `key_hash` is its sha-256; `key_sealed` is the key encrypted (AES-256-GCM)
-- under a key derived from the request id, which only the centre holds, so the database alone
-- never yields a usable key. `key_sealed` is erased when the centre collects the key (once).
CREATE TABLE enrolment_requests (
  id text PRIMARY KEY,
  code text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
  centre_name text NOT NULL CHECK (length(centre_name) BETWEEN 1 AND 200),
  key_hash text NOT NULL UNIQUE,
  key_sealed text,
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_at timestamptz,
  approved_by text,
  rejected_at timestamptz,
  collected_at timestamptz,
  centre_id text REFERENCES centres (id),
  CHECK (approved_at IS NULL OR rejected_at IS NULL),
  CHECK ((approved_at IS NULL) = (centre_id IS NULL))
);
-- A code names one open request at a time.
CREATE UNIQUE INDEX enrolment_requests_open_code ON enrolment_requests (code)
  WHERE approved_at IS NULL AND rejected_at IS NULL;

-- One stream of a centre's log. `last_seq` is the highest seq received with nothing missing
-- from `first_seq` up to it: the hub's acknowledgement. A centre's first stream starts at 1;
-- a stream that follows another (a restore) starts where its first batch starts, since a
-- restored file keeps its numbers: `previous_epoch`/`previous_last_seq` say where the earlier
-- stream stood, `restored_from_seq` (= first_seq - 1) where the restored file stood, so the
-- events of the previous stream after that seq are the ones the restore lost.
-- `head_seq` is the centre's own newest seq as it last reported it: lag = head_seq - last_seq.
CREATE TABLE centre_streams (
  centre_id text NOT NULL REFERENCES centres (id),
  epoch text NOT NULL CHECK (length(epoch) BETWEEN 1 AND 100),
  first_seq bigint NOT NULL CHECK (first_seq >= 1),
  last_seq bigint NOT NULL CHECK (last_seq >= first_seq - 1),
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  previous_epoch text,
  previous_last_seq bigint,
  restored_from_seq bigint,
  head_seq bigint,
  head_reported_at timestamptz,
  PRIMARY KEY (centre_id, epoch)
);

-- The events as the centre recorded them. First write wins: a later copy of the same
-- (centre, epoch, seq) with other content is a 'diverged' problem, never an update.
CREATE TABLE centre_events (
  centre_id text NOT NULL,
  epoch text NOT NULL,
  seq bigint NOT NULL CHECK (seq >= 1),
  type text NOT NULL,
  at timestamptz NOT NULL,
  ticket_id text,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, epoch, seq),
  FOREIGN KEY (centre_id, epoch) REFERENCES centre_streams (centre_id, epoch)
);
CREATE INDEX centre_events_at ON centre_events (at);
CREATE INDEX centre_events_type_at ON centre_events (type, at);

-- What the hub noticed and will not paper over: 'gap' (a batch starting past the expected
-- seq; refused), 'diverged' (a seq received again with other content; the first kept),
-- 'restored' (a new epoch after an earlier one: a restore from a backup). `detail` holds the
-- positions involved.
CREATE TABLE sync_problems (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  epoch text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('gap', 'diverged', 'restored')),
  detail jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_problems_centre ON sync_problems (centre_id, at);
