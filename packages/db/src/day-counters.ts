/**
 * The day's numbering read and raised outside the queue's commits: a restore carries the
 * numbers already handed out from the file it replaces into the restored one, so that the
 * restored centre never gives a visitor a number somebody else already holds.
 */
import type Database from 'better-sqlite3';

/** The last numbers of the current service day, by ticket prefix, and tickets by service. */
export interface DayHighWater {
  readonly serviceDay: string;
  /** The highest sequence handed out, by prefix (`Д` → 42 after `Д-042`). */
  readonly prefixes: Readonly<Record<string, number>>;
  /** Tickets issued, by service code (what a service's daily limit counts). */
  readonly services: Readonly<Record<string, number>>;
  /** The last event's instant (ms): a moment inside that service day. */
  readonly lastEventAt: number;
}

const raise = (into: Record<string, number>, key: string, value: number): void => {
  into[key] = Math.max(into[key] ?? 0, value);
};

/** The file's current day and its high-water numbers; undefined before its first day. */
export const readDayHighWater = (db: Database.Database): DayHighWater | undefined => {
  const day = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'service_day'").get();
  if (!day) return undefined;
  const serviceDay = day.value;
  const prefixes: Record<string, number> = {};
  const services: Record<string, number> = {};
  const counters = db
    .prepare<[string], { key: string; value: number }>(
      'SELECT key, value FROM day_counters WHERE service_day = ?',
    )
    .all(serviceDay);
  for (const { key, value } of counters) {
    if (key.startsWith('prefix:')) raise(prefixes, key.slice('prefix:'.length), value);
    else if (key.startsWith('service:')) raise(services, key.slice('service:'.length), value);
  }
  // The tickets too: a counter is written with its ticket, but either is evidence of a number.
  const sequences = db
    .prepare<[string], { prefix: string; highest: number }>(
      'SELECT prefix, MAX(sequence) AS highest FROM tickets WHERE service_day = ? GROUP BY prefix',
    )
    .all(serviceDay);
  for (const { prefix, highest } of sequences) raise(prefixes, prefix, highest);
  const last = db.prepare<[], { at: number | null }>('SELECT MAX(at) AS at FROM events').get();
  return { serviceDay, prefixes, services, lastEventAt: last?.at ?? 0 };
};

/** Raise the day's counters to at least these values (never lowers one). */
export const raiseDayCounters = (
  db: Database.Database,
  serviceDay: string,
  floors: Pick<DayHighWater, 'prefixes' | 'services'>,
): void => {
  const upsert = db.prepare(`
    INSERT INTO day_counters (service_day, key, value) VALUES (?, ?, ?)
    ON CONFLICT (service_day, key) DO UPDATE SET value = MAX(value, excluded.value)`);
  db.transaction(() => {
    for (const [prefix, value] of Object.entries(floors.prefixes))
      upsert.run(serviceDay, `prefix:${prefix}`, value);
    for (const [code, value] of Object.entries(floors.services))
      upsert.run(serviceDay, `service:${code}`, value);
  })();
};

/** Tickets issued on a day, by prefix, with the first one's instant: the day's issue rate. */
export const issuedByPrefix = (
  db: Database.Database,
  serviceDay: string,
): { prefix: string; count: number; firstAt: number }[] =>
  db
    .prepare<[string], { prefix: string; count: number; firstAt: number }>(
      'SELECT prefix, COUNT(*) AS count, MIN(issued_at) AS firstAt FROM tickets WHERE service_day = ? GROUP BY prefix',
    )
    .all(serviceDay);
