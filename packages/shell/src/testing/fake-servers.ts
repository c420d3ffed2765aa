/**
 * Queue servers for the shell's tests, without a network: each has a real Ed25519 key and
 * answers `GET /api/identity` through a fake fetch, so the shell's check runs for real.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { type PinnedServer, fingerprintOf, identityMessage, proveServer } from '@queue/discovery';
import type { ProveServer } from '../server-connection';

export interface FakeServer {
  readonly serverId: string;
  readonly pinned: PinnedServer;
}

export const fakeServer = (serverId: string): FakeServer & { sign(challenge: string): unknown } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64url');
  return {
    serverId,
    pinned: { serverId, publicKey: spki, fingerprint: fingerprintOf(spki) },
    sign: (challenge) => ({
      serverId,
      publicKey: spki,
      signature: sign(null, identityMessage(serverId, challenge), privateKey).toString('base64url'),
    }),
  };
};

/**
 * Who answers at each origin (`http://10.0.0.5:8080`): a server, `old` (a server without
 * an identity key: 404), or nobody. Change `at` as a test goes on; `challenges` lists those asked.
 */
export const fakeLan = (at: Record<string, ReturnType<typeof fakeServer> | 'old' | undefined> = {}) => {
  const challenges: string[] = [];
  const fakeFetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const challenge = url.searchParams.get('challenge') ?? '';
    challenges.push(challenge);
    const server = at[url.origin];
    if (server === undefined) throw new TypeError('fetch failed');
    if (server === 'old') return new Response('Not found', { status: 404 });
    return Response.json({ ok: true, data: server.sign(challenge) });
  }) as typeof fetch;
  const prove: ProveServer = (options) => proveServer({ ...options, fetch: fakeFetch });
  return { at, challenges, proveServer: prove };
};
