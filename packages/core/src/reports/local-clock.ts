/**
 * Site-local hour and weekday of many instants, fast: the zone's offset is looked up once per
 * quarter hour of UTC time (offsets change only on quarter-hour boundaries) and cached, so a
 * month of visits costs a few thousand time-zone conversions rather than one per visit.
 */
import { localTime } from '../calendar';
import { instant } from '../ids';

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LocalHourWeekday {
  /** 0 to 23. */
  readonly hour: number;
  /** ISO: 1 is Monday, 7 is Sunday. */
  readonly weekday: number;
}

/** A converter for one time zone with its own offset cache. */
export const localClockFor = (timeZone: string): ((at: number) => LocalHourWeekday) => {
  const offsets = new Map<number, number>();
  const offsetAt = (at: number): number => {
    const bucket = Math.floor(at / QUARTER_HOUR_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const start = bucket * QUARTER_HOUR_MS;
      const local = localTime(instant(start), timeZone);
      const wallClock = Date.parse(`${local.day}T00:00:00Z`) + local.minuteOfDay * 60_000;
      offset = wallClock - start;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (at) => {
    const wallClock = at + offsetAt(at);
    const days = Math.floor(wallClock / DAY_MS);
    // 1 January 1970 was a Thursday (ISO weekday 4).
    return {
      hour: Math.floor((wallClock - days * DAY_MS) / HOUR_MS),
      weekday: ((((days + 3) % 7) + 7) % 7) + 1,
    };
  };
};
