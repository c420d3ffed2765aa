-- 003: one catalogue for the city (docs/city.md, "One catalogue").
--
-- The city administrator publishes the city's services, categories, organisations, holidays
-- and ticket template as a whole document; each publication is a new version (max + 1, never
-- edited afterwards), so a centre always applies exactly what it was shown. `document` is the
-- catalogue without its version (packages/protocol: CityCatalogueDocumentSchema).
CREATE TABLE catalogue_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  document jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL CHECK (length(published_by) BETWEEN 1 AND 200),
  note text CHECK (length(note) <= 2000)
);

-- Per centre: the version it last fetched (offered to its administrator) and the version its
-- administrator applied. The hub never pushes: these are only what the centre reported.
CREATE TABLE centre_catalogue (
  centre_id text PRIMARY KEY REFERENCES centres (id),
  fetched_version integer REFERENCES catalogue_versions (version),
  fetched_at timestamptz,
  applied_version integer REFERENCES catalogue_versions (version),
  applied_at timestamptz
);
