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
  /**
   * Bookings the public page takes from one address (an IPv6 /64 counts as one) in any 24
   * hours, cancelled ones included: invented names and phones do not raise it.
   */
  readonly publicPerAddressPerDay: number;
  /**
   * Share of a service's places on one day that public bookings from one network (an IPv4
   * /24, an IPv6 /48) made in any 24 hours may hold, 0 to 1; at least one place.
   */
  readonly publicNetworkShare: number;
  /**
   * Share of a service's places on one day that all public bookings made in any 24 hours may
   * hold, 0 to 1: a burst from many addresses cannot take a whole day at once, and the rest
   * stays for reception until the next day.
   */
  readonly publicShare: number;
  /** Bookings from one address or one phone within the supervisor's window that make a burst. */
  readonly burstThreshold: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  enabled: false,
  walkInShare: 0.5,
  horizonDays: 30,
  minLeadMinutes: 30,
  graceMinutes: 10,
  earlyCheckInMinutes: 60,
  perPersonPerDay: 1,
  publicPerAddressPerDay: 3,
  publicNetworkShare: 0.25,
  publicShare: 0.75,
  burstThreshold: 3,
};

/**
 * The sane range of each public-booking limit: the configuration is refused outside it, and
 * a value that slips through anyway (an older file) is held to it rather than obeyed.
 */
export const PUBLIC_LIMIT_BOUNDS = {
  publicPerAddressPerDay: { min: 1, max: 50 },
  publicNetworkShare: { min: 0.01, max: 1 },
  publicShare: { min: 0.05, max: 1 },
  burstThreshold: { min: 2, max: 100 },
} as const satisfies Partial<Record<keyof BookingPolicy, { readonly min: number; readonly max: number }>>;

const within = (value: number, bounds: { readonly min: number; readonly max: number }, fallback: number) =>
  Number.isFinite(value) ? Math.min(bounds.max, Math.max(bounds.min, value)) : fallback;

export const bookingPolicyOf = (centre: Centre): BookingPolicy => {
  const policy: BookingPolicy = { ...DEFAULT_BOOKING_POLICY, ...centre.booking };
  const held = (field: keyof typeof PUBLIC_LIMIT_BOUNDS): number =>
    within(policy[field], PUBLIC_LIMIT_BOUNDS[field], DEFAULT_BOOKING_POLICY[field]);
  return {
    ...policy,
    publicPerAddressPerDay: Math.floor(held('publicPerAddressPerDay')),
    publicNetworkShare: held('publicNetworkShare'),
    publicShare: held('publicShare'),
    burstThreshold: Math.floor(held('burstThreshold')),
  };
};

export const isBookable = (policy: BookingPolicy, service: Service): boolean =>
  policy.enabled && (policy.services === undefined || policy.services.includes(service.code));

/** The slot length for a service: the policy's, else its typical visit rounded up to 5 minutes. */
export const slotMinutesFor = (policy: BookingPolicy, service: Service): number =>
  policy.slotMinutes ?? Math.max(5, Math.ceil(service.expectedMinutes / 5) * 5);
