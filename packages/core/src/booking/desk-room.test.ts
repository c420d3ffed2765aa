import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre, Service } from '../centre';
import { DEMO_CENTRE } from '../demo-centre';
import { type Instant, MS_PER_MINUTE, type ServiceDay, serviceCode, serviceDay } from '../ids';
import { centre, desk, kyiv, service } from '../testing';
import { type HeldBooking, hasDeskRoom } from './desk-room';
import { bookingPolicyOf, slotMinutesFor } from './policy';
import { checkBooking } from './rules';
import { daySlots } from './slots';

const NOW = kyiv('2026-11-24T07:00');
const WEDNESDAY = serviceDay('2026-11-25');

/** Books every pick that `checkBooking` accepts, as the store would, and returns what was booked. */
const bookInOrder = (
  site: Centre,
  day: ServiceDay,
  picks: readonly { service: Service; start: Instant }[],
): HeldBooking[] => {
  const onDay: HeldBooking[] = [];
  for (const pick of picks) {
    const same = onDay.filter((entry) => entry.serviceCode === pick.service.code);
    const check = checkBooking(site, pick.service, pick.start, NOW, {
      inSlot: same.filter((entry) => entry.slotAt === pick.start).length,
      personOnDay: 0,
      serviceOnDay: same.length,
      onDay,
    });
    if (check.ok) onDay.push({ serviceCode: pick.service.code, slotAt: pick.start });
  }
  expect(onDay.every((entry) => daySlots(site, serviceOf(site, entry), day).length > 0)).toBe(true);
  return onDay;
};

const serviceOf = (site: Centre, booking: HeldBooking): Service => {
  const found = site.services.find((entry) => entry.code === booking.serviceCode);
  if (!found) throw new Error(`no service ${booking.serviceCode}`);
  return found;
};

const spanOf = (site: Centre, booking: HeldBooking): [number, number] => [
  booking.slotAt,
  booking.slotAt + slotMinutesFor(bookingPolicyOf(site), serviceOf(site, booking)) * MS_PER_MINUTE,
];

/** The most bookings due together at any moment. */
const mostDueAtOnce = (site: Centre, booked: readonly HeldBooking[]): number =>
  Math.max(
    0,
    ...booked.map((entry) => {
      const at = entry.slotAt;
      return booked.filter((other) => {
        const [from, to] = spanOf(site, other);
        return from <= at && at < to;
      }).length;
    }),
  );

const bookedMinutes = (site: Centre, booked: readonly HeldBooking[]): number =>
  booked.reduce((sum, entry) => {
    const [from, to] = spanOf(site, entry);
    return sum + (to - from) / MS_PER_MINUTE;
  }, 0);

/** Every slot of every bookable service that day, in a shuffled order. */
const everySlot = (site: Centre, day: ServiceDay) =>
  site.services.flatMap((entry) =>
    daySlots(site, entry, day).map((slot) => ({ service: entry, start: slot.start })),
  );

describe('booking capacity per desk', () => {
  it('never books the demo’s passport desk beyond its booked share, or two visitors at once', () => {
    const demo = DEMO_CENTRE;
    const desk5Services = ['doc-residence', 'doc-deregister'];
    const day = WEDNESDAY;
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (stream) => {
        const picks = everySlot(demo, day).filter((pick) => desk5Services.includes(pick.service.code));
        // Book in a random order, each offered slot as many times as it would take.
        const order = picks
          .flatMap((pick) => [pick, pick])
          .map((pick) => ({ pick, key: stream.next().value }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.pick);
        const booked = bookInOrder(demo, day, order);
        expect(mostDueAtOnce(demo, booked)).toBeLessThanOrEqual(1);
        // Desk 5 is open 08:00-21:00 on a weekday, half kept for walk-ins.
        expect(bookedMinutes(demo, booked)).toBeLessThanOrEqual(0.5 * 13 * 60);
        // …and its booked half is really bookable, not lost to the two services colliding.
        expect(bookedMinutes(demo, booked)).toBeGreaterThanOrEqual(0.5 * 13 * 60 - 60);
      }),
      { numRuns: 20 },
    );
  });

  it('keeps the bookings due at any moment within the desks that serve them, whatever the mix', () => {
    const services = [
      service('a', { expectedMinutes: 15 }),
      service('b', { expectedMinutes: 20 }),
      service('c', { expectedMinutes: 30 }),
    ];
    const deskSets = fc.subarray(['a', 'b', 'c'], { minLength: 1 });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(deskSets, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 })),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.constantFrom(0, 0.25, 0.5),
        fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
        (deskSpecs, walkInShare, picks) => {
          const site: Centre = {
            ...centre({
              services,
              desks: deskSpecs.map(([codes, weights], index) =>
                desk(
                  `d${index}`,
                  Object.fromEntries(codes.map((code, at) => [code, weights[at] ?? 1])),
                  index + 1,
                ),
              ),
              site: { hours: { 3: [{ from: '09:00', to: '13:00' }] } },
            }),
            booking: { enabled: true, walkInShare, perPersonPerDay: 100 },
          };
          const slots = everySlot(site, WEDNESDAY);
          if (slots.length === 0) return;
          const booked = bookInOrder(
            site,
            WEDNESDAY,
            picks.map((pick) => slots[pick % slots.length]!),
          );
          // At every moment each booking due has a desk of its own that serves it.
          for (const entry of booked) {
            const due = booked.filter((other) => {
              const [from, to] = spanOf(site, other);
              return from <= entry.slotAt && entry.slotAt < to;
            });
            const serving = new Set(
              site.desks
                .filter((candidate) =>
                  candidate.services.some((offered) =>
                    due.some((other) => other.serviceCode === offered.code),
                  ),
                )
                .map((candidate) => candidate.id),
            );
            expect(due.length).toBeLessThanOrEqual(serving.size);
          }
          // The whole day's bookings stay within the desks' booked time (one slot of rounding per service).
          const deskMinutes = site.desks.length * 4 * 60;
          expect(bookedMinutes(site, booked)).toBeLessThanOrEqual((1 - walkInShare) * deskMinutes + 3 * 30);
        },
      ),
    );
  });

  it('lets a booking have a desk that another booking could give up to a different desk', () => {
    // d1 serves a and b, d2 serves only b: an a-booking fits beside a b-booking on d2.
    const a = service('a', { expectedMinutes: 30 });
    const b = service('b', { expectedMinutes: 30 });
    const site: Centre = {
      ...centre({ services: [a, b], desks: [desk('d1', ['a', 'b']), desk('d2', ['b'])] }),
      booking: { enabled: true, walkInShare: 0 },
    };
    const at = kyiv('2026-11-25T10:00');
    const held = [{ serviceCode: b.code, slotAt: at }];
    expect(hasDeskRoom(site, { serviceCode: a.code, slotAt: at }, held)).toBe(true);
    const full = [...held, { serviceCode: b.code, slotAt: at }];
    expect(hasDeskRoom(site, { serviceCode: a.code, slotAt: at }, full)).toBe(false);
    // A booking of a service nobody offers any more holds no desk.
    const orphan = [{ serviceCode: serviceCode('gone'), slotAt: at }];
    expect(hasDeskRoom(site, { serviceCode: a.code, slotAt: at }, orphan)).toBe(true);
  });
});
