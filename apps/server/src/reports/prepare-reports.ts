/**
 * After an upgrade that brings the reports' projection, the log is projected in batches
 * while the server serves: it listens at once, and reports answer "being prepared" until the
 * last batch. Each batch is one short transaction; between batches the server goes back to
 * its visitors.
 */
import type { QueueStore } from '@queue/db';
import type { Logger } from '../logger';

/** Run `next` once the server has had its turn (tests step it by hand). */
export type Yield = (next: () => void) => void;

export const nextTurn: Yield = (next) => void setImmediate(next);

export const prepareReportsInBackground = (
  store: QueueStore,
  logger: Logger,
  yieldThen: Yield = nextTurn,
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
    yieldThen(step);
  };
  yieldThen(step);
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
};
