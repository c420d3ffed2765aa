/**
 * The server's identity key pair (Ed25519), made once and kept in the database's `meta`
 * table, so a backup restored on new hardware is still the same server to its screens. Its
 * fingerprint goes into the mDNS announcement and the pairing answer; `prove` signs a
 * screen's challenge for `GET /api/identity`.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { hostname } from 'node:os';
import { type IdentityProof, fingerprintOf, identityMessage } from '@queue/discovery';

/** The few calls made on the better-sqlite3 database. */
export interface MetaDatabase {
  prepare(sql: string): { run(...values: unknown[]): unknown; get(...values: unknown[]): unknown };
}

export interface ServerIdentity {
  readonly serverId: string;
  /** SPKI DER, base64url. */
  readonly publicKey: string;
  readonly fingerprint: string;
  prove(challenge: string): IdentityProof;
}

const KEY_ROW = 'server_identity_key';

/** The stored key pair (made now on a new database), named `serverId`: the host name by default. */
export const loadServerIdentity = (db: MetaDatabase, serverId: string = hostname()): ServerIdentity => {
  const fresh = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
  // A key made by another process in the meantime wins: the first one stored is kept.
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
    KEY_ROW,
    fresh.toString('base64url'),
  );
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_ROW) as
    { value: string } | undefined;
  if (!row) throw new Error('the server identity key was not stored');
  const privateKey = createPrivateKey({
    key: Buffer.from(row.value, 'base64url'),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64url');
  return {
    serverId,
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    prove: (challenge) => ({
      serverId,
      publicKey,
      signature: sign(null, identityMessage(serverId, challenge), privateKey).toString('base64url'),
    }),
  };
};
