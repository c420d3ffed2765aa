/**
 * The centre's configuration, stored as one validated JSON document: it is read whole by
 * the rules and edited whole by administrators.
 */
import type Database from 'better-sqlite3';
import type { Centre } from '@queue/core';

export class ConfigStore {
  constructor(private readonly db: Database.Database) {}

  load(): Centre | undefined {
    const row = this.db.prepare<[], { centre: string }>('SELECT centre FROM config WHERE id = 1').get();
    return row ? (JSON.parse(row.centre) as Centre) : undefined;
  }

  /** Bumped by every save, so that an edit based on an older document can be refused. */
  version(): number {
    const row = this.db
      .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'config_version'")
      .get();
    return row ? Number(row.value) : 0;
  }

  /** Run `work` in one transaction: a save and its audit entry are kept or lost together. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Save the configuration; returns its new version. */
  save(centre: Centre, now: number): number {
    return this.transaction(() => {
      const version = this.version() + 1;
      this.db
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('config_version', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(String(version));
      this.db
        .prepare(
          `INSERT INTO config (id, centre, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET centre = excluded.centre, updated_at = excluded.updated_at`,
        )
        .run(JSON.stringify(centre), now);
      return version;
    });
  }
}
