/**
 * Discovery on this host's own network: a real HTTP server advertises itself with mDNS, and
 * the client module finds its URL and reaches it. Multicast on `lo` is not routed on Linux,
 * so the packets go out on a LAN interface and come back through multicast loopback; a
 * machine with no such interface cannot run this. Each test uses its own server id, so
 * other servers on the network (or tests running in parallel) cannot be mistaken for it.
 */
import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { type Advertisement, advertiseServer } from './advertise';
import { findServer } from './find-server';

const hasMulticastInterface = Object.values(networkInterfaces())
  .flat()
  .some((entry) => entry?.family === 'IPv4' && !entry.internal);

const listen = (): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer((_request, response) => response.end('queue server here'));
    server.listen(0, '0.0.0.0', () => resolve(server));
  });

describe('finding the queue server', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  it('uses the configured URL without asking the network', async () => {
    const started = Date.now();
    expect(await findServer({ configuredUrl: 'http://10.0.0.5:8080/', timeoutMs: 5_000 })).toEqual({
      source: 'configured',
      url: 'http://10.0.0.5:8080',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers nothing when no server of that id is on the network', async () => {
    expect(await findServer({ serverId: `absent-${randomUUID()}`, timeoutMs: 1_500 })).toBeUndefined();
  });

  it.skipIf(!hasMulticastInterface)(
    'finds an advertised server and reaches it at the URL found (skipped without multicast)',
    async () => {
      const http = await listen();
      cleanups.push(() => new Promise((resolve) => http.close(() => resolve())));
      const { port } = http.address() as AddressInfo;
      const serverId = `test-${randomUUID()}`;
      const errors: Error[] = [];
      const advertisement: Advertisement = advertiseServer({
        port,
        tls: false,
        serverId,
        onError: (error) => errors.push(error),
      });
      cleanups.push(() => advertisement.stop());

      const found = await findServer({ serverId, timeoutMs: 15_000 });
      expect(found).toMatchObject({ source: 'mdns', serverId });
      expect(found?.url).toMatch(new RegExp(`^http://[\\d.]+:${port}$`));
      const response = await fetch(`${found?.url}/`);
      expect(await response.text()).toBe('queue server here');
      expect(errors).toEqual([]);
    },
    30_000,
  );

  it.skipIf(!hasMulticastInterface)(
    'prefers the configured URL even when a server is advertised (skipped without multicast)',
    async () => {
      const serverId = `test-${randomUUID()}`;
      const advertisement = advertiseServer({ port: 9, tls: true, serverId });
      cleanups.push(() => advertisement.stop());
      const configuredUrl = 'https://queue.centre.example:8443';
      expect(await findServer({ configuredUrl, serverId, timeoutMs: 15_000 })).toEqual({
        source: 'configured',
        url: configuredUrl,
      });
      const found = await findServer({ serverId, timeoutMs: 15_000 });
      expect(found?.url).toMatch(/^https:\/\/[\d.]+:9$/);
    },
    30_000,
  );

  it.skipIf(!hasMulticastInterface)(
    'with a server id, takes that server and not another one on the LAN (skipped without multicast)',
    async () => {
      const wanted = `test-${randomUUID()}`;
      const other = advertiseServer({ port: 8101, tls: false, serverId: `test-${randomUUID()}` });
      const target = advertiseServer({ port: 8102, tls: false, serverId: wanted });
      cleanups.push(
        () => other.stop(),
        () => target.stop(),
      );
      const found = await findServer({ serverId: wanted, timeoutMs: 15_000 });
      expect(found).toMatchObject({ source: 'mdns', serverId: wanted });
      expect(found?.url).toMatch(/:8102$/);
    },
    30_000,
  );
});
