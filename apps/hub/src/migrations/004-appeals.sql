-- 004: the centres' appeals journals as the city sees them (the 115 model): each appeal's
-- number, terms and state as its centre last sent it, without applicants, texts or staff
-- names. A copy sent again replaces the stored one only if it is not older.

CREATE TABLE centre_appeals (
  centre_id text NOT NULL REFERENCES centres (id),
  appeal_id text NOT NULL,
  number text NOT NULL,
  status text NOT NULL,
  organisation_id text NOT NULL,
  received_day date NOT NULL,
  answer_due_day date NOT NULL,
  closed_at bigint,
  updated_at bigint NOT NULL,
  appeal jsonb NOT NULL,
  PRIMARY KEY (centre_id, appeal_id)
);
CREATE INDEX centre_appeals_open ON centre_appeals (answer_due_day) WHERE closed_at IS NULL;
