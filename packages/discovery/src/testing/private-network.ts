/**
 * A private network for the tests that multicast: two network namespaces (a server side
 * and a client side) joined by a veth pair with multicast on. mDNS packets stay between
 * them, so a test never announces anything on the machine's real network, and never
 * meets another queue server that happens to be on it. Needs Linux, root and iproute2
 * (`ip`); `openPrivateNetwork` says why when it cannot, so the tests can skip with a reason.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Namespace {
  readonly name: string;
  /** This side's address on the veth link. */
  readonly address: string;
}

export interface NamespacedProcess {
  readonly child: ChildProcess;
  /** Resolves with the first JSON line on stdout that `matches`; rejects on exit or timeout. */
  line<T extends object>(matches: (line: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Everything it wrote, for failure messages. */
  output(): string;
  /** SIGTERM, then wait for it to exit. */
  stop(): Promise<void>;
}

export interface PrivateNetwork {
  readonly server: Namespace;
  readonly client: Namespace;
  /** `node --import tsx <args>` inside a namespace, from the repo root. */
  node(
    namespace: Namespace,
    args: readonly string[],
    env?: Readonly<Record<string, string>>,
  ): NamespacedProcess;
  /** Stop what still runs in the namespaces and delete them (the veth pair goes with them). */
  remove(): Promise<void>;
}

const ip = (args: readonly string[]): string | undefined => {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? undefined : `ip ${args.join(' ')}: ${result.stderr.trim()}`;
};

const startNode = (
  namespace: Namespace,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): NamespacedProcess => {
  const child = spawn('ip', ['netns', 'exec', namespace.name, process.execPath, '--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines: object[] = [];
  const listeners = new Set<() => void>();
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    pending += text;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      if (!line.startsWith('{')) continue;
      try {
        lines.push(JSON.parse(line) as object);
      } catch {
        continue;
      }
    }
    for (const listener of listeners) listener();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    for (const listener of listeners) listener();
  });
  return {
    child,
    output: () => output,
    line: <T extends object>(matches: (line: T) => boolean, timeoutMs = 30_000) =>
      new Promise<T>((resolve, reject) => {
        const check = (): void => {
          const found = (lines as T[]).find(matches);
          if (found) return done(() => resolve(found));
          if (child.exitCode !== null || child.signalCode !== null)
            done(() => reject(new Error(`exited (${child.exitCode ?? child.signalCode}):\n${output}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no such line in ${timeoutMs} ms:\n${output}`))),
          timeoutMs,
        );
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/** The network, or why there cannot be one here (not Linux, not root, no `ip`, no namespaces). */
export const openPrivateNetwork = (): PrivateNetwork | { readonly unavailable: string } => {
  if (process.platform !== 'linux') return { unavailable: 'network namespaces need Linux' };
  if (process.getuid?.() !== 0) return { unavailable: 'creating network namespaces needs root' };
  const missing = ip(['-V']);
  if (missing) return { unavailable: `iproute2 (ip) is not installed: ${missing}` };
  // Random names: test files run in parallel, each with a network of its own.
  const tag = randomBytes(3).toString('hex');
  const server: Namespace = { name: `qc-${tag}-s`, address: '10.213.0.1' };
  const client: Namespace = { name: `qc-${tag}-c`, address: '10.213.0.2' };
  const remove = (): void => {
    for (const namespace of [server, client]) ip(['netns', 'delete', namespace.name]);
  };
  const steps: (readonly string[])[] = [
    ['netns', 'add', server.name],
    ['netns', 'add', client.name],
    [
      'link',
      'add',
      `qc-${tag}-vs`,
      'netns',
      server.name,
      'type',
      'veth',
      'peer',
      'name',
      `qc-${tag}-vc`,
      'netns',
      client.name,
    ],
  ];
  for (const [namespace, veth] of [
    [server, `qc-${tag}-vs`],
    [client, `qc-${tag}-vc`],
  ] as const) {
    steps.push(
      ['-n', namespace.name, 'addr', 'add', `${namespace.address}/24`, 'dev', veth],
      ['-n', namespace.name, 'link', 'set', veth, 'multicast', 'on', 'up'],
      ['-n', namespace.name, 'link', 'set', 'lo', 'up'],
      // mDNS goes to 224.0.0.251: without a route for it a namespace has nowhere to send it.
      ['-n', namespace.name, 'route', 'add', '224.0.0.0/4', 'dev', veth],
    );
  }
  for (const step of steps) {
    const failure = ip(step);
    if (failure) {
      remove();
      return { unavailable: `cannot create a network namespace: ${failure}` };
    }
  }
  const started: NamespacedProcess[] = [];
  return {
    server,
    client,
    node: (namespace, args, env = {}) => {
      const child = startNode(namespace, args, env);
      started.push(child);
      return child;
    },
    remove: async () => {
      await Promise.all(started.splice(0).map((child) => child.stop()));
      remove();
    },
  };
};
