/** The percentile and confidence helpers behind every printed figure. */
import { describe, expect, it } from 'vitest';
import { ci95HalfWidth, mean, percentile, summarize } from './stats';

describe('percentile', () => {
  it('interpolates between order statistics', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 50)).toBe(3);
    expect(percentile(values, 100)).toBe(5);
    expect(percentile(values, 90)).toBeCloseTo(4.6);
    expect(percentile([10, 20], 25)).toBeCloseTo(12.5);
  });

  it('is NaN for no values and the value itself for one', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
  });
});

describe('summaries', () => {
  it('gives count, mean, percentiles and max', () => {
    const summary = summarize(Array.from({ length: 101 }, (_, i) => i));
    expect(summary).toMatchObject({ count: 101, mean: 50, p50: 50, p90: 90, p99: 99, max: 100 });
  });

  it('gives a confidence half-width that shrinks with more samples', () => {
    expect(mean([1, 2, 3])).toBe(2);
    const few = ci95HalfWidth([1, 3, 1, 3]);
    const many = ci95HalfWidth(Array.from({ length: 40 }, (_, i) => (i % 2 ? 1 : 3)));
    expect(few).toBeGreaterThan(many);
    expect(ci95HalfWidth([1])).toBeNaN();
  });
});
