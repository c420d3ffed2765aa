/**
 * Bookable slots of a service on a day. A slot is a span of the service's own slot length
 * that lies wholly inside the site's hours (holidays and shortened days included; breaks are
 * the gaps between ranges), inside the service's hours, and inside the hours of the desks
 * that serve it (a desk may serve a service only part of the day). Its capacity is the
 * desks serving it times the share not kept for walk-ins; fractions carry over from slot to
 * slot, so one desk with half kept for walk-ins takes a booking every other slot. The carried
 * sum is exact (integer arithmetic over the share as a decimal fraction): up to any slot, the
 * day's bookings are the floor of its desk-slots so far times the booked share, never more.
 */
import type { Centre, Desk, Service, TimeRange, WeeklyHours } from '../centre';
import { parseClock, serviceDayOf } from '../calendar';
import { type Instant, MS_PER_MINUTE, type ServiceDay } from '../ids';
import { type BookingPolicy, bookingPolicyOf, isBookable, slotMinutesFor } from './policy';
import { addDays, instantAt, weekdayOf } from './zoned';

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

type Interval = readonly [from: number, to: number];
const WHOLE_DAY: readonly Interval[] = [[0, 24 * 60]];

const intervalsOf = (ranges: readonly TimeRange[]): Interval[] =>
  ranges
    .map((range): Interval => [parseClock(range.from), parseClock(range.to)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);

const intersect = (left: readonly Interval[], right: readonly Interval[]): Interval[] => {
  const result: Interval[] = [];
  for (const [a, b] of left) {
    for (const [c, d] of right) {
      const from = Math.max(a, c);
      const to = Math.min(b, d);
      if (to > from) result.push([from, to]);
    }
  }
  return result.sort((x, y) => x[0] - y[0]);
};

const weeklyOn = (hours: WeeklyHours | undefined, day: ServiceDay): readonly Interval[] =>
  hours ? intervalsOf(hours[weekdayOf(day)] ?? []) : WHOLE_DAY;

/** The site's hours that day: a special day (holiday, shortened day) replaces the week's. */
const siteIntervals = (centre: Centre, day: ServiceDay): Interval[] => {
  const special = centre.site.specialDays.find((entry) => entry.date === day);
  return intervalsOf(special ? special.hours : (centre.site.hours[weekdayOf(day)] ?? []));
};

const covers = (intervals: readonly Interval[], from: number, to: number): boolean =>
  intervals.some(([a, b]) => a <= from && to <= b);

const desksServing = (centre: Centre, service: Service): { desk: Desk; hours?: WeeklyHours }[] =>
  centre.desks.flatMap((desk) => {
    const entry = desk.services.find((candidate) => candidate.code === service.code);
    return entry && entry.weight > 0 ? [{ desk, ...(entry.hours ? { hours: entry.hours } : {}) }] : [];
  });

/** A fraction of whole numbers, for arithmetic without rounding. */
interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * The share of desk time that takes bookings, exactly. The walk-in share is read as the
 * decimal it is written as (its shortest round-trip text: 0.1 is one tenth, not the binary
 * number nearest it), so ten desk-slots at 0.1 kept for walk-ins take 9 bookings, not 8; a
 * share that is not a number keeps everything for walk-ins.
 */
const bookedShareOf = (walkInShare: number): Fraction => {
  const share = Number.isFinite(walkInShare) ? Math.min(1, Math.max(0, walkInShare)) : 1;
  const [mantissa = '0', exponent = '0'] = String(share).split('e');
  const [whole = '0', decimals = ''] = mantissa.split('.');
  const scale = decimals.length - Number(exponent);
  const digits = BigInt(whole + decimals);
  const kept: Fraction =
    scale >= 0
      ? { numerator: digits, denominator: 10n ** BigInt(scale) }
      : { numerator: digits * 10n ** BigInt(-scale), denominator: 1n };
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
  const desks = desksServing(centre, service).map((entry) => intersect(open, weeklyOn(entry.hours, day)));
  const booked = bookedShareOf(policy.walkInShare);
  const slots: Slot[] = [];
  // Bookings the day has taken so far: floor(desk-slots so far × booked share), exactly.
  let deskSlots = 0n;
  let bookedSoFar = 0n;
  for (const [from, to] of open) {
    for (let start = from; start + length <= to; start += length) {
      const serving = desks.filter((intervals) => covers(intervals, start, start + length)).length;
      deskSlots += BigInt(serving);
      const before = bookedSoFar;
      bookedSoFar = (deskSlots * booked.numerator) / booked.denominator;
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
 * and with room left after `taken` (bookings already held, by slot start).
 */
export const offeredSlots = (
  centre: Centre,
  service: Service,
  day: ServiceDay,
  now: Instant,
  taken: (start: Instant) => number,
  policy: BookingPolicy = bookingPolicyOf(centre),
): OfferedSlot[] => {
  if (!bookableDays(centre, now, policy).includes(day)) return [];
  const earliest = now + policy.minLeadMinutes * MS_PER_MINUTE;
  return daySlots(centre, service, day, policy)
    .filter((slot) => slot.start >= earliest)
    .map((slot) => ({ ...slot, free: slot.capacity - taken(slot.start) }))
    .filter((slot) => slot.free > 0);
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
