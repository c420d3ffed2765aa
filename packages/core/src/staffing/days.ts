/**
 * Which days a staffing plan reads: the same weekdays before the chosen day that are closed
 * (their visits no longer change), and the day whose open desks it is compared with.
 */
import { addDays } from '../booking/zoned';
import { serviceDay } from '../ids';

/** How many past same weekdays the forecast averages by default. */
export const DEFAULT_STAFFING_WEEKS = 8;

export interface StaffingDays {
  /** Same weekdays before the chosen day, all closed, newest first. */
  readonly history: readonly string[];
  /** The chosen day itself when it is closed, else the latest closed same weekday; null when none. */
  readonly compared: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/**
 * The `weeks` same weekdays before `day` that are before `openDay` (the service day still
 * open), newest first, and the day to compare with.
 */
export const staffingDays = (day: string, openDay: string, weeks = DEFAULT_STAFFING_WEEKS): StaffingDays => {
  // The first k ≥ 1 with day − 7k before the open day, found by arithmetic (a far day is no loop).
  const ahead = dayNumber(day) - dayNumber(openDay);
  const first = Math.max(1, Math.floor(ahead / 7) + 1);
  const history = Array.from({ length: weeks }, (_, index) =>
    addDays(serviceDay(day), -7 * (first + index)),
  ) as string[];
  return { history, compared: day < openDay ? day : (history[0] as string) };
};
