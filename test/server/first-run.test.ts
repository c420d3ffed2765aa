/**
 * A real centre from an empty database, without the demo: the server started as the systemd
 * unit starts it waits in setup mode (the page is tested in setup-mode.test.ts), while
 * `npm run setup` is refused; stopped, `npm run setup` writes the centre and its first administrator, refuses weak passwords and a
 * second setup, and the server then starts with that administrator and no demo accounts.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@queue/db';
import { setupStateOf } from '../../apps/server/src/first-run';
import { REPO_ROOT, type TestServer, okData, rid, startServer, tempDir } from './harness';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a script of the server with the unit's environment; `input` goes to its standard input. */
const runScript = (
  script: string,
  databaseFile: string,
  args: readonly string[] = [],
  input = '',
): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        QUEUE_DB: databaseFile,
        QUEUE_DEMO: '0',
        QUEUE_PORT: '0',
        QUEUE_HOST: '127.0.0.1',
        QUEUE_MDNS: '0',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });

const SETUP = 'apps/server/src/setup-command.ts';
const MAIN = 'apps/server/src/main.ts';
const setupArgs = (login: string) => [
  '--name',
  'ЦНАП Оболонь',
  '--catalogue',
  'reference',
  '--admin-login',
  login,
  '--admin-name',
  'Олена Коваль',
];

describe('first run without the demo', () => {
  const dir = tempDir('first-run');
  const databaseFile = join(dir, 'queue.sqlite');
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'waits in setup mode on an empty database, where `npm run setup` is refused meanwhile',
    { timeout: 60_000 },
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          QUEUE_DB: databaseFile,
          QUEUE_DEMO: '0',
          QUEUE_PORT: '0',
          QUEUE_HOST: '127.0.0.1',
          QUEUE_MDNS: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
      let stdout = '';
      const port = await new Promise<string>((resolvePort, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          const match = /localhost:(\d+)\/setup/.exec(stdout);
          if (match?.[1]) resolvePort(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stdout}`)));
      });
      expect(stdout).toContain('npm run setup');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(503);
      const busy = await runScript(SETUP, databaseFile, setupArgs('olena'), 'кіт-на-даху-2026\n');
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain('in use');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );

  it('refuses a weak password and writes nothing', { timeout: 60_000 }, async () => {
    const weak = await runScript(SETUP, databaseFile, setupArgs('olena'), 'admin\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('at least 10 characters');
    const db = openDatabase(databaseFile);
    expect(setupStateOf(db)).toBe('empty');
    db.close();
  });

  it('sets the centre up once, with its first administrator', { timeout: 60_000 }, async () => {
    const done = await runScript(SETUP, databaseFile, setupArgs('olena'), 'кіт-на-даху-2026\n');
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('olena can log in');
    const again = await runScript(SETUP, databaseFile, setupArgs('petro'), 'інший-пароль-2026\n');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a centre');
  });

  it('then runs the centre: the administrator logs in, issues and calls; no demo account exists', async () => {
    server = await startServer({ databaseFile, seedDemo: false });
    const refused = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      body: JSON.stringify({ login: 'admin', secret: 'admin' }),
    });
    expect(refused.status).toBe(401);
    const admin = await server.connect((await server.login('olena', 'кіт-на-даху-2026', 'desk-1')).token);
    const snapshot = await okData(admin.emitWithAck('sync:snapshot', {}));
    expect(snapshot.centre.site.name.uk).toBe('ЦНАП Оболонь');
    expect(snapshot.centre.kiosks).toEqual([]);
    const issued = await okData(
      admin.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile', language: 'uk' }),
    );
    await okData(admin.emitWithAck('desk:open', { requestId: rid() }));
    const called = await okData(admin.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.id).toBe(issued.ticket.id);
  });
});
