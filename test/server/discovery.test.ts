/**
 * The queue server announces itself on the LAN: `apps/server/src/main.ts` runs as a child
 * process in a private network namespace, and the shells' discovery module, in another one
 * joined to it by a veth pair, finds its URL and reaches its health page there. Nothing is
 * announced on this machine's real network (the demo server's public passwords stay inside
 * the namespaces), and no other server there can answer. Skipped, saying why, without root
 * or iproute2. The announcement carries the fingerprint of the key the server signs with.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type FindServerOptions, type FoundServer, checkIdentityProof, newChallenge } from '@queue/discovery';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type PrivateNetwork,
  openPrivateNetwork,
} from '../../packages/discovery/src/testing/private-network';
import { WEEKDAY_10AM_ISO, tempDir } from './harness';

const opened = openPrivateNetwork();
const network: PrivateNetwork | undefined = 'unavailable' in opened ? undefined : opened;
if ('unavailable' in opened) console.warn(`server discovery tests skipped: ${opened.unavailable}`);

const FIND = 'packages/discovery/src/testing/find-child.ts';

interface FindLine {
  readonly msg: string;
  readonly found: (FoundServer & { readonly fingerprint?: string }) | null;
  readonly fetched: { status: number; body: string } | null;
}

describe.skipIf(!network)('the server on the LAN (skipped without root and ip)', () => {
  const lan = network as PrivateNetwork;
  const folders: string[] = [];
  afterAll(async () => {
    await lan.remove();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  const spawn = async (serverId: string, extra: Record<string, string> = {}) => {
    const folder = tempDir('mdns');
    folders.push(folder);
    const server = lan.node(lan.server, ['apps/server/src/main.ts'], {
      QUEUE_PORT: '0',
      QUEUE_HOST: lan.server.address,
      QUEUE_DB: join(folder, 'queue.sqlite'),
      QUEUE_TIME_START: WEEKDAY_10AM_ISO,
      QUEUE_LOG_LEVEL: 'info',
      QUEUE_SERVER_ID: serverId,
      ...extra,
    });
    const { port } = await server.line<{ msg?: string; port?: number }>((line) => line.msg === 'listening');
    return { port: port ?? 0 };
  };

  const find = (options: FindServerOptions, fetchPath?: string) =>
    lan
      .node(lan.client, [FIND], {
        FIND_OPTIONS: JSON.stringify(options),
        ...(fetchPath !== undefined ? { FIND_FETCH: fetchPath } : {}),
      })
      .line<FindLine>((line) => line.msg === 'found', options.timeoutMs + 15_000);

  it('is found by a screen and answers at the URL found', async () => {
    const serverId = `test-${randomUUID().slice(0, 8)}`;
    const { port } = await spawn(serverId);
    const { found, fetched } = await find({ serverId, timeoutMs: 20_000 }, '/health');
    expect(found).toMatchObject({ source: 'mdns', serverId, url: `http://${lan.server.address}:${port}` });
    expect(fetched?.status).toBe(200);
  }, 60_000);

  it('announces the fingerprint of the key it proves its identity with', async () => {
    const serverId = `test-${randomUUID().slice(0, 8)}`;
    await spawn(serverId);
    const challenge = newChallenge();
    const { found, fetched } = await find(
      { serverId, timeoutMs: 20_000 },
      `/api/identity?challenge=${challenge}`,
    );
    const proof = (JSON.parse(fetched?.body ?? '{}') as { data?: unknown }).data;
    const check = checkIdentityProof(proof, challenge);
    expect(check).toMatchObject({ ok: true, server: { serverId } });
    expect(found?.fingerprint).toBe(check.ok ? check.server.fingerprint : 'no proof');
  }, 60_000);

  it('stays silent with QUEUE_MDNS=0', async () => {
    const serverId = `test-${randomUUID().slice(0, 8)}`;
    await spawn(serverId, { QUEUE_MDNS: '0' });
    expect((await find({ serverId, timeoutMs: 3_000 })).found).toBeNull();
  }, 60_000);
});
