import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodFor, weekdayOf } from './period';

describe('report periods', () => {
  it('gives today, the week from Monday and the month from the 1st', () => {
    // Tuesday 24 November 2026.
    expect(periodFor('today', '2026-11-24')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(periodFor('week', '2026-11-24')).toEqual({ from: '2026-11-23', to: '2026-11-24' });
    expect(periodFor('month', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    // A Sunday's week began six days before, across a month's end.
    expect(periodFor('week', '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  it('a week always starts on a Monday at most six days back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          const today = date.toISOString().slice(0, 10);
          const week = periodFor('week', today);
          expect(weekdayOf(week.from)).toBe(1);
          const span = (Date.parse(today) - Date.parse(week.from)) / 86_400_000;
          expect(span).toBeGreaterThanOrEqual(0);
          expect(span).toBeLessThanOrEqual(6);
        },
      ),
    );
  });
});
