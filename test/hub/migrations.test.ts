import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, NewerDatabaseError } from '../../apps/hub/src/migrations';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { exitOf, freshDatabase, spawnHub } from './support';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.destroy();
});

const tables = async (pool: pg.Pool): Promise<string[]> =>
  (
    await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
  ).rows.map((row) => row.table_name);

describe('hub migrations', () => {
  it('apply once, and a second run changes nothing', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabase(postgres) });
    try {
      const latest = loadMigrations().length;
      expect(await migrate(pool)).toEqual(Array.from({ length: latest }, (_, index) => index + 1));
      expect(await tables(pool)).toEqual([
        'catalogue_versions',
        'centre_appeals',
        'centre_catalogue',
        'centre_events',
        'centre_profiles',
        'centre_streams',
        'centres',
        'day_summaries',
        'enrolment_requests',
        'projection_positions',
        'ratings',
        'schema_migrations',
        'sync_problems',
        'visit_segments',
      ]);
      expect(await migrate(pool)).toEqual([]);
      const recorded = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.rows.map((row: { version: number }) => row.version)).toHaveLength(latest);
    } finally {
      await pool.end();
    }
  });

  it('two pools migrating the same database at once both succeed, each migration applied once', async () => {
    const url = await freshDatabase(postgres);
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(results.flat().sort()).toEqual(loadMigrations().map((migration) => migration.version));
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('two hub processes starting on the same fresh database both come up', async () => {
    const url = await freshDatabase(postgres);
    const hubs = await Promise.all([spawnHub(url), spawnHub(url)]);
    try {
      for (const hub of hubs) {
        const answer = await fetch(`${hub.url}/api/hub/sync`);
        expect(answer.status).toBe(401);
      }
    } finally {
      for (const hub of hubs) {
        hub.child.kill('SIGTERM');
        await exitOf(hub.child);
        expect(hub.child.exitCode).toBe(0);
      }
    }
    const pool = new pg.Pool({ connectionString: url });
    try {
      const recorded = await pool.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(recorded.rows[0]).toEqual({ n: loadMigrations().length });
    } finally {
      await pool.end();
    }
  });

  it('refuses a database written by a newer hub', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabase(postgres) });
    try {
      await migrate(pool);
      await pool.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')`);
      await expect(migrate(pool)).rejects.toBeInstanceOf(NewerDatabaseError);
    } finally {
      await pool.end();
    }
  });
});
