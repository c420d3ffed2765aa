/**
 * The queue server announces itself on the LAN: `apps/server/src/main.ts` runs as a child
 * process listening on every interface, and the shells' discovery module finds its URL and
 * reaches its health page there. A unique server id per run keeps other servers on the
 * network (and parallel test runs) out of the answer. Needs a multicast-capable interface:
 * Linux does not route multicast on `lo` alone.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { findServer } from '@queue/discovery';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, WEEKDAY_10AM_ISO, spawnServer, tempDir } from './harness';

const hasMulticastInterface = Object.values(networkInterfaces())
  .flat()
  .some((entry) => entry?.family === 'IPv4' && !entry.internal);

describe.skipIf(!hasMulticastInterface)(
  'the server on the LAN (skipped without a multicast-capable interface)',
  () => {
    const servers: ChildServer[] = [];
    const folders: string[] = [];
    afterAll(async () => {
      for (const server of servers) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });

    const spawn = (serverId: string, extra: Record<string, string> = {}) => {
      const folder = tempDir('mdns');
      folders.push(folder);
      return spawnServer(join(folder, 'queue.sqlite'), WEEKDAY_10AM_ISO, 30_000, {
        QUEUE_HOST: '0.0.0.0',
        QUEUE_SERVER_ID: serverId,
        ...extra,
      }).then((server) => (servers.push(server), server));
    };

    it('is found by a screen and answers at the URL found', async () => {
      const serverId = `test-${randomUUID().slice(0, 8)}`;
      const server = await spawn(serverId);
      const found = await findServer({ serverId, timeoutMs: 20_000 });
      expect(found).toMatchObject({ source: 'mdns', serverId });
      expect(found?.url).toMatch(new RegExp(`^http://[\\d.]+:${server.port}$`));
      const health = await fetch(`${found?.url}/health`);
      expect(health.ok).toBe(true);
    }, 60_000);

    it('stays silent with QUEUE_MDNS=0', async () => {
      const serverId = `test-${randomUUID().slice(0, 8)}`;
      await spawn(serverId, { QUEUE_MDNS: '0' });
      expect(await findServer({ serverId, timeoutMs: 3_000 })).toBeUndefined();
    }, 60_000);
  },
);
