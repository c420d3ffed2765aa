/**
 * One catalogue (docs/city.md): a real hub on a real PostgreSQL publishes the city's
 * catalogue; a real centre server fetches the offer; its administrator reads what would
 * change and applies it through the checked, audited configuration replace; the kiosk gets
 * the new configuration; the centre's local service survives; the hub records the applied
 * version. Refusals: bad documents at the hub, non-admins and stale versions at the centre.
 */
import { type Centre, type CityCatalogue, type Service, DEMO_CENTRE, catalogueOfCentre } from '@queue/core';
import type { CityCatalogueOfferView } from '@queue/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCatalogueCommand } from '../../apps/hub/src/catalogue-command';
import { ManualTimers } from '../support/manual-timers';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KIOSK_TOKEN,
  type ClientSocket,
  type TestServer,
  okData,
  rid,
  startServer,
  tempDir,
} from '../server/harness';
import { ADMIN_TOKEN, type TestHub, call, enrolCentre, startHub } from './support';

let postgres: TestPostgres;
let hub: TestHub;
const servers: TestServer[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
  hub = await startHub(postgres);
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
afterAll(async () => {
  await hub?.close();
  await postgres?.destroy();
});

const text = (value: string) => ({ uk: value, ru: value, en: value });
const [FIRST, SECOND] = DEMO_CENTRE.services as [Service, Service, ...Service[]];

/** The demo's catalogue with its first service renamed and one new service. */
const cityDocument = (): Omit<CityCatalogue, 'version'> => {
  const base = catalogueOfCentre(DEMO_CENTRE);
  return {
    ...base,
    services: [
      { ...FIRST, name: text('Renamed by the city') },
      ...base.services.slice(1),
      { ...SECOND, code: 'city-new' as Service['code'], name: text('New city service'), prefix: 'Н' },
    ],
  };
};

const publish = (body: unknown, token = ADMIN_TOKEN) =>
  call(hub.url, 'POST', '/api/hub/admin/catalogue', { token, body });

interface Centre1 {
  readonly server: TestServer;
  readonly admin: ClientSocket;
  readonly kiosk: ClientSocket;
  readonly centreId: string;
}

const openCentre = async (name: string, databaseFile?: string): Promise<Centre1> => {
  const { centreId, key } = await enrolCentre(hub.url, name);
  const server = await startServer({
    timers: new ManualTimers(),
    hub: { url: hub.url, key },
    ...(databaseFile ? { databaseFile } : {}),
  });
  servers.push(server);
  const admin = await server.connect((await server.login('admin', 'admin')).token);
  const kiosk = await server.connect(KIOSK_TOKEN);
  return { server, admin, kiosk, centreId };
};

const offer = (centre: Centre1): Promise<CityCatalogueOfferView> =>
  okData(centre.admin.emitWithAck('city-catalogue:offer', { refresh: true }));

const hubRecord = async (centreId: string) =>
  (
    await hub.pool.query<{ fetched_version: number | null; applied_version: number | null }>(
      'SELECT fetched_version, applied_version FROM centre_catalogue WHERE centre_id = $1',
      [centreId],
    )
  ).rows[0];

const LOCAL: Service = { ...FIRST, code: 'local-parking' as Service['code'], name: text('Parking permits') };

/** The centre adds a service of its own, served by its first desk. */
const addLocalService = async (centre: Centre1): Promise<void> => {
  const { version, centre: current } = await okData(centre.admin.emitWithAck('centre:get', {}));
  const next: Centre = {
    ...current,
    services: [...current.services, LOCAL],
    desks: current.desks.map((desk, index) =>
      index === 0 ? { ...desk, services: [...desk.services, { code: LOCAL.code, weight: 1 }] } : desk,
    ),
  };
  await okData(
    centre.admin.emitWithAck('centre:replace', { requestId: rid(), baseVersion: version, centre: next }),
  );
};

describe('npm run hub:catalogue', () => {
  it('exports the reference catalogue, publishes it and shows the versions', async () => {
    const file = join(tempDir('catalogue-cli'), 'city.json');
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const env = { QUEUE_HUB_URL: `${hub.url}/`, QUEUE_HUB_ADMIN_TOKEN: ADMIN_TOKEN };
    await runCatalogueCommand({ argv: ['export-from-demo', file], env, print });
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { services: unknown[] };
    expect(exported.services).toHaveLength(DEMO_CENTRE.services.length);
    await runCatalogueCommand({ argv: ['publish', file, '--note', 'From the CLI'], env, print });
    const version = Number(/version (\d+)/.exec(lines.at(-1) ?? '')?.[1]);
    expect(version).toBeGreaterThanOrEqual(1);
    await runCatalogueCommand({ argv: ['show'], env, print });
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ current: { version, note: 'From the CLI' } });
    await expect(runCatalogueCommand({ argv: ['show'], env: {}, print })).rejects.toThrow(/QUEUE_HUB_URL/);
    await expect(
      runCatalogueCommand({ argv: ['show'], env: { ...env, QUEUE_HUB_ADMIN_TOKEN: 'wrong' }, print }),
    ).rejects.toThrow(/401 UNAUTHENTICATED/);
  });
});

describe('the city catalogue at the hub', () => {
  it('refuses a bad document with 400 and says what is wrong, and a centre key', async () => {
    const document = cityDocument();
    const badPrefix = await publish({
      ...document,
      services: [{ ...document.services[0], prefix: 'A1' }, ...document.services.slice(1)],
    });
    expect(badPrefix.status).toBe(400);
    expect(badPrefix.body.error?.code).toBe('BAD_REQUEST');
    expect(badPrefix.body.error?.message).toMatch(/services\.0\.prefix: badPrefix/);

    const unknownField = await publish({ ...document, desks: [] });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error?.message).toMatch(/desks/);

    const dangling = await publish({ ...document, organisations: [] });
    expect(dangling.status).toBe(400);
    expect(dangling.body.error?.message).toMatch(/organisationId: unknownReference/);

    const { key } = await enrolCentre(hub.url, 'Not an administrator');
    expect((await publish(document, key)).status).toBe(401);
    expect((await call(hub.url, 'GET', '/api/hub/admin/catalogue', { token: key })).status).toBe(401);
    expect((await call(hub.url, 'GET', '/api/hub/catalogue')).status).toBe(401);
  });
});

describe('a catalogue published at the hub, applied at a centre', () => {
  it('is offered with its changes, applied by the administrator, reaches the kiosk; the local service stays', async () => {
    const centre = await openCentre('Podil');
    await addLocalService(centre);

    const published = await publish({ ...cityDocument(), note: 'Renamed a service; one new' });
    expect(published.status).toBe(200);
    const version = (published.body.data as { version: number }).version;

    const offered = await offer(centre);
    expect(offered.configured).toBe(true);
    expect(offered.appliedVersion).toBeUndefined();
    expect(offered.offered?.version).toBe(version);
    const changes = offered.offered?.changes;
    expect(changes?.services.changed).toEqual([
      { id: FIRST.code, name: text('Renamed by the city'), fields: ['name'] },
    ]);
    expect(changes?.services.added).toEqual([{ id: 'city-new', name: text('New city service') }]);
    expect(changes?.services.removedByCity).toEqual([]);
    expect(changes?.unservedServices.map((entry) => entry.id)).toEqual(['city-new']);
    expect((await hubRecord(centre.centreId))?.fetched_version).toBe(version);

    // Nothing changed behind the administrator's back: the offer is only an offer.
    const before = await okData(centre.admin.emitWithAck('centre:get', {}));
    expect(before.centre.services.some((service) => service.code === 'city-new')).toBe(false);

    // Refusals: a stale version, and anyone but an administrator.
    const stale = await centre.admin.emitWithAck('city-catalogue:apply', {
      requestId: rid(),
      version: version + 1,
    });
    expect(stale.ok ? undefined : stale.error.code).toBe('CATALOGUE_STALE');
    const operator = await centre.server.connect((await centre.server.login('operator1', '1111')).token);
    const forbidden = await operator.emitWithAck('city-catalogue:apply', { requestId: rid(), version });
    expect(forbidden.ok ? undefined : forbidden.error.code).toBe('FORBIDDEN');
    const peek = await operator.emitWithAck('city-catalogue:offer', {});
    expect(peek.ok ? undefined : peek.error.code).toBe('FORBIDDEN');

    const pushed = new Promise<Centre>((resolvePushed) => centre.kiosk.once('centre:updated', resolvePushed));
    const applied = await okData(
      centre.admin.emitWithAck('city-catalogue:apply', { requestId: rid(), version }),
    );
    expect(applied.catalogueVersion).toBe(version);
    expect(applied.version).toBe(before.version + 1);
    expect(applied.summary.sections.services).toEqual({
      added: ['city-new'],
      removed: [],
      changed: [FIRST.code],
    });

    const onKiosk = await pushed;
    expect(onKiosk.services.find((service) => service.code === 'city-new')?.name).toEqual(
      text('New city service'),
    );
    const after = await okData(centre.admin.emitWithAck('centre:get', {}));
    expect(after.version).toBe(applied.version);
    const byCode = new Map(after.centre.services.map((service) => [service.code as string, service]));
    expect(byCode.get(FIRST.code)?.name).toEqual(text('Renamed by the city'));
    expect(byCode.get(LOCAL.code)?.name).toEqual(LOCAL.name);
    expect(byCode.has('city-new')).toBe(true);
    expect(after.centre.desks).toEqual(before.centre.desks);

    const [audit] = await okData(centre.admin.emitWithAck('audit:list', { action: 'city-catalogue:apply' }));
    expect(audit).toMatchObject({ actor: 'staff:admin', target: `centre:v${applied.version}` });

    // The hub is told (in the background): poll with a deadline.
    const deadline = Date.now() + 10_000;
    while ((await hubRecord(centre.centreId))?.applied_version !== version) {
      if (Date.now() > deadline) throw new Error('the hub never recorded the applied version');
      await new Promise((resolveSoon) => setTimeout(resolveSoon, 20));
    }
    const adminView = await call(hub.url, 'GET', '/api/hub/admin/catalogue', { token: ADMIN_TOKEN });
    const view = adminView.body.data as {
      current: { version: number; note: string };
      history: { version: number }[];
      centres: { centreId: string; appliedVersion?: number }[];
    };
    expect(view.current).toMatchObject({ version, note: 'Renamed a service; one new' });
    expect(view.history.map((entry) => entry.version)).toContain(version);
    expect(view.centres.find((entry) => entry.centreId === centre.centreId)?.appliedVersion).toBe(version);

    const settled = await offer(centre);
    expect(settled.appliedVersion).toBe(version);
    expect(settled.offered?.changes.services).toEqual({ added: [], changed: [], removedByCity: [] });

    // The next version drops a service: kept here, reported as removed by the city.
    const dropped = cityDocument();
    const next = await publish({
      ...dropped,
      services: dropped.services.filter((s) => s.code !== SECOND.code),
    });
    const nextVersion = (next.body.data as { version: number }).version;
    expect(nextVersion).toBe(version + 1);
    const later = await offer(centre);
    expect(later.offered?.version).toBe(nextVersion);
    expect(later.offered?.changes.services.removedByCity).toEqual([{ id: SECOND.code, name: SECOND.name }]);
    const old = await centre.admin.emitWithAck('city-catalogue:apply', { requestId: rid(), version });
    expect(old.ok ? undefined : old.error.code).toBe('CATALOGUE_STALE');
    await okData(
      centre.admin.emitWithAck('city-catalogue:apply', { requestId: rid(), version: nextVersion }),
    );
    const kept = await okData(centre.admin.emitWithAck('centre:get', {}));
    expect(kept.centre.services.some((service) => service.code === SECOND.code)).toBe(true);
  });

  it('keeps the offer over a restart of the centre', async () => {
    // A file of the test's own: a server's close removes the folder it made.
    const file = join(tempDir('catalogue'), 'queue.sqlite');
    const centre = await openCentre('Obolon', file);
    await publish(cityDocument());
    const first = await offer(centre);
    await centre.server.close();
    servers.splice(0);
    // Restarted, and the hub not asked yet (its timers are fired by no one).
    const again = await startServer({
      timers: new ManualTimers(),
      databaseFile: file,
      hub: { url: hub.url, key: 'a-key-the-hub-does-not-know' },
    });
    servers.push(again);
    const admin = await again.connect((await again.login('admin', 'admin')).token);
    const kept = await okData(admin.emitWithAck('city-catalogue:offer', {}));
    expect(kept.offered?.version).toBe(first.offered?.version);
    // A refused fetch is reported and the offer stays.
    const refused = await okData(admin.emitWithAck('city-catalogue:offer', { refresh: true }));
    expect(refused.lastError).toMatch(/401 UNAUTHENTICATED/);
    expect(refused.offered?.version).toBe(first.offered?.version);
  });

  it('is fetched at start, on the server timers, in the background', async () => {
    const timers = new ManualTimers();
    const { centreId, key } = await enrolCentre(hub.url, 'Darnytsia');
    const published = await publish(cityDocument());
    const version = (published.body.data as { version: number }).version;
    const server = await startServer({ timers, hub: { url: hub.url, key } });
    servers.push(server);
    expect(await hubRecord(centreId)).toBeUndefined();
    const deadline = Date.now() + 10_000;
    while ((await hubRecord(centreId))?.fetched_version !== version) {
      if (Date.now() > deadline) throw new Error('the centre never fetched the offer');
      timers.fire();
      await new Promise((resolveSoon) => setTimeout(resolveSoon, 20));
    }
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    const view = await okData(admin.emitWithAck('city-catalogue:offer', {}));
    expect(view.offered?.version).toBe(version);
    expect(view.lastFetchedAt).toBeTypeOf('number');
  });

  it('a centre without a hub says so', async () => {
    const server = await startServer({ timers: new ManualTimers() });
    servers.push(server);
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    expect(await okData(admin.emitWithAck('city-catalogue:offer', {}))).toEqual({ configured: false });
    const refused = await admin.emitWithAck('city-catalogue:apply', { requestId: rid(), version: 1 });
    expect(refused.ok ? undefined : refused.error.code).toBe('NOT_FOUND');
  });
});
