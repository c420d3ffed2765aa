/**
 * Limits on the public booking page, which anyone can reach with invented names and phones.
 * The per-phone limit of `checkBooking` stops a person who books twice under one number;
 * these stop one who invents numbers: they count by where the bookings came from (the
 * address, and the network around it) and across the whole public channel, over a rolling
 * 24 hours so that no midnight resets them. Staff bookings are not counted.
 */
import type { Centre, Service } from '../centre';
import type { ServiceDay } from '../ids';
import { type BookingPolicy, bookingPolicyOf } from './policy';
import { addressKey, networkKey } from './origin';
import { daySlots } from './slots';

export const PUBLIC_LIMIT_WINDOW_MS = 24 * 60 * 60_000;

/** One booking made on the public page, as its limits and the supervisor's burst view see it. */
export interface PublicBookingRecord {
  readonly code: string;
  /** When it was made. */
  readonly at: number;
  /** The address it was made from. */
  readonly address: string;
  /** Normalised; absent once retention has cleared it. */
  readonly phone?: string;
  readonly serviceCode: string;
  /** Its day now (a move changes it). */
  readonly serviceDay: string;
  /** Still holding its place: booked or checked in. */
  readonly active: boolean;
}

export interface PublicBookingAttempt {
  readonly address: string;
  readonly serviceCode: string;
  readonly serviceDay: string;
  /** The service's places that day before any booking (`placesOn`). */
  readonly places: number;
  /** The code of a booking being moved: not a new booking, and its own place is not counted. */
  readonly moving?: string;
}

export type PublicLimitCode = 'ADDRESS_LIMIT' | 'PUBLIC_LIMIT';

export interface PublicLimitRefusal {
  readonly code: PublicLimitCode;
  readonly message: string;
}

/** Every place a service has on a day, bookings not counted: what the shares are shares of. */
export const placesOn = (
  centre: Centre,
  service: Service,
  day: ServiceDay,
  policy: BookingPolicy = bookingPolicyOf(centre),
): number => daySlots(centre, service, day, policy).reduce((sum, slot) => sum + slot.capacity, 0);

/** A share of the places as a count of bookings: rounded down, but never below one. */
const shareOf = (share: number, places: number): number => Math.max(1, Math.floor(share * places + 1e-9));

/**
 * Whether a public booking (or a visitor's move) may go ahead, given the public bookings
 * made in the last 24 hours; the refusal otherwise. Runs after `checkBooking` has found the
 * slot free, so that a full slot is still reported as full.
 */
export const checkPublicBooking = (
  policy: BookingPolicy,
  attempt: PublicBookingAttempt,
  made: readonly PublicBookingRecord[],
  now: number,
): PublicLimitRefusal | undefined => {
  const recent = made.filter(
    (record) =>
      record.at > now - PUBLIC_LIMIT_WINDOW_MS && record.at <= now && record.code !== attempt.moving,
  );
  const address = addressKey(attempt.address);
  if (
    attempt.moving === undefined &&
    recent.filter((record) => addressKey(record.address) === address).length >= policy.publicPerAddressPerDay
  ) {
    return {
      code: 'ADDRESS_LIMIT',
      message: 'Too many bookings were made from this connection today; please call or come to reception.',
    };
  }
  const sameDay = recent.filter(
    (record) =>
      record.active && record.serviceCode === attempt.serviceCode && record.serviceDay === attempt.serviceDay,
  );
  const network = networkKey(attempt.address);
  const fromNetwork = sameDay.filter((record) => networkKey(record.address) === network).length;
  if (fromNetwork >= shareOf(policy.publicNetworkShare, attempt.places)) {
    return {
      code: 'ADDRESS_LIMIT',
      message:
        'Too many bookings for this day were made from this network; please call or come to reception.',
    };
  }
  if (sameDay.length >= shareOf(policy.publicShare, attempt.places)) {
    return {
      code: 'PUBLIC_LIMIT',
      message: 'Online booking for this day is paused for now; please try later, call or come to reception.',
    };
  }
  return undefined;
};
