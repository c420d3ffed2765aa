/**
 * Numbered SQL migrations (`migrations/NNN-name.sql`), applied in order, each in its own
 * transaction under one advisory lock (`pg_advisory_xact_lock`), so two hub processes starting
 * together never race: the second waits, then finds the work done. Each applied migration is
 * recorded in `schema_migrations`; a database recorded by a newer hub (a version this one does
 * not know) is refused rather than damaged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The lock every migrating hub takes: an arbitrary constant ("hub" in ASCII). */
const MIGRATION_LOCK = 0x687562;

const FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));

export const loadMigrations = (folder = FOLDER): Migration[] => {
  const migrations = readdirSync(folder)
    .map((file) => /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      version: Number(match[1]),
      name: match[2] ?? '',
      sql: readFileSync(`${folder}${match[0]}`, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Hub migrations must be numbered 001, 002, … without holes; found ${migration.version}.`,
      );
    }
  });
  return migrations;
};

export class NewerDatabaseError extends Error {}

/** Bring the database up to date; returns the versions this call applied. */
export const migrate = async (pool: pg.Pool, migrations = loadMigrations()): Promise<number[]> => {
  const latest = migrations.length;
  const applied: number[] = [];
  const client = await pool.connect();
  try {
    for (;;) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`
          CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
          )`);
        const result = await client.query<{ version: number | null }>(
          'SELECT max(version) AS version FROM schema_migrations',
        );
        const current = result.rows[0]?.version ?? 0;
        if (current > latest) {
          throw new NewerDatabaseError(
            `The hub database is at schema version ${current}, newer than this hub knows (${latest}): run the newer hub, or restore a backup made for this version.`,
          );
        }
        const next = migrations[current];
        if (!next) {
          await client.query('COMMIT');
          return applied;
        }
        await client.query(next.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          next.version,
          next.name,
        ]);
        await client.query('COMMIT');
        applied.push(next.version);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
  } finally {
    client.release();
  }
};
