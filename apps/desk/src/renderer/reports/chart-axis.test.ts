import { DEMO_CENTRE } from '@queue/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUR_SPAN, hourLabel, hourSpan, openingSpan, valueTicks } from './chart-axis';

const none = new Array<number>(24).fill(0);
const at = (entries: Record<number, number>): number[] => none.map((count, hour) => entries[hour] ?? count);

describe('the hourly chart’s axis', () => {
  it('spans the centre’s opening hours, 08–21 in the demo centre, even with no arrivals', () => {
    expect(openingSpan(DEMO_CENTRE.site.hours)).toEqual({ from: 8, to: 21 });
    expect(hourSpan(none, DEMO_CENTRE.site.hours)).toEqual({ from: 8, to: 21 });
    expect(hourSpan(at({ 10: 2 }), DEMO_CENTRE.site.hours)).toEqual({ from: 8, to: 21 });
  });

  it('is 08–21 when the hours are unknown', () => {
    expect(DEFAULT_HOUR_SPAN).toEqual({ from: 8, to: 21 });
    expect(hourSpan(at({ 12: 1 }))).toEqual({ from: 8, to: 21 });
    expect(hourSpan(none, {})).toEqual({ from: 8, to: 21 });
  });

  it('takes the earliest opening and the latest closing, rounding out to whole hours', () => {
    const hours = {
      1: [
        { from: '09:30', to: '13:00' },
        { from: '14:00', to: '17:15' },
      ],
      6: [{ from: '10:00', to: '14:00' }],
    };
    expect(hourSpan(none, hours)).toEqual({ from: 9, to: 18 });
  });

  it('widens to any hour somebody came outside the hours', () => {
    expect(hourSpan(at({ 7: 1, 22: 3 }), DEMO_CENTRE.site.hours)).toEqual({ from: 7, to: 23 });
    fc.assert(
      fc.property(fc.array(fc.nat(5), { minLength: 24, maxLength: 24 }), (counts) => {
        const span = hourSpan(counts, DEMO_CENTRE.site.hours);
        counts.forEach((count, hour) => {
          if (count > 0) expect(hour >= span.from && hour < span.to).toBe(true);
        });
        expect(span.from).toBeLessThanOrEqual(8);
        expect(span.to).toBeGreaterThanOrEqual(21);
      }),
    );
  });

  it('labels hours with two digits', () => {
    expect(hourLabel(8)).toBe('08');
    expect(hourLabel(21)).toBe('21');
  });
});

describe('value ticks', () => {
  it('counts in round steps from zero past the largest value', () => {
    expect(valueTicks(0)).toEqual([0, 1]);
    expect(valueTicks(2)).toEqual([0, 1, 2]);
    expect(valueTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks(12)).toEqual([0, 5, 10, 15]);
    expect(valueTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('always reaches the largest value in at most five steps of 1, 2 or 5 × 10ⁿ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (max) => {
        const ticks = valueTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length - 1).toBeLessThanOrEqual(5);
        const step = ticks[1] ?? 0;
        expect(String(step)).toMatch(/^[125]0*$/);
      }),
    );
  });
});
