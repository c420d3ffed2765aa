/**
 * The city catalogue's storage (migration 003): numbered versions, each a whole document
 * published once and never edited, and per centre the version it fetched and the one it
 * applied. Publishing takes a transaction-scoped advisory lock, so two administrators
 * publishing at once get consecutive versions instead of a conflict.
 */
import type pg from 'pg';

/** The lock publishers take: an arbitrary constant ("cat" in ASCII). */
const PUBLISH_LOCK = 0x636174;

export interface PublishedCatalogue {
  readonly version: number;
  /** The catalogue without its version. */
  readonly document: unknown;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly note?: string;
}

export type CatalogueVersionInfo = Omit<PublishedCatalogue, 'document'>;

export interface CentreCatalogueState {
  readonly centreId: string;
  readonly centreName: string;
  readonly fetchedVersion?: number;
  readonly fetchedAt?: string;
  readonly appliedVersion?: number;
  readonly appliedAt?: string;
}

interface VersionRow {
  version: number;
  document?: unknown;
  published_at: Date;
  published_by: string;
  note: string | null;
}

const infoOf = (row: VersionRow): CatalogueVersionInfo => ({
  version: row.version,
  publishedAt: row.published_at.toISOString(),
  publishedBy: row.published_by,
  ...(row.note !== null ? { note: row.note } : {}),
});

/** Publish a checked document as the next version; returns that version. */
export const publishCatalogue = async (
  pool: pg.Pool,
  document: unknown,
  publishedBy: string,
  note: string | undefined,
): Promise<number> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
    const inserted = await client.query<{ version: number }>(
      `INSERT INTO catalogue_versions (version, document, published_by, note)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM catalogue_versions
       RETURNING version`,
      [JSON.stringify(document), publishedBy, note ?? null],
    );
    await client.query('COMMIT');
    return inserted.rows[0]?.version ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** The newest version with its document; undefined before the first publication. */
export const currentCatalogue = async (pool: pg.Pool): Promise<PublishedCatalogue | undefined> => {
  const result = await pool.query<VersionRow>(
    `SELECT version, document, published_at, published_by, note FROM catalogue_versions
      ORDER BY version DESC LIMIT 1`,
  );
  const row = result.rows[0];
  return row ? { ...infoOf(row), document: row.document } : undefined;
};

/** Every version published, newest first, without the documents. */
export const catalogueHistory = async (pool: pg.Pool): Promise<CatalogueVersionInfo[]> => {
  const result = await pool.query<VersionRow>(
    'SELECT version, published_at, published_by, note FROM catalogue_versions ORDER BY version DESC',
  );
  return result.rows.map(infoOf);
};

/** Each centre (revoked ones too) with what it fetched and applied. */
export const centresCatalogue = async (pool: pg.Pool): Promise<CentreCatalogueState[]> => {
  const result = await pool.query<{
    id: string;
    name: string;
    fetched_version: number | null;
    fetched_at: Date | null;
    applied_version: number | null;
    applied_at: Date | null;
  }>(
    `SELECT c.id, c.name, cc.fetched_version, cc.fetched_at, cc.applied_version, cc.applied_at
       FROM centres c LEFT JOIN centre_catalogue cc ON cc.centre_id = c.id
      ORDER BY c.name, c.id`,
  );
  return result.rows.map((row) => ({
    centreId: row.id,
    centreName: row.name,
    ...(row.fetched_version !== null ? { fetchedVersion: row.fetched_version } : {}),
    ...(row.fetched_at ? { fetchedAt: row.fetched_at.toISOString() } : {}),
    ...(row.applied_version !== null ? { appliedVersion: row.applied_version } : {}),
    ...(row.applied_at ? { appliedAt: row.applied_at.toISOString() } : {}),
  }));
};

export const recordFetched = async (pool: pg.Pool, centreId: string, version: number): Promise<void> => {
  await pool.query(
    `INSERT INTO centre_catalogue (centre_id, fetched_version, fetched_at) VALUES ($1, $2, now())
     ON CONFLICT (centre_id) DO UPDATE SET fetched_version = excluded.fetched_version, fetched_at = now()`,
    [centreId, version],
  );
};

/** Record the version a centre applied; false when the hub never published it. */
export const recordApplied = async (pool: pg.Pool, centreId: string, version: number): Promise<boolean> => {
  const result = await pool.query(
    `INSERT INTO centre_catalogue (centre_id, applied_version, applied_at)
     SELECT $1, version, now() FROM catalogue_versions WHERE version = $2
     ON CONFLICT (centre_id) DO UPDATE SET applied_version = excluded.applied_version, applied_at = now()`,
    [centreId, version],
  );
  return (result.rowCount ?? 0) > 0;
};
