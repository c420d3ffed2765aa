import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closingAfter,
  formatClock,
  isOpenAt,
  isSiteOpen,
  isValidTimeZone,
  localTime,
  localTimeExact,
  nextOpening,
  parseClock,
  serviceDayOf,
} from './calendar';
import type { Site } from './centre';
import { DEMO_CENTRE } from './demo-centre';
import { type Instant, MS_PER_MINUTE, addMinutes, instant, serviceCode } from './ids';
import { KYIV, kyiv, localInstant, utc } from './testing';

const HOUR = 60 * MS_PER_MINUTE;
const AUCKLAND = 'Pacific/Auckland';
const site: Site = DEMO_CENTRE.site;
const police = DEMO_CENTRE.services.find((entry) => entry.code === serviceCode('police-officer'));
if (!police) throw new Error('The demo centre has no police officer');

/** The UTC calendar date of an instant. */
const utcDate = (at: number): string => new Date(at).toISOString().slice(0, 10);

describe('serviceDayOf', () => {
  it('splits Auckland days at local midnight while the UTC date stays the same', () => {
    // 2025-01-15 00:00 NZDT is 2025-01-14 11:00 UTC.
    const before = utc('2025-01-14T10:59');
    const after = utc('2025-01-14T11:01');
    expect(utcDate(before)).toBe(utcDate(after));
    expect(serviceDayOf(before, AUCKLAND)).toBe('2025-01-14');
    expect(serviceDayOf(after, AUCKLAND)).toBe('2025-01-15');
  });

  it('splits Kyiv days at local midnight, not at UTC midnight', () => {
    const before = kyiv('2025-01-14T23:59');
    const after = kyiv('2025-01-15T00:01');
    expect(after - before).toBe(2 * MS_PER_MINUTE);
    // Both are still 14 January in UTC (21:59 and 22:01).
    expect(utcDate(before)).toBe('2025-01-14');
    expect(utcDate(after)).toBe('2025-01-14');
    expect(serviceDayOf(before, KYIV)).toBe('2025-01-14');
    expect(serviceDayOf(after, KYIV)).toBe('2025-01-15');
  });

  it('keeps one Kyiv day across UTC midnight', () => {
    const before = kyiv('2025-01-15T01:59'); // 23:59 UTC on the 14th
    const after = kyiv('2025-01-15T02:01'); // 00:01 UTC on the 15th
    expect(utcDate(before)).not.toBe(utcDate(after));
    expect(serviceDayOf(before, KYIV)).toBe('2025-01-15');
    expect(serviceDayOf(after, KYIV)).toBe('2025-01-15');
  });

  it('splits Auckland days across a daylight-saving change (first Sunday of April)', () => {
    // 2025-04-06 03:00 NZDT becomes 02:00 NZST; the next midnight is at UTC+12.
    expect(serviceDayOf(utc('2025-04-06T11:59'), AUCKLAND)).toBe('2025-04-06');
    expect(serviceDayOf(utc('2025-04-06T12:01'), AUCKLAND)).toBe('2025-04-07');
  });

  it('follows the spring-forward day in Kyiv (last Sunday of March is 23 hours long)', () => {
    const day = kyiv('2025-03-30T00:00');
    const next = kyiv('2025-03-31T00:00');
    expect(next - day).toBe(23 * HOUR);
    expect(serviceDayOf(addMinutes(next, -1), KYIV)).toBe('2025-03-30');
    expect(serviceDayOf(addMinutes(next, 1), KYIV)).toBe('2025-03-31');
    // 02:59 EET is followed by 04:00 EEST.
    expect(localTime(utc('2025-03-30T00:59'), KYIV)).toMatchObject({ weekday: 7, minuteOfDay: 2 * 60 + 59 });
    expect(localTime(utc('2025-03-30T01:00'), KYIV)).toMatchObject({ weekday: 7, minuteOfDay: 4 * 60 });
  });

  it('follows the fall-back day in Kyiv (last Sunday of October is 25 hours long)', () => {
    const day = kyiv('2025-10-26T00:00');
    const next = kyiv('2025-10-27T00:00');
    expect(next - day).toBe(25 * HOUR);
    // 24 hours after midnight it is still the 26th (23:00 local).
    expect(serviceDayOf(instant(day + 24 * HOUR), KYIV)).toBe('2025-10-26');
    expect(serviceDayOf(addMinutes(next, -1), KYIV)).toBe('2025-10-26');
    expect(serviceDayOf(addMinutes(next, 1), KYIV)).toBe('2025-10-27');
    // 03:59 EEST is followed by 03:00 EET.
    expect(localTime(utc('2025-10-26T00:59'), KYIV).minuteOfDay).toBe(3 * 60 + 59);
    expect(localTime(utc('2025-10-26T01:00'), KYIV).minuteOfDay).toBe(3 * 60);
  });

  it('gives the local time Intl gives, to the minute, in zones with odd offsets and shifts (property)', () => {
    // Half-hour and 45-minute offsets, a 30-minute daylight shift, both hemispheres.
    const zones = [
      KYIV,
      AUCKLAND,
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'UTC',
    ];
    const from = Date.parse('1990-01-01T00:00:00Z');
    const to = Date.parse('2060-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (zone, at) => {
        expect(localTime(instant(at), zone)).toEqual(localTimeExact(instant(at), zone));
      }),
      { numRuns: 2_000 },
    );
    // Every minute around the Kyiv shifts, where a cached offset would be wrong first.
    for (const shift of ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z']) {
      for (let minute = -90; minute <= 90; minute += 1) {
        const at = instant(Date.parse(shift) + minute * MS_PER_MINUTE + 30_000);
        expect(localTime(at, KYIV)).toEqual(localTimeExact(at, KYIV));
      }
    }
  });

  it('reads the local weekday, not the UTC one', () => {
    // Monday 08:00 in Auckland is Sunday 19:00 UTC.
    const mondayMorning = localInstant(AUCKLAND, '2025-01-13T08:00');
    expect(new Date(mondayMorning).getUTCDay()).toBe(0);
    expect(localTime(mondayMorning, AUCKLAND)).toEqual({
      day: '2025-01-13',
      weekday: 1,
      minuteOfDay: 8 * 60,
    });
    const aucklandSite: Site = { ...site, timeZone: AUCKLAND };
    expect(isSiteOpen(aucklandSite, mondayMorning)).toBe(true);
    expect(isSiteOpen(aucklandSite, addMinutes(mondayMorning, -1))).toBe(false);
  });
});

describe('isSiteOpen with the demo hours', () => {
  it.each([
    ['2025-01-13T07:59', false], // Monday
    ['2025-01-13T08:00', true],
    ['2025-01-13T12:30', true],
    ['2025-01-13T20:59', true],
    ['2025-01-13T21:00', false],
    ['2025-01-17T20:59', true], // Friday
    ['2025-01-18T08:59', false], // Saturday
    ['2025-01-18T09:00', true],
    ['2025-01-18T16:59', true],
    ['2025-01-18T17:00', false],
    ['2025-01-19T08:30', false], // Sunday
    ['2025-01-19T12:00', true],
    ['2025-01-19T18:00', false],
  ])('at %s local is open: %s', (local, open) => {
    expect(isSiteOpen(site, kyiv(local))).toBe(open);
  });

  it('opens at 09:00 local on both daylight-saving Sundays', () => {
    for (const day of ['2025-03-30', '2025-10-26']) {
      expect(isSiteOpen(site, kyiv(`${day}T08:59`))).toBe(false);
      expect(isSiteOpen(site, kyiv(`${day}T09:00`))).toBe(true);
      expect(isSiteOpen(site, kyiv(`${day}T16:59`))).toBe(true);
      expect(isSiteOpen(site, kyiv(`${day}T17:00`))).toBe(false);
    }
    // A fixed offset would get these wrong: 06:30 UTC is 09:30 EEST but 08:30 EET.
    expect(isSiteOpen(site, utc('2025-03-30T06:30'))).toBe(true);
    expect(isSiteOpen(site, utc('2025-10-26T06:30'))).toBe(false);
    expect(isSiteOpen(site, utc('2025-10-26T07:00'))).toBe(true);
  });

  it('is closed all day on a holiday (a special day with no ranges)', () => {
    const holiday: Site = { ...site, specialDays: [{ date: '2025-01-13', hours: [], note: 'Holiday' }] };
    expect(isSiteOpen(holiday, kyiv('2025-01-13T08:00'))).toBe(false);
    expect(isSiteOpen(holiday, kyiv('2025-01-13T12:00'))).toBe(false);
    expect(isSiteOpen(holiday, kyiv('2025-01-14T12:00'))).toBe(true);
    expect(isSiteOpen(holiday, kyiv('2025-01-12T12:00'))).toBe(true);
  });

  it('follows the hours of a shortened day', () => {
    const shortened: Site = {
      ...site,
      specialDays: [{ date: '2025-12-31', hours: [{ from: '08:00', to: '14:00' }] }],
    };
    expect(isSiteOpen(shortened, kyiv('2025-12-31T08:00'))).toBe(true);
    expect(isSiteOpen(shortened, kyiv('2025-12-31T13:59'))).toBe(true);
    expect(isSiteOpen(shortened, kyiv('2025-12-31T14:00'))).toBe(false);
    expect(isSiteOpen(shortened, kyiv('2025-12-31T18:00'))).toBe(false);
    expect(isSiteOpen(site, kyiv('2025-12-31T18:00'))).toBe(true);
  });

  it('lets a special day open a day that is closed in the week', () => {
    const weekdaysOnly: Site = { ...site, hours: { 1: [{ from: '08:00', to: '17:00' }] } };
    const workingSunday: Site = {
      ...weekdaysOnly,
      specialDays: [{ date: '2025-01-19', hours: [{ from: '10:00', to: '12:00' }] }],
    };
    expect(isSiteOpen(weekdaysOnly, kyiv('2025-01-19T11:00'))).toBe(false);
    expect(isSiteOpen(workingSunday, kyiv('2025-01-19T11:00'))).toBe(true);
  });
});

describe('isOpenAt with a service’s own hours', () => {
  it('keeps the police officer (Tuesday and Thursday only) closed on Monday', () => {
    expect(isSiteOpen(site, kyiv('2025-01-13T10:00'))).toBe(true);
    expect(isOpenAt(site, police.hours, kyiv('2025-01-13T10:00'))).toBe(false); // Monday
    expect(isOpenAt(site, police.hours, kyiv('2025-01-14T10:00'))).toBe(true); // Tuesday
    expect(isOpenAt(site, police.hours, kyiv('2025-01-15T10:00'))).toBe(false); // Wednesday
    expect(isOpenAt(site, police.hours, kyiv('2025-01-16T10:00'))).toBe(true); // Thursday
    expect(isOpenAt(site, police.hours, kyiv('2025-01-14T07:59'))).toBe(false);
    expect(isOpenAt(site, police.hours, kyiv('2025-01-14T21:00'))).toBe(false);
  });

  it('uses the site hours when the service has none', () => {
    expect(isOpenAt(site, undefined, kyiv('2025-01-13T10:00'))).toBe(true);
    expect(isOpenAt(site, undefined, kyiv('2025-01-13T21:30'))).toBe(false);
  });

  it('closes every service on a site holiday and after a shortened day ends', () => {
    const special: Site = {
      ...site,
      specialDays: [
        { date: '2025-01-14', hours: [] },
        { date: '2025-01-16', hours: [{ from: '08:00', to: '12:00' }] },
      ],
    };
    expect(isOpenAt(special, police.hours, kyiv('2025-01-14T10:00'))).toBe(false);
    expect(isOpenAt(special, police.hours, kyiv('2025-01-16T11:59'))).toBe(true);
    expect(isOpenAt(special, police.hours, kyiv('2025-01-16T12:00'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('returns Monday 08:00 local from Sunday evening', () => {
    expect(nextOpening(site, undefined, kyiv('2025-01-19T18:00'))).toBe(kyiv('2025-01-20T08:00'));
    expect(nextOpening(site, undefined, kyiv('2025-01-19T17:03'))).toBe(kyiv('2025-01-20T08:00'));
    expect(nextOpening(site, undefined, instant(kyiv('2025-01-20T07:59') + 30_000))).toBe(
      kyiv('2025-01-20T08:00'),
    );
  });

  it('returns the instant itself when already open', () => {
    const at = instant(kyiv('2025-01-20T10:00') + 12_345);
    expect(nextOpening(site, undefined, at)).toBe(at);
  });

  it('finds an opening time that is not on a five-minute boundary', () => {
    const odd: Site = { ...site, hours: { 1: [{ from: '08:03', to: '09:00' }] } };
    expect(nextOpening(odd, undefined, kyiv('2025-01-19T18:01'))).toBe(kyiv('2025-01-20T08:03'));
  });

  it('skips a holiday', () => {
    const holiday: Site = { ...site, specialDays: [{ date: '2025-01-20', hours: [] }] };
    expect(nextOpening(holiday, undefined, kyiv('2025-01-19T18:00'))).toBe(kyiv('2025-01-21T08:00'));
  });

  it('finds the police officer’s next Tuesday from a Monday', () => {
    expect(nextOpening(site, police.hours, kyiv('2025-01-13T10:00'))).toBe(kyiv('2025-01-14T08:00'));
    expect(nextOpening(site, police.hours, kyiv('2025-01-14T21:00'))).toBe(kyiv('2025-01-16T08:00'));
  });

  it('is exact across the daylight-saving changes', () => {
    expect(nextOpening(site, undefined, kyiv('2025-03-29T18:00'))).toBe(kyiv('2025-03-30T09:00'));
    expect(nextOpening(site, undefined, kyiv('2025-03-29T18:00'))).toBe(utc('2025-03-30T06:00'));
    expect(nextOpening(site, undefined, kyiv('2025-10-25T18:00'))).toBe(utc('2025-10-26T07:00'));
    expect(nextOpening(site, undefined, kyiv('2025-10-26T17:30'))).toBe(utc('2025-10-27T06:00'));
  });

  it('gives up when nothing opens within two weeks', () => {
    const shut: Site = { ...site, hours: {} };
    expect(nextOpening(shut, undefined, kyiv('2025-01-19T18:00'))).toBeUndefined();
  });
});

describe('clock helpers', () => {
  it('parses and formats times of day', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('08:30')).toBe(510);
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('8:30')).toThrow(RangeError);
    expect(() => parseClock('24:01')).toThrow(RangeError);
    expect(() => parseClock('12:60')).toThrow(RangeError);
    expect(formatClock(510)).toBe('08:30');
    expect(formatClock(0)).toBe('00:00');
  });

  it('knows valid time zones', () => {
    expect(isValidTimeZone(KYIV)).toBe(true);
    expect(isValidTimeZone(AUCKLAND)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('closingAfter', () => {
  const site: Site = {
    name: { uk: 'Центр', ru: 'Центр', en: 'Centre' },
    timeZone: 'Europe/Kyiv',
    hours: {
      2: [
        { from: '08:00', to: '13:00' },
        { from: '14:00', to: '21:00' },
      ],
    },
    specialDays: [],
  };
  const at = (clock: string) => Date.parse(`2025-01-14T${clock}:00+02:00`) as Instant;

  it('finds the end of the open stretch, to the minute, and nothing while closed', () => {
    expect(closingAfter(site, undefined, at('09:10'))).toBe(at('13:00'));
    expect(closingAfter(site, undefined, at('20:58'))).toBe(at('21:00'));
    expect(closingAfter(site, undefined, at('13:30'))).toBeUndefined();
  });
});
