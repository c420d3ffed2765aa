/**
 * Paired devices as the administration screens see them, and the pairing requests of new
 * devices. Only hashes of device secrets are stored. Approving a request creates the device
 * whose token is the device's own secret, so no token ever waits on the server in clear.
 */
import type Database from 'better-sqlite3';
import type { DeskId, DeviceKind } from '@queue/core';

export interface PairingRequestRecord {
  readonly id: string;
  readonly code: string;
  readonly kind: DeviceKind;
  readonly hint?: string;
  readonly address?: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly deviceId?: string;
}

export interface NewPairingRequest extends Omit<PairingRequestRecord, 'status' | 'deviceId'> {
  readonly secretHash: string;
}

export interface PairedDevice {
  readonly id: string;
  readonly name: string;
  readonly role: DeviceKind;
  readonly deskId?: DeskId;
  readonly createdAt: number;
  readonly revokedAt?: number;
  readonly lastSeenAt?: number;
}

interface RequestRow {
  id: string;
  code: string;
  kind: string;
  hint: string | null;
  address: string | null;
  status: string;
  created_at: number;
  expires_at: number;
  device_id: string | null;
}

interface DeviceRow {
  id: string;
  name: string;
  role: string;
  created_at: number;
  revoked_at: number | null;
  desk_id: string | null;
  last_seen_at: number | null;
}

const toRequest = (row: RequestRow): PairingRequestRecord => ({
  id: row.id,
  code: row.code,
  kind: row.kind as DeviceKind,
  ...(row.hint !== null ? { hint: row.hint } : {}),
  ...(row.address !== null ? { address: row.address } : {}),
  status: row.status as PairingRequestRecord['status'],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  ...(row.device_id !== null ? { deviceId: row.device_id } : {}),
});

const toDevice = (row: DeviceRow): PairedDevice => ({
  id: row.id,
  name: row.name,
  role: row.role as DeviceKind,
  ...(row.desk_id !== null ? { deskId: row.desk_id as DeskId } : {}),
  createdAt: row.created_at,
  ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  ...(row.last_seen_at !== null ? { lastSeenAt: row.last_seen_at } : {}),
});

const DEVICE_SELECT = `SELECT d.id, d.name, d.role, d.created_at, d.revoked_at, p.desk_id, p.last_seen_at
  FROM devices d LEFT JOIN device_profiles p ON p.device_id = d.id`;

export class DeviceStore {
  constructor(private readonly db: Database.Database) {}

  /** Run `work` in one transaction (approval: device, request and audit entry together). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  addRequest(request: NewPairingRequest): void {
    this.db
      .prepare(
        `INSERT INTO pairing_requests (id, code, secret_hash, kind, hint, address, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(
        request.id,
        request.code,
        request.secretHash,
        request.kind,
        request.hint ?? null,
        request.address ?? null,
        request.createdAt,
        request.expiresAt,
      );
  }

  requestById(id: string): PairingRequestRecord | undefined {
    const row = this.db.prepare<[string], RequestRow>('SELECT * FROM pairing_requests WHERE id = ?').get(id);
    return row ? toRequest(row) : undefined;
  }

  requestBySecretHash(secretHash: string): PairingRequestRecord | undefined {
    const row = this.db
      .prepare<[string], RequestRow>('SELECT * FROM pairing_requests WHERE secret_hash = ?')
      .get(secretHash);
    return row ? toRequest(row) : undefined;
  }

  secretHashOf(requestId: string): string | undefined {
    return this.db
      .prepare<[string], { secret_hash: string }>('SELECT secret_hash FROM pairing_requests WHERE id = ?')
      .get(requestId)?.secret_hash;
  }

  /** Requests still waiting for an answer at `now`, oldest first. */
  pendingRequests(now: number): PairingRequestRecord[] {
    return this.db
      .prepare<[number], RequestRow>(
        "SELECT * FROM pairing_requests WHERE status = 'pending' AND expires_at > ? ORDER BY created_at",
      )
      .all(now)
      .map(toRequest);
  }

  pendingWithCode(code: string, now: number): PairingRequestRecord | undefined {
    const row = this.db
      .prepare<[string, number], RequestRow>(
        "SELECT * FROM pairing_requests WHERE code = ? AND status = 'pending' AND expires_at > ?",
      )
      .get(code, now);
    return row ? toRequest(row) : undefined;
  }

  answerRequest(id: string, status: 'approved' | 'rejected', deviceId?: string): void {
    this.db
      .prepare("UPDATE pairing_requests SET status = ?, device_id = ? WHERE id = ? AND status = 'pending'")
      .run(status, deviceId ?? null, id);
  }

  /**
   * Forget requests that ended (expired or answered) before `before`, and the terminals of
   * sessions that no longer exist (logged out, expired and swept).
   */
  purgeEnded(before: number): void {
    this.db.prepare('DELETE FROM pairing_requests WHERE expires_at < ?').run(before);
    this.db
      .prepare('DELETE FROM session_terminals WHERE token_hash NOT IN (SELECT token_hash FROM sessions)')
      .run();
  }

  listDevices(): PairedDevice[] {
    return this.db.prepare<[], DeviceRow>(`${DEVICE_SELECT} ORDER BY d.created_at, d.id`).all().map(toDevice);
  }

  deviceById(id: string): PairedDevice | undefined {
    const row = this.db.prepare<[string], DeviceRow>(`${DEVICE_SELECT} WHERE d.id = ?`).get(id);
    return row ? toDevice(row) : undefined;
  }

  deviceByTokenHash(tokenHash: string): PairedDevice | undefined {
    const row = this.db
      .prepare<[string], DeviceRow>(`${DEVICE_SELECT} WHERE d.token_hash = ?`)
      .get(tokenHash);
    return row ? toDevice(row) : undefined;
  }

  tokenHashOf(deviceId: string): string | undefined {
    return this.db
      .prepare<[string], { token_hash: string }>('SELECT token_hash FROM devices WHERE id = ?')
      .get(deviceId)?.token_hash;
  }

  setDesk(deviceId: string, deskId: DeskId | undefined): void {
    this.db
      .prepare(
        `INSERT INTO device_profiles (device_id, desk_id) VALUES (?, ?)
         ON CONFLICT(device_id) DO UPDATE SET desk_id = excluded.desk_id`,
      )
      .run(deviceId, deskId ?? null);
  }

  rename(deviceId: string, name: string): boolean {
    return this.db.prepare('UPDATE devices SET name = ? WHERE id = ?').run(name, deviceId).changes > 0;
  }

  touch(deviceId: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO device_profiles (device_id, last_seen_at) VALUES (?, ?)
         ON CONFLICT(device_id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
      )
      .run(deviceId, at);
  }

  /** Remember the terminal a staff session was opened on. */
  bindSession(sessionHash: string, deviceId: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO session_terminals (token_hash, device_id) VALUES (?, ?)')
      .run(sessionHash, deviceId);
  }

  /** The terminal a session was opened on, if it was opened on one. */
  terminalOfSession(sessionHash: string): string | undefined {
    return this.db
      .prepare<[string], { device_id: string }>(
        'SELECT device_id FROM session_terminals WHERE token_hash = ?',
      )
      .get(sessionHash)?.device_id;
  }

  /** End every session opened on a terminal; returns their hashes. */
  endSessionsOn(deviceId: string): string[] {
    const hashes = this.db
      .prepare<[string], { token_hash: string }>(
        'SELECT token_hash FROM session_terminals WHERE device_id = ?',
      )
      .all(deviceId)
      .map((row) => row.token_hash);
    const remove = this.db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    for (const hash of hashes) remove.run(hash);
    this.db.prepare('DELETE FROM session_terminals WHERE device_id = ?').run(deviceId);
    return hashes;
  }
}
