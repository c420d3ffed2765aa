/**
 * The queue server for the front-end benchmark, in this process: the demo centre in a fresh
 * SQLite file, a clock the benchmark moves by hand (a simulated day passes in seconds), and
 * the front ends served from the given builds (this tree's, or a baseline build's). The
 * browser is a process of its own, so the server does not share a CPU thread with the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instant } from '@queue/core';
import { createApplication, silentLogger } from '@queue/server';
import { type QueueClient, connect } from '../lib/clients';

export class MovableClock {
  constructor(public at: number) {}

  readonly now = (): Instant => this.at as Instant;

  advanceMinutes(minutes: number): void {
    this.at += minutes * 60_000;
  }
}

export interface BenchServer {
  readonly url: string;
  readonly clock: MovableClock;
  /** A socket as the device with this token (a kiosk) or as the operator of desk `n`. */
  device(token: string): Promise<QueueClient>;
  operator(desk: number): Promise<QueueClient>;
  close(): Promise<void>;
}

/** `frontEnds`: a folder holding `kiosk/` and `display/` builds; the apps' own `dist` when absent. */
export const startBenchServer = async (startAt: string, frontEnds?: string): Promise<BenchServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-bench-frontend-'));
  const clock = new MovableClock(Date.parse(startAt));
  const app = await createApplication({
    databaseFile: join(dir, 'queue.sqlite'),
    seedDemo: true,
    clock,
    logger: silentLogger,
    ...(frontEnds ? { frontEndDir: (name: string) => join(frontEnds, name) } : {}),
  });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;
  const sockets: QueueClient[] = [];
  const keep = (socket: QueueClient): QueueClient => {
    sockets.push(socket);
    return socket;
  };
  return {
    url,
    clock,
    device: async (token) => keep(await connect(url, token)),
    operator: async (desk) => {
      const response = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: `operator${desk}`, secret: '1111' }),
      });
      const body = (await response.json()) as { ok: boolean; data?: { token: string } };
      if (!body.ok || !body.data) throw new Error(`operator${desk} could not log in`);
      return keep(await connect(url, body.data.token));
    },
    close: async () => {
      for (const socket of sockets) socket.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
