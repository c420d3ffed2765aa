/**
 * Staff accounts, their login sessions, and paired devices. Secrets are stored only as
 * hashes; hashing itself is the server's job.
 */
import type Database from 'better-sqlite3';
import type { DeskId, StaffId } from '@queue/core';

export type StaffRole = 'operator' | 'reception' | 'call-centre' | 'supervisor' | 'admin';
export type DeviceRole = 'kiosk' | 'display' | 'desk';

export interface StaffRecord {
  readonly id: StaffId;
  readonly login: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  readonly deskId?: DeskId;
  readonly secretHash: string;
  readonly active: boolean;
}

export interface SessionRecord {
  readonly staffId: StaffId;
  readonly deskId?: DeskId;
  readonly expiresAt: number;
}

export interface DeviceRecord {
  readonly id: string;
  readonly name: string;
  readonly role: DeviceRole;
  readonly revokedAt?: number;
}

interface StaffRow {
  id: string;
  login: string;
  name: string;
  roles: string;
  desk_id: string | null;
  secret_hash: string;
  active: number;
}

const toStaff = (row: StaffRow): StaffRecord => ({
  id: row.id as StaffId,
  login: row.login,
  name: row.name,
  roles: JSON.parse(row.roles) as StaffRole[],
  ...(row.desk_id ? { deskId: row.desk_id as DeskId } : {}),
  secretHash: row.secret_hash,
  active: row.active === 1,
});

export class PeopleStore {
  constructor(private readonly db: Database.Database) {}

  countStaff(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
  }

  addStaff(staff: StaffRecord): void {
    this.db
      .prepare(
        'INSERT INTO staff (id, login, name, roles, desk_id, secret_hash, active) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        staff.id,
        staff.login,
        staff.name,
        JSON.stringify(staff.roles),
        staff.deskId ?? null,
        staff.secretHash,
        staff.active ? 1 : 0,
      );
  }

  staffByLogin(login: string): StaffRecord | undefined {
    const row = this.db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE login = ?').get(login);
    return row ? toStaff(row) : undefined;
  }

  staffById(id: string): StaffRecord | undefined {
    const row = this.db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE id = ?').get(id);
    return row ? toStaff(row) : undefined;
  }

  addSession(tokenHash: string, session: SessionRecord, now: number): void {
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, staff_id, desk_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(tokenHash, session.staffId, session.deskId ?? null, now, session.expiresAt);
  }

  sessionByTokenHash(tokenHash: string): SessionRecord | undefined {
    const row = this.db
      .prepare<[string], { staff_id: string; desk_id: string | null; expires_at: number }>(
        'SELECT staff_id, desk_id, expires_at FROM sessions WHERE token_hash = ?',
      )
      .get(tokenHash);
    if (!row) return undefined;
    return {
      staffId: row.staff_id as StaffId,
      ...(row.desk_id ? { deskId: row.desk_id as DeskId } : {}),
      expiresAt: row.expires_at,
    };
  }

  deleteSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  deleteExpiredSessions(now: number): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
  }

  addDevice(device: DeviceRecord, tokenHash: string, now: number): void {
    this.db
      .prepare('INSERT INTO devices (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(device.id, device.name, device.role, tokenHash, now);
  }

  deviceByTokenHash(tokenHash: string): DeviceRecord | undefined {
    const row = this.db
      .prepare<[string], { id: string; name: string; role: string; revoked_at: number | null }>(
        'SELECT id, name, role, revoked_at FROM devices WHERE token_hash = ?',
      )
      .get(tokenHash);
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      role: row.role as DeviceRole,
      ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
    };
  }

  revokeDevice(id: string, now: number): void {
    this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(now, id);
  }
}
