import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceDayOf } from '../calendar';
import type { Site, SpecialDay } from '../centre';
import { type ServiceDay, instant, serviceDay } from '../ids';
import { addDays, weekdayOf } from '../booking/zoned';
import { KYIV, kyiv, utc } from '../testing';
import { APPEAL_DAY_KINDS } from './policy';
import { daysBetween, endOfDay, isPast, isWorkingDay, termEnd } from './terms';

type TermSite = Pick<Site, 'specialDays' | 'timeZone'>;

const day = serviceDay;
const holiday = (date: string): SpecialDay => ({ date, hours: [] });
const shortened = (date: string): SpecialDay => ({ date, hours: [{ from: '09:00', to: '13:00' }] });
const site = (specialDays: readonly SpecialDay[] = []): TermSite => ({ timeZone: KYIV, specialDays });

const PLAIN = site();
/** Christmas (Friday 2026-12-25) and New Year (Friday 2027-01-01) off; Thursday 2026-12-31 shortened. */
const YEAR_END = site([holiday('2026-12-25'), shortened('2026-12-31'), holiday('2027-01-01')]);
const HOUR = 3_600_000;

describe('isWorkingDay', () => {
  it('is Monday to Friday, except holidays; a shortened day still counts', () => {
    expect(isWorkingDay(PLAIN, day('2026-11-02'))).toBe(true); // Monday
    expect(isWorkingDay(PLAIN, day('2026-11-06'))).toBe(true); // Friday
    expect(isWorkingDay(PLAIN, day('2026-11-07'))).toBe(false); // Saturday
    expect(isWorkingDay(PLAIN, day('2026-11-08'))).toBe(false); // Sunday
    expect(isWorkingDay(YEAR_END, day('2026-12-25'))).toBe(false);
    expect(isWorkingDay(YEAR_END, day('2026-12-31'))).toBe(true);
    expect(isWorkingDay(YEAR_END, day('2027-01-01'))).toBe(false);
  });

  it('keeps a weekend a day off even when the centre opens on it (a special day with hours)', () => {
    expect(isWorkingDay(site([shortened('2026-11-07')]), day('2026-11-07'))).toBe(false);
  });
});

describe('termEnd, calendar days', () => {
  it('ends `days` days after the start when that day is a working day', () => {
    // Monday 2 November + 10 = Thursday 12 November.
    expect(termEnd(PLAIN, day('2026-11-02'), 10, 'calendar')).toBe('2026-11-12');
    expect(termEnd(PLAIN, day('2026-11-02'), 1, 'calendar')).toBe('2026-11-03');
    // 21 days from Monday 2 November: Monday 23 November.
    expect(termEnd(PLAIN, day('2026-11-02'), 21, 'calendar')).toBe('2026-11-23');
  });

  it('rolls a last day on a weekend to the next Monday', () => {
    // Wednesday 4 November + 10 = Saturday 14 November → Monday 16 November.
    expect(termEnd(PLAIN, day('2026-11-04'), 10, 'calendar')).toBe('2026-11-16');
    // Thursday 5 November + 10 = Sunday 15 November → Monday 16 November.
    expect(termEnd(PLAIN, day('2026-11-05'), 10, 'calendar')).toBe('2026-11-16');
    // Friday 6 November + 1 = Saturday → Monday 9 November.
    expect(termEnd(PLAIN, day('2026-11-06'), 1, 'calendar')).toBe('2026-11-09');
  });

  it('rolls a last day on a holiday to the next working day, across a weekend too', () => {
    // Tuesday 15 December + 10 = Friday 25 December (holiday) → Monday 28 December.
    expect(termEnd(YEAR_END, day('2026-12-15'), 10, 'calendar')).toBe('2026-12-28');
    // Without the holiday the Friday itself is the last day.
    expect(termEnd(PLAIN, day('2026-12-15'), 10, 'calendar')).toBe('2026-12-25');
    // A holiday on a Monday after a weekend: Saturday, Sunday, Monday all off.
    const mondayOff = site([holiday('2026-11-16')]);
    expect(termEnd(mondayOff, day('2026-11-04'), 10, 'calendar')).toBe('2026-11-17');
  });

  it('runs across the year end', () => {
    // Monday 28 December + 10 = Thursday 7 January 2027.
    expect(termEnd(YEAR_END, day('2026-12-28'), 10, 'calendar')).toBe('2027-01-07');
    // + 4 = Friday 1 January (holiday) → Monday 4 January.
    expect(termEnd(YEAR_END, day('2026-12-28'), 4, 'calendar')).toBe('2027-01-04');
    // + 3 = Thursday 31 December (shortened, still working).
    expect(termEnd(YEAR_END, day('2026-12-28'), 3, 'calendar')).toBe('2026-12-31');
    // + 21 = Monday 18 January.
    expect(termEnd(YEAR_END, day('2026-12-28'), 21, 'calendar')).toBe('2027-01-18');
  });

  it('is the start itself for a term of no days', () => {
    expect(termEnd(PLAIN, day('2026-11-07'), 0, 'calendar')).toBe('2026-11-07');
    expect(termEnd(PLAIN, day('2026-11-07'), 0, 'working')).toBe('2026-11-07');
  });
});

describe('termEnd, working days', () => {
  it('skips weekends', () => {
    // From Monday 2 November: Tue..Fri (4), Mon 9..Fri 13 (9), Mon 16 (10).
    expect(termEnd(PLAIN, day('2026-11-02'), 10, 'working')).toBe('2026-11-16');
    // From Friday 6 November, 1 working day: Monday 9 November.
    expect(termEnd(PLAIN, day('2026-11-06'), 1, 'working')).toBe('2026-11-09');
    // From Saturday 7 November, 1 working day: Monday 9 November; 5: Friday 13.
    expect(termEnd(PLAIN, day('2026-11-07'), 1, 'working')).toBe('2026-11-09');
    expect(termEnd(PLAIN, day('2026-11-07'), 5, 'working')).toBe('2026-11-13');
  });

  it('skips holidays and counts shortened days, across the year end', () => {
    // From Monday 28 December: Tue 29, Wed 30, Thu 31 (3), Fri 1 Jan off,
    // Mon 4..Fri 8 (8), Mon 11 (9), Tue 12 (10).
    expect(termEnd(YEAR_END, day('2026-12-28'), 10, 'working')).toBe('2027-01-12');
    expect(termEnd(YEAR_END, day('2026-12-28'), 3, 'working')).toBe('2026-12-31');
    expect(termEnd(YEAR_END, day('2026-12-28'), 4, 'working')).toBe('2027-01-04');
    // From Monday 21 December: Tue..Thu (3), Fri 25 off, Mon 28..Thu 31 (7), Mon 4 (8).
    expect(termEnd(YEAR_END, day('2026-12-21'), 8, 'working')).toBe('2027-01-04');
  });
});

describe('endOfDay and the daylight-saving changes in Kyiv', () => {
  it('ends an ordinary winter and summer day at local midnight', () => {
    expect(endOfDay(PLAIN, day('2026-11-12'))).toBe(utc('2026-11-12T22:00')); // EET, UTC+2
    expect(endOfDay(PLAIN, day('2026-07-15'))).toBe(utc('2026-07-15T21:00')); // EEST, UTC+3
    expect(endOfDay(PLAIN, day('2026-11-12'))).toBe(kyiv('2026-11-13T00:00'));
  });

  it('gives the 23-hour last Sunday of March its right end', () => {
    // 29 March 2026: clocks go from 03:00 to 04:00.
    const saturdayEnd = endOfDay(PLAIN, day('2026-03-28'));
    const sundayEnd = endOfDay(PLAIN, day('2026-03-29'));
    expect(saturdayEnd).toBe(utc('2026-03-28T22:00'));
    expect(sundayEnd).toBe(utc('2026-03-29T21:00'));
    expect(sundayEnd - saturdayEnd).toBe(23 * HOUR);
  });

  it('gives the 25-hour last Sunday of October its right end', () => {
    // 25 October 2026: clocks go from 04:00 back to 03:00.
    const saturdayEnd = endOfDay(PLAIN, day('2026-10-24'));
    const sundayEnd = endOfDay(PLAIN, day('2026-10-25'));
    expect(saturdayEnd).toBe(utc('2026-10-24T21:00'));
    expect(sundayEnd).toBe(utc('2026-10-25T22:00'));
    expect(sundayEnd - saturdayEnd).toBe(25 * HOUR);
  });

  it('counts a term across a change in local days, not in 24-hour steps', () => {
    // Registered Thursday 19 March; 10 days → Sunday 29 March → Monday 30 March.
    const due = termEnd(PLAIN, day('2026-03-19'), 10, 'calendar');
    expect(due).toBe('2026-03-30');
    expect(endOfDay(PLAIN, due)).toBe(kyiv('2026-03-31T00:00'));
    // Registered Thursday 15 October; 10 days → Sunday 25 October → Monday 26 October.
    const autumn = termEnd(PLAIN, day('2026-10-15'), 10, 'calendar');
    expect(autumn).toBe('2026-10-26');
    expect(endOfDay(PLAIN, autumn)).toBe(utc('2026-10-26T22:00'));
  });

  it('makes isPast turn exactly at the end of the day, on change days too', () => {
    for (const date of ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '2026-12-31']) {
      const end = endOfDay(PLAIN, day(date));
      expect(isPast(PLAIN, day(date), instant(end - 1))).toBe(false);
      expect(isPast(PLAIN, day(date), end)).toBe(true);
    }
    // Late on the day in Kyiv is still the day, though UTC has a different date.
    expect(isPast(PLAIN, day('2026-11-12'), kyiv('2026-11-12T23:59'))).toBe(false);
    expect(isPast(PLAIN, day('2026-11-12'), kyiv('2026-11-13T00:30'))).toBe(true);
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative backwards, across months, years and DST changes', () => {
    expect(daysBetween(day('2026-11-02'), day('2026-11-02'))).toBe(0);
    expect(daysBetween(day('2026-11-02'), day('2026-11-12'))).toBe(10);
    expect(daysBetween(day('2026-11-12'), day('2026-11-02'))).toBe(-10);
    expect(daysBetween(day('2026-12-28'), day('2027-01-07'))).toBe(10);
    expect(daysBetween(day('2026-03-28'), day('2026-03-30'))).toBe(2);
    expect(daysBetween(day('2026-10-24'), day('2026-10-26'))).toBe(2);
    expect(daysBetween(day('2028-02-28'), day('2028-03-01'))).toBe(2); // leap year
    expect(daysBetween(day('2026-01-01'), day('2027-01-01'))).toBe(365);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const BASE = day('2026-01-01');
/** A site with some holidays and shortened days over two years from BASE. */
const siteArb = fc
  .uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: 730 }), off: fc.boolean() }), {
    selector: (entry) => entry.offset,
    maxLength: 60,
  })
  .map((entries) =>
    site(
      entries.map(({ offset, off }) =>
        off ? holiday(addDays(BASE, offset)) : shortened(addDays(BASE, offset)),
      ),
    ),
  );
const startArb = fc.integer({ min: 0, max: 500 }).map((offset) => addDays(BASE, offset));
const daysArb = fc.integer({ min: 0, max: 180 });
const kindArb = fc.constantFrom(...APPEAL_DAY_KINDS);

const workingDaysIn = (s: TermSite, from: ServiceDay, to: ServiceDay): number => {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(s, current)) count += 1;
  }
  return count;
};

describe('termEnd properties', () => {
  it('in calendar mode never ends before start + days, and only skips days off to get there', () => {
    fc.assert(
      fc.property(siteArb, startArb, daysArb, (s, start, days) => {
        const end = termEnd(s, start, days, 'calendar');
        const earliest = addDays(start, days);
        expect(end >= earliest).toBe(true);
        if (days > 0) {
          for (let current = earliest; current < end; current = addDays(current, 1)) {
            expect(isWorkingDay(s, current)).toBe(false);
          }
        }
      }),
    );
  });

  it('is always a working day when days > 0, in both modes', () => {
    fc.assert(
      fc.property(siteArb, startArb, fc.integer({ min: 1, max: 180 }), kindArb, (s, start, days, kind) => {
        const end = termEnd(s, start, days, kind);
        expect(isWorkingDay(s, end)).toBe(true);
        expect(weekdayOf(end)).toBeLessThanOrEqual(5);
        expect(end > start).toBe(true);
      }),
    );
  });

  it('is monotonic in days', () => {
    fc.assert(
      fc.property(siteArb, startArb, daysArb, daysArb, kindArb, (s, start, a, b, kind) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(termEnd(s, start, fewer, kind) <= termEnd(s, start, more, kind)).toBe(true);
      }),
    );
  });

  it('in working mode counts exactly `days` working days after the start, ending on the last', () => {
    fc.assert(
      fc.property(siteArb, startArb, daysArb, (s, start, days) => {
        const end = termEnd(s, start, days, 'working');
        expect(workingDaysIn(s, start, end)).toBe(days);
        if (days > 0) expect(workingDaysIn(s, start, addDays(end, -1))).toBe(days - 1);
      }),
    );
  });

  it('never ends a working-day term before the calendar term of the same length', () => {
    fc.assert(
      fc.property(siteArb, startArb, daysArb, (s, start, days) => {
        expect(termEnd(s, start, days, 'working') >= termEnd(s, start, days, 'calendar')).toBe(true);
      }),
    );
  });
});

describe('endOfDay and daysBetween properties', () => {
  it('endOfDay is the first instant of the next local day, 23 to 25 hours after the previous end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1100 }), (offset) => {
        const current = addDays(BASE, offset);
        const end = endOfDay(PLAIN, current);
        expect(serviceDayOf(instant(end - 1), KYIV)).toBe(current);
        expect(serviceDayOf(end, KYIV)).toBe(addDays(current, 1));
        const length = end - endOfDay(PLAIN, addDays(current, -1));
        expect([23 * HOUR, 24 * HOUR, 25 * HOUR]).toContain(length);
      }),
    );
  });

  it('daysBetween inverts addDays', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: -400, max: 400 }), (start, count) => {
        expect(daysBetween(start, addDays(start, count))).toBe(count);
        expect(daysBetween(addDays(start, count), start) + count).toBe(0);
      }),
    );
  });
});
