/** The seeded random source and its distributions, on which every simulated day rests. */
import { describe, expect, it } from 'vitest';
import { Random } from './prng';

const draws = (random: Random, n: number, draw: (r: Random) => number): number[] =>
  Array.from({ length: n }, () => draw(random));

const meanOf = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = draws(new Random(42), 5, (r) => r.next());
    expect(draws(new Random(42), 5, (r) => r.next())).toEqual(a);
    expect(draws(new Random(43), 5, (r) => r.next())).not.toEqual(a);
  });

  it('stays in [0, 1) with a mean near one half', () => {
    const values = draws(new Random(1), 20_000, (r) => r.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(meanOf(values)).toBeCloseTo(0.5, 1);
  });

  it('draws exponentials and log-normals with the asked mean', () => {
    expect(meanOf(draws(new Random(2), 50_000, (r) => r.exponential(8)))).toBeCloseTo(8, 0);
    const logNormal = draws(new Random(3), 50_000, (r) => r.logNormal(10, 0.5));
    expect(meanOf(logNormal)).toBeCloseTo(10, 0);
    const sd = Math.sqrt(meanOf(logNormal.map((v) => (v - 10) ** 2)));
    expect(sd / 10).toBeCloseTo(0.5, 1);
  });

  it('chooses by weight', () => {
    const random = new Random(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) {
      const index = random.weighted([1, 2, 0]);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts[2]).toBe(0);
    expect((counts[1] ?? 0) / (counts[0] ?? 1)).toBeCloseTo(2, 0);
  });
});
