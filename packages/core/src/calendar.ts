/**
 * Local time at the site. The service day, opening hours and holidays are the site's own,
 * whatever zone the server's clock runs in, so every rule that asks "what day is it" or
 * "are we open" comes here. Pure: the instant is always passed in.
 */
import type { Site, SpecialDay, TimeRange, WeeklyHours } from './centre';
import { type Instant, type ServiceDay, instant, serviceDay } from './ids';

export interface LocalTime {
  readonly day: ServiceDay;
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  readonly weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const WEEKDAYS: Record<string, LocalTime['weekday']> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

/** True when the runtime knows the IANA zone. */
export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** Local time by the zone's rules, read off `Intl` (a few microseconds each). */
const localTimeOfIntl = (at: number, timeZone: string): LocalTime => {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
    parts[part.type] = part.value;
  }
  const weekday = WEEKDAYS[parts.weekday ?? ''];
  if (!weekday) throw new RangeError(`Cannot read the weekday in ${timeZone}`);
  return {
    day: serviceDay(`${parts.year}-${parts.month}-${parts.day}`),
    weekday,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
};

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** Offsets kept per zone before the cache starts afresh (about a year of quarter hours). */
const MOST_OFFSETS = 40_000;
const offsetCaches = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at `at`, in milliseconds. Offsets and their changes fall on
 * quarter hours of UTC time in every zone's rules since the 1970s, so one `Intl` reading per
 * quarter hour serves every instant in it: the rules ask for the local time many times per
 * command (opening hours, the service day, the estimate's closing time).
 */
const offsetAt = (at: number, timeZone: string): number => {
  let offsets = offsetCaches.get(timeZone);
  if (!offsets || offsets.size >= MOST_OFFSETS) {
    offsets = new Map();
    offsetCaches.set(timeZone, offsets);
  }
  const bucket = Math.floor(at / QUARTER_HOUR_MS);
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR_MS;
    const local = localTimeOfIntl(start, timeZone);
    offset = Date.parse(`${local.day}T00:00:00Z`) + local.minuteOfDay * 60_000 - start;
    offsets.set(bucket, offset);
  }
  return offset;
};

export const localTime = (at: Instant, timeZone: string): LocalTime => {
  const wallClock = at + offsetAt(at, timeZone);
  const days = Math.floor(wallClock / DAY_MS);
  return {
    day: serviceDay(new Date(days * DAY_MS).toISOString().slice(0, 10)),
    // 1 January 1970 was a Thursday (ISO weekday 4).
    weekday: (((((days + 3) % 7) + 7) % 7) + 1) as LocalTime['weekday'],
    minuteOfDay: Math.floor((wallClock - days * DAY_MS) / 60_000),
  };
};

/** `localTime` read off `Intl` for every instant, for tests to hold the fast path to. */
export const localTimeExact = (at: Instant, timeZone: string): LocalTime => localTimeOfIntl(at, timeZone);

/** The site-local calendar day an instant belongs to. */
export const serviceDayOf = (at: Instant, timeZone: string): ServiceDay => localTime(at, timeZone).day;

export const parseClock = (clock: string): number => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock) ?? /^(24):(00)$/.exec(clock);
  if (!match) throw new RangeError(`Not a time of day: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

export const formatClock = (minuteOfDay: number): string =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

const rangesOn = (
  hours: WeeklyHours,
  specialDays: readonly SpecialDay[],
  local: LocalTime,
): readonly TimeRange[] => {
  const special = specialDays.find((entry) => entry.date === local.day);
  return special ? special.hours : (hours[local.weekday] ?? []);
};

const within = (ranges: readonly TimeRange[], minuteOfDay: number): boolean =>
  ranges.some((range) => minuteOfDay >= parseClock(range.from) && minuteOfDay < parseClock(range.to));

/** Whether the site is open at the instant (holidays and shortened days included). */
export const isSiteOpen = (site: Site, at: Instant): boolean => {
  const local = localTime(at, site.timeZone);
  return within(rangesOn(site.hours, site.specialDays, local), local.minuteOfDay);
};

/**
 * Whether hours (a service's own, or the site's) are open at the instant. A special day
 * of the site overrides any weekly hours: on a holiday nothing opens.
 */
export const isOpenAt = (site: Site, hours: WeeklyHours | undefined, at: Instant): boolean => {
  if (!isSiteOpen(site, at)) return false;
  if (!hours) return true;
  const local = localTime(at, site.timeZone);
  return within(hours[local.weekday] ?? [], local.minuteOfDay);
};

const MAX_LOOKAHEAD_DAYS = 14;

/**
 * The next instant, at or after `at`, when the hours open; undefined when nothing opens in
 * the next two weeks. Walks minute boundaries of each local day, so it is exact across
 * daylight-saving changes.
 */
export const nextOpening = (site: Site, hours: WeeklyHours | undefined, at: Instant): Instant | undefined => {
  if (isOpenAt(site, hours, at)) return at;
  const start = Math.ceil(at / 60_000) * 60_000;
  // Step in 5-minute increments; opening times are on whole minutes, and a final
  // minute-by-minute pass finds the exact one.
  const step = 5 * 60_000;
  const limit = start + MAX_LOOKAHEAD_DAYS * 24 * 60 * 60_000;
  for (let t = start; t < limit; t += step) {
    if (isOpenAt(site, hours, instant(t))) {
      for (let back = t - step + 60_000; back <= t; back += 60_000) {
        if (back >= at && isOpenAt(site, hours, instant(back))) return instant(back);
      }
      return instant(t);
    }
  }
  return undefined;
};

/**
 * When the hours open at `at` close: the end of the site's range it is in, or of the
 * service's own if that ends first (a lunch break ends it, as the day's end does). Undefined
 * when closed at `at`, or open through midnight. Read from the day's ranges, not by probing,
 * since every wait estimate asks it.
 */
export const closingAfter = (
  site: Site,
  hours: WeeklyHours | undefined,
  at: Instant,
): Instant | undefined => {
  const local = localTime(at, site.timeZone);
  const containing = (ranges: readonly TimeRange[]) =>
    ranges.find(
      (range) => local.minuteOfDay >= parseClock(range.from) && local.minuteOfDay < parseClock(range.to),
    );
  const siteRange = containing(rangesOn(site.hours, site.specialDays, local));
  const serviceRange = hours ? containing(hours[local.weekday] ?? []) : undefined;
  if (!siteRange || (hours && !serviceRange)) return undefined;
  const end = Math.min(parseClock(siteRange.to), serviceRange ? parseClock(serviceRange.to) : Infinity);
  if (end >= 24 * 60) return undefined;
  const minuteStart = at - (at % 60_000);
  return instant(minuteStart + (end - local.minuteOfDay) * 60_000);
};
