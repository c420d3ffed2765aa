/**
 * Starting and stopping the benchmark server process (lib/server-child.ts) from a part.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { WEEKDAY_MORNING } from './options';
import { BENCH_DIR, forkTs, nextMessage, profileArgs, stopChild } from './processes';
import type { ServerSettings } from './server-child';

export interface RunningServer {
  readonly child: ChildProcess;
  readonly url: string;
  /** The server process's memory use now. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The server process's CPU time so far (user and system), in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export const startServer = async (settings: Partial<ServerSettings> = {}): Promise<RunningServer> => {
  const full: ServerSettings = { centre: 'demo', timeStart: WEEKDAY_MORNING, ...settings };
  const child = forkTs(join(BENCH_DIR, 'lib', 'server-child.ts'), [JSON.stringify(full)], profileArgs());
  const { port } = await nextMessage<{ type: 'listening'; port: number }>(child, 'listening');
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    memory: async () => {
      const answer = nextMessage<{ type: 'memory'; usage: NodeJS.MemoryUsage }>(child, 'memory');
      child.send({ type: 'memory' });
      return (await answer).usage;
    },
    cpuMs: async () => {
      const answer = nextMessage<{ type: 'cpu'; usage: NodeJS.CpuUsage }>(child, 'cpu');
      child.send({ type: 'cpu' });
      const { usage } = await answer;
      return (usage.user + usage.system) / 1000;
    },
    stop: () => stopChild(child),
  };
};
