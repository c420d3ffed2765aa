/**
 * Site-local wall-clock arithmetic for slots: the instant of a local day and minute, and
 * day stepping on `YYYY-MM-DD` strings. Exact across daylight-saving changes.
 */
import { localTime } from '../calendar';
import { type Instant, MS_PER_MINUTE, type ServiceDay, instant, serviceDay } from '../ids';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const parts = (day: string): [number, number, number] => {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`Not a day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

export const isServiceDay = (value: string): boolean => {
  if (!DAY_PATTERN.test(value)) return false;
  const [year, month, date] = parts(value);
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return (
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date
  );
};

export const addDays = (day: ServiceDay, count: number): ServiceDay => {
  const [year, month, date] = parts(day);
  return serviceDay(new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10));
};

/** ISO weekday of a calendar day: 1 is Monday. */
export const weekdayOf = (day: ServiceDay): 1 | 2 | 3 | 4 | 5 | 6 | 7 => {
  const [year, month, date] = parts(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
};

/**
 * The instant a site-local day and minute stand for. The zone's offset is found by asking
 * what local time a guess shows and correcting, twice (enough for any offset change).
 */
export const instantAt = (day: ServiceDay, minuteOfDay: number, timeZone: string): Instant => {
  const [year, month, date] = parts(day);
  const wall = Date.UTC(year, month - 1, date) + minuteOfDay * MS_PER_MINUTE;
  const shown = (at: number): number => {
    const local = localTime(instant(at), timeZone);
    const [y, m, d] = parts(local.day);
    return Date.UTC(y, m - 1, d) + local.minuteOfDay * MS_PER_MINUTE;
  };
  let guess = wall;
  for (let step = 0; step < 3; step += 1) guess = wall - (shown(guess) - guess);
  return instant(guess);
};
