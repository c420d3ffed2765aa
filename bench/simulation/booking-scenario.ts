/**
 * The scenario "every slot booked": the demo centre's bookable services (residence
 * registration and deregistration, sharing desk 5, and legal consultations) have a booked
 * visitor in every place their slots offer, on top of the usual walk-ins. Counting a desk's
 * booked share per desk (now) is compared with counting it per service (before: desk 5 was
 * offered in full to each of its two services). What it shows: the share of booked visitors
 * called within 5 minutes of their slot.
 */
import { type Centre, DEMO_CENTRE, type Instant, type ServiceCode, daySlots, serviceDay } from '@queue/core';
import { DEFAULT_DEMAND } from './demand';
import { simulateDays } from './days';
import { waitMetrics } from './metrics';
import { routingPolicy } from './policies';

const DAY = serviceDay('2026-11-24');
/** Desk 5 overbooked runs past midnight; the day's tickets end there. */
const MIDNIGHT = Date.parse('2026-11-25T00:00:00+02:00') as Instant;

/** Every place of every bookable service's slots that day. */
const everyPlace = (centre: Centre, perService: boolean) => {
  const bookable = centre.booking?.services ?? [];
  return centre.services
    .filter((service) => bookable.includes(service.code))
    .flatMap((service) => {
      // Per service, as before: each service's slots counted as if its desks took no other bookings.
      const view = perService
        ? { ...centre, booking: { ...centre.booking, services: [service.code] } }
        : centre;
      return daySlots(view, service, DAY).flatMap((slot) =>
        Array.from({ length: slot.capacity }, () => ({
          serviceCode: service.code as ServiceCode,
          start: slot.start as Instant,
        })),
      );
    });
};

export interface BookingOutcome {
  readonly booked: number;
  /** Booked visitors called within 5 minutes of their slot. */
  readonly onTime: number;
}

export const runBookingScenario = (
  days: number,
  seed: number,
): { readonly perService: BookingOutcome; readonly perDesk: BookingOutcome } => {
  const run = (perService: boolean): BookingOutcome => {
    const slots = everyPlace(DEMO_CENTRE, perService);
    const records = simulateDays({
      policy: routingPolicy,
      days,
      seed,
      estimates: false,
      demand: { ...DEFAULT_DEMAND, bookedShare: 0, bookedSlots: slots },
      endsAt: MIDNIGHT,
    }).flat();
    return { booked: slots.length, onTime: waitMetrics(records).bookedOnTime };
  };
  return { perService: run(true), perDesk: run(false) };
};
