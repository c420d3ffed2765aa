/**
 * Bookings on the server: the pure rules of `@queue/core` over the BookingStore, shared by
 * the staff socket events, the public `/book` page and the kiosk's check-in. Every change is
 * written with its audit entry in one transaction; audit entries carry codes and services,
 * never the visitor's name or phone.
 */
import { randomBytes } from 'node:crypto';
import {
  BOOKING_ON_TIME_MINUTES,
  type ExpectedBooking,
  type Instant,
  MS_PER_MINUTE,
  type Service,
  type ServiceCode,
  type ServiceDay,
  addDays,
  bookableDays,
  bookingCodeFrom,
  type BookingPolicy,
  PUBLIC_LIMIT_WINDOW_MS,
  type PublicBookingRecord,
  bookingPolicyOf,
  checkBooking,
  checkPublicBooking,
  groupPublicBookings,
  type BurstKind,
  type PublicBookingGroup,
  checkInVerdict,
  findService,
  formatClock,
  isBookable,
  isServiceDay,
  localTime,
  missedBefore,
  normalizePhone,
  offeredSlots,
  placesOn,
  serviceDayOf,
  slotMinutesFor,
} from '@queue/core';
import { type AuditStore, type Booking, type BookingStore, isRefusal } from '@queue/db';
import {
  type Ack,
  type BookingBurstsView,
  type BurstCancelAnswer,
  MAX_BURST_CANCEL,
  MAX_SLOT_QUERY_DAYS,
  type OfferedSlotView,
  type PublicBooking,
  type StaffBooking,
  type WireError,
} from '@queue/protocol';
import type { Logger } from '../logger';
import type { QueueService } from '../queue-service';

export interface BookingRequest {
  readonly serviceCode: string;
  readonly slotAt: number;
  readonly name: string;
  readonly phone: string;
  readonly language?: string;
}

/** The actor of the public page's bookings, in the audit log and `createdBy`. */
export const VISITOR = 'visitor';

/** Who acts, for the audit log: `visitor` on the public page, else the principal's key. */
export interface BookingActor {
  readonly actor: string;
  readonly address?: string;
}

export type CheckInPlan =
  | { readonly ok: true; readonly booking: Booking; readonly appointmentAt?: Instant; readonly late: boolean }
  | { readonly ok: false; readonly error: WireError };

const DAY_MS = 86_400_000;
const CODE_ATTEMPTS = 5;
const MINUTES_PER_DAY = 24 * 60;

/** The most slots one answer holds (and `MAX_SLOT_QUERY_DAYS` the most days it covers). */
export const MAX_SLOTS_PER_ANSWER = 500;
/** Slot starts a query may make before it is refused unseen (the slot length is tiny). */
const MAX_SLOT_STARTS = 10 * MAX_SLOTS_PER_ANSWER;
/** Groups one burst listing shows, bursts and the largest first. */
export const MAX_BURST_GROUPS = 50;

const tooManySlots = `The answer would hold more than ${MAX_SLOTS_PER_ANSWER} slots; ask for fewer days.`;

const fail = (code: WireError['code'], message: string): { ok: false; error: WireError } => ({
  ok: false,
  error: { code, message },
});

export const publicView = (booking: Booking, timeZone: string): PublicBooking => ({
  code: booking.code,
  serviceCode: booking.serviceCode,
  slotAt: booking.slotAt,
  day: booking.serviceDay,
  time: formatClock(localTime(booking.slotAt as Instant, timeZone).minuteOfDay),
  status: booking.status,
});

export const staffView = (booking: Booking, timeZone: string): StaffBooking => ({
  ...publicView(booking, timeZone),
  ...(booking.name !== undefined ? { name: booking.name } : {}),
  ...(booking.phone !== undefined ? { phone: booking.phone } : {}),
  late: booking.late,
  ...(booking.ticketId !== undefined ? { ticketId: booking.ticketId } : {}),
});

/** How far ahead a desk is told of the bookings it may be kept free for. */
const AWAITED_AHEAD_MS = 3 * 60 * MS_PER_MINUTE;

export class BookingService {
  constructor(
    private readonly store: BookingStore,
    private readonly audit: AuditStore,
    private readonly queue: QueueService,
    private readonly logger: Logger,
  ) {}

  private get policy() {
    return bookingPolicyOf(this.queue.centre);
  }

  private bookable(code: string): Service | undefined {
    const service = findService(this.queue.centre, code as ServiceCode);
    return service && isBookable(this.policy, service) ? service : undefined;
  }

  /**
   * Today's bookings whose visitors have not checked in, from those whose slot has just passed
   * (still on time) to a few hours ahead: a desk may be kept free for one (`call-next`).
   */
  awaited(at: Instant): ExpectedBooking[] {
    if (!this.policy.enabled) return [];
    const day = serviceDayOf(at, this.queue.centre.site.timeZone);
    return this.store
      .awaitedBetween(day, at - BOOKING_ON_TIME_MINUTES * MS_PER_MINUTE, at + AWAITED_AHEAD_MS)
      .map((booking) => ({ serviceCode: booking.serviceCode as ServiceCode, slotAt: booking.slotAt }));
  }

  /** Services a visitor may book. */
  services(): Service[] {
    return this.queue.centre.services.filter((service) => this.bookable(service.code));
  }

  /** The days visitors may book, today first. */
  days(): string[] {
    return bookableDays(this.queue.centre, this.queue.now(), this.policy);
  }

  /**
   * Free slots of a service on `days` days from `day`, as the booking page and reception list
   * them. The answer is bounded: a few days at a time, within the booking horizon, and never
   * more than `MAX_SLOTS_PER_ANSWER` slots; a request beyond that is refused, not trimmed.
   */
  slots(serviceCode: string, day: string, days = 1): Ack<OfferedSlotView[]> {
    const service = this.bookable(serviceCode);
    if (!service) return fail('BOOKING_DISABLED', 'This service takes no bookings.');
    if (!isServiceDay(day)) return fail('BAD_REQUEST', 'Not a calendar day.');
    if (!Number.isInteger(days) || days < 1 || days > MAX_SLOT_QUERY_DAYS) {
      return fail('BAD_REQUEST', `Ask for 1 to ${MAX_SLOT_QUERY_DAYS} days of slots at a time.`);
    }
    const range = Array.from({ length: days }, (_, index) => addDays(day as ServiceDay, index));
    const offered = new Set(this.days());
    if (!range.every((entry) => offered.has(entry))) {
      return fail('BAD_REQUEST', `Slots are offered for the next ${this.policy.horizonDays} days only.`);
    }
    // Counted before any slot is made: a slot length of a few seconds must not freeze the server.
    const starts = days * Math.ceil(MINUTES_PER_DAY / slotMinutesFor(this.policy, service));
    if (starts > MAX_SLOT_STARTS) return fail('BAD_REQUEST', tooManySlots);
    const from = Date.parse(`${day}T00:00:00Z`) - DAY_MS;
    const held = this.store.heldBetween(service.code, from, from + (days + 2) * DAY_MS);
    const booked = this.store.activeOnDays(range[0] ?? day, range.at(-1) ?? day);
    const answer: OfferedSlotView[] = [];
    for (const entry of range) {
      const slots = offeredSlots(
        this.queue.centre,
        service,
        entry,
        this.queue.now(),
        (start) => held.get(start) ?? 0,
        this.policy,
        booked,
      );
      if (answer.length + slots.length > MAX_SLOTS_PER_ANSWER) return fail('BAD_REQUEST', tooManySlots);
      for (const slot of slots) {
        answer.push({
          start: slot.start,
          day: slot.day,
          time: formatClock(slot.minuteOfDay),
          free: slot.free,
        });
      }
    }
    return { ok: true, data: answer };
  }

  create(request: BookingRequest, by: BookingActor): Ack<Booking> {
    const service = this.bookable(request.serviceCode);
    if (!service) return fail('BOOKING_DISABLED', 'This service takes no bookings.');
    const phone = normalizePhone(request.phone);
    if (!phone) return fail('BAD_REQUEST', 'The phone number is not valid.');
    const now = this.queue.now();
    const slotAt = request.slotAt as Instant;
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
      const code = bookingCodeFrom(randomBytes(32));
      if (this.store.get(code)) continue;
      const made = this.store.create(
        {
          code,
          serviceCode: service.code,
          serviceDay: serviceDayOf(slotAt, this.queue.centre.site.timeZone),
          slotAt,
          name: request.name,
          phone,
          language: request.language ?? 'uk',
          createdAt: now,
          createdBy: by.actor,
          ...(by.actor === VISITOR && by.address ? { sourceAddress: by.address } : {}),
        },
        (held) => {
          const check = checkBooking(this.queue.centre, service, slotAt, now, held, this.policy);
          if (!check.ok) return { code: check.code, message: check.message };
          return this.refusePublic(by, service, check.slot.day, now);
        },
        (booking) => this.record(by, 'booking:create', booking, { slotAt: booking.slotAt }),
      );
      if (isRefusal(made)) return { ok: false, error: made.refused };
      // The code is the visitor's credential: it stays out of the logs.
      this.logger.info('booking made', { service: made.serviceCode, slotAt: made.slotAt });
      return { ok: true, data: made };
    }
    throw new Error('could not find a free booking code');
  }

  find(code: string): Booking | undefined {
    return this.store.get(code);
  }

  cancel(code: string, by: BookingActor): Ack<Booking> {
    const cancelled = this.store.cancel(code, this.queue.now(), (booking) =>
      this.record(by, 'booking:cancel', booking),
    );
    if (cancelled) return { ok: true, data: cancelled };
    return this.store.get(code)
      ? fail('ILLEGAL_TRANSITION', 'Only a booking still waiting for its visit can be cancelled.')
      : fail('NOT_FOUND', 'There is no booking with this code.');
  }

  move(code: string, slotAt: number, by: BookingActor): Ack<Booking> {
    const current = this.store.get(code);
    const service = current ? this.bookable(current.serviceCode) : undefined;
    if (!current) return fail('NOT_FOUND', 'There is no booking with this code.');
    if (!service) return fail('BOOKING_DISABLED', 'This service takes no bookings.');
    const now = this.queue.now();
    const to = slotAt as Instant;
    const moved = this.store.move(
      code,
      { slotAt: to, serviceDay: serviceDayOf(to, this.queue.centre.site.timeZone) },
      now,
      (held) => {
        const check = checkBooking(this.queue.centre, service, to, now, held, this.policy);
        if (!check.ok) return { code: check.code, message: check.message };
        return this.refusePublic(by, service, check.slot.day, now, code);
      },
      (booking) => this.record(by, 'booking:move', booking, { from: current.slotAt, to: booking.slotAt }),
    );
    if (!moved) return fail('ILLEGAL_TRANSITION', 'Only a booking still waiting for its visit can be moved.');
    if (isRefusal(moved)) return { ok: false, error: moved.refused };
    return { ok: true, data: moved };
  }

  /** What a check-in with this code means now: a due ticket, an ordinary one, or a refusal. */
  planCheckIn(code: string): CheckInPlan {
    const booking = this.store.get(code);
    if (!booking || booking.status === 'cancelled')
      return fail('NOT_FOUND', 'There is no booking with this code.');
    if (booking.status === 'checked-in') {
      return fail('ILLEGAL_TRANSITION', 'This booking has been checked in already.');
    }
    const verdict = checkInVerdict(
      this.policy,
      booking.slotAt as Instant,
      booking.serviceDay as ServiceDay,
      this.queue.now(),
      this.queue.centre.site.timeZone,
    );
    switch (verdict.kind) {
      case 'on-time':
        return { ok: true, booking, appointmentAt: verdict.appointmentAt, late: false };
      case 'late':
        return { ok: true, booking, late: true };
      case 'too-early':
        return fail('CHECK_IN_TOO_EARLY', `Check-in opens at ${new Date(verdict.opensAt).toISOString()}.`);
      case 'expired':
        return fail('BOOKING_EXPIRED', 'The day of this booking has passed.');
    }
  }

  /**
   * Record a check-in whose ticket has been issued. Should the booking have been cancelled
   * meanwhile (the visitor's phone, while the kiosk printed), the ticket stands: the visitor is
   * in the hall; only the log says so.
   */
  completeCheckIn(booking: Booking, late: boolean, ticketId: string, by: BookingActor): void {
    const done = this.store.checkIn(booking.code, this.queue.now(), late, ticketId, (checkedIn) =>
      this.record(by, 'booking:check-in', checkedIn, { late, ticketId }),
    );
    if (!done) this.logger.warn('booking changed during check-in', { ticketId });
  }

  /** Mark bookings nobody came for, once their grace period is over; their slots are free. */
  markMissed(): number {
    const now = this.queue.now();
    const codes = this.store.markMissedBefore(missedBefore(this.policy, now), now);
    if (codes.length > 0) this.logger.info('bookings missed', { count: codes.length });
    return codes.length;
  }

  /**
   * The public page's limits on a booking (or a visitor's move) of `service` on `day`; staff
   * bookings pass. Runs inside the booking's transaction, so racing requests count each other.
   */
  private refusePublic(
    by: BookingActor,
    service: Service,
    day: ServiceDay,
    now: Instant,
    moving?: string,
  ): WireError | undefined {
    if (by.actor !== VISITOR) return undefined;
    const policy: BookingPolicy = this.policy;
    return checkPublicBooking(
      policy,
      {
        address: by.address ?? 'unknown',
        serviceCode: service.code,
        serviceDay: day,
        places: placesOn(this.queue.centre, service, day, policy),
        ...(moving !== undefined ? { moving } : {}),
      },
      this.publicBookingsSince(now - PUBLIC_LIMIT_WINDOW_MS),
      now,
    );
  }

  /** Public bookings of the last `windowMinutes`, grouped by address and phone, bursts flagged. */
  bursts(windowMinutes: number): BookingBurstsView {
    const timeZone = this.queue.centre.site.timeZone;
    const groups = this.publicGroups(windowMinutes).slice(0, MAX_BURST_GROUPS);
    return {
      windowMinutes,
      threshold: this.policy.burstThreshold,
      groups: groups.map((group) => ({
        kind: group.kind,
        key: group.key,
        burst: group.burst,
        count: group.bookings.length,
        active: group.active,
        firstAt: group.firstAt,
        lastAt: group.lastAt,
        bookings: group.bookings.slice(0, MAX_BURST_CANCEL).flatMap((record) => {
          const booking = this.store.get(record.code);
          return booking ? [{ ...staffView(booking, timeZone), madeAt: record.at }] : [];
        }),
      })),
    };
  }

  /**
   * Cancel the listed bookings of one group in one action. Only codes that are in the group
   * now (public, from that address or with that phone, within the window) and still waiting
   * for their visit are cancelled, each audited as an ordinary cancel; the rest are skipped.
   */
  cancelBurst(
    group: { readonly kind: BurstKind; readonly key: string; readonly windowMinutes: number },
    codes: readonly string[],
    by: BookingActor,
  ): BurstCancelAnswer {
    const found = this.publicGroups(group.windowMinutes).find(
      (candidate) => candidate.kind === group.kind && candidate.key === group.key,
    );
    const inGroup = new Set(found?.bookings.map((booking) => booking.code));
    const timeZone = this.queue.centre.site.timeZone;
    const cancelled: StaffBooking[] = [];
    const skipped: string[] = [];
    for (const code of new Set(codes)) {
      const answer = inGroup.has(code) ? this.cancel(code, by) : undefined;
      if (answer?.ok) cancelled.push(staffView(answer.data, timeZone));
      else skipped.push(code);
    }
    if (cancelled.length > 0) {
      this.logger.info('booking burst cancelled', { kind: group.kind, count: cancelled.length });
    }
    return { cancelled, skipped };
  }

  private publicGroups(windowMinutes: number): PublicBookingGroup[] {
    const records = this.publicBookingsSince(this.queue.now() - windowMinutes * 60_000);
    return groupPublicBookings(records, this.policy.burstThreshold);
  }

  /** The bookings made on the public page since `since`, newest first, with their addresses. */
  publicBookingsSince(since: number): PublicBookingRecord[] {
    return this.store.madeSince(VISITOR, since).map((booking) => ({
      code: booking.code,
      at: booking.createdAt,
      address: booking.sourceAddress ?? 'unknown',
      ...(booking.phone !== undefined ? { phone: booking.phone } : {}),
      serviceCode: booking.serviceCode,
      serviceDay: booking.serviceDay,
      active: booking.status === 'booked' || booking.status === 'checked-in',
    }));
  }

  private record(
    by: BookingActor,
    action: string,
    booking: Booking,
    details: Record<string, unknown> = {},
  ): void {
    this.audit.append({
      at: this.queue.now(),
      actor: by.actor,
      action,
      target: `booking:${booking.code}`,
      details: { service: booking.serviceCode, ...details },
      ...(by.address ? { address: by.address } : {}),
    });
  }
}
