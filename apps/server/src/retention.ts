/**
 * The retention job: after start-up (in slices of a week of history, so that a first pass over
 * years of it never holds the queue up) and then daily, remove ticket notes, transfer comments
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
/** History one background pass covers, and the pause before the next while catching up. */
const SLICE_MS = 7 * DAY_MS;
const BETWEEN_SLICES_MS = 20;

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
  /** A pass over at most `spanMs` of the history still to do (all of it by default). */
  const pass = (spanMs = Infinity): (RetentionResult & { readonly done: boolean }) | undefined => {
    const now = options.now();
    const before = now - options.days * DAY_MS;
    try {
      let personal = { bookings: 0, comments: 0, appeals: 0 };
      const appealsBefore = yearsBefore(now, options.appealPersonalDataYears?.() ?? 3);
      // Everything inside purgeNotes' transaction: all of it is cleared and audited, or none.
      const notes = purgeNotes(
        db,
        before,
        (counts) => {
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
        },
        spanMs,
      );
      const result = { ...notes, ...personal };
      options.logger.info('retention pass', { ...result, days: options.days });
      return { ...result, done: notes.before >= before };
    } catch (error) {
      options.logger.error('retention pass failed', { error });
      return undefined;
    }
  };
  // In the background, a week of history at a time with a pause between: the first pass over
  // an upgraded centre's years of notes would otherwise hold the queue up at start-up.
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (step: () => void, delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(step, delayMs);
    timer.unref();
  };
  const catchUp = (): void => {
    const result = pass(SLICE_MS);
    if (result && !result.done) schedule(catchUp, BETWEEN_SLICES_MS);
    else schedule(catchUp, options.intervalMs ?? DAY_MS);
  };
  schedule(catchUp, 0);
  return {
    run: () => {
      const result = pass();
      if (!result) return undefined;
      const { done: _done, ...counts } = result;
      return counts;
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
