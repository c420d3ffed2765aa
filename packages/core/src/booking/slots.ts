/**
 * Bookable slots of a service on a day. A slot is a span of the service's own slot length
 * that lies wholly inside the site's hours (holidays and shortened days included; breaks are
 * the gaps between ranges), inside the service's hours, and inside the hours of the desks
 * that serve it (a desk may serve a service only part of the day). Its capacity is the
 * desk time serving it times the share not kept for walk-ins; fractions carry over from slot
 * to slot, so one desk with half kept for walk-ins takes a booking every other slot.
 *
 * A desk's booked share is its own, not each service's: a desk that takes bookings for two
 * services gives each the part of its booked time its weights give them, so the desk is never
 * booked beyond its share, however its services are booked. Services that share desks start
 * their carried sums at spread-out phases, so their slots interleave instead of falling due
 * together (with equal weights the desk's total is exactly the floor of its booked time).
 * The carried sums are exact (integer arithmetic over shares and weights as the decimals they
 * are written as).
 */
import type { Centre, Desk, Service } from '../centre';
import { serviceDayOf } from '../calendar';
import { covers, desksServing, intersect, servingIntervals, siteIntervals, weeklyOn } from './desk-hours';
import { type Instant, MS_PER_MINUTE, type ServiceDay } from '../ids';
import { type BookingPolicy, bookingPolicyOf, isBookable, slotMinutesFor } from './policy';
import { type HeldBooking, hasDeskRoom } from './desk-room';
import { addDays, instantAt } from './zoned';

export interface Slot {
  readonly start: Instant;
  readonly day: ServiceDay;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
  readonly minutes: number;
  /** Desks serving the service for the whole slot. */
  readonly desks: number;
  /** Bookings the slot may take. */
  readonly capacity: number;
}

export interface OfferedSlot extends Slot {
  /** Capacity left after the bookings already taken. */
  readonly free: number;
}

/** The bookable services a desk serves, in catalogue order. */
const bookableAt = (centre: Centre, policy: BookingPolicy, desk: Desk): Service[] =>
  centre.services.filter((service) => {
    const entry = desk.services.find((candidate) => candidate.code === service.code);
    return entry !== undefined && entry.weight > 0 && isBookable(policy, service);
  });

/** The part of a desk's booked time that goes to `service`: its weight among the desk's bookable services. */
const deskShareOf = (centre: Centre, policy: BookingPolicy, desk: Desk, service: Service): Fraction => {
  let total = ZERO;
  let own = ZERO;
  for (const entry of desk.services) {
    const offered = centre.services.find((candidate) => candidate.code === entry.code);
    if (entry.weight <= 0 || !offered || !isBookable(policy, offered)) continue;
    const weight = decimalFraction(entry.weight);
    total = add(total, weight);
    if (entry.code === service.code) own = weight;
  }
  return total.numerator === 0n ? ZERO : divide(own, total);
};

/**
 * Where a service's carried sum starts: its rank among the bookable services that share a
 * desk with it, over their number. Hermite's identity makes n equal services at phases 0,
 * 1/n, …, (n-1)/n take exactly the floor of the desk's booked time between them.
 */
const phaseOf = (centre: Centre, policy: BookingPolicy, service: Service): Fraction => {
  const neighbours = new Set<string>([service.code]);
  for (const { desk } of desksServing(centre, service)) {
    for (const entry of bookableAt(centre, policy, desk)) neighbours.add(entry.code);
  }
  const group = centre.services.filter((entry) => neighbours.has(entry.code));
  const rank = group.findIndex((entry) => entry.code === service.code);
  return { numerator: BigInt(Math.max(0, rank)), denominator: BigInt(group.length) };
};

/** A fraction of whole numbers, for arithmetic without rounding. */
interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const ZERO: Fraction = { numerator: 0n, denominator: 1n };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const reduced = (numerator: bigint, denominator: bigint): Fraction => {
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
};
const add = (a: Fraction, b: Fraction): Fraction =>
  reduced(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
const multiply = (a: Fraction, b: Fraction): Fraction =>
  reduced(a.numerator * b.numerator, a.denominator * b.denominator);
const divide = (a: Fraction, b: Fraction): Fraction =>
  reduced(a.numerator * b.denominator, a.denominator * b.numerator);
const floorOf = (a: Fraction): bigint => a.numerator / a.denominator;

/**
 * A number as the decimal it is written as (its shortest round-trip text: 0.1 is one tenth,
 * not the binary number nearest it).
 */
const decimalFraction = (value: number): Fraction => {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', decimals = ''] = mantissa.split('.');
  const scale = decimals.length - Number(exponent);
  const digits = BigInt(whole + decimals);
  return scale >= 0
    ? reduced(digits, 10n ** BigInt(scale))
    : { numerator: digits * 10n ** BigInt(-scale), denominator: 1n };
};

/**
 * The share of desk time that takes bookings, exactly: ten desk-slots at 0.1 kept for
 * walk-ins take 9 bookings, not 8; a share that is not a number keeps everything for walk-ins.
 */
const bookedShareOf = (walkInShare: number): Fraction => {
  const share = Number.isFinite(walkInShare) ? Math.min(1, Math.max(0, walkInShare)) : 1;
  const kept = decimalFraction(share);
  return { numerator: kept.denominator - kept.numerator, denominator: kept.denominator };
};

/** Every slot of the service that day with its capacity, before any booking is counted. */
export const daySlots = (
  centre: Centre,
  service: Service,
  day: ServiceDay,
  policy: BookingPolicy = bookingPolicyOf(centre),
): Slot[] => {
  if (!isBookable(policy, service)) return [];
  const length = slotMinutesFor(policy, service);
  const open = intersect(siteIntervals(centre, day), weeklyOn(service.hours, day));
  const desks = servingIntervals(centre, service, day).map((entry) => ({
    intervals: entry.intervals,
    share: deskShareOf(centre, policy, entry.desk, service),
  }));
  const booked = bookedShareOf(policy.walkInShare);
  const phase = phaseOf(centre, policy, service);
  const slots: Slot[] = [];
  // Bookings the day has taken so far: floor(desk time so far × booked share + phase), exactly.
  let deskTime = ZERO;
  let bookedSoFar = floorOf(phase);
  for (const [from, to] of open) {
    for (let start = from; start + length <= to; start += length) {
      const covering = desks.filter((entry) => covers(entry.intervals, start, start + length));
      const serving = covering.length;
      for (const entry of covering) deskTime = add(deskTime, entry.share);
      const before = bookedSoFar;
      bookedSoFar = floorOf(add(multiply(deskTime, booked), phase));
      const capacity = Number(bookedSoFar - before);
      if (capacity <= 0) continue;
      slots.push({
        start: instantAt(day, start, centre.site.timeZone),
        day,
        minuteOfDay: start,
        minutes: length,
        desks: serving,
        capacity,
      });
    }
  }
  return slots;
};

/** The days offered for booking: today and the following days, up to the horizon. */
export const bookableDays = (
  centre: Centre,
  now: Instant,
  policy = bookingPolicyOf(centre),
): ServiceDay[] => {
  const today = serviceDayOf(now, centre.site.timeZone);
  return Array.from({ length: Math.max(0, policy.horizonDays) }, (_, index) => addDays(today, index));
};

/**
 * The slots a visitor may book now: within the horizon, not sooner than the minimum lead,
 * with room left after `taken` (this service's bookings already held, by slot start), and
 * with a desk free for it beside `booked` (every service's active bookings that day).
 */
export const offeredSlots = (
  centre: Centre,
  service: Service,
  day: ServiceDay,
  now: Instant,
  taken: (start: Instant) => number,
  policy: BookingPolicy = bookingPolicyOf(centre),
  booked: readonly HeldBooking[] = [],
): OfferedSlot[] => {
  if (!bookableDays(centre, now, policy).includes(day)) return [];
  const earliest = now + policy.minLeadMinutes * MS_PER_MINUTE;
  return daySlots(centre, service, day, policy)
    .filter((slot) => slot.start >= earliest)
    .map((slot) => ({ ...slot, free: slot.capacity - taken(slot.start) }))
    .filter(
      (slot) =>
        slot.free > 0 &&
        hasDeskRoom(centre, { serviceCode: service.code, slotAt: slot.start }, booked, policy),
    );
};

/** The slot of the service starting at `start`, if it is a slot at all. */
export const slotAt = (
  centre: Centre,
  service: Service,
  start: Instant,
  policy: BookingPolicy = bookingPolicyOf(centre),
): Slot | undefined =>
  daySlots(centre, service, serviceDayOf(start, centre.site.timeZone), policy).find(
    (slot) => slot.start === start,
  );
