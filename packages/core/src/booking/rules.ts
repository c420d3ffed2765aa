/**
 * The rules of a booking's life: whether a booking may be made (capacity, limits, horizon),
 * what a check-in means at a given moment, and when an unclaimed booking counts as missed.
 */
import type { Centre, Service } from '../centre';
import { serviceDayOf } from '../calendar';
import { type Instant, MS_PER_MINUTE, type ServiceDay } from '../ids';
import { type BookingPolicy, bookingPolicyOf, isBookable } from './policy';
import type { PublicLimitCode } from './public-limits';
import { type HeldBooking, hasDeskRoom } from './desk-room';
import { type Slot, offeredSlots } from './slots';

export type BookingRefusalCode =
  'BOOKING_DISABLED' | 'SLOT_UNAVAILABLE' | 'SLOT_FULL' | 'PERSON_LIMIT' | 'DAY_LIMIT' | PublicLimitCode;

export interface BookingRefusal {
  readonly code: BookingRefusalCode;
  readonly message: string;
}

/** What is already booked, as counted inside the transaction that books. */
export interface BookingCounts {
  /** Active bookings of this slot. */
  readonly inSlot: number;
  /** Active bookings of this person (by phone) that day, any service. */
  readonly personOnDay: number;
  /** Active bookings of this service that day. */
  readonly serviceOnDay: number;
  /** Active bookings of every service that day, for the desks they need. */
  readonly onDay: readonly HeldBooking[];
}

export type BookingCheck =
  { readonly ok: true; readonly slot: Slot } | ({ readonly ok: false } & BookingRefusal);

const refuse = (code: BookingRefusalCode, message: string): BookingCheck => ({ ok: false, code, message });

/** Whether a booking of `service` at `start` may be made now, given what is already booked. */
export const checkBooking = (
  centre: Centre,
  service: Service,
  start: Instant,
  now: Instant,
  counts: BookingCounts,
  policy: BookingPolicy = bookingPolicyOf(centre),
): BookingCheck => {
  if (!isBookable(policy, service)) return refuse('BOOKING_DISABLED', 'This service takes no bookings.');
  const day = serviceDayOf(start, centre.site.timeZone);
  const slot = offeredSlots(centre, service, day, now, () => 0, policy).find(
    (entry) => entry.start === start,
  );
  if (!slot) return refuse('SLOT_UNAVAILABLE', 'There is no bookable slot at this time.');
  if (counts.inSlot >= slot.capacity) return refuse('SLOT_FULL', 'This slot is already taken.');
  if (!hasDeskRoom(centre, { serviceCode: service.code, slotAt: start }, counts.onDay, policy)) {
    return refuse('SLOT_FULL', 'This slot is already taken.');
  }
  if (counts.personOnDay >= policy.perPersonPerDay) {
    return refuse('PERSON_LIMIT', 'You already have the most bookings allowed for this day.');
  }
  if (policy.perServicePerDay !== undefined && counts.serviceOnDay >= policy.perServicePerDay) {
    return refuse('DAY_LIMIT', 'This service takes no more bookings that day.');
  }
  return { ok: true, slot };
};

export type CheckInVerdict =
  /** Within the window: the ticket is due at the slot time. */
  | { readonly kind: 'on-time'; readonly appointmentAt: Instant }
  /** Later than the grace period, the same day: an ordinary ticket, and the visitor is told. */
  | { readonly kind: 'late' }
  /** Before the window opens: come back then (the slot is kept). */
  | { readonly kind: 'too-early'; readonly opensAt: Instant }
  /** The booking's day has passed. */
  | { readonly kind: 'expired' };

export const checkInVerdict = (
  policy: BookingPolicy,
  slotStart: Instant,
  slotDay: ServiceDay,
  now: Instant,
  timeZone: string,
): CheckInVerdict => {
  const opensAt = (slotStart - policy.earlyCheckInMinutes * MS_PER_MINUTE) as Instant;
  if (now < opensAt) return { kind: 'too-early', opensAt };
  if (now <= slotStart + policy.graceMinutes * MS_PER_MINUTE)
    return { kind: 'on-time', appointmentAt: slotStart };
  return serviceDayOf(now, timeZone) === slotDay ? { kind: 'late' } : { kind: 'expired' };
};

/** A booking nobody checked in for is missed once its grace period is over; its slot is free. */
export const missedBefore = (policy: BookingPolicy, now: Instant): Instant =>
  (now - policy.graceMinutes * MS_PER_MINUTE) as Instant;

/** Booking codes: 8 characters from 31 with no look-alikes (no 0/O, 1/I/L), read off a phone. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 8;

/** A code from random bytes (the caller supplies them: the core does no I/O). */
export const bookingCodeFrom = (randomBytes: Uint8Array): string => {
  let code = '';
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % BOOKING_CODE_ALPHABET.length);
  for (const byte of randomBytes) {
    if (byte >= limit) continue;
    code += BOOKING_CODE_ALPHABET[byte % BOOKING_CODE_ALPHABET.length];
    if (code.length === BOOKING_CODE_LENGTH) return code;
  }
  throw new RangeError('Not enough random bytes for a booking code');
};
