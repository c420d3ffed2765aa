/**
 * A year's worth of history for the scale benchmark, written straight into a queue database
 * (the schema of @queue/db, rows shaped as the server writes them): for each service day,
 * every visit's ticket row and its four events (issued, called, serving started, completed),
 * plus the day's counters. Plain prepared inserts in one transaction per day, with
 * synchronous=OFF while loading (the database is thrown away), so a million visits take a
 * minute rather than an hour. One visit in twenty carries a note, as retention expects.
 */
import {
  DEMO_CENTRE,
  type DeskId,
  type Instant,
  type QueueEvent,
  type ServiceDay,
  type StaffId,
  type Ticket,
  type TicketId,
  formatTicketNumber,
} from '@queue/core';
import { openDatabase } from '@queue/db';
import { Random } from '../simulation/prng';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export interface HistoryOptions {
  readonly file: string;
  readonly visits: number;
  readonly days: number;
  /** The first day after the history (the server starts on it). */
  readonly today: string;
  /** Set the retention watermark as a server running all along would have (days). */
  readonly retentionDays: number;
}

export interface HistoryResult {
  readonly visits: number;
  readonly events: number;
  readonly seconds: number;
}

const SYSTEM = { kind: 'system' } as const;

export const generateHistory = (options: HistoryOptions): HistoryResult => {
  const started = performance.now();
  const db = openDatabase(options.file);
  db.pragma('synchronous = OFF');
  const insertEvent = db.prepare(
    'INSERT INTO events (type, at, ticket_id, desk_id, payload) VALUES (?, ?, ?, ?, ?)',
  );
  const insertTicket = db.prepare(
    'INSERT INTO tickets (id, service_day, number, prefix, sequence, service_code, status, issued_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertCounter = db.prepare('INSERT INTO day_counters (service_day, key, value) VALUES (?, ?, ?)');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const services = DEMO_CENTRE.services.filter((service) => service.onKiosk);
  const random = new Random(2026);
  const perDay = Math.ceil(options.visits / options.days);
  const todayStart = Date.parse(`${options.today}T00:00:00+02:00`);
  let visits = 0;
  let events = 0;
  const event = (value: QueueEvent, ticketId?: string, deskId?: string): void => {
    insertEvent.run(value.type, value.at, ticketId ?? null, deskId ?? null, JSON.stringify(value));
    events += 1;
  };

  const writeDay = db.transaction((dayIndex: number) => {
    const dayStart = todayStart - (options.days - dayIndex) * MS_PER_DAY;
    const serviceDay = new Date(dayStart + 12 * 3_600_000).toISOString().slice(0, 10) as ServiceDay;
    const opens = dayStart + 8 * 3_600_000;
    event({ type: 'day:started', at: opens as Instant, actor: SYSTEM, serviceDay, expiredTicketIds: [] });
    const counters = new Map<string, number>();
    const count = Math.min(perDay, options.visits - visits);
    for (let i = 0; i < count; i += 1) {
      const service = services[random.int(services.length)] ?? services[0];
      const desk = DEMO_CENTRE.desks.find((entry) => entry.services.some((s) => s.code === service?.code));
      if (!service || !desk) continue;
      const sequence = (counters.get(`prefix:${service.prefix}`) ?? 0) + 1;
      counters.set(`prefix:${service.prefix}`, sequence);
      counters.set(`service:${service.code}`, (counters.get(`service:${service.code}`) ?? 0) + 1);
      const issuedAt = (opens + (i / count) * 13 * 3_600_000) as Instant;
      const calledAt = (issuedAt + random.exponential(6) * MS_PER_MINUTE) as Instant;
      const startedAt = (calledAt + 30_000) as Instant;
      const finishedAt = (startedAt +
        random.logNormal(service.expectedMinutes, 0.6) * MS_PER_MINUTE) as Instant;
      const id =
        `h${dayIndex.toString(36).padStart(3, '0')}_${i.toString(36).padStart(4, '0')}_history0` as TicketId;
      const operatorId = `operator${desk.number}` as StaffId;
      const deskId = desk.id as DeskId;
      const note = random.chance(0.05) ? { note: 'Принесе довідку наступного разу' } : {};
      const issued: Ticket = {
        id,
        number: formatTicketNumber(service.prefix, sequence),
        prefix: service.prefix,
        sequence,
        serviceDay,
        source: 'kiosk',
        serviceCode: service.code,
        issuedAt,
        queuedAt: issuedAt,
        status: 'waiting',
        itinerary: [],
        callCount: 0,
        ...note,
      };
      const staff = { kind: 'staff', staffId: operatorId } as const;
      event(
        {
          type: 'ticket:issued',
          at: issuedAt,
          actor: { kind: 'device', deviceId: 'kiosk-1' },
          ticket: issued,
        },
        id,
      );
      event(
        {
          type: 'ticket:called',
          at: calledAt,
          actor: staff,
          ticketId: id,
          number: issued.number,
          serviceCode: service.code,
          deskId,
          operatorId,
          privileged: false,
        },
        id,
        deskId,
      );
      event(
        { type: 'ticket:serving-started', at: startedAt, actor: staff, ticketId: id, deskId },
        id,
        deskId,
      );
      event(
        { type: 'ticket:completed', at: finishedAt, actor: staff, ticketId: id, deskId, outcome: 'resolved' },
        id,
        deskId,
      );
      const done: Ticket = {
        ...issued,
        status: 'completed',
        deskId,
        operatorId,
        calledAt,
        lastCalledAt: calledAt,
        callCount: 1,
        servingStartedAt: startedAt,
        finishedAt,
        outcome: 'resolved',
      };
      insertTicket.run(
        id,
        serviceDay,
        done.number,
        done.prefix,
        sequence,
        service.code,
        'completed',
        issuedAt,
        JSON.stringify(done),
      );
      visits += 1;
    }
    for (const [key, value] of counters) insertCounter.run(serviceDay, key, value);
    setMeta.run('service_day', serviceDay);
  });

  for (let day = 0; day < options.days && visits < options.visits; day += 1) writeDay(day);
  // A server running all along would have purged notes up to the retention period already.
  setMeta.run(
    'retention_purged_before',
    String(todayStart - options.retentionDays * MS_PER_DAY - MS_PER_DAY),
  );
  // History written behind the server's back, as by a version without reports: the next start
  // rebuilds the reports' segments from these events, once.
  db.prepare("DELETE FROM meta WHERE key = 'visit_segments_backfilled'").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { visits, events, seconds: (performance.now() - started) / 1000 };
};
