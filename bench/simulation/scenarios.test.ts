/**
 * The simulator's scenarios: a desk's break (no call at that desk during it, and a busy desk
 * finishes its visit first), a burst of arrivals, and every slot booked, where booked
 * visitors already here change places with a walk-in who would run past their slot.
 */
import { DEMO_CENTRE, type Instant, findService } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { runBookingScenario } from './booking-scenario';
import { DAY_OPENS, DEFAULT_DEMAND, generateDay } from './demand';
import { BURST, HEATING_BREAK } from './disruption-scenarios';
import { routingPolicy } from './policies';
import { Random } from './prng';
import { simulateDay } from './simulator';

const MS_PER_MINUTE = 60_000;
const minutesOf = (code: Parameters<typeof findService>[1]) =>
  findService(DEMO_CENTRE, code)?.expectedMinutes ?? 10;

describe('scenarios', () => {
  it('a desk on a break calls nobody during it and finishes the visit it has first', () => {
    const visitors = generateDay(new Random(5), minutesOf, DEFAULT_DEMAND);
    const { records } = simulateDay({
      centre: DEMO_CENTRE,
      visitors,
      policy: routingPolicy,
      opensAt: DAY_OPENS,
      walkMinutes: 0.5,
      wrapUpMinutes: 1,
      estimates: false,
      breaks: [HEATING_BREAK],
    });
    const atDesk = records
      .filter((record) => record.deskId === HEATING_BREAK.deskId && record.calledAt !== undefined)
      .map((record) => ({
        from: record.calledAt ?? 0,
        to: (record.calledAt ?? 0) + (record.visitor.serviceMinutes + 0.5) * MS_PER_MINUTE,
      }));
    // The visit under way at 10:30 ends, then nothing is called for 20 minutes.
    const current = atDesk.find((visit) => visit.from <= HEATING_BREAK.at && visit.to > HEATING_BREAK.at);
    const pausedFrom = current ? current.to + MS_PER_MINUTE : HEATING_BREAK.at;
    const pausedTo = pausedFrom + HEATING_BREAK.minutes * MS_PER_MINUTE;
    expect(atDesk.filter((visit) => visit.from > HEATING_BREAK.at && visit.from < pausedTo - 1)).toEqual([]);
    // Heating visitors were waiting, so the desk calls again as soon as it is back.
    expect(atDesk.some((visit) => Math.abs(visit.from - pausedTo) < 1)).toBe(true);
    expect(records.every((record) => record.calledAt !== undefined)).toBe(true);
  });

  it('a burst brings its visitors within its minutes, for its services only', () => {
    const plain = generateDay(new Random(7), minutesOf, DEFAULT_DEMAND);
    const bus = generateDay(new Random(7), minutesOf, { ...DEFAULT_DEMAND, bursts: [BURST] });
    const end = (BURST.at + BURST.minutes * MS_PER_MINUTE) as Instant;
    const inBurst = (list: typeof plain) =>
      list.filter(
        (visitor) =>
          visitor.arrival >= BURST.at && visitor.arrival <= end && visitor.appointmentAt === undefined,
      );
    const extra = bus.length - plain.length;
    expect(extra).toBe(BURST.count);
    const services = new Set<string>(BURST.services);
    const added = inBurst(bus).length - inBurst(plain).length;
    expect(added).toBe(BURST.count);
    expect(inBurst(bus).filter((visitor) => services.has(visitor.serviceCode)).length).toBeGreaterThanOrEqual(
      BURST.count,
    );
  });

  it('with every slot booked, booked visitors are called on time more often than when their slot only made them due', () => {
    // One seeded day: 31.8 % within 5 minutes of the slot before booked visitors changed places
    // with a walk-in who would run past it (docs/performance.md, section 9).
    const { perDesk } = runBookingScenario(1, 20_261_124);
    expect(perDesk.onTime).toBeGreaterThanOrEqual(0.45);
  });
});
