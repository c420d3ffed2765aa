/**
 * The retention job: once at start-up and then daily, remove ticket notes, transfer comments
 * and completion notes older than the retention period (QUEUE_RETENTION_DAYS, 90 by default)
 * from the read tables and the event log, and the names and phones of bookings and the
 * comments of ratings as old, and the applicants' personal data of appeals closed longer ago
 * than the centre's appeals setting (3 years by default; the journal's rows stay), recording
 * the pass in the audit log in the same transaction.
 * The live state holds only today's tickets, so it never needs purging.
 */
import type Database from 'better-sqlite3';
import {
  AppealStore,
  type AuditStore,
  BookingStore,
  type PurgeResult,
  RatingStore,
  purgeNotes,
} from '@queue/db';
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
  /** Years an appeal's personal data is kept after it closes (the centre's setting, read each pass). */
  readonly appealPersonalDataYears?: () => number;
}

/** The instant `years` calendar years before `now`. */
const yearsBefore = (now: number, years: number): number => {
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at.getTime();
};

/** What a pass cleared: ticket notes, and the personal data of bookings and ratings. */
export interface RetentionResult extends PurgeResult {
  /** Bookings whose name and phone were cleared. */
  readonly bookings: number;
  /** Ratings whose comment was cleared. */
  readonly comments: number;
  /** Closed appeals whose applicant's personal data was cleared. */
  readonly appeals: number;
}

export interface RetentionJob {
  run(): RetentionResult | undefined;
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
  const bookingStore = new BookingStore(db);
  const ratingStore = new RatingStore(db);
  const appealStore = new AppealStore(db);
  const run = (): RetentionResult | undefined => {
    const now = options.now();
    const before = now - options.days * DAY_MS;
    try {
      let personal = { bookings: 0, comments: 0, appeals: 0 };
      const appealsBefore = yearsBefore(now, options.appealPersonalDataYears?.() ?? 3);
      // Everything inside purgeNotes' transaction: all of it is cleared and audited, or none.
      const notes = purgeNotes(db, before, (counts) => {
        personal = {
          bookings: bookingStore.purgePersonalDataBefore(before),
          comments: ratingStore.purgeCommentsBefore(before),
          appeals: appealStore.purgePersonalDataBefore(appealsBefore, now),
        };
        audit.append({
          at: now,
          actor: 'system',
          action: 'retention:purge',
          details: {
            days: options.days,
            before: counts.before,
            tickets: counts.tickets,
            events: counts.events,
            ...personal,
          },
        });
      });
      const result = { ...notes, ...personal };
      options.logger.info('retention pass', { ...result, days: options.days });
      return result;
    } catch (error) {
      options.logger.error('retention pass failed', { error });
      return undefined;
    }
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
};
