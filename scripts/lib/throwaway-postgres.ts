/**
 * A throwaway PostgreSQL server for the hub's tests, `npm run demo:city` and `npm run bench --
 * hub`: a cluster created with Debian's binaries (`/usr/lib/postgresql/<version>/bin`,
 * installed by `npm run test:deps`) in a temporary folder, listening on 127.0.0.1 on a free
 * port, its unix socket inside that folder, fsync on (crash tests rely on it), trust
 * authentication for 127.0.0.1 and the socket only. The folder is removed by `destroy`, or
 * when the process exits.
 *
 * PostgreSQL refuses to run as root, and CI runs as root: then the folder is handed to the
 * unprivileged `postgres` user the Debian package creates, and initdb and the server run as it.
 *
 * Missing binaries are an error, never a skip: a test that needs PostgreSQL fails saying how
 * to install it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  chownSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly port: number;
  /** The URL of another database on the same server. */
  urlOf(database: string): string;
  /** A fresh, empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** A fast shutdown (SIGINT); the data folder stays for `start`. */
  stop(): Promise<void>;
  /** SIGKILL to the server and every one of its processes: a crash. */
  kill(): Promise<void>;
  /** Start again on the same data folder (after `stop` or `kill`). */
  start(): Promise<void>;
  /** Stop and remove the temporary folder. */
  destroy(): Promise<void>;
}

const INSTALL_HINT =
  "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run `npm run test:deps` (installs Debian's `postgresql` package).";

/** The newest installed version's bin folder holding initdb and postgres. */
export const postgresBinaries = (): string => {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error(INSTALL_HINT);
};

const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });

/** uid/gid to run as: the `postgres` user when we are root, ourselves otherwise. */
const runAs = (): { uid: number; gid: number } | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      "Running as root, and PostgreSQL refuses root, but there is no `postgres` user: install Debian's `postgresql` package (`npm run test:deps`).",
    );
  }
};

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });

export interface ThrowawayPostgresOptions {
  /** More server settings (`-c name=value`), after the defaults: e.g. a bigger shared_buffers for a benchmark. */
  readonly settings?: Readonly<Record<string, string>>;
}

export const startPostgres = async (options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> => {
  const bin = postgresBinaries();
  const user = runAs();
  const folder = mkdtempSync(join(tmpdir(), 'queue-pg-'));
  const data = join(folder, 'data');
  const socketDir = join(folder, 'socket');
  const log = join(folder, 'server.log');
  execFileSync('mkdir', ['-p', socketDir]);
  writeFileSync(log, '');
  if (user) {
    for (const path of [folder, socketDir, log]) chownSync(path, user.uid, user.gid);
  }
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C', PGTZ: 'UTC' };
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions'],
    { ...asUser, cwd: folder, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Trust exactly the socket and 127.0.0.1; nothing else may connect.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    ['local all all trust', 'host all all 127.0.0.1/32 trust', ''].join('\n'),
  );
  if (user) chownSync(join(data, 'pg_hba.conf'), user.uid, user.gid);
  const port = await freePort();
  const urlOf = (database: string): string => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const url = urlOf('postgres');
  let server: ChildProcess | undefined;

  const waitReady = async (child: ChildProcess): Promise<void> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`PostgreSQL exited while starting:\n${readFileSync(log, 'utf8').slice(-2000)}`);
      }
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
      }
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections:\n${readFileSync(log, 'utf8').slice(-2000)}`);
      }
      // Poll for the condition (accepting connections); not a wait for time to pass.
      await new Promise((resolvePoll) => setTimeout(resolvePoll, 25));
    }
  };

  const start = async (): Promise<void> => {
    if (server && server.exitCode === null && server.signalCode === null) return;
    const child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        data,
        '-c',
        `port=${port}`,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketDir}`,
        '-c',
        'fsync=on',
        '-c',
        'synchronous_commit=on',
        '-c',
        'full_page_writes=on',
        '-c',
        'shared_buffers=32MB',
        '-c',
        'max_connections=60',
        '-c',
        'logging_collector=off',
        '-c',
        'TimeZone=UTC',
        ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
      // Its own process group, so that `kill` reaches the backends too (a crash, not a
      // postmaster dying while orphaned backends hold the shared memory).
      { ...asUser, cwd: folder, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      try {
        writeFileSync(log, chunk, { flag: 'a' });
      } catch {
        // the folder is gone: destroyed
      }
    });
    server = child;
    await waitReady(child);
  };

  const signalGroup = (signal: NodeJS.Signals): void => {
    if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };

  const stop = async (): Promise<void> => {
    if (!server) return;
    const child = server;
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // fast shutdown: clients disconnected, a checkpoint written
      await exited(child);
    }
  };

  const kill = async (): Promise<void> => {
    if (!server) return;
    const child = server;
    signalGroup('SIGKILL');
    await exited(child);
  };

  const cleanUp = (): void => {
    signalGroup('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);

  await start();
  return {
    url,
    port,
    urlOf,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    stop,
    kill,
    start,
    destroy: async () => {
      await stop();
      process.removeListener('exit', cleanUp);
      rmSync(folder, { recursive: true, force: true });
    },
  };
};
