/**
 * The retention job: once at start-up and then daily, remove ticket notes, transfer comments
 * and completion notes older than the retention period (QUEUE_RETENTION_DAYS, 90 by default)
 * from the read tables and the event log, recording the pass in the audit log in the same
 * transaction. The live state holds only today's tickets, so it never needs purging.
 */
import type Database from 'better-sqlite3';
import { type AuditStore, type PurgeResult, purgeNotes } from '@queue/db';
import type { Logger } from './logger';

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

export const parseRetentionDays = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`QUEUE_RETENTION_DAYS must be a whole number of days, at least 1: ${value}`);
  }
  return days;
};

export interface RetentionOptions {
  readonly days: number;
  readonly now: () => number;
  readonly logger: Logger;
  /** How often to run after the first pass; a day by default. */
  readonly intervalMs?: number;
}

export interface RetentionJob {
  run(): PurgeResult | undefined;
  stop(): void;
}

export const startRetention = (
  db: Database.Database,
  audit: AuditStore,
  options: RetentionOptions,
): RetentionJob => {
  if (!Number.isInteger(options.days) || options.days < 1) {
    throw new Error(`The retention period must be at least one day (got ${options.days}).`);
  }
  const run = (): PurgeResult | undefined => {
    const now = options.now();
    try {
      const result = purgeNotes(db, now - options.days * DAY_MS, (counts) =>
        audit.append({
          at: now,
          actor: 'system',
          action: 'retention:purge',
          details: {
            days: options.days,
            before: counts.before,
            tickets: counts.tickets,
            events: counts.events,
          },
        }),
      );
      options.logger.info('retention pass', { ...result, days: options.days });
      return result;
    } catch (error) {
      options.logger.error('retention pass failed', { error: String(error) });
      return undefined;
    }
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
};
