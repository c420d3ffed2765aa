/**
 * A queue server in its own process for the timed benchmarks, so that clients never share
 * its event loop: `createApplication` over a fresh SQLite file with the demo seed, a silent
 * logger and a clock set to a weekday morning when the demo centre is open. Settings come
 * as one JSON argument; the port goes back to the parent over IPC, and a 'memory' message
 * is answered with the process's memory use, a 'cpu' message with its CPU time so far.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Centre, DEMO_CENTRE, type Instant, type KioskPrinter } from '@queue/core';
import { type Application, createApplication, silentLogger } from '@queue/server';
import { hallOf } from './hall';
import { answerLoopDelay } from './loop-delay';
import { WEEKDAY_MORNING } from './options';

export interface ServerSettings {
  /** 'demo': the demo centre; a number: a hall of that many desks built from the demo's. */
  readonly centre: 'demo' | number;
  /** A network printer for kiosk-1, printed to by the server. */
  readonly printer?: { readonly host: string; readonly port: number };
  /** Wall-clock time the server's clock starts at (ISO). */
  readonly timeStart: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ServerSettings;
// BENCH_DB_DIR=/dev/shm puts the database in memory-backed storage, to see what fsync costs.
const dir = mkdtempSync(join(process.env.BENCH_DB_DIR ?? tmpdir(), 'queue-bench-'));

const centreOf = (value: ServerSettings): Centre => {
  const base = value.centre === 'demo' ? DEMO_CENTRE : hallOf(value.centre);
  if (!value.printer) return base;
  const printer: KioskPrinter = { transport: 'tcp', profileId: 'epson-80', ...value.printer };
  return { ...base, kiosks: [{ deviceId: 'kiosk-1', name: 'Kiosk', printer }] };
};

/**
 * Experiment (BENCH_EXPERIMENT=public-first): send the hall (boards, kiosks) each event before
 * the staff room, by deferring staff emits to a microtask. Shows what emitting in that order
 * in apps/server/src/app.ts would gain; not how the server behaves.
 */
const hallFirst = (app: Application): void => {
  type Emitter = { emit(event: string, ...args: unknown[]): unknown };
  const io = app.io as unknown as { to: (room: string) => Emitter };
  const original = io.to.bind(io);
  const to = (room: string): Emitter => original(room);
  io.to = (room: string): Emitter =>
    room === 'staff'
      ? { emit: (event, ...args) => queueMicrotask(() => void to(room).emit(event, ...args)) }
      : to(room);
};

const main = async (): Promise<void> => {
  const offset = Date.parse(settings.timeStart ?? WEEKDAY_MORNING) - Date.now();
  const app = await createApplication({
    databaseFile: join(dir, 'queue.sqlite'),
    seedDemo: true,
    centre: centreOf(settings),
    logger: silentLogger,
    clock: { now: () => (Date.now() + offset) as Instant },
  });
  if (process.env.BENCH_EXPERIMENT === 'public-first') hallFirst(app);
  answerLoopDelay();
  const port = await app.listen(0);
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') process.send?.({ type: 'memory', usage: process.memoryUsage() });
    if (message.type === 'cpu') process.send?.({ type: 'cpu', usage: process.cpuUsage() });
  });
  const stop = (): void => {
    void app.close().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send?.({ type: 'listening', port });
};

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: String(error) });
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
