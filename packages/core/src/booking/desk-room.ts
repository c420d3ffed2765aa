/**
 * Whether the desks can take one more booking at its time. The slot grid keeps each desk's
 * day within its booked share; this keeps bookings from falling due together beyond the desks
 * there are for them, whichever services they are for: a desk serving two bookable services
 * is one desk, not two. A booking needs a desk of its own among the desks that serve its
 * service for its whole slot, at every moment of the slot.
 *
 * "Room" means the new booking raises the most bookings that can have a desk each, at every
 * moment its slot overlaps others. Bookings that already have no desk (the catalogue changed
 * after they were made) so never block the ones that do.
 */
import { localTime } from '../calendar';
import type { Centre } from '../centre';
import { type Instant, MS_PER_MINUTE } from '../ids';
import { type BookingPolicy, bookingPolicyOf, slotMinutesFor } from './policy';
import { covers, servingIntervals } from './desk-hours';

/** An active booking, as far as desk time goes. */
export interface HeldBooking {
  readonly serviceCode: string;
  readonly slotAt: Instant;
}

interface Span {
  readonly start: number;
  readonly end: number;
  /** The desks that serve the booking's service for its whole slot. */
  readonly desks: readonly string[];
}

const spanOf = (centre: Centre, policy: BookingPolicy, booking: HeldBooking): Span | undefined => {
  const service = centre.services.find((entry) => entry.code === booking.serviceCode);
  if (!service) return undefined;
  const length = slotMinutesFor(policy, service);
  const local = localTime(booking.slotAt, centre.site.timeZone);
  const from = local.minuteOfDay;
  const desks = servingIntervals(centre, service, local.day)
    .filter((entry) => covers(entry.intervals, from, from + length))
    .map((entry) => entry.desk.id as string);
  return { start: booking.slotAt, end: booking.slotAt + length * MS_PER_MINUTE, desks };
};

/** The most spans that can each have a desk of their own (augmenting paths; the sets are tiny). */
const largestMatching = (spans: readonly Span[]): number => {
  const holder = new Map<string, number>();
  const place = (index: number, tried: Set<string>): boolean => {
    for (const desk of spans[index]?.desks ?? []) {
      if (tried.has(desk)) continue;
      tried.add(desk);
      const current = holder.get(desk);
      if (current === undefined || place(current, tried)) {
        holder.set(desk, index);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let index = 0; index < spans.length; index += 1) if (place(index, new Set())) matched += 1;
  return matched;
};

export const hasDeskRoom = (
  centre: Centre,
  candidate: HeldBooking,
  held: readonly HeldBooking[],
  policy: BookingPolicy = bookingPolicyOf(centre),
): boolean => {
  const span = spanOf(centre, policy, candidate);
  if (!span || span.desks.length === 0) return false;
  const overlapping = held
    .map((booking) => spanOf(centre, policy, booking))
    .filter(
      (other): other is Span => other !== undefined && other.start < span.end && span.start < other.end,
    );
  // The set of bookings due changes only where one starts, so those moments are enough.
  const moments = [span.start, ...overlapping.map((other) => other.start).filter((at) => at > span.start)];
  return moments.every((at) => {
    const due = overlapping.filter((other) => other.start <= at && at < other.end);
    return largestMatching([...due, span]) > largestMatching(due);
  });
};
