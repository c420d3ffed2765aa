/**
 * Administration over real sockets: a valid replace is live for every screen at once, an
 * invalid or stale one changes nothing, only administrators may, and each change is audited.
 * Staff accounts are created and their passwords reset; supervisors move a desk to services.
 */
import type { Centre, DeskId, Service } from '@queue/core';
import type { AuditRecord, CentreDocument } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  type RecordingSocket,
  type TestServer,
  okData,
  rid,
  startServer,
  waitFor,
} from './harness';

const NEW_SERVICE: Service = {
  code: 'dog-licence' as Service['code'],
  categoryId: 'billing' as Service['categoryId'],
  organisationId: 'centre' as Service['organisationId'],
  name: { uk: 'Реєстрація собаки', ru: 'Регистрация собаки', en: 'Dog licence' },
  prefix: 'Д',
  expectedMinutes: 10,
  waitingStandardMinutes: 20,
  onKiosk: true,
  outcomes: [],
  outcomeRequired: false,
};

const withNewService = (centre: Centre): Centre => ({
  ...centre,
  services: [...centre.services, NEW_SERVICE],
  desks: centre.desks.map((desk) =>
    desk.id === 'desk-5'
      ? { ...desk, services: [...desk.services, { code: NEW_SERVICE.code, weight: 1 }] }
      : desk,
  ),
});

describe('configuration administration', () => {
  let server: TestServer;
  let admin: RecordingSocket;

  const document = (): Promise<CentreDocument> => okData(admin.emitWithAck('centre:get', {}));
  const auditOf = async (action: string): Promise<readonly AuditRecord[]> =>
    okData(admin.emitWithAck('audit:list', { action }));

  beforeEach(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin')).token);
  });

  afterEach(async () => {
    await server.close();
  });

  it('makes a new service live: the kiosk sees it, takes a ticket and the desk calls it', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const display = await server.connect(DISPLAY_TOKEN);
    const seenByKiosk: Centre[] = [];
    const seenByDisplay: Centre[] = [];
    kiosk.on('centre:updated', (centre) => seenByKiosk.push(centre));
    display.on('centre:updated', (centre) => seenByDisplay.push(centre));
    const before = await document();

    const answer = await okData(
      admin.emitWithAck('centre:replace', {
        requestId: rid(),
        baseVersion: before.version,
        centre: withNewService(before.centre),
      }),
    );
    expect(answer.version).toBe(before.version + 1);
    expect(answer.summary.sections.services).toEqual({ added: ['dog-licence'], removed: [], changed: [] });
    expect(answer.summary.sections.desks).toEqual({ added: [], removed: [], changed: ['desk-5'] });
    await waitFor(() => seenByKiosk.length === 1 && seenByDisplay.length === 1, 5_000, 'centre:updated');
    expect(seenByKiosk[0]?.services.some((service) => service.code === 'dog-licence')).toBe(true);

    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'dog-licence' }),
    );
    expect(issued.ticket.number).toBe('Д-001');
    const operator = await server.connect((await server.login('operator5', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    const called = await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.id).toBe(issued.ticket.id);

    const [entry] = await auditOf('centre:replace');
    expect(entry).toMatchObject({ actor: 'staff:admin', target: `centre:v${answer.version}` });
    expect(entry?.details).toMatchObject({
      baseVersion: before.version,
      sections: { services: { added: ['dog-licence'] } },
    });

    await server.restart();
    const again = await server.connect((await server.login('admin', 'admin')).token);
    const reloaded = await okData(again.emitWithAck('centre:get', {}));
    expect(reloaded.version).toBe(answer.version);
    expect(reloaded.centre.services.some((service) => service.code === 'dog-licence')).toBe(true);
  });

  it('refuses an invalid import with every problem, and changes nothing', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const pushed: Centre[] = [];
    kiosk.on('centre:updated', (centre) => pushed.push(centre));
    const before = await document();
    const broken = {
      ...before.centre,
      services: [{ ...NEW_SERVICE, prefix: '12', categoryId: 'nowhere' }, ...before.centre.services],
      site: { ...before.centre.site, timeZone: 'Mars/Olympus' },
    };
    const answer = await admin.emitWithAck('centre:replace', {
      requestId: rid(),
      baseVersion: before.version,
      centre: broken,
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('CONFIG_INVALID');
    expect(answer.error.problems?.map((problem) => `${problem.path}:${problem.key}`)).toEqual([
      'site.timeZone:badTimeZone',
      'services.0.categoryId:unknownReference',
      'services.0.prefix:badPrefix',
    ]);

    const shapeless = await admin.emitWithAck('centre:replace', {
      requestId: rid(),
      baseVersion: before.version,
      centre: { site: 'nope' },
    });
    expect(shapeless.ok ? 'ok' : shapeless.error.code).toBe('CONFIG_INVALID');
    if (!shapeless.ok) expect(shapeless.error.problems?.[0]).toMatchObject({ key: 'shape' });

    const after = await document();
    expect(after).toEqual(before);
    expect(await auditOf('centre:replace')).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('answers a retried replace with its first answer instead of a conflict with itself', async () => {
    const before = await document();
    const request = { requestId: rid(), baseVersion: before.version, centre: withNewService(before.centre) };
    const first = await okData(admin.emitWithAck('centre:replace', request));
    const again = await okData(admin.emitWithAck('centre:replace', request));
    expect(again).toEqual(first);
    expect((await document()).version).toBe(before.version + 1);
    expect(await auditOf('centre:replace')).toHaveLength(1);
  });

  it('refuses a stale version and a change that would strand waiting visitors', async () => {
    const before = await document();
    await okData(
      admin.emitWithAck('centre:replace', {
        requestId: rid(),
        baseVersion: before.version,
        centre: withNewService(before.centre),
      }),
    );
    const stale = await admin.emitWithAck('centre:replace', {
      requestId: rid(),
      baseVersion: before.version,
      centre: before.centre,
    });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFIG_CONFLICT');

    const kiosk = await server.connect(KIOSK_TOKEN);
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'dog-licence' }));
    const current = await document();
    const stranding = await admin.emitWithAck('centre:replace', {
      requestId: rid(),
      baseVersion: current.version,
      centre: before.centre,
    });
    expect(stranding.ok).toBe(false);
    if (!stranding.ok) {
      expect(stranding.error.code).toBe('CONFIG_INVALID');
      expect(stranding.error.problems).toEqual([
        {
          path: `services.${before.centre.services.length}`,
          key: 'liveTickets',
          params: { id: 'dog-licence', count: 1 },
        },
      ]);
    }
    expect((await document()).version).toBe(current.version);
  });

  it('refuses a kiosk printer with an unknown profile and a broken ticket template, and accepts known ones', async () => {
    const before = await document();
    const withPrinter = (profileId: string): Centre => ({
      ...before.centre,
      kiosks: [
        {
          deviceId: 'kiosk-1',
          name: 'Кіоск',
          printer: { profileId, transport: 'tcp', host: '10.0.0.9', port: 9100 },
        },
      ],
    });
    const unknown = await admin.emitWithAck('centre:replace', {
      requestId: rid(),
      baseVersion: before.version,
      centre: withPrinter('no-such-printer'),
    });
    expect(unknown.ok ? [] : unknown.error.problems).toEqual([
      {
        path: 'kiosks.0.printer.profileId',
        key: 'unknownReference',
        params: { id: 'no-such-printer', kind: 'printerProfile' },
      },
    ]);
    const template = await admin.emitWithAck('centre:replace', {
      requestId: rid(),
      baseVersion: before.version,
      centre: { ...before.centre, ticketTemplate: { noSuchBlock: true } },
    });
    expect(template.ok ? 'ok' : template.error.problems?.[0]?.path).toMatch(/^ticketTemplate/);
    await okData(
      admin.emitWithAck('centre:replace', {
        requestId: rid(),
        baseVersion: before.version,
        centre: withPrinter('epson-80'),
      }),
    );
  });

  it('lets only administrators read and replace the configuration', async () => {
    const before = await document();
    const others = [
      await server.connect((await server.login('operator1', '1111')).token),
      await server.connect((await server.login('reception', '0000')).token),
      await server.connect((await server.login('supervisor', '2222')).token),
      await server.connect(KIOSK_TOKEN),
      await server.connect(DISPLAY_TOKEN),
    ];
    for (const socket of others) {
      const read = await socket.emitWithAck('centre:get', {});
      expect(read.ok ? 'ok' : read.error.code).toBe('FORBIDDEN');
      const write = await socket.emitWithAck('centre:replace', {
        requestId: rid(),
        baseVersion: before.version,
        centre: withNewService(before.centre),
      });
      expect(write.ok ? 'ok' : write.error.code).toBe('FORBIDDEN');
      const staff = await socket.emitWithAck('staff:list', {});
      expect(staff.ok ? 'ok' : staff.error.code).toBe('FORBIDDEN');
    }
    expect((await document()).version).toBe(before.version);
  });
});

describe('desks moved to other services', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('lets a supervisor move a desk live, audited; operators may not', async () => {
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    const operator = await server.connect((await server.login('operator1', '1111')).token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const pushed: Centre[] = [];
    kiosk.on('centre:updated', (centre) => pushed.push(centre));
    const services = [{ code: 'police-officer', weight: 2 }];

    const refused = await operator.emitWithAck('desk:assign-services', {
      requestId: rid(),
      deskId: 'desk-1',
      services,
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const unknown = await supervisor.emitWithAck('desk:assign-services', {
      requestId: rid(),
      deskId: 'desk-1',
      services: [{ code: 'no-such-service', weight: 1 }],
    });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('CONFIG_INVALID');

    const moved = await okData(
      supervisor.emitWithAck('desk:assign-services', { requestId: rid(), deskId: 'desk-1', services }),
    );
    expect(moved.summary.sections.desks?.changed).toEqual(['desk-1']);
    await waitFor(() => pushed.length === 1, 5_000, 'centre:updated');
    expect(pushed[0]?.desks.find((desk) => desk.id === 'desk-1')?.services).toEqual(services);

    const admin = await server.connect((await server.login('admin', 'admin')).token);
    const [entry] = await okData(admin.emitWithAck('audit:list', { action: 'desk:assign-services' }));
    expect(entry).toMatchObject({ actor: 'staff:supervisor', target: 'desk:desk-1' });
  });
});

describe('staff accounts', () => {
  let server: TestServer;
  let admin: RecordingSocket;

  beforeEach(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin')).token);
  });

  afterEach(async () => {
    await server.close();
  });

  it('creates an account that logs in, resets its password (the old one fails) and never shows hashes', async () => {
    const created = await okData(
      admin.emitWithAck('staff:save', {
        requestId: rid(),
        login: 'olena',
        name: 'Олена Петренко',
        roles: ['operator'],
        organisationIds: ['centre'],
        deskId: 'desk-3',
        active: true,
        secret: 'first-pass',
      }),
    );
    expect(created).toEqual({
      id: 'olena',
      login: 'olena',
      name: 'Олена Петренко',
      roles: ['operator'],
      organisationIds: ['centre'],
      deskId: 'desk-3',
      active: true,
    });
    const session = await server.login('olena', 'first-pass');
    expect(session.principal).toMatchObject({ staffId: 'olena', deskId: 'desk-3' });

    const list = await okData(admin.emitWithAck('staff:list', {}));
    expect(list.find((entry) => entry.id === 'olena')).toEqual(created);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|secret/i);

    await okData(
      admin.emitWithAck('staff:reset-password', { requestId: rid(), id: 'olena', secret: 'second-pass' }),
    );
    await expect(server.login('olena', 'first-pass')).rejects.toThrow(/refused/);
    await server.login('olena', 'second-pass');
    // The reset ended the sessions opened with the old password.
    await expect(server.connect(session.token)).rejects.toThrow();

    const taken = await admin.emitWithAck('staff:save', {
      requestId: rid(),
      login: 'OLENA',
      name: 'Someone else',
      roles: ['operator'],
      organisationIds: [],
      active: true,
      secret: 'another-pass',
    });
    expect(taken.ok ? 'ok' : taken.error.code).toBe('LOGIN_TAKEN');

    const actions = (await okData(admin.emitWithAck('audit:list', {}))).map(
      (entry) => `${entry.action} ${entry.target}`,
    );
    expect(actions).toContain('staff:save staff:olena');
    expect(actions).toContain('staff:reset-password staff:olena');
  });

  it('keeps someone of one organisation to its desks, at login and when given a desk', async () => {
    const account = {
      requestId: rid(),
      login: 'taras',
      name: 'Тарас Водоканалів',
      roles: ['operator' as const],
      organisationIds: ['water'],
      active: true,
      secret: 'water-pass',
    };
    const elsewhere = await admin.emitWithAck('staff:save', { ...account, deskId: 'desk-1' });
    expect(elsewhere.ok ? 'ok' : elsewhere.error.code).toBe('OTHER_ORGANISATION');
    await okData(admin.emitWithAck('staff:save', { ...account, requestId: rid() }));

    // Desk 8 is the water company's; desk 1 the centre's own.
    const atWater = await server.login('taras', 'water-pass', 'desk-8');
    expect(atWater.principal).toMatchObject({ staffId: 'taras', deskId: 'desk-8' });
    await expect(server.login('taras', 'water-pass', 'desk-1')).rejects.toThrow('403 OTHER_ORGANISATION');
    expect(await okData(admin.emitWithAck('audit:list', { action: 'login:refused' }))).toContainEqual(
      expect.objectContaining({
        actor: 'staff:taras',
        target: 'desk:desk-1',
        details: expect.objectContaining({ reason: 'organisation' }),
      }),
    );
    // Administrators stand in anywhere; staff named to no organisation work anywhere.
    await server.login('admin', 'admin', 'desk-13');
    await server.login('operator1', '1111', 'desk-13');

    // A supervisor of the water company opens and moves only the water company's desks.
    await okData(
      admin.emitWithAck('staff:save', {
        ...account,
        requestId: rid(),
        login: 'vira',
        name: 'Віра Наглядач',
        roles: ['supervisor' as const],
      }),
    );
    const vira = await server.connect((await server.login('vira', 'water-pass')).token);
    const services = [{ code: 'water-contract', weight: 1 }];
    const openCentreDesk = await vira.emitWithAck('desk:open', { requestId: rid(), deskId: 'desk-1' });
    expect(openCentreDesk.ok ? 'ok' : openCentreDesk.error.code).toBe('OTHER_ORGANISATION');
    const moveCentreDesk = await vira.emitWithAck('desk:assign-services', {
      requestId: rid(),
      deskId: 'desk-1',
      services,
    });
    expect(moveCentreDesk.ok ? 'ok' : moveCentreDesk.error.code).toBe('OTHER_ORGANISATION');
    await okData(vira.emitWithAck('desk:open', { requestId: rid(), deskId: 'desk-8' }));
    await okData(vira.emitWithAck('desk:assign-services', { requestId: rid(), deskId: 'desk-8', services }));
    expect(server.app.queue.state.desks['desk-8' as DeskId]?.status).toBe('open');
    expect(server.app.queue.state.desks['desk-1' as DeskId]?.status ?? 'closed').toBe('closed');

    // Her reports cover the water company, on screen and exported; another's are refused.
    const period = { from: '2026-11-24', to: '2026-11-24', groupBy: 'service' as const };
    const own = await okData(vira.emitWithAck('report:run', period));
    expect(own.organisationId).toBe('water');
    const other = await vira.emitWithAck('report:run', { ...period, organisationId: 'centre' });
    expect(other.ok ? 'ok' : other.error.code).toBe('OTHER_ORGANISATION');
    const viraToken = (await server.login('vira', 'water-pass')).token;
    const exported = await fetch(
      `${server.url}/api/reports/export?${new URLSearchParams({ ...period, format: 'csv', organisationId: 'centre' })}`,
      { headers: { authorization: `Bearer ${viraToken}` } },
    );
    expect(exported.status).toBe(403);
    expect(((await exported.json()) as { error: { code: string } }).error.code).toBe('OTHER_ORGANISATION');
    const everyone = await okData(admin.emitWithAck('report:run', period));
    expect(everyone.organisationId).toBeUndefined();
  });

  it('deactivates an account, and keeps an administrator from locking themselves out', async () => {
    await okData(
      admin.emitWithAck('staff:save', {
        requestId: rid(),
        id: 'operator2',
        login: 'operator2',
        name: 'Оператор 2',
        roles: ['operator'],
        organisationIds: [],
        deskId: 'desk-2',
        active: false,
      }),
    );
    await expect(server.login('operator2', '1111')).rejects.toThrow(/refused/);
    const self = await admin.emitWithAck('staff:save', {
      requestId: rid(),
      id: 'admin',
      login: 'admin',
      name: 'Адміністратор',
      roles: ['operator'],
      organisationIds: [],
      active: true,
    });
    expect(self.ok ? 'ok' : self.error.code).toBe('BAD_REQUEST');
    const operator = await server.connect((await server.login('operator1', '1111')).token);
    const forbidden = await operator.emitWithAck('staff:reset-password', {
      requestId: rid(),
      id: 'admin',
      secret: 'hijacked',
    });
    expect(forbidden.ok ? 'ok' : forbidden.error.code).toBe('FORBIDDEN');
    await server.login('admin', 'admin');
  });
});
