/**
 * The demo city's processes: the hub and the centre servers, each `node --import tsx <main>`
 * as a child, started with its settings in the environment exactly as an operator would, and
 * awaited until it says where it listens. Their output is kept (the last lines) so that a
 * child that dies can be explained.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HUB_MAIN = fileURLToPath(new URL('../../apps/hub/src/main.ts', import.meta.url));
const SERVER_MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const KEPT_LINES = 40;

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The last lines it wrote. */
  tail(): string;
  /** SIGTERM, then wait for it to exit. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });

/**
 * Spawn `main` and resolve with its URL once `readyUrl` finds it in a line of its output;
 * reject when it exits first.
 */
const spawnUntilReady = (
  name: string,
  main: string,
  env: NodeJS.ProcessEnv,
  readyUrl: (line: string) => string | undefined,
): Promise<Child> =>
  new Promise((resolveChild, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let partial = '';
    let settled = false;
    const tail = (): string => lines.join('\n');
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    };
    const onData = (chunk: Buffer): void => {
      const text = partial + chunk.toString('utf8');
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (lines.length > KEPT_LINES) lines.shift();
        const url = settled ? undefined : readyUrl(line);
        if (url) {
          settled = true;
          resolveChild({ name, process: child, url, tail, stop });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${tail()}${partial}`));
    });
  });

export const startHub = (settings: {
  readonly databaseUrl: string;
  readonly port: number;
  readonly adminToken: string;
}): Promise<Child> =>
  spawnUntilReady(
    'hub',
    HUB_MAIN,
    {
      QUEUE_HUB_DATABASE_URL: settings.databaseUrl,
      QUEUE_HUB_HOST: '127.0.0.1',
      QUEUE_HUB_PORT: String(settings.port),
      QUEUE_HUB_ADMIN_TOKEN: settings.adminToken,
    },
    (line) => {
      if (!line.startsWith('{')) return undefined;
      const entry = JSON.parse(line) as { event?: string; port?: number };
      return entry.event === 'listening' && entry.port ? `http://127.0.0.1:${entry.port}` : undefined;
    },
  );

/** A demo centre server (QUEUE_DEMO=1) on its own SQLite file, shipping its log to the hub. */
export const startCentre = (settings: {
  readonly name: string;
  readonly databaseFile: string;
  readonly port: number;
  readonly hubUrl: string;
  readonly hubKey: string;
}): Promise<Child> =>
  spawnUntilReady(
    settings.name,
    SERVER_MAIN,
    {
      QUEUE_DB: settings.databaseFile,
      QUEUE_HOST: '127.0.0.1',
      QUEUE_PORT: String(settings.port),
      QUEUE_DEMO: '1',
      QUEUE_MDNS: '0',
      QUEUE_LOG_LEVEL: 'warn',
      QUEUE_HUB_URL: settings.hubUrl,
      QUEUE_HUB_KEY: settings.hubKey,
    },
    // The banner's health line names the base URL with the port actually taken.
    (line) => /Health:\s+(http:\/\/\S+)\/health/.exec(line)?.[1],
  );
