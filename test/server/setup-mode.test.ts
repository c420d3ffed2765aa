/**
 * Setup mode: a server started without the demo on an empty database answers only the setup
 * page and its API (everything else, sockets included, is 503 "not set up"); the server's own
 * machine sets up without a code, any other address only with the one-time code, which wrong
 * tries use up; bad bodies are refused with a problem per field and write nothing; and once
 * set up the same process runs the centre on the same port, refusing a second setup. A
 * browser that set up from afar is the first desk terminal, so its administrator can log in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REFERENCE_CENTRE } from '@queue/core';
import { type Ack, type LoginAnswer } from '@queue/protocol';
import { AuditStore, PeopleStore, openDatabase } from '@queue/db';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../apps/server/src/logger';
import { setupStateOf, writeSetup } from '../../apps/server/src/first-run';
import { MAX_WRONG_CODES } from '../../apps/server/src/setup-mode/setup-code';
import { CannotSetUpError, type SetupMode } from '../../apps/server/src/setup-mode/setup-server';
import { type StartedCentre, startCentre } from '../../apps/server/src/setup-mode/start-centre';
import { TestClock } from './harness';

const CODE = 'HJKM-2345';
const PASSWORD = 'кіт-на-даху-2026';

const validBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  centreName: 'ЦНАП Оболонь',
  timeZone: 'Europe/Kyiv',
  weekdays: { from: '08:00', to: '20:00' },
  weekend: { from: '09:00', to: '16:00' },
  admin: { login: 'olena', name: 'Олена Коваль', password: PASSWORD, passwordAgain: PASSWORD },
  catalogue: { kind: 'reference' },
  ...overrides,
});

const admin = (overrides: Record<string, unknown>) => ({
  admin: { login: 'olena', name: 'Олена Коваль', password: PASSWORD, passwordAgain: PASSWORD, ...overrides },
});

interface Rig {
  readonly url: string;
  readonly databaseFile: string;
  readonly mode: SetupMode;
  /** Settles once the centre runs after the setup. */
  readonly started: Promise<StartedCentre>;
  post(body: unknown, options?: { remote?: boolean; raw?: string; contentType?: string }): Promise<Response>;
  /** What the database holds now, read through a connection of its own. */
  state(): string;
  close(): Promise<void>;
}

/** `trusted`: this machine is a trusted proxy, so a forwarded address is the client's everywhere. */
const startRig = async (name: string, attemptsPerMinute = 100, trusted = false): Promise<Rig> => {
  const dir = mkdtempSync(join(tmpdir(), `queue-${name}-`));
  const databaseFile = join(dir, 'queue.sqlite');
  let ready: (value: { mode: SetupMode; port: number }) => void = () => {};
  const listening = new Promise<{ mode: SetupMode; port: number }>((resolveReady) => (ready = resolveReady));
  const started = startCentre(
    {
      databaseFile,
      clock: new TestClock(),
      logger: silentLogger,
      seedDemo: false,
      ...(trusted ? { trustedProxies: ['127.0.0.1'] } : {}),
    },
    0,
    '127.0.0.1',
    { onSetupMode: (mode, port) => ready({ mode, port }), setup: { code: CODE, attemptsPerMinute } },
  );
  const { mode, port } = await listening;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    databaseFile,
    mode,
    started,
    post: (body, options = {}) =>
      fetch(`${url}/api/setup`, {
        method: 'POST',
        headers: {
          'content-type': options.contentType ?? 'application/json',
          // A proxy on this machine speaking for someone else: not the server's own machine.
          ...(options.remote ? { 'x-forwarded-for': '203.0.113.7' } : {}),
        },
        body: options.raw ?? JSON.stringify(body),
      }),
    state: () => {
      const db = openDatabase(databaseFile);
      try {
        return setupStateOf(db);
      } finally {
        db.close();
      }
    },
    close: async () => {
      await mode.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

interface Refusal {
  readonly ok: false;
  readonly error: { readonly code: string; readonly message: string };
  readonly problems?: readonly {
    readonly field: string;
    readonly key: string;
    readonly details?: string[];
  }[];
}

const problemKeys = async (response: Response): Promise<string[]> =>
  ((await response.json()) as Refusal).problems?.map((problem) => `${problem.field}:${problem.key}`) ?? [];

describe('setup mode', () => {
  let rig: Rig;
  let centre: StartedCentre | undefined;

  beforeAll(async () => {
    rig = await startRig('setup-mode', 100, true);
  });

  afterAll(async () => {
    await centre?.app.close();
    if (!centre) await rig.close();
  });

  it('serves the setup page, asking for the code only away from the server machine', async () => {
    const local = await fetch(`${rig.url}/setup`);
    expect(local.status).toBe(200);
    expect(local.headers.get('content-type')).toContain('text/html');
    const page = await local.text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain('Налаштування центру');
    expect(page).toContain('<option value="Europe/Kyiv" selected>');
    expect(page).not.toContain('id="code"');
    const remote = await fetch(`${rig.url}/setup?lang=en`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    const remotePage = await remote.text();
    expect(remotePage).toContain('<html lang="en">');
    expect(remotePage).toContain('id="code"');
    expect((await fetch(`${rig.url}/`, { redirect: 'manual' })).headers.get('location')).toBe('/setup');
  });

  it('answers every other path 503 "not set up", and refuses sockets', async () => {
    const health = await fetch(`${rig.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'setup' });
    for (const path of [
      '/api/desks',
      '/desk/',
      '/kiosk/',
      '/t/abcdefgh12',
      '/book',
      '/socket.io/?EIO=4&transport=polling',
    ]) {
      const answer = await fetch(`${rig.url}${path}`);
      expect(answer.status, path).toBe(503);
      expect(((await answer.json()) as Refusal).error.code, path).toBe('NOT_SET_UP');
    }
    const login = await fetch(`${rig.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', secret: 'admin' }),
    });
    expect(login.status).toBe(503);
    const socket = io(rig.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const outcome = await new Promise<string>((resolveOutcome) => {
      socket.once('connect', () => resolveOutcome('connected'));
      socket.once('connect_error', () => resolveOutcome('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });

  it('refuses a browser away from the server without the code, or with a wrong one', async () => {
    const without = await rig.post(validBody(), { remote: true });
    expect(without.status).toBe(403);
    expect(await problemKeys(without)).toEqual(['code:codeMissing']);
    const wrong = await rig.post(validBody({ code: 'HJKM-2346' }), { remote: true });
    expect(wrong.status).toBe(403);
    expect(await problemKeys(wrong)).toEqual(['code:codeWrong']);
    expect(rig.state()).toBe('empty');
  });

  it('refuses bad bodies with 400 and a problem per field, writing nothing', async () => {
    const cases: [string, Response, string[]][] = [
      [
        'short password',
        await rig.post(validBody(admin({ password: 'short', passwordAgain: 'short' }))),
        ['password:password.tooShort'],
      ],
      [
        'password is the login',
        await rig.post(
          validBody(admin({ password: 'olena-olena', passwordAgain: 'olena-olena', login: 'olena-olena' })),
        ),
        ['password:password.sameAsLogin'],
      ],
      [
        'one character',
        await rig.post(validBody(admin({ password: 'aaaaaaaaaaaa', passwordAgain: 'aaaaaaaaaaaa' }))),
        ['password:password.oneCharacter'],
      ],
      [
        'common',
        await rig.post(validBody(admin({ password: 'password123', passwordAgain: 'password123' }))),
        ['password:password.common'],
      ],
      [
        'mismatch',
        await rig.post(validBody(admin({ passwordAgain: `${PASSWORD}!` }))),
        ['passwordAgain:passwordMismatch'],
      ],
      [
        'empty names, bad login and zone',
        await rig.post(
          validBody({ centreName: ' ', timeZone: 'Mars/Base', ...admin({ login: 'о лена', name: '' }) }),
        ),
        [
          'centreName:centreNameMissing',
          'timeZone:badTimeZone',
          'login:loginFormat',
          'adminName:adminNameMissing',
        ],
      ],
      [
        'hours',
        await rig.post(
          validBody({ weekdays: { from: '21:00', to: '08:00' }, weekend: { from: '9', to: '17:00' } }),
        ),
        ['weekdays:hoursOrder', 'weekend:hoursFormat'],
      ],
      [
        'not a configuration',
        await rig.post(validBody({ catalogue: { kind: 'file', centre: [1, 2] } })),
        ['catalogue:configInvalid'],
      ],
      [
        'an invalid configuration',
        await rig.post(validBody({ catalogue: { kind: 'file', centre: { services: 'none' } } })),
        ['catalogue:configInvalid'],
      ],
    ];
    for (const [what, response, expected] of cases) {
      expect(response.status, what).toBe(400);
      expect(await problemKeys(response), what).toEqual(expected);
    }
    const malformed: [string, Response][] = [
      ['not JSON', await rig.post(undefined, { raw: '{"centreName":' })],
      ['no admin', await rig.post({ ...validBody(), admin: undefined })],
      ['unknown catalogue', await rig.post(validBody({ catalogue: { kind: 'demo' } }))],
      ['extra field', await rig.post(validBody({ seedDemo: true }))],
    ];
    for (const [what, response] of malformed) {
      expect(response.status, what).toBe(400);
      expect(((await response.json()) as Refusal).error.code, what).toBe('BAD_REQUEST');
    }
    // A cross-site form can post only text/plain or form data, never JSON.
    expect((await rig.post(validBody(), { contentType: 'text/plain' })).status).toBe(415);
    expect(rig.state()).toBe('empty');
  });

  it('sets the centre up with the right code, then runs it in the same process and port', async () => {
    const answer = await rig.post(validBody({ code: 'hjkm 2345' }), { remote: true });
    expect(answer.status).toBe(200);
    const done = (await answer.json()) as Ack<{ desk: string; login: string }>;
    if (!done.ok) throw new Error(done.error.message);
    expect(done.data.login).toBe('olena');
    // The browser that set up from afar becomes a desk terminal: its administrator can log in.
    const terminal = decodeURIComponent(/^\/desk\/\?device=(.+)$/.exec(done.data.desk)?.[1] ?? '');
    expect(terminal.length).toBeGreaterThan(30);
    centre = await rig.started;
    expect(`http://127.0.0.1:${centre.port}`).toBe(rig.url);
    expect(centre.app.queue.centre.site.name.uk).toBe('ЦНАП Оболонь');
    expect(centre.app.queue.centre.site.hours[1]).toEqual([{ from: '08:00', to: '20:00' }]);
    expect(centre.app.queue.centre.site.hours[7]).toEqual([{ from: '09:00', to: '16:00' }]);
    expect(centre.app.queue.centre.services).toHaveLength(40);

    const health = await fetch(`${rig.url}/health`);
    expect(health.status).toBe(200);
    const login = (body: Record<string, unknown>) =>
      fetch(`${rig.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ login: 'olena', secret: PASSWORD, ...body }),
      });
    expect((await login({})).status).toBe(403);
    const session = (await (await login({ terminal })).json()) as Ack<LoginAnswer>;
    expect(session.ok).toBe(true);
    const demo = await fetch(`${rig.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', secret: 'admin' }),
    });
    expect(demo.status).toBe(401);

    // The audit log starts with the setup and the terminal it paired, from the address it came from.
    const db = openDatabase(rig.databaseFile);
    const entries = new AuditStore(db).list({ limit: 500 });
    db.close();
    const setUp = entries.find((entry) => entry.action === 'setup:completed');
    expect(setUp).toMatchObject({ actor: 'setup', target: 'staff:olena', details: { via: 'page' } });
    expect(setUp?.address).toEqual(expect.any(String));
    const paired = entries.find((entry) => entry.action === 'device:approve' && entry.actor === 'setup');
    expect(paired).toMatchObject({ details: { role: 'desk' }, address: setUp?.address });
    expect(paired?.target).toMatch(/^device:/);
  });

  it('refuses a second setup with 409 and sends the page on to the desk app', async () => {
    const again = await rig.post(validBody(admin({ login: 'petro' })));
    expect(again.status).toBe(409);
    expect(await problemKeys(again)).toEqual([':alreadySetUp']);
    const page = await fetch(`${rig.url}/setup`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/desk/');
  });
});

describe('setup mode limits', () => {
  it('spends the code after too many wrong ones, and limits attempts per address', async () => {
    const rig = await startRig('setup-limits', MAX_WRONG_CODES + 5);
    try {
      for (let attempt = 0; attempt < MAX_WRONG_CODES; attempt += 1) {
        const wrong = await rig.post(validBody({ code: `WRONG-${attempt}` }), { remote: true });
        expect(wrong.status).toBe(403);
      }
      const right = await rig.post(validBody({ code: CODE }), { remote: true });
      expect(right.status).toBe(403);
      expect(await problemKeys(right)).toEqual(['code:codeSpent']);
      for (let attempt = MAX_WRONG_CODES + 1; attempt < MAX_WRONG_CODES + 5; attempt += 1) {
        expect((await rig.post(validBody({ code: CODE }), { remote: true })).status).toBe(403);
      }
      const limited = await rig.post(validBody());
      expect(limited.status).toBe(429);
      expect(await problemKeys(limited)).toEqual([':tooMany']);
      expect(rig.state()).toBe('empty');
    } finally {
      await rig.close();
    }
  });
});

describe('setup from an exported configuration', () => {
  it('starts the centre with the file’s catalogue under the name, zone and hours of the page', async () => {
    const rig = await startRig('setup-file');
    try {
      const [first, ...rest] = REFERENCE_CENTRE.services;
      if (!first) throw new Error('the reference catalogue has no services');
      const exported = {
        ...REFERENCE_CENTRE,
        site: { ...REFERENCE_CENTRE.site, name: { uk: 'Інший', ru: 'Другой', en: 'Other' } },
        services: [{ ...first, name: { ...first.name, uk: 'Звірка (з файлу)' } }, ...rest],
      };
      const answer = await rig.post(
        validBody({
          catalogue: { kind: 'file', centre: JSON.parse(JSON.stringify(exported)) as unknown },
          weekend: undefined,
        }),
      );
      expect(answer.status, JSON.stringify(await answer.clone().json())).toBe(200);
      const { app } = await rig.started;
      try {
        expect(app.queue.centre.services[0]?.name.uk).toBe('Звірка (з файлу)');
        expect(app.queue.centre.site.name.en).toBe('ЦНАП Оболонь');
        expect(app.queue.centre.site.hours[6]).toBeUndefined();
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dirname(rig.databaseFile), { recursive: true, force: true });
    }
  });
});

describe('the setup write', () => {
  it('writes once: a second write on the same database is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-setup-write-'));
    const db = openDatabase(join(dir, 'queue.sqlite'));
    try {
      const input = {
        centre: { name: 'ЦНАП', catalogue: 'empty' as const },
        admin: { login: 'olena', name: 'Олена', password: PASSWORD },
      };
      await writeSetup(db, input, Date.now());
      await expect(
        writeSetup(db, { ...input, admin: { ...input.admin, login: 'petro' } }, Date.now()),
      ).rejects.toThrow('already holds a centre');
      expect(new PeopleStore(db).countStaff()).toBe(1);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not enter setup mode on a database with staff but no centre', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-setup-damaged-'));
    const databaseFile = join(dir, 'queue.sqlite');
    const db = openDatabase(databaseFile);
    new PeopleStore(db).addStaff({
      id: 'olena' as never,
      login: 'olena',
      name: 'Олена',
      roles: ['admin'],
      secretHash: 'x',
      active: true,
    });
    db.close();
    try {
      await expect(
        startCentre({ databaseFile, logger: silentLogger, seedDemo: false }, 0, '127.0.0.1'),
      ).rejects.toBeInstanceOf(CannotSetUpError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
