/**
 * Reading what reports need: the visit segments and ratings of a range of service days, and
 * the stored summaries of closed days. A month is one range scan of an index.
 */
import { endianness } from 'node:os';
import type Database from 'better-sqlite3';
import type { DaySummary, DeskEventRow, RatedVisit, SummaryDimension, VisitSegment } from '@queue/core';

interface SummaryRow {
  service_day: string;
  dimension: SummaryDimension;
  service_code: string;
  key: string;
  issued: number;
  served: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  priority_issued: number;
  priority_confirmed: number;
  bookings_called: number;
  punctual: number;
  walk_in_waits: Buffer;
  booked_waits: Buffer;
  service_times: Buffer;
  arrivals_by_hour: Buffer;
}

/** Whole seconds as little-endian int32, four bytes each. */
const encode = (values: ArrayLike<number>): Buffer => {
  const buffer = Buffer.alloc(values.length * 4);
  for (let index = 0; index < values.length; index += 1)
    buffer.writeInt32LE(values[index] as number, index * 4);
  return buffer;
};

const decode = (buffer: Buffer): number[] => {
  const values = new Array<number>(buffer.length / 4);
  for (let index = 0; index < values.length; index += 1) values[index] = buffer.readInt32LE(index * 4);
  return values;
};

const littleEndian = endianness() === 'LE';

/**
 * The same values as a typed array: on a little-endian machine one copy of the bytes (SQLite's
 * buffer need not be aligned for an Int32Array view), not a call per value. A year's report
 * reads millions of them.
 */
const decodeSeconds = (buffer: Buffer): Int32Array =>
  littleEndian
    ? new Int32Array(Uint8Array.prototype.slice.call(buffer).buffer, 0, buffer.length / 4)
    : Int32Array.from(decode(buffer));

const fromRow = (row: SummaryRow): DaySummary => ({
  serviceDay: row.service_day,
  dimension: row.dimension,
  serviceCode: row.service_code,
  key: row.key,
  issued: row.issued,
  served: row.served,
  noShow: row.no_show,
  cancelled: row.cancelled,
  transferred: row.transferred,
  priorityIssued: row.priority_issued,
  priorityConfirmed: row.priority_confirmed,
  bookingsCalled: row.bookings_called,
  punctual: row.punctual,
  walkInWaits: decodeSeconds(row.walk_in_waits),
  bookedWaits: decodeSeconds(row.booked_waits),
  serviceTimes: decodeSeconds(row.service_times),
  arrivalsByHour: decode(row.arrivals_by_hour),
});

/** What a report needs of each rating beyond its service (see `ReportStore.ratingsBetween`). */
export type RatingDetail = 'arrival' | 'service' | 'day' | 'desk' | 'operator';

type GroupedColumn = 'service_day' | 'desk_id' | 'operator_id';

/** The period's ratings summed per service and `columns`; the other columns empty. */
const grouped = (db: Database.Database, columns: readonly GroupedColumn[]) => {
  const pick = (column: GroupedColumn, empty: string): string => (columns.includes(column) ? column : empty);
  return db.prepare<[string, string], RatedVisit>(`
    SELECT '' AS ticketId, ${pick('service_day', "''")} AS serviceDay, service_code AS serviceCode,
      ${pick('desk_id', 'NULL')} AS deskId, ${pick('operator_id', 'NULL')} AS operatorId,
      SUM(score) AS score, COUNT(*) AS count, NULL AS arrivedAt
    FROM ratings WHERE service_day BETWEEN ? AND ?
    GROUP BY ${['service_code', ...columns].join(', ')}`);
};

export class ReportStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      segments: db.prepare<[string, string], VisitSegment>(`
        SELECT ticket_id AS ticketId, segment, service_day AS serviceDay, service_code AS serviceCode, source,
          entered_at AS enteredAt, first_called_at AS firstCalledAt, serving_started_at AS servingStartedAt,
          ended_at AS endedAt, outcome, desk_id AS deskId, operator_id AS operatorId,
          priority_category AS priorityCategory, priority_confirmed AS priorityConfirmed,
          appointment_at AS appointmentAt
        FROM visit_segments WHERE service_day BETWEEN ? AND ?`),
      ratingsWithArrival: db.prepare<[string, string], RatedVisit>(`
        SELECT r.ticket_id AS ticketId, r.service_day AS serviceDay, r.service_code AS serviceCode,
          r.desk_id AS deskId, r.operator_id AS operatorId, r.score, s.entered_at AS arrivedAt
        FROM ratings r LEFT JOIN visit_segments s ON s.ticket_id = r.ticket_id AND s.segment = 0
        WHERE r.service_day BETWEEN ? AND ?`),
      // Without the clock hour a report needs only each group's count and sum, added up here
      // from the covering index by the columns its grouping reads (the service's always, for
      // the organisation filter): a year is a few dozen rows instead of every rating.
      ratings: {
        service: grouped(db, []),
        day: grouped(db, ['service_day']),
        desk: grouped(db, ['desk_id']),
        operator: grouped(db, ['operator_id']),
      },
      summaries: db.prepare<[string, string, string], SummaryRow>(`
        SELECT * FROM report_day_summaries WHERE dimension = ? AND service_day BETWEEN ? AND ?`),
      summarisedDays: db.prepare<[string, string], { service_day: string }>(
        'SELECT service_day FROM report_summarised_days WHERE service_day BETWEEN ? AND ?',
      ),
      insertSummary: db.prepare(`
        INSERT OR REPLACE INTO report_day_summaries (service_day, dimension, service_code, key, issued, served,
          no_show, cancelled, transferred, priority_issued, priority_confirmed, bookings_called, punctual,
          walk_in_waits, booked_waits, service_times, arrivals_by_hour)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      firstDay: db.prepare<[], { day: string | null }>('SELECT MIN(service_day) AS day FROM visit_segments'),
      markDay: db.prepare('INSERT OR REPLACE INTO report_summarised_days (service_day, at) VALUES (?, ?)'),
      // The events_at index; the staffing plan's desks open on a past day.
      deskEvents: db.prepare<[number, number], DeskEventRow>(`
        SELECT type, at, desk_id AS deskId FROM events WHERE at >= ? AND at < ?
          AND type IN ('day:started', 'desk:opened', 'desk:paused', 'desk:resumed', 'desk:closed')
        ORDER BY seq`),
    };
  }

  /**
   * Segments of the service days `from` to `to`, inclusive, read as they are consumed (a year
   * is millions of rows: they are never all in memory at once). Consume it before the next
   * statement on this connection.
   */
  segmentsBetween(from: string, to: string): IterableIterator<VisitSegment> {
    return this.statements.segments.iterate(from, to);
  }

  /**
   * Ratings of the period: one per visit with its arrival time (`arrival`, for the clock hour:
   * a lookup each), or added up per service and the column a grouping needs.
   */
  ratingsBetween(from: string, to: string, detail: RatingDetail): RatedVisit[] {
    return (detail === 'arrival' ? this.statements.ratingsWithArrival : this.statements.ratings[detail]).all(
      from,
      to,
    );
  }

  /** Stored summaries of the days `from` to `to`: the `service` rows and those of `dimension`. */
  summariesBetween(from: string, to: string, dimension: SummaryDimension): DaySummary[] {
    const summaries = this.statements.summaries.all('service', from, to).map(fromRow);
    if (dimension === 'service') return summaries;
    for (const row of this.statements.summaries.iterate(dimension, from, to)) summaries.push(fromRow(row));
    return summaries;
  }

  /** The earliest service day with any visit, if any. */
  firstDay(): string | undefined {
    return this.statements.firstDay.get()?.day ?? undefined;
  }

  summarisedDays(from: string, to: string): Set<string> {
    return new Set(this.statements.summarisedDays.all(from, to).map((row) => row.service_day));
  }

  /** The desks' opening, breaks and closing (and the day's start, which closes them) in [from, to), epoch ms. */
  deskEventsBetween(from: number, to: number): DeskEventRow[] {
    return this.statements.deskEvents.all(from, to);
  }

  /** Store a closed day's summary rows and mark the day done, in one transaction. */
  saveDay(serviceDay: string, rows: readonly DaySummary[], at: number): void {
    this.db.transaction(() => {
      for (const row of rows) {
        this.statements.insertSummary.run(
          row.serviceDay,
          row.dimension,
          row.serviceCode,
          row.key,
          row.issued,
          row.served,
          row.noShow,
          row.cancelled,
          row.transferred,
          row.priorityIssued,
          row.priorityConfirmed,
          row.bookingsCalled,
          row.punctual,
          encode(row.walkInWaits),
          encode(row.bookedWaits),
          encode(row.serviceTimes),
          encode(row.arrivalsByHour),
        );
      }
      this.statements.markDay.run(serviceDay, at);
    })();
  }
}
