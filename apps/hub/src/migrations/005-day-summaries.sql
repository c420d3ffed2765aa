-- 005: closed days' report summaries, made once (a closed day's visits never change), as a
-- centre keeps its own (packages/db: report_day_summaries). A day is closed for a centre once
-- it has visits of a later day. `rows` holds core's DaySummary rows of one dimension ('service'
-- or 'hour', what city reports read). Deleted with the centre's segments when its projection
-- is folded again, and for any day a projection step touches.

CREATE TABLE day_summaries (
  centre_id text NOT NULL REFERENCES centres (id),
  service_day date NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('service', 'hour')),
  rows jsonb NOT NULL,
  made_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, service_day, dimension)
);

CREATE INDEX visit_segments_centre_day ON visit_segments (centre_id, service_day);
