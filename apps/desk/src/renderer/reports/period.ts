/**
 * The quick choices of a report's period, from the site's "today": today, this week (from
 * Monday), this month (from the 1st). Plain calendar arithmetic on `YYYY-MM-DD` strings.
 */
export type PeriodChoice = 'today' | 'week' | 'month' | 'custom';

export interface Period {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday of a calendar day: 1 is Monday. */
export const weekdayOf = (day: string): number => ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;

export const periodFor = (choice: Exclude<PeriodChoice, 'custom'>, today: string): Period => {
  switch (choice) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: dayText(dayNumber(today) - (weekdayOf(today) - 1)), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
};
