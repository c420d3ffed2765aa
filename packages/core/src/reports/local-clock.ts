/**
 * Site-local hour and weekday of many instants, fast: `localTime` reads the zone's offset once
 * per quarter hour of UTC time and does the rest by arithmetic, so a month of visits costs a
 * few thousand time-zone conversions rather than one per visit.
 */
import { localTime } from '../calendar';
import { instant } from '../ids';

export interface LocalHourWeekday {
  /** 0 to 23. */
  readonly hour: number;
  /** ISO: 1 is Monday, 7 is Sunday. */
  readonly weekday: number;
}

/** A converter for one time zone. */
export const localClockFor = (timeZone: string): ((at: number) => LocalHourWeekday) => {
  return (at) => {
    const local = localTime(instant(at), timeZone);
    return { hour: Math.floor(local.minuteOfDay / 60), weekday: local.weekday };
  };
};
