/**
 * The Open311 partners' API keys. Only a key's SHA-256 hash is stored (the key itself is
 * shown to the administrator once); a revoked key stays listed, with when it was revoked,
 * but no longer finds its partner.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface PartnerKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly revokedAt?: number;
  readonly lastUsedAt?: number;
}

interface PartnerKeyRow {
  id: string;
  name: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
  last_used_at: number | null;
}

const COLUMNS = 'id, name, created_at, created_by, revoked_at, last_used_at';

const fromRow = (row: PartnerKeyRow): PartnerKeyRecord => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  createdBy: row.created_by,
  ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  ...(row.last_used_at !== null ? { lastUsedAt: row.last_used_at } : {}),
});

export class PartnerKeyStore {
  constructor(
    private readonly db: Database.Database,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Store a new key by its hash; answers the key's id. */
  issue(name: string, keyHash: string, createdBy: string, at: number): string {
    const id = this.newId();
    this.db
      .prepare('INSERT INTO partner_keys (id, name, key_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, keyHash, at, createdBy);
    return id;
  }

  /** Every key, revoked ones too, the newest first. */
  list(): PartnerKeyRecord[] {
    return this.db
      .prepare<[], PartnerKeyRow>(`SELECT ${COLUMNS} FROM partner_keys ORDER BY created_at DESC, id`)
      .all()
      .map(fromRow);
  }

  get(id: string): PartnerKeyRecord | undefined {
    const row = this.db
      .prepare<[string], PartnerKeyRow>(`SELECT ${COLUMNS} FROM partner_keys WHERE id = ?`)
      .get(id);
    return row ? fromRow(row) : undefined;
  }

  /** The key with this hash, unless it was revoked. */
  byHash(keyHash: string): PartnerKeyRecord | undefined {
    const row = this.db
      .prepare<[string], PartnerKeyRow>(
        `SELECT ${COLUMNS} FROM partner_keys WHERE key_hash = ? AND revoked_at IS NULL`,
      )
      .get(keyHash);
    return row ? fromRow(row) : undefined;
  }

  /** Revoke a key (once: a second revocation keeps the first time); undefined when there is none. */
  revoke(id: string, at: number): PartnerKeyRecord | undefined {
    this.db.prepare('UPDATE partner_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
    return this.get(id);
  }

  /** Note that the key was just used. */
  touch(id: string, at: number): void {
    this.db.prepare('UPDATE partner_keys SET last_used_at = ? WHERE id = ?').run(at, id);
  }
}
