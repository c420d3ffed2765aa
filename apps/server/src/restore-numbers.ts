/**
 * Numbers after a restore. A backup is older than the file it replaces: visitors may hold
 * numbers issued after it, and the restored counters would hand those numbers out again.
 * So the restore raises the restored file's counters before any server sees it:
 *
 * - From the replaced file, when SQLite can read it: its current day and, per prefix, the
 *   highest number it handed out. If that day is later than the backup's, the restored file
 *   is first moved into that day by the queue's own rules (a `day:started`, as a server
 *   would at its first command), then its counters are raised; numbering goes on above.
 * - By an estimate, when the replaced file is missing or unreadable (the usual reason to
 *   restore): the backup's own day shows how fast each prefix was issued; twice that rate
 *   over the time since the backup's last event (at most a day, or on a later day the time
 *   since its midnight), and at least 50, is skipped, rounded up to the next hundred (the
 *   next number is then `Д-201` and the like, which staff recognise as a fresh series).
 */
import type { Centre, Instant, QueueCommand } from '@queue/core';
import { localTime, serviceDayOf } from '@queue/core';
import {
  ConfigStore,
  type DayHighWater,
  QueueStore,
  issuedByPrefix,
  raiseDayCounters,
  readDayHighWater,
} from '@queue/db';
import type Database from 'better-sqlite3';
import { silentLogger } from './logger';
import { QueueService } from './queue-service';

export interface NumberCarry {
  /** Where the floors came from; `none` when nothing had to be carried. */
  readonly source: 'replaced-file' | 'estimate' | 'none';
  readonly serviceDay?: string;
  /** The last number taken as handed out, by prefix: the restored centre issues above it. */
  readonly floors: Readonly<Record<string, number>>;
}

/** What the restore could learn from the file it replaces. */
export type ReplacedFile =
  { readonly readable: true; readonly highWater: DayHighWater | undefined } | { readonly readable: false };

const MIN_SKIP = 50;
const SAFETY_FACTOR = 2;
const MIN_SPAN_MS = 10 * 60_000;
const DAY_MS = 24 * 3_600_000;

const roundUpToHundred = (value: number): number => Math.ceil(value / 100) * 100;

const serviceDayOfFile = (db: Database.Database): string | undefined =>
  db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'service_day'").get()?.value;

const lastEventAt = (db: Database.Database): number =>
  db.prepare<[], { at: number | null }>('SELECT MAX(at) AS at FROM events').get()?.at ?? 0;

/** Floors for `targetDay` when the replaced file told nothing: see the module comment. */
export const estimateFloors = (
  restored: Database.Database,
  centre: Centre,
  targetDay: string,
  now: number,
): Record<string, number> => {
  const backupDay = serviceDayOfFile(restored);
  const backupAt = lastEventAt(restored);
  // Numbers restart every day: on a later day only the time since its midnight counts.
  const sinceMidnight = (localTime(now as Instant, centre.site.timeZone).minuteOfDay + 1) * 60_000;
  const window = Math.min(targetDay === backupDay ? DAY_MS : sinceMidnight, Math.max(0, now - backupAt));
  const current = backupDay ? (readDayHighWater(restored)?.prefixes ?? {}) : {};
  const issued = new Map(
    backupDay ? issuedByPrefix(restored, backupDay).map((row) => [row.prefix, row]) : [],
  );
  const prefixes = new Set([...centre.services.map((service) => service.prefix), ...Object.keys(current)]);
  const floors: Record<string, number> = {};
  for (const prefix of prefixes) {
    const row = issued.get(prefix);
    // Tickets per ms over the backup's day so far. A short span overstates the rate, which
    // errs on the safe side; ten minutes at least keeps one ticket from meaning thousands.
    const rate = row ? row.count / Math.max(MIN_SPAN_MS, backupAt - row.firstAt) : 0;
    const skip = Math.max(MIN_SKIP, Math.ceil(SAFETY_FACTOR * rate * window));
    const base = targetDay === backupDay ? (current[prefix] ?? 0) : 0;
    floors[prefix] = roundUpToHundred(base + skip);
  }
  return floors;
};

/** Raise the restored file's counters (see the module comment); `now` is the restore's clock. */
export const carryNumbersForward = (
  restored: Database.Database,
  replaced: ReplacedFile,
  now: number,
): NumberCarry => {
  const centre = new ConfigStore(restored).load();
  // Without a configuration no server can start on the file, and no prefix is known.
  if (!centre) return { source: 'none', floors: {} };
  let target: { day: string; at: number; prefixes: Record<string, number>; services: Record<string, number> };
  if (replaced.readable) {
    if (!replaced.highWater) return { source: 'none', floors: {} };
    const { serviceDay, lastEventAt: at, prefixes, services } = replaced.highWater;
    target = { day: serviceDay, at, prefixes: { ...prefixes }, services: { ...services } };
  } else {
    const day = serviceDayOf(now as Instant, centre.site.timeZone);
    target = { day, at: now, prefixes: estimateFloors(restored, centre, day, now), services: {} };
  }
  const restoredDay = serviceDayOfFile(restored);
  // A replaced day before the backup's: its numbers ended with it, nothing to carry.
  if (restoredDay !== undefined && target.day < restoredDay) return { source: 'none', floors: {} };
  if (restoredDay !== target.day) {
    const store = new QueueStore(restored);
    const queue = new QueueService(store, centre, { now: () => target.at as Instant }, silentLogger);
    const tick: QueueCommand = { type: 'tick', at: target.at as Instant, actor: { kind: 'system' } };
    const answer = queue.execute(tick, () => null);
    if (!answer.ok) throw new Error(`Could not start the day ${target.day}: ${answer.error.message}`);
  }
  raiseDayCounters(restored, target.day, target);
  return {
    source: replaced.readable ? 'replaced-file' : 'estimate',
    serviceDay: target.day,
    floors: target.prefixes,
  };
};
