/**
 * One server start for the scale benchmark, in a fresh process: times `createApplication`
 * (opening the database, loading the live state, the retention pass) and `listen`, then how
 * long until reports are ready (an upgraded database builds their projection meanwhile), and
 * the process's memory as started and after a full garbage collection.
 */
import type { Instant } from '@queue/core';
import { createApplication, silentLogger } from '@queue/server';
import { ticketCount } from '@queue/core';

const [file = '', timeStart = ''] = process.argv.slice(2);

const main = async (): Promise<void> => {
  const offset = Date.parse(timeStart) - Date.now();
  const started = performance.now();
  const app = await createApplication({
    databaseFile: file,
    seedDemo: true,
    logger: silentLogger,
    clock: { now: () => (Date.now() + offset) as Instant },
  });
  const created = performance.now();
  await app.listen(0);
  const listening = performance.now();
  // After an upgrade the reports' projection is built while the server serves: until when.
  await app.reportsReady;
  const reportsReady = performance.now();
  const asStarted = process.memoryUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const afterGc = process.memoryUsage();
  await app.close();
  const report = {
    type: 'started',
    createMs: created - started,
    startMs: listening - started,
    reportsReadyMs: reportsReady - started,
    asStarted,
    afterGc,
    tickets: ticketCount(app.queue.state),
  };
  process.send?.(report, () => process.disconnect());
};

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: String(error) });
  process.exitCode = 1;
});
