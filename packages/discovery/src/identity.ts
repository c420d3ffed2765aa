/**
 * A queue server's identity: an Ed25519 key pair it keeps for good, named on the LAN by its
 * fingerprint (SHA-256 of the public key). A paired screen remembers the server's id and
 * fingerprint, and before it loads a page it asks the server to sign a fresh challenge:
 * another server answering on the LAN (or at the old address) cannot sign as this one.
 */
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { z } from 'zod';

/** `GET /api/identity?challenge=…` answers `{ ok: true, data: IdentityProof }`. */
export const IDENTITY_PATH = '/api/identity';

export const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
/** SHA-256 in base64url: 43 characters, short enough for the mDNS TXT record. */
export const fingerprintSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const identityProofSchema = z.object({
  serverId: z.string().min(1).max(64),
  /** The public key: SPKI DER, base64url. */
  publicKey: base64url(200),
  /** Ed25519 over `identityMessage(serverId, challenge)`, base64url. */
  signature: base64url(200),
});
export type IdentityProof = z.infer<typeof identityProofSchema>;

/** What a paired screen keeps of its server. */
export const pinnedServerSchema = z.object({
  serverId: z.string().min(1).max(64),
  fingerprint: fingerprintSchema,
  publicKey: base64url(200),
});
export type PinnedServer = z.infer<typeof pinnedServerSchema>;

export const fingerprintOf = (publicKey: string): string =>
  createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64url');

/** What is signed: the server's id with the challenge, under a label no other signature uses. */
export const identityMessage = (serverId: string, challenge: string): Buffer =>
  Buffer.from(`queue-centre server identity v1\n${serverId}\n${challenge}`, 'utf8');

export const newChallenge = (): string => randomBytes(32).toString('base64url');

export type IdentityCheck =
  | { readonly ok: true; readonly server: PinnedServer }
  /** `mismatch`: a valid proof, of another server than the pinned one. */
  | { readonly ok: false; readonly reason: 'invalid' | 'mismatch'; readonly serverId?: string };

/**
 * Whether `answer` proves possession of a key over `challenge`, and (when the screen has a
 * pinned server) that the key and id are the pinned server's.
 */
export const checkIdentityProof = (
  answer: unknown,
  challenge: string,
  pinned?: PinnedServer,
): IdentityCheck => {
  const proof = identityProofSchema.safeParse(answer);
  if (!proof.success) return { ok: false, reason: 'invalid' };
  const { serverId, publicKey, signature } = proof.data;
  let valid = false;
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64url'), format: 'der', type: 'spki' });
    valid =
      key.asymmetricKeyType === 'ed25519' &&
      verify(null, identityMessage(serverId, challenge), key, Buffer.from(signature, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'invalid', serverId };
  const server: PinnedServer = { serverId, publicKey, fingerprint: fingerprintOf(publicKey) };
  if (pinned && (pinned.fingerprint !== server.fingerprint || pinned.serverId !== serverId))
    return { ok: false, reason: 'mismatch', serverId };
  return { ok: true, server };
};

export type ServerProof = IdentityCheck | { readonly ok: false; readonly reason: 'unreachable' };

export interface ProveServerOptions {
  readonly url: string;
  readonly pinned?: PinnedServer;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** Ask the server at `url` to sign a fresh challenge, and check the answer. Never rejects. */
export const proveServer = async (options: ProveServerOptions): Promise<ServerProof> => {
  const challenge = newChallenge();
  const url = `${options.url.replace(/\/+$/, '')}${IDENTITY_PATH}?challenge=${challenge}`;
  let body: unknown;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      redirect: 'error',
    });
    // A server of another kind (or an old one) that answers 404: it proves nothing.
    if (!response.ok) return { ok: false, reason: 'invalid' };
    body = ((await response.json()) as { data?: unknown } | null)?.data;
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  return checkIdentityProof(body, challenge, options.pinned);
};
