/**
 * Keeps the reports' day summaries made in the background: one closed day at a time, with a
 * pause between days so that the queue's own work is never held up for long; then it waits
 * for the next day to close (`dayClosed`), checking every few minutes all the same.
 */
import type { Logger } from '../logger';
import type { ReportService } from './report-service';

const BETWEEN_DAYS_MS = 50;
const IDLE_MS = 5 * 60_000;

export interface SummaryJob {
  /** A service day has just closed: summarise it soon. */
  dayClosed(): void;
  stop(): void;
}

export const startSummaryJob = (reports: ReportService, logger: Logger): SummaryJob => {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (delayMs: number): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(step, delayMs);
    timer.unref();
  };
  const step = (): void => {
    let made = 0;
    try {
      made = reports.catchUp(1);
    } catch (error) {
      logger.error('report summary failed', { error });
    }
    schedule(made > 0 ? BETWEEN_DAYS_MS : IDLE_MS);
  };
  schedule(BETWEEN_DAYS_MS);
  return {
    dayClosed: () => schedule(BETWEEN_DAYS_MS),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
