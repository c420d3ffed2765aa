import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localClockFor } from './local-clock';
import { localTime } from '../calendar';
import { instant } from '../ids';
import {
  median,
  nearestRank,
  shareOf,
  summarise,
  summariseChunks,
  summariseWholeSeconds,
} from './statistics';

describe('summarise', () => {
  it('counts whole seconds to exactly the figures sorting gives, for any samples (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(4 * 3_600), { minLength: 1, maxLength: 300 }), (samples) => {
        // Below the counting threshold `summarise` sorts: the two paths must agree exactly.
        expect(summariseWholeSeconds(samples)).toEqual(summarise(samples));
      }),
    );
    // A large sample takes the counting path and still matches a plain sort.
    const large = Array.from({ length: 50_000 }, (_, index) => (index * 7_919) % 20_011);
    const sorted = [...large].sort((a, b) => a - b);
    expect(summarise(large)).toEqual({
      count: large.length,
      mean: large.reduce((sum, value) => sum + value, 0) / large.length,
      median: (sorted[24_999]! + sorted[25_000]!) / 2,
      p90: sorted[45_000 - 1],
      max: sorted.at(-1),
    });
    // Fractions or negatives are not whole seconds: the sorting path answers.
    expect(summariseWholeSeconds([1.5, 2])).toBeUndefined();
    expect(summariseWholeSeconds([-1, 2])).toBeUndefined();
  });

  it('summarises samples split over many arrays, plain or typed, as the same samples together (property)', () => {
    const chunked = fc.array(fc.array(fc.integer({ min: -5, max: 3 * 3_600 }), { maxLength: 400 }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(chunked, fc.boolean(), (chunks, typed) => {
        const whole = chunks.flat();
        const given = typed ? chunks.map((chunk) => Int32Array.from(chunk)) : chunks;
        expect(summariseChunks(given)).toEqual(summarise(whole));
      }),
    );
    // Enough samples for the counting path, over arrays of a report's day rows.
    const days = Array.from({ length: 30 }, (_, day) =>
      Int32Array.from({ length: 150 }, (_, index) => (day * 7_919 + index * 104_729) % 5_400),
    );
    const all = days.flatMap((day) => [...day]);
    expect(all.length).toBeGreaterThan(2_048);
    expect(summariseChunks(days)).toEqual(summarise(all));
  });

  it('gives mean, median, nearest-rank 90th percentile and maximum', () => {
    // Sorted: 1..10. Mean 5.5; median (5+6)/2; p90 rank ceil(9) = 9th value.
    expect(summarise([10, 3, 1, 2, 9, 8, 4, 5, 7, 6])).toEqual({
      count: 10,
      mean: 5.5,
      median: 5.5,
      p90: 9,
      max: 10,
    });
    expect(summarise([7])).toEqual({ count: 1, mean: 7, median: 7, p90: 7, max: 7 });
    expect(summarise([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
  });

  const samples = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 200 });

  it('orders its figures: min ≤ median ≤ p90 ≤ max, min ≤ mean ≤ max', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const summary = summarise(values);
        const min = Math.min(...values);
        expect(summary.count).toBe(values.length);
        expect(summary.max).toBe(Math.max(...values));
        expect(summary.median!).toBeGreaterThanOrEqual(min);
        expect(summary.p90!).toBeGreaterThanOrEqual(summary.median! - 1e-9);
        expect(summary.max!).toBeGreaterThanOrEqual(summary.p90!);
        expect(summary.mean!).toBeGreaterThanOrEqual(min - 1e-9);
        expect(summary.mean!).toBeLessThanOrEqual(summary.max! + 1e-9);
      }),
    );
  });

  it('does not depend on the order of the samples and leaves them unchanged', () => {
    fc.assert(
      fc.property(samples, fc.integer(), (values, seed) => {
        const copy = [...values];
        const shuffled = [...values].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7));
        expect(summarise(shuffled)).toEqual(summarise(values));
        expect(values).toEqual(copy);
      }),
    );
  });

  it('p90 is a seen value with at least 90 % of the samples at or below it, and is the least such', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const sorted = Float64Array.from(values).sort();
        const p90 = nearestRank(sorted, 0.9);
        expect(values).toContain(p90);
        const atOrBelow = values.filter((value) => value <= p90).length;
        expect(atOrBelow / values.length).toBeGreaterThanOrEqual(0.9);
        const below = values.filter((value) => value < p90).length;
        expect(below / values.length).toBeLessThan(0.9);
      }),
    );
  });

  it('the median has as many samples above it as below it', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const m = median(Float64Array.from(values).sort());
        expect(values.filter((value) => value < m).length).toBeLessThanOrEqual(values.length / 2);
        expect(values.filter((value) => value > m).length).toBeLessThanOrEqual(values.length / 2);
      }),
    );
  });

  it('a share is null of nothing', () => {
    expect(shareOf(0, 0)).toEqual({ met: 0, total: 0, share: null });
    expect(shareOf(3, 4)).toEqual({ met: 3, total: 4, share: 0.75 });
  });
});

describe('local clock', () => {
  it('agrees with the calendar for any instant, across daylight-saving changes', () => {
    const clock = localClockFor('Europe/Kyiv');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
        (at) => {
          const local = localTime(instant(at), 'Europe/Kyiv');
          expect(clock(at)).toEqual({ hour: Math.floor(local.minuteOfDay / 60), weekday: local.weekday });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('puts 00:30 in Kyiv on the local day, not the UTC one', () => {
    // 2026-11-24 22:30 UTC is Wednesday 25 November 00:30 in Kyiv (UTC+2).
    expect(localClockFor('Europe/Kyiv')(Date.parse('2026-11-24T22:30:00Z'))).toEqual({ hour: 0, weekday: 3 });
  });
});
