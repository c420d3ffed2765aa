/**
 * How a centre takes pre-booked visits: which services, how long a slot is, how much of
 * each desk's time stays free for walk-ins, how far ahead one may book and how late one may
 * arrive. Optional in the configuration: a centre without a `booking` section gets these
 * defaults (and bookings switched off).
 */
import type { Centre, Service } from '../centre';

export interface BookingPolicy {
  readonly enabled: boolean;
  /** Services that take bookings; every service when absent. */
  readonly services?: readonly string[];
  /** One slot's length; the service's expected minutes (rounded up to 5) when absent. */
  readonly slotMinutes?: number;
  /** Share of desk capacity kept for walk-ins, 0 to 1. */
  readonly walkInShare: number;
  /** How many days ahead, today included, slots are offered. */
  readonly horizonDays: number;
  /** The soonest a slot may be booked, in minutes from now. */
  readonly minLeadMinutes: number;
  /** A visitor arriving this long after the slot still keeps it. */
  readonly graceMinutes: number;
  /** Check-in opens this long before the slot. */
  readonly earlyCheckInMinutes: number;
  /** Bookings one phone number may hold on one day. */
  readonly perPersonPerDay: number;
  /** Bookings a service takes on one day; none when absent. */
  readonly perServicePerDay?: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  enabled: false,
  walkInShare: 0.5,
  horizonDays: 30,
  minLeadMinutes: 30,
  graceMinutes: 10,
  earlyCheckInMinutes: 60,
  perPersonPerDay: 1,
};

export const bookingPolicyOf = (centre: Centre): BookingPolicy => ({
  ...DEFAULT_BOOKING_POLICY,
  ...centre.booking,
});

export const isBookable = (policy: BookingPolicy, service: Service): boolean =>
  policy.enabled && (policy.services === undefined || policy.services.includes(service.code));

/** The slot length for a service: the policy's, else its typical visit rounded up to 5 minutes. */
export const slotMinutesFor = (policy: BookingPolicy, service: Service): number =>
  policy.slotMinutes ?? Math.max(5, Math.ceil(service.expectedMinutes / 5) * 5);
