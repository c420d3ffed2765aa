/**
 * Discovery on a network of its own: a real HTTP server advertises itself with mDNS in one
 * network namespace, and the client module finds its URL and reaches it from another; the
 * two are joined by a veth pair, so no packet leaves this machine and no other server on
 * the real LAN can answer. Without root or iproute2 the multicast tests are skipped (and
 * say why); everything else here touches no network at all.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { findServer, type FindServerOptions, type FoundServer } from './find-server';
import { fingerprintOf } from './identity';
import { type Namespace, type PrivateNetwork, openPrivateNetwork } from './testing/private-network';

const opened = openPrivateNetwork();
const network: PrivateNetwork | undefined = 'unavailable' in opened ? undefined : opened;
if ('unavailable' in opened) console.warn(`discovery: multicast tests skipped: ${opened.unavailable}`);

const ADVERTISE = 'packages/discovery/src/testing/advertise-child.ts';
const FIND = 'packages/discovery/src/testing/find-child.ts';

interface FindLine {
  readonly msg: string;
  readonly found: (FoundServer & { readonly fingerprint?: string }) | null;
  readonly fetched: { status: number; body: string } | null;
  readonly passedOver: readonly FoundServer[];
}

describe('finding the queue server', () => {
  it('uses the configured URL without asking the network', async () => {
    const started = Date.now();
    expect(await findServer({ configuredUrl: 'http://10.0.0.5:8080/', timeoutMs: 5_000 })).toEqual({
      source: 'configured',
      url: 'http://10.0.0.5:8080',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe.skipIf(!network)(
  'finding the queue server on a private network (skipped without root and ip)',
  () => {
    const lan = network as PrivateNetwork;
    afterAll(() => lan.remove());

    const advertise = async (env: Record<string, string>): Promise<{ port: number }> => {
      const child = lan.node(lan.server, [ADVERTISE], { ADVERTISE_HOST: lan.server.address, ...env });
      return child.line<{ msg: string; port: number }>((line) => line.msg === 'advertising');
    };

    const find = (options: FindServerOptions, fetchPath?: string, side: Namespace = lan.client) =>
      lan
        .node(side, [FIND], {
          FIND_OPTIONS: JSON.stringify(options),
          ...(fetchPath !== undefined ? { FIND_FETCH: fetchPath } : {}),
        })
        .line<FindLine>((line) => line.msg === 'found', options.timeoutMs + 15_000);

    it('answers nothing when no server of that id is on the network', async () => {
      const answer = await find({ serverId: `absent-${randomUUID()}`, timeoutMs: 1_500 });
      expect(answer.found).toBeNull();
    }, 30_000);

    it('finds an advertised server and reaches it at the URL found', async () => {
      const serverId = `test-${randomUUID()}`;
      const { port } = await advertise({ ADVERTISE_SERVER_ID: serverId });
      const answer = await find({ serverId, timeoutMs: 15_000 }, '/');
      expect(answer.found).toEqual({ source: 'mdns', serverId, url: `http://${lan.server.address}:${port}` });
      expect(answer.fetched).toEqual({ status: 200, body: 'queue server here' });
    }, 60_000);

    it('prefers the configured URL even when a server is advertised', async () => {
      const serverId = `test-${randomUUID()}`;
      await advertise({ ADVERTISE_SERVER_ID: serverId, ADVERTISE_PORT: '9', ADVERTISE_TLS: '1' });
      const configuredUrl = 'https://queue.centre.example:8443';
      expect((await find({ configuredUrl, serverId, timeoutMs: 15_000 })).found).toEqual({
        source: 'configured',
        url: configuredUrl,
      });
      expect((await find({ serverId, timeoutMs: 15_000 })).found?.url).toBe(
        `https://${lan.server.address}:9`,
      );
    }, 60_000);

    it('with a server id, takes that server and not another one on the LAN', async () => {
      const wanted = `test-${randomUUID()}`;
      await advertise({ ADVERTISE_SERVER_ID: `test-${randomUUID()}`, ADVERTISE_PORT: '8101' });
      await advertise({ ADVERTISE_SERVER_ID: wanted, ADVERTISE_PORT: '8102' });
      const { found } = await find({ serverId: wanted, timeoutMs: 15_000 });
      expect(found).toMatchObject({ source: 'mdns', serverId: wanted });
      expect(found?.url).toMatch(/:8102$/);
    }, 60_000);

    it('for a paired screen, passes over a server of the same id announcing another key', async () => {
      const serverId = `test-${randomUUID()}`;
      const [impostor, real] = [fingerprintOf('impostor'), fingerprintOf('real')];
      await advertise({
        ADVERTISE_SERVER_ID: serverId,
        ADVERTISE_PORT: '8201',
        ADVERTISE_FINGERPRINT: impostor,
      });
      await advertise({ ADVERTISE_SERVER_ID: serverId, ADVERTISE_PORT: '8202', ADVERTISE_FINGERPRINT: real });
      const answer = await find({ serverId, fingerprint: real, timeoutMs: 15_000 });
      expect(answer.found).toMatchObject({ serverId, fingerprint: real });
      expect(answer.found?.url).toMatch(/:8202$/);
      // An unpaired screen takes either, and is told the announced fingerprint.
      expect([impostor, real]).toContain((await find({ serverId, timeoutMs: 15_000 })).found?.fingerprint);
    }, 60_000);

    it('tells a paired screen about the servers it passed over, and finds none of its own', async () => {
      const serverId = `test-${randomUUID()}`;
      const other = fingerprintOf('other');
      await advertise({
        ADVERTISE_SERVER_ID: serverId,
        ADVERTISE_PORT: '8301',
        ADVERTISE_FINGERPRINT: other,
      });
      const answer = await find({ serverId, fingerprint: fingerprintOf('mine'), timeoutMs: 3_000 });
      expect(answer.found).toBeNull();
      expect(answer.passedOver).toContainEqual(expect.objectContaining({ serverId, fingerprint: other }));
    }, 60_000);
  },
);
