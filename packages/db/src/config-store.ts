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

  save(centre: Centre, now: number): void {
    this.db
      .prepare(
        `INSERT INTO config (id, centre, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET centre = excluded.centre, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(centre), now);
  }
}
