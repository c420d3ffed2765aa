/**
 * Staff accounts as administrators manage them: list, create, edit and set a new secret, with
 * the organisations each person works for. Hashes stay in the database; callers hash.
 */
import type Database from 'better-sqlite3';
import type { StaffId } from '@queue/core';
import type { PeopleStore, StaffRecord } from './people-store';

export interface StaffEntry extends Omit<StaffRecord, 'secretHash'> {
  readonly organisationIds: readonly string[];
}

export class StaffDirectory {
  constructor(
    private readonly db: Database.Database,
    private readonly people: PeopleStore,
  ) {}

  list(): StaffEntry[] {
    const ids = this.db.prepare<[], { id: string }>('SELECT id FROM staff ORDER BY login').all();
    return ids.flatMap(({ id }) => {
      const entry = this.byId(id);
      return entry ? [entry] : [];
    });
  }

  byId(id: string): StaffEntry | undefined {
    const record = this.people.staffById(id);
    if (!record) return undefined;
    const { secretHash: _secret, ...rest } = record;
    const row = this.db
      .prepare<[string], { organisation_ids: string }>(
        'SELECT organisation_ids FROM staff_organisations WHERE staff_id = ?',
      )
      .get(id);
    return { ...rest, organisationIds: row ? (JSON.parse(row.organisation_ids) as string[]) : [] };
  }

  /** Create (with a secret hash) or update an account; the caller holds the transaction. */
  save(entry: StaffEntry, secretHash?: string): void {
    if (this.people.staffById(entry.id)) {
      this.db
        .prepare('UPDATE staff SET login = ?, name = ?, roles = ?, desk_id = ?, active = ? WHERE id = ?')
        .run(
          entry.login,
          entry.name,
          JSON.stringify(entry.roles),
          entry.deskId ?? null,
          entry.active ? 1 : 0,
          entry.id,
        );
      if (secretHash) this.setSecret(entry.id, secretHash);
    } else {
      if (!secretHash) throw new Error('a new account needs a secret');
      this.people.addStaff({ ...entry, secretHash });
    }
    this.db
      .prepare(
        `INSERT INTO staff_organisations (staff_id, organisation_ids) VALUES (?, ?)
         ON CONFLICT (staff_id) DO UPDATE SET organisation_ids = excluded.organisation_ids`,
      )
      .run(entry.id, JSON.stringify(entry.organisationIds));
  }

  setSecret(id: StaffId | string, secretHash: string): void {
    this.db.prepare('UPDATE staff SET secret_hash = ? WHERE id = ?').run(secretHash, id);
  }

  /** End every session of an account (after a password reset or deactivation). */
  endSessions(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(id);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
