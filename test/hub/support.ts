/**
 * Shared by the hub's tests: one throwaway PostgreSQL per test file (test/support/postgres.ts),
 * a fresh database per test, and a hub served in-process on a free port, spoken to over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createHubApp, type HubApp } from '../../apps/hub/src/app';
import { migrate } from '../../apps/hub/src/migrations';
import type { TestPostgres } from '../support/postgres';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

let databases = 0;

export interface TestHub {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly databaseUrl: string;
  readonly app: HubApp;
  /** Resolves once the projection and the live view have read everything ingested so far. */
  settled(): Promise<void>;
  /** Stop listening (the hub unreachable); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const freshDatabase = async (postgres: TestPostgres): Promise<string> => {
  databases += 1;
  return postgres.createDatabase(`hub_${process.pid}_${databases}`);
};

export const startHub = async (postgres: TestPostgres): Promise<TestHub> => {
  const databaseUrl = await freshDatabase(postgres);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  // An idle connection closed by the server going away is not a test failure.
  pool.on('error', () => undefined);
  await migrate(pool);
  const app = createHubApp({
    pool,
    adminToken: ADMIN_TOKEN,
    onError: (error) => console.error(error),
  });
  const { server } = app;
  await app.start();
  const listen = (port: number) =>
    new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  await listen(0);
  const { port } = server.address() as AddressInfo;
  let running = true;
  const stop = async (): Promise<void> => {
    if (!running) return;
    running = false;
    app.live.endStreams();
    server.closeAllConnections();
    await new Promise((resolveClose) => server.close(resolveClose));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    databaseUrl,
    app,
    settled: () => app.settled(),
    stop,
    start: async () => {
      if (running) return;
      await listen(port);
      running = true;
    },
    close: async () => {
      await stop();
      await app.settled();
      await app.stop();
      await pool.end();
    },
  };
};

export interface Answer {
  readonly status: number;
  readonly body: {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: { code: string; message: string; expected?: number };
  };
}

export const call = async (
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer> => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
};

/** Enrol a centre end to end (request, approve, collect): its id and key. */
export const enrolCentre = async (
  base: string,
  centreName: string,
): Promise<{ centreId: string; key: string }> => {
  const asked = await call(base, 'POST', '/api/hub/enrol', { body: { centreName } });
  const { requestId, code } = asked.body.data as { requestId: string; code: string };
  await call(base, 'POST', '/api/hub/admin/enrolments/approve', { token: ADMIN_TOKEN, body: { code } });
  const collected = await call(base, 'GET', `/api/hub/enrol/${requestId}`);
  return collected.body.data as { centreId: string; key: string };
};

export interface TestEvent {
  seq: number;
  type: string;
  at: number;
  ticketId?: string;
  payload: unknown;
}

/** Events `from`..`to` as a centre would send them (deterministic content per seq). */
export const events = (from: number, to: number, tag = 'a'): TestEvent[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => {
    const seq = from + index;
    return {
      seq,
      type: seq % 3 === 0 ? 'ticket:called' : 'ticket:issued',
      at: Date.UTC(2026, 11, 3, 8) + seq * 1_000 + 7,
      ticketId: `t-${tag}-${seq}`,
      payload: { seq, tag, number: `A${String(seq).padStart(3, '0')}` },
    };
  });

export const HUB_MAIN = fileURLToPath(new URL('../../apps/hub/src/main.ts', import.meta.url));

export interface HubProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it wrote, for a failing test's message. */
  output(): string;
}

/** `node --import tsx apps/hub/src/main.ts` as a child; resolves once it says it is listening. */
export const spawnHub = (databaseUrl: string, port = 0): Promise<HubProcess> =>
  new Promise((resolveHub, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HUB_MAIN], {
      env: {
        ...process.env,
        QUEUE_HUB_DATABASE_URL: databaseUrl,
        QUEUE_HUB_PORT: String(port),
        QUEUE_HUB_HOST: '127.0.0.1',
        QUEUE_HUB_ADMIN_TOKEN: ADMIN_TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    let settled = false;
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      if (settled) return;
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { event?: string; port?: number };
        if (entry.event === 'listening' && entry.port) {
          settled = true;
          resolveHub({ child, url: `http://127.0.0.1:${entry.port}`, output: () => text });
          return;
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.once('exit', (codeOrNull, signal) => {
      if (!settled) {
        settled = true;
        reject(new Error(`The hub exited (${codeOrNull ?? signal}) before listening:\n${text}`));
      }
    });
  });

export const exitOf = (child: ChildProcess): Promise<void> =>
  new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });
