/**
 * Child processes for the benchmarks: TypeScript files forked with `--import tsx` and an IPC
 * channel, waiting for a message of a given type, and stopping a child by its own process
 * (never by name).
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface Message {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** With BENCH_PROFILE_DIR set, server processes write a V8 CPU profile there when they exit. */
export const profileArgs = (): string[] =>
  process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];

export const forkTs = (
  file: string,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): ChildProcess =>
  fork(file, [...args], {
    execArgv: ['--import', 'tsx', ...nodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });

/** The next message of this type from the child; rejects on an 'error' message, exit or timeout. */
export const nextMessage = <T extends { readonly type: string }>(
  child: ChildProcess,
  type: string,
  timeoutMs = 60_000,
): Promise<T> =>
  new Promise((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: Message): void => {
      if (message.type === type) {
        cleanup();
        resolve(message as unknown as T);
      } else if (message.type === 'error') {
        cleanup();
        reject(new Error(`child ${child.pid}: ${String(message.message)}`));
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`child ${child.pid} exited (${code}) before '${type}'`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`child ${child.pid}: no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

/** Ask the child to stop (SIGTERM), and kill it if it has not gone within the grace period. */
export const stopChild = (child: ChildProcess, graceMs = 5_000): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

/** Monotonic time in milliseconds (CLOCK_MONOTONIC: the same clock in every process on the machine). */
export const monotonicMs = (): number => Number(process.hrtime.bigint() / 1000n) / 1000;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With BENCH_PIN=1 (Linux, `taskset`), the server gets CPU 0 to itself and every client
 * process shares the others: the clients stand in for screens on other machines, and on a
 * 2-CPU machine they would otherwise take the server's CPU exactly when a broadcast wakes
 * them all. Off by default; the figures say whether it was on.
 */
export const pinning = (): boolean => process.env.BENCH_PIN === '1' && cpus().length > 1;

export const pinTo = (pid: number | undefined, role: 'server' | 'client'): void => {
  if (!pinning() || pid === undefined) return;
  const list = role === 'server' ? '0' : `1-${cpus().length - 1}`;
  execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
};
