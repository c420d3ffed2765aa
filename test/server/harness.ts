/**
 * Shared helpers for the server's integration tests: an in-process server on port 0 over a
 * fresh SQLite file with a controllable clock, staff login over HTTP, socket.io clients that
 * resolve once connected, and a child-process server for crash tests. Everything a helper
 * creates is closed and deleted by `close()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Centre, Instant } from '@queue/core';
import type {
  Ack,
  ClientToServerEvents,
  LoginAnswer,
  SequencedEvent,
  ServerToClientEvents,
} from '@queue/protocol';
import { type Application, type PairingOptions, createApplication, silentLogger } from '@queue/server';
import type { Timers } from '../../apps/server/src/timers';
import { type ManagerOptions, type Socket, type SocketOptions, io } from 'socket.io-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const KIOSK_TOKEN = 'demo-kiosk-1-token-change-me';
export const DISPLAY_TOKEN = 'demo-display-1-token-change-me';

/** Tuesday 24 November 2026, 10:00 in Kyiv: the demo centre is open. */
export const WEEKDAY_10AM_ISO = '2026-11-24T10:00:00+02:00';
export const WEEKDAY_10AM = Date.parse(WEEKDAY_10AM_ISO);

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public at: number = WEEKDAY_10AM) {}

  now(): Instant {
    return this.at as Instant;
  }

  advanceMinutes(minutes: number): void {
    this.at += minutes * 60_000;
  }
}

let requestCounter = 0;

/** A fresh request id: unique within the run, within the protocol's 8-64 chars of [A-Za-z0-9_-]. */
export const rid = (tag = 'req'): string => {
  requestCounter += 1;
  return `${tag}-${requestCounter}-${randomBytes(6).toString('base64url')}`;
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** The data of a successful answer; a refusal fails the test with its code. */
export const okData = async <T>(answer: Promise<Ack<T>> | Ack<T>): Promise<T> => {
  const settled = await answer;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.code}: ${settled.error.message}`);
  return settled.data;
};

/** Wait until `predicate` holds, polling; fails after `timeoutMs`. */
export const waitFor = async (
  predicate: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

export interface ConnectOptions extends Partial<ManagerOptions & SocketOptions> {
  /** Collect every 'queue:event' into `events` of the returned recorder. */
  readonly record?: boolean;
}

/** Every 'queue:event' a client saw, in arrival order. */
export interface EventRecorder {
  readonly events: SequencedEvent[];
}

export type RecordingSocket = ClientSocket & EventRecorder;

export interface Clients {
  readonly sockets: Set<ClientSocket>;
  login(login: string, secret: string, deskId?: string): Promise<LoginAnswer>;
  /** Connect with a token; resolves on 'connect', rejects on 'connect_error'. */
  connect(token: string | undefined, options?: ConnectOptions): Promise<RecordingSocket>;
  closeSockets(): void;
}

/** Login and connect helpers against a base URL that may change (after a restart). */
export const clientsFor = (baseUrl: () => string): Clients => {
  const sockets = new Set<ClientSocket>();
  return {
    sockets,
    login: async (login, secret, deskId) => {
      const response = await fetch(`${baseUrl()}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, secret, ...(deskId ? { deskId } : {}) }),
      });
      const body = (await response.json()) as Ack<LoginAnswer>;
      if (!body.ok) throw new Error(`login ${login} refused: ${response.status} ${body.error.code}`);
      return body.data;
    },
    connect: (token, options = {}) =>
      new Promise((resolveConnect, reject) => {
        const { record, ...socketOptions } = options;
        const socket: ClientSocket = io(baseUrl(), {
          auth: token === undefined ? {} : { token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          ...socketOptions,
        });
        sockets.add(socket);
        const events: SequencedEvent[] = [];
        if (record) socket.on('queue:event', (event) => events.push(event));
        const recording = Object.assign(socket, { events });
        socket.once('connect', () => {
          socket.off('connect_error');
          resolveConnect(recording);
        });
        socket.once('connect_error', (error) => {
          socket.close();
          reject(error);
        });
      }),
    closeSockets: () => {
      for (const socket of sockets) socket.close();
      sockets.clear();
    },
  };
};

export interface StartOptions {
  readonly clock?: TestClock;
  readonly centre?: Centre;
  /** Reuse a database file (its folder is then not deleted on close). */
  readonly databaseFile?: string;
  readonly tickMs?: number;
  readonly deviceOfflineAfterMs?: number;
  readonly pairing?: PairingOptions;
  readonly allowedHosts?: readonly string[];
  readonly trustedProxies?: readonly string[];
  /** Load the demo centre, staff and devices into an empty database (default: yes). */
  readonly seedDemo?: boolean;
  /** The timers grace periods run on (`ManualTimers` to fire them by hand). */
  readonly timers?: Timers;
  /** Where the front ends' builds are (default: the repository's `apps/<name>/dist`). */
  readonly frontEndDir?: (name: 'kiosk' | 'display' | 'desk') => string;
  /** Ship the event log to this city hub (apps/server/src/city/hub-sender.ts). */
  readonly hub?: { readonly url: string; readonly key: string };
}

export interface TestServer extends Clients {
  app: Application;
  port: number;
  readonly url: string;
  readonly dir: string;
  readonly databaseFile: string;
  readonly clock: TestClock;
  /** Close the app (clients are dropped) and open it again on the same file and port. */
  restart(): Promise<void>;
  /** Close every client and the app, and delete the database folder. */
  close(): Promise<void>;
}

export const tempDir = (tag: string): string => mkdtempSync(join(tmpdir(), `queue-${tag}-`));

/** Start the server in-process on port 0 with the demo seed, a silent logger and a test clock. */
export const startServer = async (options: StartOptions = {}): Promise<TestServer> => {
  const dir = tempDir('server');
  const databaseFile = options.databaseFile ?? join(dir, 'queue.sqlite');
  const clock = options.clock ?? new TestClock();
  const open = () =>
    createApplication({
      databaseFile,
      seedDemo: options.seedDemo ?? true,
      clock,
      logger: silentLogger,
      ...(options.centre ? { centre: options.centre } : {}),
      ...(options.tickMs ? { tickMs: options.tickMs } : {}),
      ...(options.deviceOfflineAfterMs ? { deviceOfflineAfterMs: options.deviceOfflineAfterMs } : {}),
      ...(options.pairing ? { pairing: options.pairing } : {}),
      ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
      ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
      ...(options.frontEndDir ? { frontEndDir: options.frontEndDir } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.hub ? { hub: options.hub } : {}),
    });
  const app = await open();
  const port = await app.listen(0);
  let closed = false;
  const server: TestServer = {
    app,
    port,
    get url() {
      return `http://127.0.0.1:${server.port}`;
    },
    dir,
    databaseFile,
    clock,
    ...clientsFor(() => server.url),
    restart: async () => {
      await server.app.close();
      server.app = await open();
      server.port = await server.app.listen(server.port);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      server.closeSockets();
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
};

export interface ChildServer {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Everything the child wrote, for failure messages. */
  readonly output: () => string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

/**
 * Run `apps/server/src/main.ts` as a child process on port 0 and wait for its 'listening'
 * log line.
 */
export const spawnServer = (
  databaseFile: string,
  timeStart: string,
  timeoutMs = 20_000,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<ChildServer> =>
  new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        QUEUE_PORT: '0',
        QUEUE_HOST: '127.0.0.1',
        QUEUE_DB: databaseFile,
        QUEUE_TIME_START: timeStart,
        QUEUE_LOG_LEVEL: 'info',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let pending = '';
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        let entry: { msg?: unknown; port?: unknown };
        try {
          entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
        } catch {
          continue;
        }
        if (entry.msg === 'listening' && typeof entry.port === 'number') {
          clearTimeout(timer);
          const port = entry.port;
          resolveStart({ child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited });
        }
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });
