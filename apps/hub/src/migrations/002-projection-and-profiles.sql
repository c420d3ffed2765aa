-- 002: what the hub folds from the centres' logs, and what centres tell it besides events.
--
-- `visit_segments` is the reports' projection, the same rows as a centre's own
-- (packages/db/src/visit-segments.ts), made by the same rules (packages/core: foldSegments) from
-- each centre's history read as the chain of its streams, each cut where the next one starts.
-- Times are milliseconds since 1970, as the centres keep them, so figures match exactly.

CREATE TABLE visit_segments (
  centre_id text NOT NULL REFERENCES centres (id),
  ticket_id text NOT NULL,
  segment integer NOT NULL CHECK (segment >= 0),
  service_day date NOT NULL,
  service_code text NOT NULL,
  source text NOT NULL,
  entered_at bigint NOT NULL,
  first_called_at bigint,
  serving_started_at bigint,
  ended_at bigint,
  outcome text CHECK (outcome IN ('completed', 'transferred', 'no-show', 'cancelled')),
  desk_id text,
  operator_id text,
  priority_category text,
  priority_confirmed smallint NOT NULL DEFAULT 0,
  appointment_at bigint,
  PRIMARY KEY (centre_id, ticket_id, segment)
);
CREATE INDEX visit_segments_day ON visit_segments (service_day, centre_id);

-- How far the projection has read each centre's chain: the stream and seq of the last event
-- folded. Written in the same transaction as the rows it produced.
CREATE TABLE projection_positions (
  centre_id text PRIMARY KEY REFERENCES centres (id),
  epoch text NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Visitors' ratings, one per visit (the first one counts, as at the centre); without comments,
-- which are personal data and stay home.
CREATE TABLE ratings (
  centre_id text NOT NULL REFERENCES centres (id),
  ticket_id text NOT NULL,
  service_day date NOT NULL,
  service_code text NOT NULL,
  desk_id text,
  operator_id text,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  at bigint NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, ticket_id)
);
CREATE INDEX ratings_day ON ratings (service_day, centre_id);

-- What a centre last said of itself (PUT /api/hub/profile): its catalogue (site, hours,
-- organisations, categories, services, desks), whether it takes bookings and where, and its
-- device alerts. Replaced whole each time.
CREATE TABLE centre_profiles (
  centre_id text PRIMARY KEY REFERENCES centres (id),
  profile jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
