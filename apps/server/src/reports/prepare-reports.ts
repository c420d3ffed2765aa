/**
 * After an upgrade that brings the reports' projection, the log is projected in batches
 * while the server serves: it listens at once, and reports answer "being prepared" until the
 * last batch. Each batch is one short transaction; between batches the server goes back to
 * its visitors.
 */
import type { QueueStore } from '@queue/db';
import type { Logger } from '../logger';
import { type Timers, realTimers } from '../timers';

export const prepareReportsInBackground = (
  store: QueueStore,
  logger: Logger,
  /** Each batch waits its turn on these (tests fire them by hand). */
  timers: Timers = realTimers,
): { stop(): void; readonly done: Promise<void> } => {
  let stopped = false;
  if (store.reportsReady) return { stop: () => {}, done: Promise.resolve() };
  let finished = (): void => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  const started = Date.now();
  let events = 0;
  logger.info('preparing reports from the log (the queue works meanwhile)');
  const step = (): void => {
    if (stopped) return;
    try {
      const progress = store.prepareReports();
      events += progress.read;
      if (progress.done) {
        logger.info('reports ready', { events, ms: Date.now() - started });
        finished();
        return;
      }
      logger.info('preparing reports', { events, upTo: progress.upTo });
    } catch (error) {
      // A failed batch rolled back; the next try resumes from the saved position.
      logger.error('preparing reports failed', { error });
    }
    timers.after(0, step);
  };
  timers.after(0, step);
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
};
