/**
 * Enrolment: how a centre gets its key. The centre asks (`request`): the hub generates the
 * centre's secret key at once, keeps its sha-256, and seals the key (AES-256-GCM) under a key
 * derived from the request id, a random token only the centre knows, so what the database
 * holds cannot be used to write as the centre. The centre shows its 6-digit code to its
 * administrator; a city administrator approves (or rejects) the request by that code, which
 * creates the centre. The centre, polling with its request id, then collects its key exactly
 * once: the sealed copy is erased in the same statement that hands it over. A centre is
 * revoked by the city administrator; its key is refused from then on.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  randomInt,
  randomUUID,
} from 'node:crypto';
import type pg from 'pg';
import { sha256 } from './http';

export interface EnrolmentRequested {
  readonly requestId: string;
  readonly code: string;
}

export type EnrolmentStatus =
  | { readonly status: 'pending' }
  | { readonly status: 'rejected' }
  | { readonly status: 'approved'; readonly centreId: string; readonly key: string }
  /** Approved, and the key already handed over (it is never given twice). */
  | { readonly status: 'collected'; readonly centreId: string };

export interface Centre {
  readonly id: string;
  readonly name: string;
  readonly revoked: boolean;
}

const sealingKey = (requestId: string): Buffer => createHash('sha256').update(`seal:${requestId}`).digest();

const seal = (key: string, requestId: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(requestId), iv);
  const body = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
};

const unseal = (sealed: string, requestId: string): string => {
  const [iv = '', tag = '', body = ''] = sealed.split('.');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(requestId), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
};

/** The row id of a request: the hash of the id the centre holds (a dump gives no request id). */
const rowId = (requestId: string): string => sha256(`request:${requestId}`);

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export const requestEnrolment = async (pool: pg.Pool, centreName: string): Promise<EnrolmentRequested> => {
  const requestId = randomBytes(24).toString('base64url');
  const key = randomBytes(32).toString('base64url');
  for (let attempt = 0; ; attempt += 1) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    try {
      await pool.query(
        `INSERT INTO enrolment_requests (id, code, centre_name, key_hash, key_sealed) VALUES ($1, $2, $3, $4, $5)`,
        [rowId(requestId), code, centreName, sha256(key), seal(key, requestId)],
      );
      return { requestId, code };
    } catch (error) {
      // A code already open on another request: draw again.
      if (!isUniqueViolation(error) || attempt >= 20) throw error;
    }
  }
};

export const enrolmentStatus = async (
  pool: pg.Pool,
  requestId: string,
): Promise<EnrolmentStatus | undefined> => {
  const id = rowId(requestId);
  // Hand the key over and erase it in one statement: two polls racing cannot both get it.
  const collected = await pool.query<{ key_sealed: string; centre_id: string }>(
    `UPDATE enrolment_requests r SET key_sealed = NULL, collected_at = now()
       FROM (SELECT id, key_sealed FROM enrolment_requests WHERE id = $1 FOR UPDATE) old
      WHERE r.id = old.id AND r.approved_at IS NOT NULL AND old.key_sealed IS NOT NULL
      RETURNING old.key_sealed, r.centre_id`,
    [id],
  );
  const handed = collected.rows[0];
  if (handed)
    return { status: 'approved', centreId: handed.centre_id, key: unseal(handed.key_sealed, requestId) };
  const result = await pool.query<{
    approved_at: Date | null;
    rejected_at: Date | null;
    centre_id: string | null;
  }>('SELECT approved_at, rejected_at, centre_id FROM enrolment_requests WHERE id = $1', [id]);
  const row = result.rows[0];
  if (!row) return undefined;
  if (row.rejected_at) return { status: 'rejected' };
  if (row.approved_at && row.centre_id) return { status: 'collected', centreId: row.centre_id };
  return { status: 'pending' };
};

export interface OpenRequest {
  readonly code: string;
  readonly centreName: string;
  readonly createdAt: string;
}

export const openRequests = async (pool: pg.Pool): Promise<OpenRequest[]> => {
  const result = await pool.query<{ code: string; centre_name: string; created_at: Date }>(
    `SELECT code, centre_name, created_at FROM enrolment_requests
      WHERE approved_at IS NULL AND rejected_at IS NULL ORDER BY created_at`,
  );
  return result.rows.map((row) => ({
    code: row.code,
    centreName: row.centre_name,
    createdAt: row.created_at.toISOString(),
  }));
};

/** Approve the open request with this code: the centre is created. Undefined: no such request. */
export const approveEnrolment = async (
  pool: pg.Pool,
  code: string,
  approvedBy: string,
): Promise<Centre | undefined> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const found = await client.query<{ id: string; centre_name: string; key_hash: string }>(
      `SELECT id, centre_name, key_hash FROM enrolment_requests
        WHERE code = $1 AND approved_at IS NULL AND rejected_at IS NULL FOR UPDATE`,
      [code],
    );
    const request = found.rows[0];
    if (!request) {
      await client.query('ROLLBACK');
      return undefined;
    }
    const centreId = randomUUID();
    await client.query('INSERT INTO centres (id, name, key_hash) VALUES ($1, $2, $3)', [
      centreId,
      request.centre_name,
      request.key_hash,
    ]);
    await client.query(
      'UPDATE enrolment_requests SET approved_at = now(), approved_by = $2, centre_id = $3 WHERE id = $1',
      [request.id, approvedBy, centreId],
    );
    await client.query('COMMIT');
    return { id: centreId, name: request.centre_name, revoked: false };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Reject the open request with this code; false when there is none. */
export const rejectEnrolment = async (pool: pg.Pool, code: string): Promise<boolean> => {
  const result = await pool.query(
    `UPDATE enrolment_requests SET rejected_at = now(), key_sealed = NULL
      WHERE code = $1 AND approved_at IS NULL AND rejected_at IS NULL`,
    [code],
  );
  return (result.rowCount ?? 0) > 0;
};

/** Revoke a centre: its key is refused from now on. False when there is no such centre. */
export const revokeCentre = async (pool: pg.Pool, centreId: string): Promise<boolean> => {
  const result = await pool.query(
    'UPDATE centres SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1',
    [centreId],
  );
  return (result.rowCount ?? 0) > 0;
};

export type KeyCheck =
  | { readonly ok: true; readonly centreId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' };

/** Whose key this is. The centre is whoever its key says, never what a body claims. */
export const centreOfKey = async (pool: pg.Pool, key: string | undefined): Promise<KeyCheck> => {
  if (!key) return { ok: false, reason: 'unknown' };
  const result = await pool.query<{ id: string; revoked_at: Date | null }>(
    'SELECT id, revoked_at FROM centres WHERE key_hash = $1',
    [sha256(key)],
  );
  const row = result.rows[0];
  if (!row) return { ok: false, reason: 'unknown' };
  return row.revoked_at ? { ok: false, reason: 'revoked' } : { ok: true, centreId: row.id };
};
