/** Erlang C desks: known figures, the edges (no load, overload, fractions) and its monotony. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desksNeeded, erlangC, offeredLoad, waitOverProbability } from './erlang';

describe('Erlang C', () => {
  it('matches the textbook figures (40/h, 8 min: 6 desks leave 20.4% waiting over 15 min)', () => {
    const load = { arrivalsPerHour: 40, serviceMinutes: 8 };
    expect(waitOverProbability(load, 6, 15)).toBeCloseTo(0.2044, 4);
    expect(waitOverProbability(load, 7, 15)).toBeCloseTo(0.018, 3);
    // Just over 20% with 6, so 7; a looser target takes 6.
    expect(desksNeeded(load, 15).desks).toBe(7);
    expect(desksNeeded(load, 15, { target: 0.21 }).desks).toBe(6);
    // M/M/1: P(wait) = rho.
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
  });

  it('needs no desk without arrivals and one for a trickle', () => {
    expect(desksNeeded({ arrivalsPerHour: 0, serviceMinutes: 10 }, 15)).toEqual({
      desks: 0,
      waitOverStandard: 0,
      capped: false,
    });
    expect(desksNeeded({ arrivalsPerHour: 0.25, serviceMinutes: 10 }, 15).desks).toBe(1);
  });

  it('caps an impossible load instead of searching for ever', () => {
    const answer = desksNeeded({ arrivalsPerHour: 100_000, serviceMinutes: 30 }, 15, { maxDesks: 50 });
    expect(answer).toMatchObject({ desks: 50, capped: true, waitOverStandard: 1 });
  });

  it('a stricter target needs at least as many desks', () => {
    const load = { arrivalsPerHour: 33.3, serviceMinutes: 11.5 };
    expect(desksNeeded(load, 15, { target: 0.05 }).desks).toBeGreaterThanOrEqual(desksNeeded(load, 15).desks);
    expect(() => desksNeeded(load, 15, { target: 1 })).toThrow(RangeError);
  });

  const load = fc.record({
    arrivalsPerHour: fc.double({ min: 0.01, max: 400, noNaN: true }),
    serviceMinutes: fc.double({ min: 0.5, max: 60, noNaN: true }),
  });
  const standard = fc.double({ min: 0, max: 60, noNaN: true });
  const target = fc.double({ min: 0.01, max: 0.5, noNaN: true });

  it('never needs fewer desks for more arrivals', () => {
    fc.assert(
      fc.property(
        load,
        fc.double({ min: 0, max: 100, noNaN: true }),
        standard,
        target,
        (base, more, t, p) => {
          const fewer = desksNeeded(base, t, { target: p });
          const busier = desksNeeded({ ...base, arrivalsPerHour: base.arrivalsPerHour + more }, t, {
            target: p,
          });
          expect(busier.desks).toBeGreaterThanOrEqual(fewer.desks);
        },
      ),
    );
  });

  it('never needs more desks for a longer standard', () => {
    fc.assert(
      fc.property(
        load,
        standard,
        fc.double({ min: 0, max: 60, noNaN: true }),
        target,
        (base, t, longer, p) => {
          expect(desksNeeded(base, t + longer, { target: p }).desks).toBeLessThanOrEqual(
            desksNeeded(base, t, { target: p }).desks,
          );
        },
      ),
    );
  });

  it('plans enough desks for a stable queue that meets the target', () => {
    fc.assert(
      fc.property(load, standard, target, (base, t, p) => {
        const answer = desksNeeded(base, t, { target: p });
        expect(answer.capped).toBe(false);
        expect(offeredLoad(base) / answer.desks).toBeLessThan(1);
        expect(waitOverProbability(base, answer.desks, t)).toBeLessThanOrEqual(p);
        // …and is the smallest such number.
        if (answer.desks > 1) expect(waitOverProbability(base, answer.desks - 1, t)).toBeGreaterThan(p);
      }),
    );
  });
});
