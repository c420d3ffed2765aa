/**
 * Pre-booked visits. Booking and moving count what is already booked and write in one
 * IMMEDIATE transaction, so two visitors racing for the last place in a slot cannot both
 * get it, even from two server processes. Names and phones are personal data: the retention
 * job clears them once the slot is older than the retention period.
 */
import type Database from 'better-sqlite3';
import { type HeldBooking, instant } from '@queue/core';

export const BOOKING_STATUSES = ['booked', 'checked-in', 'cancelled', 'missed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface Booking {
  readonly code: string;
  readonly serviceCode: string;
  readonly serviceDay: string;
  readonly slotAt: number;
  readonly name?: string;
  /** Digits, international form; the key of the per-person limit. */
  readonly phone?: string;
  readonly language: string;
  readonly status: BookingStatus;
  /** Checked in after the grace period: served as an ordinary walk-in. */
  readonly late: boolean;
  readonly ticketId?: string;
  readonly createdAt: number;
  /** `visitor` for the public page, else the staff member's id. */
  readonly createdBy: string;
  /** Where a public booking was made from (the per-address limits); cleared with the phone. */
  readonly sourceAddress?: string;
  readonly updatedAt: number;
}

export type NewBooking = Omit<Booking, 'status' | 'late' | 'ticketId' | 'updatedAt'>;

/** What is booked already, counted inside the booking transaction. */
export interface HeldCounts {
  readonly inSlot: number;
  readonly personOnDay: number;
  readonly serviceOnDay: number;
  /** Every service's active bookings that day, for the desks they need. */
  readonly onDay: readonly HeldBooking[];
}

/** Bookings of service days `from`..`to` by what became of them, for reports. */
export interface BookingCounts {
  readonly serviceCode: string;
  /** Every booking made, cancelled ones included. */
  readonly total: number;
  /** Still waiting for their visitor. */
  readonly booked: number;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly cancelled: number;
}

interface BookingRow {
  code: string;
  service_code: string;
  service_day: string;
  slot_at: number;
  name: string | null;
  phone: string | null;
  language: string;
  status: BookingStatus;
  late: number;
  ticket_id: string | null;
  created_at: number;
  created_by: string;
  source_address: string | null;
  updated_at: number;
}

const fromRow = (row: BookingRow): Booking => ({
  code: row.code,
  serviceCode: row.service_code,
  serviceDay: row.service_day,
  slotAt: row.slot_at,
  ...(row.name !== null ? { name: row.name } : {}),
  ...(row.phone !== null ? { phone: row.phone } : {}),
  language: row.language,
  status: row.status,
  late: row.late === 1,
  ...(row.ticket_id !== null ? { ticketId: row.ticket_id } : {}),
  createdAt: row.created_at,
  ...(row.source_address !== null ? { sourceAddress: row.source_address } : {}),
  createdBy: row.created_by,
  updatedAt: row.updated_at,
});

/** A refusal from the caller's rule, handed back unchanged. */
export type Refusal<E> = { readonly refused: E };

const ACTIVE = `status IN ('booked', 'checked-in')`;

const heldBookingOf = (row: { service_code: string; slot_at: number }): HeldBooking => ({
  serviceCode: row.service_code,
  slotAt: instant(row.slot_at),
});

export class BookingStore {
  constructor(private readonly db: Database.Database) {}

  private held(
    serviceCode: string,
    serviceDay: string,
    slotAt: number,
    phone: string | undefined,
    except = '',
  ) {
    const count = (sql: string, ...args: (string | number)[]): number =>
      this.db.prepare<(string | number)[], { n: number }>(sql).get(...args)?.n ?? 0;
    return {
      inSlot: count(
        `SELECT count(*) AS n FROM bookings WHERE service_code = ? AND slot_at = ? AND ${ACTIVE} AND code <> ?`,
        serviceCode,
        slotAt,
        except,
      ),
      personOnDay: phone
        ? count(
            `SELECT count(*) AS n FROM bookings WHERE phone = ? AND service_day = ? AND ${ACTIVE} AND code <> ?`,
            phone,
            serviceDay,
            except,
          )
        : 0,
      serviceOnDay: count(
        `SELECT count(*) AS n FROM bookings WHERE service_code = ? AND service_day = ? AND ${ACTIVE} AND code <> ?`,
        serviceCode,
        serviceDay,
        except,
      ),
      onDay: this.db
        .prepare<[string, string], { service_code: string; slot_at: number }>(
          `SELECT service_code, slot_at FROM bookings WHERE service_day = ? AND ${ACTIVE} AND code <> ?`,
        )
        .all(serviceDay, except)
        .map(heldBookingOf),
    };
  }

  /**
   * Book, if `check` finds room given what is held (it returns a refusal otherwise). `after`
   * runs in the same transaction (the caller's audit entry). A code that is taken already is
   * never overwritten: the insert fails and the caller tries another code.
   */
  create<E>(
    booking: NewBooking,
    check: (held: HeldCounts) => E | undefined,
    after?: (booking: Booking) => void,
  ): Booking | Refusal<E> {
    return this.db
      .transaction((): Booking | Refusal<E> => {
        const refused = check(
          this.held(booking.serviceCode, booking.serviceDay, booking.slotAt, booking.phone),
        );
        if (refused !== undefined) return { refused };
        this.db
          .prepare(
            `INSERT INTO bookings (code, service_code, service_day, slot_at, name, phone, language, status,
               late, created_at, created_by, source_address, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', 0, ?, ?, ?, ?)`,
          )
          .run(
            booking.code,
            booking.serviceCode,
            booking.serviceDay,
            booking.slotAt,
            booking.name ?? null,
            booking.phone ?? null,
            booking.language,
            booking.createdAt,
            booking.createdBy,
            booking.sourceAddress ?? null,
            booking.createdAt,
          );
        const created = this.get(booking.code);
        if (!created) throw new Error('booking vanished after insert');
        after?.(created);
        return created;
      })
      .immediate();
  }

  /** Move a booking to another slot of its service, if `check` finds room there. */
  move<E>(
    code: string,
    to: { readonly slotAt: number; readonly serviceDay: string },
    at: number,
    check: (held: HeldCounts, booking: Booking) => E | undefined,
    after?: (booking: Booking) => void,
  ): Booking | Refusal<E> | undefined {
    return this.db
      .transaction((): Booking | Refusal<E> | undefined => {
        const booking = this.get(code);
        if (!booking || booking.status !== 'booked') return undefined;
        const refused = check(
          this.held(booking.serviceCode, to.serviceDay, to.slotAt, booking.phone, code),
          booking,
        );
        if (refused !== undefined) return { refused };
        this.db
          .prepare('UPDATE bookings SET slot_at = ?, service_day = ?, updated_at = ? WHERE code = ?')
          .run(to.slotAt, to.serviceDay, at, code);
        const moved = this.get(code);
        if (!moved) throw new Error('booking vanished after move');
        after?.(moved);
        return moved;
      })
      .immediate();
  }

  get(code: string): Booking | undefined {
    const row = this.db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE code = ?').get(code);
    return row ? fromRow(row) : undefined;
  }

  /** Cancel a booking still waiting for its visitor; undefined when there is none. */
  cancel(code: string, at: number, after?: (booking: Booking) => void): Booking | undefined {
    return this.db.transaction((): Booking | undefined => {
      const changed = this.db
        .prepare(
          `UPDATE bookings SET status = 'cancelled', updated_at = ? WHERE code = ? AND status = 'booked'`,
        )
        .run(at, code).changes;
      const booking = changed === 1 ? this.get(code) : undefined;
      if (booking) after?.(booking);
      return booking;
    })();
  }

  /**
   * Record the check-in with the ticket it gave. A booking marked missed earlier the same day
   * may still come, late; undefined when the booking cannot be checked in (any more).
   */
  checkIn(
    code: string,
    at: number,
    late: boolean,
    ticketId: string,
    after?: (booking: Booking) => void,
  ): Booking | undefined {
    return this.db.transaction((): Booking | undefined => {
      const changed = this.db
        .prepare(
          `UPDATE bookings SET status = 'checked-in', late = ?, ticket_id = ?, updated_at = ?
           WHERE code = ? AND status IN ('booked', 'missed')`,
        )
        .run(late ? 1 : 0, ticketId, at, code).changes;
      const booking = changed === 1 ? this.get(code) : undefined;
      if (booking) after?.(booking);
      return booking;
    })();
  }

  /** Slots `from`..`to` (epoch ms, inclusive) of a service and how many bookings each holds. */
  /** Every service's active bookings on the days `from` to `to`, for the desks they need. */
  activeOnDays(from: string, to: string): HeldBooking[] {
    return this.db
      .prepare<[string, string], { service_code: string; slot_at: number }>(
        `SELECT service_code, slot_at FROM bookings WHERE service_day BETWEEN ? AND ? AND ${ACTIVE}`,
      )
      .all(from, to)
      .map(heldBookingOf);
  }

  /** Bookings of service day `day` nobody has checked in for yet, with slots from `from` to `to`. */
  awaitedBetween(day: string, from: number, to: number): HeldBooking[] {
    return this.db
      .prepare<[string, number, number], { service_code: string; slot_at: number }>(
        `SELECT service_code, slot_at FROM bookings
         WHERE service_day = ? AND status = 'booked' AND slot_at BETWEEN ? AND ? ORDER BY slot_at`,
      )
      .all(day, from, to)
      .map(heldBookingOf);
  }

  heldBetween(serviceCode: string, from: number, to: number): Map<number, number> {
    const rows = this.db
      .prepare<[string, number, number], { slot_at: number; n: number }>(
        `SELECT slot_at, count(*) AS n FROM bookings
         WHERE service_code = ? AND slot_at BETWEEN ? AND ? AND ${ACTIVE} GROUP BY slot_at`,
      )
      .all(serviceCode, from, to);
    return new Map(rows.map((row) => [row.slot_at, row.n]));
  }

  /** Mark bookings whose slot began before `before` and nobody came for as missed. */
  markMissedBefore(before: number, at: number): string[] {
    return this.db.transaction((): string[] => {
      const codes = this.db
        .prepare<[number], { code: string }>(
          `SELECT code FROM bookings WHERE status = 'booked' AND slot_at < ?`,
        )
        .all(before)
        .map((row) => row.code);
      this.db
        .prepare(
          `UPDATE bookings SET status = 'missed', updated_at = ? WHERE status = 'booked' AND slot_at < ?`,
        )
        .run(at, before);
      return codes;
    })();
  }

  /** Bookings of service days `fromDay`..`toDay` (`YYYY-MM-DD`, inclusive), per service. */
  countsBetween(fromDay: string, toDay: string): BookingCounts[] {
    return this.db
      .prepare<[string, string], BookingCounts>(
        `SELECT service_code AS serviceCode,
           count(*) AS total,
           sum(status = 'booked') AS booked,
           sum(status = 'checked-in' AND late = 0) AS onTime,
           sum(status = 'checked-in' AND late = 1) AS late,
           sum(status = 'missed') AS missed,
           sum(status = 'cancelled') AS cancelled
         FROM bookings WHERE service_day BETWEEN ? AND ? GROUP BY service_code ORDER BY service_code`,
      )
      .all(fromDay, toDay);
  }

  /** Bookings made by `createdBy` (the public page's `visitor`) since `since`, newest first. */
  madeSince(createdBy: string, since: number): Booking[] {
    return this.db
      .prepare<[string, number], BookingRow>(
        `SELECT * FROM bookings WHERE created_by = ? AND created_at >= ? ORDER BY created_at DESC, rowid DESC`,
      )
      .all(createdBy, since)
      .map(fromRow);
  }

  /** Clear names and phones of bookings whose slot began before `before`; the count cleared. */
  purgePersonalDataBefore(before: number): number {
    return this.db
      .prepare(
        `UPDATE bookings SET name = NULL, phone = NULL, source_address = NULL
         WHERE slot_at < ? AND (name IS NOT NULL OR phone IS NOT NULL OR source_address IS NOT NULL)`,
      )
      .run(before).changes;
  }
}

export const isRefusal = <T extends object, E>(value: T | Refusal<E>): value is Refusal<E> =>
  'refused' in value;
