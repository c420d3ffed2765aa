import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_PATH,
  type IdentityProof,
  checkIdentityProof,
  fingerprintOf,
  identityMessage,
  newChallenge,
  proveServer,
} from './identity';

/** A server's key pair and its answer to a challenge, as `apps/server` signs it. */
const serverKey = (serverId: string, type: 'ed25519' | 'ed448' = 'ed25519') => {
  const { privateKey, publicKey } = generateKeyPairSync(type as 'ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64url');
  return {
    serverId,
    publicKey: spki,
    fingerprint: fingerprintOf(spki),
    prove: (challenge: string): IdentityProof => ({
      serverId,
      publicKey: spki,
      signature: sign(null, identityMessage(serverId, challenge), privateKey).toString('base64url'),
    }),
  };
};

describe('a server proving who it is', () => {
  const centre = serverKey('centre-a');
  const pinned = { serverId: centre.serverId, fingerprint: centre.fingerprint, publicKey: centre.publicKey };

  it('is taken on its signature over the challenge, and pinned by its fingerprint', () => {
    const challenge = newChallenge();
    expect(checkIdentityProof(centre.prove(challenge), challenge)).toEqual({ ok: true, server: pinned });
    expect(checkIdentityProof(centre.prove(challenge), challenge, pinned)).toEqual({
      ok: true,
      server: pinned,
    });
    expect(centre.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is refused with an old answer, a forged signature, or another kind of key', () => {
    const challenge = newChallenge();
    const replayed = centre.prove(newChallenge());
    expect(checkIdentityProof(replayed, challenge, pinned)).toMatchObject({ ok: false, reason: 'invalid' });
    const forged = { ...centre.prove(challenge), signature: Buffer.alloc(64).toString('base64url') };
    expect(checkIdentityProof(forged, challenge)).toMatchObject({ ok: false, reason: 'invalid' });
    // The signature is over the id too: the same key cannot speak for another id.
    expect(checkIdentityProof({ ...centre.prove(challenge), serverId: 'centre-b' }, challenge)).toMatchObject(
      {
        ok: false,
        reason: 'invalid',
      },
    );
    expect(checkIdentityProof(serverKey('centre-a', 'ed448').prove(challenge), challenge)).toMatchObject({
      ok: false,
    });
    for (const junk of [undefined, null, 'text', { serverId: 'x' }, { ...forged, publicKey: 'not a key' }])
      expect(checkIdentityProof(junk, challenge)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('is another server when its key is not the pinned one, even under the same id', () => {
    const impostor = serverKey('centre-a');
    const challenge = newChallenge();
    expect(checkIdentityProof(impostor.prove(challenge), challenge, pinned)).toEqual({
      ok: false,
      reason: 'mismatch',
      serverId: 'centre-a',
    });
  });

  it('is asked over HTTP with a fresh challenge each time', async () => {
    const asked: string[] = [];
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      asked.push(url.searchParams.get('challenge') ?? '');
      expect(url.pathname).toBe(IDENTITY_PATH);
      return Response.json({ ok: true, data: centre.prove(url.searchParams.get('challenge') ?? '') });
    }) as typeof fetch;
    const url = 'http://10.0.0.5:8080/';
    expect(await proveServer({ url, pinned, fetch: fakeFetch })).toEqual({ ok: true, server: pinned });
    expect(await proveServer({ url, pinned, fetch: fakeFetch })).toMatchObject({ ok: true });
    expect(new Set(asked).size).toBe(2);

    const old = (async () => new Response('Not found', { status: 404 })) as typeof fetch;
    expect(await proveServer({ url, pinned, fetch: old })).toMatchObject({ ok: false, reason: 'invalid' });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await proveServer({ url, pinned, fetch: down })).toEqual({ ok: false, reason: 'unreachable' });
  });
});
